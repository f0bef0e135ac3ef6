import { costAnomalies, evaluateAlerts, formatDurationMs, productionChecklist, type PipelineDocument, type RunResults } from '../../../../simulation/index';
import { checkStatus, type CardStatus } from '../../results/headline-cards';
import { faultTargetName } from '../../results/node-label';

export interface Health {
  status: Exclude<CardStatus, 'none'>;
  headline: string;
  missed: string[];
  tight: string[];
}

/** Green / amber / red from the SLO checks: red if any target is missed, amber if one passes with < 20 % margin. */
export function overallHealth(r: RunResults): Health {
  const missed = r.slo.checks.filter((c) => checkStatus(c) === 'fail').map((c) => c.label);
  const tight = r.slo.checks.filter((c) => checkStatus(c) === 'near').map((c) => c.label);
  const judged = r.slo.checks.filter((c) => checkStatus(c) !== 'none').length;
  if (missed.length) return { status: 'fail', headline: `Red: ${missed.length} of ${judged} targets missed`, missed, tight };
  if (tight.length) return { status: 'near', headline: `Amber: every target met, ${tight.length} with little margin`, missed, tight };
  return { status: 'pass', headline: `Green: all ${judged} targets met with margin`, missed, tight };
}

export interface Incident {
  atMs: number | null;
  kind: 'fault' | 'alert' | 'anomaly';
  severity: string;
  text: string;
}

/** Key incidents of the run: fault windows, alerts that fired, cost anomalies that fired — in time order. */
export function keyIncidents(r: RunResults, premiumNodes: string[]): Incident[] {
  const faults: Incident[] = r.reliability.faults.map((f) => ({ atMs: f.startMs, kind: 'fault', severity: 'fault', text: `${f.type} on ${faultTargetName(r.nodes, f)} for ${formatDurationMs(f.endMs - f.startMs)}${f.mitigated ? ' (ended by the team: detection + mitigation)' : ''}` }));
  const alerts: Incident[] = evaluateAlerts(r).map((a) => ({ atMs: a.firstAtMs, kind: 'alert', severity: a.rule.severity, text: `${a.rule.title} — ${a.firingMinutes ? `firing ${Number(a.firingMinutes.toFixed(1))} min` : a.rule.condition}` }));
  const anomalies: Incident[] = costAnomalies(r, premiumNodes)
    .filter((f) => f.fired)
    .map((f) => ({ atMs: f.firstAtMs, kind: 'anomaly', severity: 'medium', text: `${f.detection}: ${f.detail}` }));
  return [...faults, ...alerts, ...anomalies].sort((a, b) => (a.atMs ?? Infinity) - (b.atMs ?? Infinity));
}

/** The production checklist in counts, and what is missing. */
export function readiness(doc: PipelineDocument) {
  const items = productionChecklist(doc);
  return { done: items.filter((i) => i.status === 'done').length, missing: items.filter((i) => i.status === 'missing'), manual: items.filter((i) => i.status === 'manual').length, total: items.length };
}

export interface TokensPerQuery {
  /** Chat and embedding input (what the Results explanation calls "tokens per query"), cached included. */
  chatEmbeddingInput: number;
  /** Of that input, read from the provider's prompt cache. */
  cachedInput: number;
  /** Chat output (embeddings write none). */
  output: number;
  /** Candidate tokens the rerankers bill, apart from the chat and embedding tokens. */
  rerank: number;
  /** Every billed token (chat, embedding and rerank; cache writes included): what chargeback's "billed tokens" count. */
  billed: number;
}

/**
 * Tokens per measured query under the names the app uses for them: a quota's "tokens per query"
 * counts only the calls it limits, chargeback counts every billed token, the chat and embedding
 * figures leave the reranker's candidate tokens out.
 */
export function tokensPerQuery(r: RunResults): TokensPerQuery {
  const c = r.cost;
  const perQuery = (x: number) => x / Math.max(1, r.outcomes.measured);
  const kind = (id: string) => r.nodes.find((n) => n.id === id)?.kind;
  const units = (pick: (u: RunResults['cost']['byNode'][number]['units']) => number, only?: string) => c.byNode.filter((n) => only === undefined || kind(n.nodeId) === only).reduce((s, n) => s + pick(n.units), 0);
  const billedUnits = (u: RunResults['cost']['byNode'][number]['units']) => u.input + u.cachedInput + u.cacheWrite + u.output;
  return {
    chatEmbeddingInput: c.tokensPerQuery.input,
    cachedInput: c.tokensPerQuery.cachedInput,
    output: c.tokensPerQuery.output,
    rerank: perQuery(units((u) => u.input + u.cachedInput, 'reranker')),
    billed: perQuery(units(billedUnits)),
  };
}
