import { formatMs, formatUsd } from '../../units/format';
import { esc } from '../html-escape';
import type { ReportInput } from '../report-input';

/** Maturity ROI and what-if results, when the report was asked to include them. */
export function planningSection(input: ReportInput): string {
  const parts: string[] = [];
  if (input.roi) {
    const a = input.roi.assumptions;
    const pm = (v: number, ci?: { halfWidth: number }, f: (x: number) => string = formatUsd) => `${esc(f(v))}${ci ? ` <span class="ci">± ${esc(f(ci.halfWidth))}</span>` : ''}`;
    parts.push(`<h3>Maturity ROI</h3><p class="note">${a.queriesPerDay.toLocaleString('en-US')} queries/day, ${formatUsd(a.lostRevenuePerDowntimeHourUsd)} lost per hour of downtime, ${a.daysPerMonth}-day months. Savings = the baseline's cost + lost revenue − this level's; payback = one-time investment ÷ (savings − monthly investment).</p>
<table><thead><tr><th>Level</th><th>Cost/month</th><th>Downtime/month</th><th>Lost revenue</th><th>Savings/month</th><th>Investment</th><th>Payback</th></tr></thead><tbody>${input.roi.levels
      .map((l) => `<tr><th>${esc(l.name)}</th><td>${pm(l.point.monthlyCostUsd, l.intervals.monthlyCostUsd)}</td><td>${pm(l.point.downtimeHoursPerMonth * 60, l.intervals.downtimeHoursPerMonth && { halfWidth: l.intervals.downtimeHoursPerMonth.halfWidth * 60 }, (m) => `${m.toFixed(0)} min`)}</td><td>${pm(l.point.lostRevenueUsd, l.intervals.lostRevenueUsd)}</td><td data-roi-savings="${esc(l.name)}" data-value="${l.point.monthlySavingsUsd}">${pm(l.point.monthlySavingsUsd, l.intervals.monthlySavingsUsd)}</td><td>${formatUsd(l.point.oneTimeInvestmentUsd)} + ${formatUsd(l.point.monthlyInvestmentUsd)}/month</td><td>${l.point.paybackMonths === null ? (l.point.oneTimeInvestmentUsd === 0 ? '—' : 'never') : `${l.point.paybackMonths.toFixed(2)} months${l.intervals.paybackMonths ? ` <span class="ci">± ${l.intervals.paybackMonths.halfWidth.toFixed(2)}</span>` : ''}`}</td></tr>`)
      .join('')}</tbody></table>`);
  }
  for (const sweep of input.whatIfs?.sweeps ?? []) {
    parts.push(`<h3>What-if: ${sweep.axes.map((a) => esc(a.path)).join(' × ')}</h3><table><thead><tr>${sweep.axes.map((a) => `<th>${esc(a.path)}</th>`).join('')}<th>P99</th><th>Cost/query</th><th>Monthly</th></tr></thead><tbody>${sweep.points
      .map((p) => `<tr>${p.values.map((v) => `<td>${v}</td>`).join('')}${p.problem ? `<td colspan="3">${esc(p.problem)}</td>` : `<td>${formatMs(p.headline.p99Ms)}</td><td>${formatUsd(p.headline.costPerQueryUsd)}</td><td>${formatUsd(p.headline.monthlyCostUsd)}</td>`}</tr>`)
      .join('')}</tbody></table>`);
  }
  const t = input.whatIfs?.tornado;
  if (t) {
    const pct = `${Number((t.spread * 100).toPrecision(4))} %`;
    parts.push(`<h3>Sensitivity (±${pct})</h3><p class="note">Each parameter moved to ${pct} below and above its value (integers rounded), the others at theirs, same seed; bars in order of their swing in monthly cost.</p><table><thead><tr><th>Parameter</th><th>Low → high</th><th>Monthly cost</th><th>Swing</th><th>P99</th></tr></thead><tbody>${t.bars
      .map((b) => `<tr><th>${esc(b.path)}</th><td>${b.low} → ${b.high}</td><td>${formatUsd(b.monthlyCostUsd.low)} → ${formatUsd(b.monthlyCostUsd.high)}</td><td>${formatUsd(b.costSwingUsd)}</td><td>${formatMs(b.p99Ms.low)} → ${formatMs(b.p99Ms.high)}</td></tr>`)
      .join('')}</tbody></table>`);
  }
  return parts.length ? `<section id="planning"><h2>Planning</h2>${parts.join('')}</section>` : '';
}
