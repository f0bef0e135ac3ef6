import { formatParam, paramLabel } from '../../analysis/param-units';
import { guideImprovementText, type LevelRoiWithIntervals } from '../../analysis/roi';
import { modelAxisNote } from '../../analysis/model-note';
import type { SweepPoint } from '../../analysis/sweep';
import { halfWidthText, plusMinusText } from '../../units/precision';
import { formatMs, formatPercent, formatUsd } from '../../units/format';
import { esc } from '../html-escape';
import type { ReportInput } from '../report-input';

type Interval = { halfWidth: number } | undefined;

/**
 * A point with its interval. A zero half-width is not certainty: the figure did not vary across
 * replications because the scenario scripts it (downtime comes from the fault windows), so say so.
 */
function withInterval(key: string, value: number, text: string, ci: Interval | undefined): string {
  if (!ci) return esc(text);
  if (ci.halfWidth === 0) return `${esc(text)} <span class="ci">scripted</span>`;
  // ± at two significant digits, never finer than the figure (the CLI's and the app's rule).
  const pm = halfWidthText(key, value, ci.halfWidth);
  return pm ? `${esc(text)} <span class="ci">${esc(pm)}</span>` : esc(text);
}

function roiRow(l: LevelRoiWithIntervals, k: number, all: LevelRoiWithIntervals[]): string {
  const money = (key: string, v: number, ci: Interval | undefined) => withInterval(key, v, formatUsd(v), ci);
  const minutes = (h: number) => `${Math.round(h * 60)} min`;
  const downtime = l.intervals.downtimeHoursPerMonth;
  const guide = guideImprovementText(all, k);
  const payback =
    l.point.paybackMonths === null
      ? l.point.oneTimeInvestmentUsd === 0
        ? '—'
        : 'never'
      : withInterval('paybackMonths', l.point.paybackMonths, `${l.point.paybackMonths.toFixed(2)} months`, l.intervals.paybackMonths);
  // The baseline saves nothing by definition: no interval (as the CLI prints it).
  const savings = k === 0 ? formatUsd(l.point.monthlySavingsUsd) : money('monthlySavingsUsd', l.point.monthlySavingsUsd, l.intervals.monthlySavingsUsd);
  return `<tr><th>${esc(l.name)}</th><td>${money('monthlyCostUsd', l.point.monthlyCostUsd, l.intervals.monthlyCostUsd)}</td><td>${withInterval('downtimeHoursPerMonth', l.point.downtimeHoursPerMonth, minutes(l.point.downtimeHoursPerMonth), downtime)}</td><td>${money('lostRevenueUsd', l.point.lostRevenueUsd, l.intervals.lostRevenueUsd)}</td><td data-roi-savings="${esc(l.name)}" data-value="${l.point.monthlySavingsUsd}">${savings}</td><td>${k === 0 ? 'baseline' : `${formatPercent(l.point.improvement, 1)}${guide ? ` <span class="ci">guide: ${esc(guide)}</span>` : ''}`}</td><td>${formatUsd(l.point.oneTimeInvestmentUsd)} + ${formatUsd(l.point.monthlyInvestmentUsd)}/month</td><td>${payback}</td></tr>`;
}

