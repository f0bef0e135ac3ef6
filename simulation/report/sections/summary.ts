import type { ReportInput } from '../report-input';
import { esc } from '../html-escape';
import { FIGURES, figureCell } from '../figure-cells';
import { formatMs, formatPercent, formatUsd } from '../../units/format';
import { formatDurationMs } from '../../units/duration';
import type { SloCheck } from '../../results/types';

function target(c: SloCheck): string {
  const v = c.metric.endsWith('Ms') ? formatMs(c.target) : c.metric === 'monthlyBudgetUsd' ? formatUsd(c.target) : formatPercent(c.target, 2);
  return `${c.direction === 'max' ? '<' : '>'} ${v}`;
}

/** The verdict and the headline figures with their intervals, against the SLO targets. */
export function summarySection(input: ReportInput): string {
  const r = input.results;
  const rep = input.replicated;
  const checks = r.slo.checks;
  const failing = checks.filter((c) => c.pass === false);
  const verdict = failing.length === 0 ? `<p class="verdict pass">All ${checks.filter((c) => c.pass !== null).length} SLO targets are met.</p>` : `<p class="verdict fail">${failing.length} of ${checks.filter((c) => c.pass !== null).length} SLO targets are missed: ${failing.map((c) => esc(c.label)).join(', ')}.</p>`;
  const metricToFigure: Record<string, string> = { p50Ms: 'p50Ms', p95Ms: 'p95Ms', p99Ms: 'p99Ms', ttftMs: 'ttftP50Ms', errorRate: 'errorRate', availability: 'availability', cacheHitRate: 'cacheHitRate', rateLimitUtilisation: 'peakQuotaUtilisation', monthlyBudgetUsd: 'monthlyCostUsd' };
  const rows = Object.keys(FIGURES).map((key) => {
    const check = checks.find((c) => metricToFigure[c.metric] === key);
    const value = rep?.headline[key as keyof typeof rep.headline]?.mean ?? (r.headline[key as keyof typeof r.headline] as number | null);
    const ci = rep?.headline[key as keyof typeof rep.headline];
    const status = check?.pass === null || !check ? '' : check.pass ? '<span class="ok">pass</span>' : '<span class="bad">miss</span>';
    return `<tr><th>${esc(FIGURES[key]!.label)}</th>${figureCell(key, value, ci)}<td>${check ? esc(target(check)) : ''}</td><td>${status}</td></tr>`;
  });
  const quality = checks.filter((c) => c.metric === 'faithfulness' || c.metric === 'escalationRate');
  // Quality figures are not replicated (no interval): say which run they come from.
  const qualityRows = quality.map((c) => `<tr><th>${esc(c.label)}${rep ? ` <span class="note">(replication 1, seed ${r.run.seed})</span>` : ''}</th><td data-figure="${c.metric}" data-value="${c.actual ?? ''}">${c.actual === null ? '—' : formatPercent(c.actual, 1)}</td><td>${esc(target(c))}</td><td>${c.pass === null ? '' : c.pass ? '<span class="ok">pass</span>' : '<span class="bad">miss</span>'}</td></tr>`);
  const how = rep
    ? `${rep.seeds.length} independent replications (seeds ${rep.seeds.slice(0, 3).join(', ')}${rep.seeds.length > 3 ? ', …' : ''}); ± is the half-width of the ${Math.round(rep.confidence * 100)} % Student-t confidence interval${rep.stoppingMet === true ? '; the stopping rule was met' : rep.stoppingMet === false ? '; the stopping rule was NOT met at the cap' : ''}.`
    : `One run with seed ${r.run.seed}: no replications, so no confidence intervals.`;
  const warnings = r.stability.warnings.map((w) => `<li>${esc(w)}</li>`).join('');
  return `<section id="summary"><h2>Verdict</h2>${verdict}
<table class="figures"><thead><tr><th>Figure</th><th>Value</th><th>SLO target</th><th></th></tr></thead><tbody>${rows.join('')}${qualityRows.join('')}</tbody></table>
<p class="note">${esc(how)} Measured: ${r.run.requestsMeasured.toLocaleString('en-US')} requests after a ${esc(formatDurationMs(r.run.warmupMs))} warm-up over ${esc(formatDurationMs(r.run.durationMs))} of arrivals.</p>
${warnings ? `<div class="warning"><strong>Warnings</strong><ul>${warnings}</ul></div>` : ''}</section>`;
}
