import type { PipelineDocument } from '../model/document-schema';

export type CheckStatus = 'done' | 'missing' | 'not-applicable' | 'manual';

export interface ChecklistItem {
  section: 'Reliability' | 'Cost' | 'Observability' | 'Operations';
  item: string;
  status: CheckStatus;
  /** What in the pipeline shows it, or what is missing. */
  evidence: string;
}

/** The guide's production checklist, evaluated from the pipeline where the graph can tell. */
export function productionChecklist(doc: PipelineDocument): ChecklistItem[] {
  const nodes = doc.nodes;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const of = (kind: string) => nodes.filter((n) => n.kind === kind);
  const llms = of('llm');
  const errorEdges = doc.edges.filter((e) => ['error', 'context_window', 'content_policy', 'open'].includes(e.port) && byId.get(e.from)?.kind !== 'source');
  const fallbackTargets = errorEdges.filter((e) => ['llm', 'static_answer', 'stale_cache', 'batch'].includes(byId.get(e.to)?.kind ?? ''));
  const ids = (list: Array<{ id: string }>) => list.map((n) => n.id).join(', ');
  const items: ChecklistItem[] = [];
  const add = (section: ChecklistItem['section'], item: string, ok: boolean | null, yes: string, no: string, manual = false) =>
    items.push({ section, item, status: manual ? 'manual' : ok === null ? 'not-applicable' : ok ? 'done' : 'missing', evidence: ok || manual || ok === null ? yes : no });

  add('Reliability', 'Fallback chain configured', fallbackTargets.length > 0, `fallbacks: ${fallbackTargets.map((e) => `${e.from} → ${e.to}`).join(', ')}`, llms.length ? `no LLM error port leads to another model or a graceful answer (${ids(llms)})` : 'no LLM in the pipeline');
  add('Reliability', 'Circuit breakers enabled', of('circuit_breaker').length > 0, `breakers: ${ids(of('circuit_breaker'))}`, 'no circuit breaker in front of a model');
  const limited = doc.quotas.length > 0 || of('rate_limiter').length > 0;
  add('Reliability', 'Rate limiting implemented', limited, [doc.quotas.length ? `quotas: ${doc.quotas.map((q) => q.id).join(', ')}` : '', of('rate_limiter').length ? `gateway limiters: ${ids(of('rate_limiter'))}` : ''].filter(Boolean).join('; '), 'no quota or gateway limiter: provider limits are not modelled');
  const timeouts = llms.every((n) => n.kind === 'llm' && n.params.timeoutMs !== null);
  const budgets = doc.traffic.deadlineMs !== null || of('budget_gate').length > 0;
  add('Reliability', 'Timeout budgets set', budgets || (llms.length > 0 && timeouts), budgets ? `${doc.traffic.deadlineMs !== null ? `request deadline ${doc.traffic.deadlineMs} ms` : ''}${of('budget_gate').length ? ` budget gates: ${ids(of('budget_gate'))}` : ''}`.trim() : 'every LLM call has a timeout', 'no request deadline or budget gate, and some LLM calls have no timeout');
  add('Reliability', 'Error handling tested', doc.faults.length > 0, `fault scenario: ${doc.faults.map((f) => `${f.type} on ${f.target}`).join(', ')}`, 'no fault windows: add an outage or error spike to see the error paths work');

  add('Cost', 'Budget alerts configured', doc.slo.monthlyBudgetUsd !== null, `monthly budget $${doc.slo.monthlyBudgetUsd}`, 'no monthly budget in the SLO settings');
  const caches = [...of('exact_cache'), ...of('semantic_cache')];
  add('Cost', 'Caching enabled', caches.length > 0, `caches: ${ids(caches)}`, 'no response cache');
  const tiering = nodes.some((n) => n.kind === 'router' && n.params.strategy === 'by-class') || of('confidence_gate').length > 0;
  add('Cost', 'Model tiering implemented', tiering, 'routing by query class or confidence-based escalation', 'one model for every query');
  const optimised = of('reranker').length > 0 || llms.some((n) => n.kind === 'llm' && n.params.promptCache.enabled);
  add('Cost', 'Token optimization reviewed', optimised, [of('reranker').length ? `reranking (${ids(of('reranker'))})` : '', llms.some((n) => n.kind === 'llm' && n.params.promptCache.enabled) ? 'prompt caching' : ''].filter(Boolean).join(', '), 'no reranking to cut context and no prompt caching');
  const batchSources = nodes.filter((n) => n.kind === 'source' && !n.params.realtime);
  add('Cost', 'Batch processing for non-real-time', batchSources.length === 0 ? null : of('batch').length > 0, batchSources.length === 0 ? 'no non-real-time traffic in the pipeline' : `batch lane: ${ids(of('batch'))}`, `non-real-time sources (${ids(batchSources)}) without a batch node`);

  const watched = doc.operations.detectionMinutes !== null;
  add('Observability', 'Core metrics tracked', null, 'confirm in your stack (Preflight projects the metrics; it cannot see yours)', '', true);
  add('Observability', 'Dashboards created', null, 'confirm in your stack', '', true);
  add('Observability', 'Alerts configured with runbooks', watched, `incidents detected within ${doc.operations.detectionMinutes} min (operations settings)`, 'operations assume nobody is alerted (detection time unset)');
  add('Observability', 'Distributed tracing enabled', null, 'confirm in your stack (Preflight exports sampled traces as OTLP)', '', true);
  add('Observability', 'Log aggregation set up', null, 'confirm in your stack', '', true);

  for (const item of ['Deployment pipeline tested', 'Rollback procedure documented', 'On-call rotation established', 'Incident response playbooks written']) add('Operations', item, null, 'confirm with your team', '', true);
  add('Operations', 'Capacity plan documented', doc.quotas.some((q) => q.tpm !== null || q.itpm !== null), 'quotas with token limits: see capacity headroom and the monthly capacity', 'no token limits modelled: capacity headroom cannot be planned');
  return items;
}