/** Maturity ROI and what-if results, when the report was asked to include them. */
export function planningSection(input: ReportInput): string {
  const parts: string[] = [];
  const doc = input.doc;
  if (input.roi) {
    const a = input.roi.assumptions;
    parts.push(`<h3>Maturity ROI</h3><p><strong>Levels compared:</strong> ${esc(input.roi.source)}.</p><p class="note">${a.queriesPerDay.toLocaleString('en-US')} queries/day, ${formatUsd(a.lostRevenuePerDowntimeHourUsd)} lost per hour of downtime, ${a.daysPerMonth}-day months. Savings = the baseline's cost + lost revenue − this level's; better than baseline = savings ÷ the baseline's cost + lost revenue, beside the guide's maturity table (which does not say better at what); payback = one-time investment ÷ (savings − monthly investment). ± covers the run-to-run noise of traffic; "scripted" marks a figure the fault scenario fixes (the same outage in every replication), whose real uncertainty is how often such outages happen.</p>
<table><thead><tr><th>Level</th><th>Cost/month</th><th>Downtime/month</th><th>Lost revenue</th><th>Savings/month</th><th>Better than baseline</th><th>Investment</th><th>Payback</th></tr></thead><tbody>${input.roi.levels.map((l, k, all) => roiRow(l, k, all)).join('')}</tbody></table>`);
  }
  for (const sweep of input.whatIfs?.sweeps ?? []) {
    // With replications a figure is the mean of the point's runs, with its half-width.
    const cell = (p: SweepPoint, key: 'p99Ms' | 'costPerQueryUsd' | 'monthlyCostUsd', format: (v: number) => string) => {
      const ci = p.intervals?.[key];
      const value = p.headline[key];
      const pm = ci && value !== null ? plusMinusText(key, value, ci.halfWidth, ci.n) : null;
      return `<td>${value === null ? '—' : esc(format(value))}${pm ? ` <span class="ci">${esc(pm)}</span>` : ''}</td>`;
    };
    const modelNote = modelAxisNote(sweep.axes, doc);
    const how = sweep.replications > 1 ? `Mean of ${sweep.replications} runs per point (the same seeds at every point), ± the ${Math.round(sweep.confidence * 100)} % interval.` : 'One run per point with the same seed (common random numbers): no interval.';
    parts.push(`<h3>What-if: ${sweep.axes.map((a) => esc(paramLabel(a.path, doc))).join(' × ')}</h3><table><thead><tr>${sweep.axes.map((a) => `<th>${esc(paramLabel(a.path, doc))}</th>`).join('')}<th>P99</th><th>Cost/query</th><th>Monthly</th></tr></thead><tbody>${sweep.points
      .map((p) => `<tr>${p.values.map((v, i) => `<td>${esc(sweep.axes[i]!.labels?.[v] ?? formatParam(sweep.axes[i]!.path, v))}</td>`).join('')}${p.problem ? `<td colspan="3">${esc(p.problem)}</td>` : `${cell(p, 'p99Ms', formatMs)}${cell(p, 'costPerQueryUsd', formatUsd)}${cell(p, 'monthlyCostUsd', formatUsd)}`}</tr>`)
      .join('')}</tbody></table><p class="note">Parameter paths in the file: ${sweep.axes.map((a) => `<code>${esc(a.path)}</code>`).join(', ')}. ${how}</p>${modelNote ? `<p class="note">${esc(modelNote)}</p>` : ''}`);
  }
  const t = input.whatIfs?.tornado;
  if (t) {
    const pct = `${Number((t.spread * 100).toPrecision(4))} %`;
    parts.push(`<h3>Sensitivity (±${pct})</h3><p class="note">Each parameter moved to ${pct} below and above its value (integers rounded), the others at theirs, one run each with the same seed (common random numbers); rows in order of their swing in monthly cost. A P99 change smaller than the run-to-run noise (see the verdict's ± for P99) is not a sensitivity.</p><table><thead><tr><th>Parameter</th><th>Low → high</th><th>Monthly cost</th><th>Swing</th><th>P99</th></tr></thead><tbody>${t.bars
      .map((b) => `<tr><th>${esc(paramLabel(b.path, doc))}</th><td>${esc(formatParam(b.path, b.low))} → ${esc(formatParam(b.path, b.high))}</td><td>${formatUsd(b.monthlyCostUsd.low)} → ${formatUsd(b.monthlyCostUsd.high)}</td><td>${formatUsd(b.costSwingUsd)}</td><td>${formatMs(b.p99Ms.low)} → ${formatMs(b.p99Ms.high)}</td></tr>`)
      .join('')}</tbody></table>`);
  }
  return parts.length ? `<section id="planning"><h2>Planning</h2>${parts.join('')}</section>` : '';
}
