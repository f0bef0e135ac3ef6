import { formatShare } from '../../units/precision';
import { formatDurationMs } from '../../units/duration';
import { formatMs, formatTokens, formatUsd } from '../../units/format';
import { esc } from '../html-escape';
import type { ReportInput } from '../report-input';
import { nodeLabel } from '../../results/node-label';
import { CRITERION_LABELS, type LoadCriteria, type LoadSearchResult } from '../../analysis/load-search';
import { formatMultiplier, formatSignificant } from '../svg/axis';
import { lineChart, usdTick } from '../svg/charts';

/** Headroom per quota, the guide's monthly capacity and scaling triggers, and the max sustainable load. */
export function capacitySection(input: ReportInput): string {
  const r = input.results;
  const rows = r.quotas.flatMap((q) =>
    Object.entries(q.utilisation)
      .filter(([k, f]) => k !== 'reservedPeak' && f !== null)
      .map(([dim, f]) => {
        const u = f as { mean: number; peak: number; minutesOver70: number; longestRunOver70: number };
        const tokens = dim === 'tpm' || dim === 'itpm';
        return `<tr><th>${esc(q.id)}</th><td>${esc(dim)}</td><td>${formatShare(u.mean)}</td><td data-quota="${esc(q.id)}" data-dimension="${esc(dim)}" data-value="${u.peak}">${formatShare(u.peak)}</td><td>${formatShare(1 - u.peak)}</td><td>${u.longestRunOver70 >= 15 ? '<span class="bad">plan upgrade</span>' : `${u.minutesOver70} min`}</td><td>${q.first429Ms === null ? '—' : esc(formatDurationMs(q.first429Ms))}</td><td>${tokens && q.monthlyTokenCapacity !== null ? formatTokens(q.monthlyTokenCapacity) : ''}</td><td>${tokens && q.monthlyQueryCapacity !== null ? formatTokens(q.monthlyQueryCapacity) : ''}</td></tr>`;
      }),
  );
  const search = input.capacity ? loadSearch(input.capacity, (id) => nodeLabel(input.results.nodes, id)) : '<p class="note">Max sustainable load was not searched for this report.</p>';
  return `<section id="capacity"><h2>Capacity headroom</h2>
${rows.length ? `<table><thead><tr><th>Quota</th><th>Limit</th><th>Mean</th><th>Peak minute</th><th>Headroom</th><th>&gt; 70 %</th><th>First 429</th><th>Tokens/month at 70 %</th><th>Queries/month</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<p class="note">Monthly capacity = limit × 43,200 minutes × 0.7 target utilisation (the guide's capacity model); queries/month at the simulated tokens per query. A quota above 70 % for 15 minutes in a row is the guide's trigger to plan an upgrade.</p>` : '<p class="note">No quotas in the pipeline: provider limits are not modelled.</p>'}
${search}</section>`;
}

const LATENCY: Record<string, string> = { p99Ms: 'P99', p95Ms: 'P95', ttftP50Ms: 'TTFT P50' };
const rate = (rps: number) => `${formatSignificant(rps)} req/s`;

/** The max sustainable load: a rate, none (the pipeline's own latency breaks the SLO), or no break at all. */
function loadSearch(cap: LoadSearchResult, label: (nodeId: string) => string): string {
  const value = `<span data-figure="maxSustainableRps" data-value="${cap.maxRps}">`;
  const where = `${cap.limitedBy.quota ? `; busiest quota ${esc(cap.limitedBy.quota)}` : ''}${cap.limitedBy.node ? `; slowest node ${esc(label(cap.limitedBy.node))}` : ''}`;
  const limit = CRITERION_LABELS[cap.limitedBy.criterion ?? ''] ?? cap.limitedBy.criterion ?? 'nothing';
  let headline: string;
  if (cap.bound === 'latency') {
    const light = cap.points.find((p) => p.breaks.length > 0) ?? cap.points[0];
    const missed = (light?.breaks ?? []).filter((b) => b in LATENCY);
    const what = missed.length ? missed.map((b) => `${LATENCY[b]} misses its ${formatMs(cap.criteria[b as keyof LoadCriteria] ?? null)} target${b === 'p99Ms' && light ? ` (${formatMs(light.p99Ms)})` : ''}`).join(' and ') : 'the latency target is missed';
    const at = light ? ` even at ${formatMultiplier(light.multiplier).replace(/×$/, '')} of the traffic (${rate(light.rps)})` : '';
    headline = `<strong>Max sustainable load: ${value}none</span></strong> — ${esc(what)}${at}, where nothing queues: the pipeline's own latency, not capacity, is what breaks the SLO${cap.limitedBy.node ? ` (slowest node ${esc(label(cap.limitedBy.node))})` : ''}. Make the pipeline faster (model, answer length, streaming) before sizing it for load.`;
  } else if (cap.bound === 'none') {
    headline = `<strong>Max sustainable load: at least ${value}${rate(cap.maxRps)}</span></strong> — no break up to ${formatMultiplier(cap.maxMultiplier)} the traffic, the top of the search.`;
  } else if (cap.maxRps === 0) {
    headline = `<strong>Max sustainable load: ${value}none</span></strong> — ${esc(limit)} breaks even at ${formatMultiplier(cap.points[0]?.multiplier ?? 0).replace(/×$/, '')} of the traffic, the bottom of the search${where}. <span class="note">${esc(cap.note)}.</span>`;
  } else {
    headline = `<strong>Max sustainable load: ${value}${rate(cap.maxRps)}</span></strong> (${formatMultiplier(cap.maxMultiplier)} today's ${rate(cap.baseRps)} of arrivals, measured over the run), limited by ${esc(limit)}${where}. <span class="note">${esc(cap.note)}.</span>`;
  }
  const x = { values: cap.points.map((p) => p.multiplier), format: formatMultiplier, secondary: (k: number) => rate(cap.baseRps * k), title: `traffic × today's ${rate(cap.baseRps)}` };
  const target = cap.criteria.p99Ms ? [{ value: cap.criteria.p99Ms, label: `P99 target ${formatMs(cap.criteria.p99Ms)}` }] : [];
  return `<p>${headline}</p>
${lineChart({ title: `P99 latency against load${cap.criteria.p99Ms && cap.points.some((p) => (p.p99Ms ?? 0) > 3 * cap.criteria.p99Ms!) ? ' (the axis stops at 3× the target: ▲ marks a load above it, with its P99)' : ''}`, series: [{ name: 'P99', values: cap.points.map((p) => p.p99Ms) }], x, format: formatMs, yDuration: true, height: 180, refLines: target, ...(cap.criteria.p99Ms ? { yCap: 3 * cap.criteria.p99Ms } : {}) })}
${lineChart({ title: 'Cost per query against load', series: [{ name: 'cost per query', values: cap.points.map((p) => p.costPerQueryUsd), color: '#19a979' }], x, format: formatUsd, yTickFormat: usdTick, height: 180 })}`;
}

