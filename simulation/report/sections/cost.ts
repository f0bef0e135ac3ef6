import { COST_TYPE_DESCRIPTIONS, COST_TYPE_LABELS, COST_TYPES } from '../../metrics/cost-types';
import { formatPercent, formatTokens, formatUsd } from '../../units/format';
import { esc } from '../html-escape';
import type { ReportInput } from '../report-input';
import { nodeLabel } from '../../results/node-label';
import { budgetSection } from './budget';
import { growthText } from '../../analysis/capacity';
import { barChart, lineChart, usdTick } from '../svg/charts';

/** Cost per query and per month, fixed vs usage, by node and model, and the 12-month projection. */
export function costSection(input: ReportInput): string {
  const c = input.results.cost;
  const total = c.variableUsd;
  const nodes = [...c.byNode].sort((a, b) => b.usd - a.usd);
  const nodeRows = nodes.map((n) => `<tr><th>${esc(nodeLabel(input.results.nodes, n.nodeId))}</th><td data-node-cost="${esc(n.nodeId)}" data-value="${total > 0 ? (n.usd / total) * c.variableMonthlyUsd : 0}">${formatUsd(total > 0 ? (n.usd / total) * c.variableMonthlyUsd : 0)}</td><td>${formatPercent(n.share)}</td>${COST_TYPES.map((t) => `<td>${formatUsd(total > 0 ? (n.byType[t] / total) * c.variableMonthlyUsd : 0)}</td>`).join('')}</tr>`);
  const fixedRows = c.fixed.map((f) => `<tr><th>${esc(f.name)}</th><td>${esc(f.category)}</td><td data-fixed-cost="${esc(f.name)}" data-value="${f.monthlyUsd}">${formatUsd(f.monthlyUsd)}</td></tr>`);
  const models = c.byModel.map((m) => `<tr><th>${esc(m.model)}</th><td>${esc(m.provider)}</td><td>${formatPercent(m.share)}</td><td>${formatTokens(m.inputTokens)}</td><td>${formatTokens(m.cachedInputTokens)}</td><td>${formatTokens(m.outputTokens)}</td></tr>`);
  const projection = lineChart({
    title: `Monthly cost over 12 months (traffic growth ${formatPercent(input.doc.traffic.monthlyGrowth)} a month)`,
    series: [{ name: 'monthly cost', values: input.results.projection.map((p) => p.costUsd) }],
    xLabels: input.results.projection.map((p) => `M${p.month}`),
    format: formatUsd,
    yTickFormat: usdTick,
    height: 180,
  });
  const basis = input.replicated ? `<p class="note">Breakdowns below come from the first replication (seed ${input.results.run.seed}); the verdict table gives the mean and interval over all ${input.replicated.seeds.length}.</p>` : '';
  return `<section id="cost"><h2>Cost</h2>${basis}
<table class="figures"><tbody>
<tr><th>Cost per query</th><td data-figure="costPerQueryUsd" data-value="${c.perQueryUsd}">${formatUsd(c.perQueryUsd)}</td><td class="note">usage ${formatUsd(c.variablePerQueryUsd)} + fixed ${formatUsd(c.fixedPerQueryUsd)}</td></tr>
<tr><th>Monthly cost</th><td data-figure="monthlyCostUsd" data-value="${c.monthlyUsd}">${formatUsd(c.monthlyUsd)}</td><td class="note">usage ${formatUsd(c.variableMonthlyUsd)} + fixed ${formatUsd(c.fixedMonthlyUsd)}; ${formatTokens(c.monthlyQueries)} queries a month</td></tr>
<tr><th>Daily cost</th><td>${formatUsd(c.dailyUsd)}</td><td class="note">monthly cost ÷ 30 days; queries a month: ${esc(c.formulas.monthlyQueries ?? '')}</td></tr>
</tbody></table>
${barChart({ title: 'Usage cost per month by node', items: nodes.slice(0, 10).map((n) => ({ label: nodeLabel(input.results.nodes, n.nodeId), value: total > 0 ? (n.usd / total) * c.variableMonthlyUsd : 0 })), format: formatUsd })}
<h3>Usage cost by node (USD a month)</h3><table><thead><tr><th>Node</th><th>Monthly</th><th>Share</th>${COST_TYPES.map((t) => `<th title="${esc(COST_TYPE_DESCRIPTIONS[t])}">${esc(COST_TYPE_LABELS[t])}</th>`).join('')}</tr></thead><tbody>${nodeRows.join('')}</tbody></table>
<h3>Fixed costs (USD a month)</h3>${fixedRows.length ? `<table><thead><tr><th>Item</th><th>Category</th><th>Monthly</th></tr></thead><tbody>${fixedRows.join('')}</tbody></table>` : '<p class="note">None in the pipeline.</p>'}
<h3>By model</h3><table><thead><tr><th>Model</th><th>Provider</th><th>Share of usage</th><th>Input tokens</th><th>Cached input</th><th>Output tokens</th></tr></thead><tbody>${models.join('')}</tbody></table>
${projection}<p class="note" data-growth>${esc(growthText(input.results))}</p>${budgetSection(input)}</section>`;
}
