import { formatDurationMs } from '../../units/duration';
import { formatMs, formatPercent, formatTokens, formatUsd } from '../../units/format';
import { esc } from '../html-escape';
import type { ReportInput } from '../report-input';
import { lineChart } from '../svg/charts';

/** Headroom per quota, the seed's monthly capacity and scaling triggers, and the max sustainable load. */
export function capacitySection(input: ReportInput): string {
  const r = input.results;
  const rows = r.quotas.flatMap((q) =>
    Object.entries(q.utilisation)
      .filter(([k, f]) => k !== 'reservedPeak' && f !== null)
      .map(([dim, f]) => {
        const u = f as { mean: number; peak: number; minutesOver70: number; longestRunOver70: number };
        const tokens = dim === 'tpm' || dim === 'itpm';
        return `<tr><th>${esc(q.id)}</th><td>${esc(dim)}</td><td>${formatPercent(u.mean)}</td><td data-quota="${esc(q.id)}" data-dimension="${esc(dim)}" data-value="${u.peak}">${formatPercent(u.peak)}</td><td>${formatPercent(1 - u.peak)}</td><td>${u.longestRunOver70 >= 15 ? '<span class="bad">plan upgrade</span>' : `${u.minutesOver70} min`}</td><td>${q.first429Ms === null ? '—' : esc(formatDurationMs(q.first429Ms))}</td><td>${tokens && q.monthlyTokenCapacity !== null ? formatTokens(q.monthlyTokenCapacity) : ''}</td><td>${tokens && q.monthlyQueryCapacity !== null ? formatTokens(q.monthlyQueryCapacity) : ''}</td></tr>`;
      }),
  );
  const cap = input.capacity;
  const search = cap
    ? `<p><strong>Max sustainable load: ${Number(cap.maxRps.toPrecision(4))} req/s</strong> (${Number(cap.maxMultiplier.toPrecision(3))}× today's ${Number(cap.baseRps.toPrecision(4))} req/s), limited by ${esc(cap.limitedBy.criterion ?? 'nothing within 1,024×')}${cap.limitedBy.quota ? `; busiest quota ${esc(cap.limitedBy.quota)}` : ''}${cap.limitedBy.node ? `; slowest node ${esc(cap.limitedBy.node)}` : ''}. <span class="note">${esc(cap.note)}</span></p>
${lineChart({ title: 'P99 latency against load (× today)', series: [{ name: 'P99', values: cap.points.map((p) => p.p99Ms) }], xLabels: cap.points.map((p) => `${Number(p.multiplier.toPrecision(3))}×`), format: formatMs, height: 180 })}
${lineChart({ title: 'Cost per query against load', series: [{ name: 'cost per query', values: cap.points.map((p) => p.costPerQueryUsd), color: '#19a979' }], xLabels: cap.points.map((p) => `${Number(p.multiplier.toPrecision(3))}×`), format: formatUsd, height: 180 })}`
    : '<p class="note">Max sustainable load was not searched for this report.</p>';
  return `<section id="capacity"><h2>Capacity headroom</h2>
${rows.length ? `<table><thead><tr><th>Quota</th><th>Limit</th><th>Mean</th><th>Peak minute</th><th>Headroom</th><th>&gt; 70 %</th><th>First 429</th><th>Tokens/month at 70 %</th><th>Queries/month</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<p class="note">Monthly capacity = limit × 43,200 minutes × 0.7 target utilisation (the seed's capacity model); queries/month at the simulated tokens per query. A quota above 70 % for 15 minutes in a row is the seed's trigger to plan an upgrade.</p>` : '<p class="note">No quotas in the pipeline: provider limits are not modelled.</p>'}
${search}</section>`;
}
