import { productionChecklist } from '../../analysis/checklist';
import { nodeKind } from '../../nodes/registry';
import { describeDistribution } from '../../random/distributions';
import { formatDurationMs } from '../../units/duration';
import { perMillion } from '../../catalog/catalog';
import type { ModelEntry } from '../../catalog/schema';
import { formatPercent, formatUsd } from '../../units/format';
import { singleRunNote } from '../../results/build';
import { esc } from '../html-escape';
import type { ReportInput } from '../report-input';

const STATUS: Record<string, string> = { done: '<span class="ok">✓ done</span>', missing: '<span class="bad">✗ missing</span>', 'not-applicable': 'n/a', manual: '<span class="note">confirm</span>' };

/** A price per 1M tokens with its significant digits ($0.02, $0.075, $4.50); — when there is none. */
function price(usdPerToken: number | null): string {
  return usdPerToken === null ? '—' : formatUsd(perMillion(usdPerToken));
}

/** The output price: — for embedding and rerank models, which produce no output tokens. */
function outputPrice(m: ModelEntry): string {
  return m.mode !== 'chat' && m.outputUsdPerToken === 0 ? '—' : price(m.outputUsdPerToken);
}

/** Seeds as a list, the first ten of a long one. */
function seedList(seeds: number[]): string {
  return seeds.length > 10 ? `${seeds.slice(0, 10).join(', ')}, … (${seeds.length} in all)` : seeds.join(', ');
}

/** What was run: one seed, or n replications with their seeds and confidence level. */
export function runBasis(input: ReportInput): string {
  const rep = input.replicated;
  const seed = input.results.run.seed;
  if (!rep) return `One run with seed ${seed} (no replications: no confidence intervals).`;
  const stopping = rep.stoppingMet === true ? ' The stopping rule was met.' : rep.stoppingMet === false ? ' The stopping rule was NOT met at the replication cap.' : '';
  return `${rep.seeds.length} independent replications with seeds ${seedList(rep.seeds)}; headline figures are their means with ${formatPercent(rep.confidence)} Student-t confidence intervals; charts and breakdowns come from replication 1 (seed ${seed}).${stopping}`;
}

/** The run's notes, with the single-run sentence restated for replications. */
function runNotes(input: ReportInput): string[] {
  const rep = input.replicated;
  if (!rep) return input.results.notes;
  const seed = input.results.run.seed;
  const basis = `These figures come from replication 1 of ${rep.seeds.length} (seed ${seed}); the verdict's percentiles are means over all ${rep.seeds.length} replications, each from its own histogram.`;
  return input.results.notes.map((n) => (n === singleRunNote(seed) ? basis : n));
}

/** The guide's production checklist, evaluated from the graph. */
export function checklistSection(input: ReportInput): string {
  const items = productionChecklist(input.doc);
  const missing = items.filter((i) => i.status === 'missing');
  return `<section id="checklist"><h2>Production checklist</h2><p>${missing.length ? `<strong>${missing.length} item(s) missing:</strong> ${missing.map((m) => esc(m.item)).join(', ')}.` : 'Nothing the graph can show is missing.'}</p>
<table><thead><tr><th>Section</th><th>Item</th><th>Status</th><th>Evidence</th></tr></thead><tbody>${items.map((i) => `<tr><td>${esc(i.section)}</td><th>${esc(i.item)}</th><td class="status" data-check="${esc(i.item)}" data-value="${i.status}">${STATUS[i.status]}</td><td>${esc(i.evidence)}</td></tr>`).join('')}</tbody></table></section>`;
}

function paramText(value: unknown): string {
  if (value && typeof value === 'object' && 'type' in (value as object)) return describeDistribution(value as never);
  if (Array.isArray(value)) return value.length > 6 ? `[${value.slice(0, 6).join(', ')}, …]` : `[${value.join(', ')}]`;
  if (value && typeof value === 'object') return Object.entries(value as object).map(([k, v]) => `${k}: ${paramText(v)}`).join('; ');
  return value === null ? 'none' : String(value);
}

/** Parameters worth printing: an empty label, list or map says nothing (null does: "none"). */
const said = ([, v]: [string, unknown]) => v !== '' && !(Array.isArray(v) && v.length === 0) && !(v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

/** Every assumption the figures rest on: traffic, parameters, prices with source and date, run settings. */
export function assumptionsSection(input: ReportInput): string {
  const { doc, results: r } = input;
  const t = doc.traffic;
  const models = [...new Set(doc.nodes.flatMap((n) => ['model', 'embeddingModel'].map((k) => (n.params as Record<string, unknown>)[k]).filter((m): m is string => typeof m === 'string')))];
  return `<section id="assumptions"><h2>Assumptions</h2>
<h3>Traffic</h3><p>Poisson arrivals at ${t.rps} req/s × the hourly curve (mean ${(t.hourlyMultipliers.reduce((a, x) => a + x, 0) / 24).toFixed(2)}) × the weekly curve; clock starts day ${t.startDay} hour ${t.startHour}${t.bursts.length ? `; ${t.bursts.length} burst(s)` : ''}${t.ramps.length ? `; ${t.ramps.length} ramp(s)` : ''}; growth ${formatPercent(t.monthlyGrowth)} a month${t.deadlineMs !== null ? `; request deadline ${t.deadlineMs} ms` : ''}. Popularity: Zipf(${t.popularity.zipfExponent}) over ${t.popularity.distinctQueries.toLocaleString('en-US')} queries in ${t.popularity.topicClusters.toLocaleString('en-US')} topics.</p>
<table><thead><tr><th>Class</th><th>Share</th><th>Query tokens</th><th>Output tokens</th><th>max_tokens</th><th>Stream</th></tr></thead><tbody>${t.classes.map((c) => `<tr><th>${esc(c.name)}</th><td>${formatPercent(c.share)}</td><td>${esc(describeDistribution(c.queryTokens))}</td><td>${esc(describeDistribution(c.outputTokens))}</td><td>${c.maxTokens ?? 'node'}</td><td>${c.stream ? 'yes' : 'no'}</td></tr>`).join('')}</tbody></table>
<h3>Nodes</h3><table class="params"><thead><tr><th>Node</th><th>Kind</th><th>Parameters</th></tr></thead><tbody>${doc.nodes.map((n) => `<tr><th>${esc(n.name || n.id)}<br><span class="note">${esc(n.id)}</span></th><td>${esc(nodeKind(n.kind)?.title ?? n.kind)}</td><td>${esc(Object.entries(n.params as object).filter(said).map(([k, v]) => `${k}: ${paramText(v)}`).join(' · '))}</td></tr>`).join('')}</tbody></table>
${doc.quotas.length ? `<h3>Quotas</h3><table><thead><tr><th>Quota</th><th>Limits</th><th>Admission</th></tr></thead><tbody>${doc.quotas.map((q) => `<tr><th>${esc(q.id)}</th><td>${esc(['rpm', 'tpm', 'itpm', 'otpm', 'maxParallelRequests'].filter((k) => q[k as keyof typeof q] !== null).map((k) => `${k} ${Number(q[k as keyof typeof q]).toLocaleString('en-US')}`).join(', '))}</td><td>${esc(`${q.admission}, ${q.window}${q.autoscale ? ', autoscaling' : ''}`)}</td></tr>`).join('')}</tbody></table>` : ''}
<h3>Prices</h3><table><thead><tr><th>Model</th><th>Input / 1M</th><th>Output / 1M</th><th>Cached / 1M</th><th>Per query</th><th>Context</th><th>Source</th><th>As of</th></tr></thead><tbody>${models
    .map((id) => input.catalog.get(id))
    .filter((m) => m !== undefined)
    .map((m) => `<tr><th>${esc(m.id)}</th><td>${price(m.inputUsdPerToken)}</td><td>${outputPrice(m)}</td><td>${price(m.cachedInputUsdPerToken)}</td><td>${m.usdPerQuery ? formatUsd(m.usdPerQuery) : '—'}</td><td>${m.contextWindowTokens.toLocaleString('en-US')}</td><td class="source">${esc(m.source)}</td><td class="nowrap">${esc(m.asOf)}</td></tr>`)
    .join('')}</tbody></table>
<h3>Run</h3><p>Warm-up ${esc(formatDurationMs(r.run.warmupMs))}; ${r.run.horizon === 'duration' ? `duration ${esc(formatDurationMs(r.run.durationMs))}` : `${r.run.requestsLimit?.toLocaleString('en-US')} measured requests`}; ${r.run.drain ? 'in-flight requests drained' : 'in-flight requests not drained'}. ${esc(runBasis(input))} Operations: ${doc.operations.detectionMinutes === null ? 'incidents not detected' : `detection ${doc.operations.detectionMinutes} min + mitigation ${doc.operations.mitigationMinutes} min`}.</p>
<ul class="note">${runNotes(input).map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>`;
}
