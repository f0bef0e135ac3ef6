import { formatPercent, formatShare, formatTokens, type GrowthOutlook, type RunResults } from '../../../simulation/index';
import { baseText, CHART } from './palette';
import { seriesPoints } from './time-series';

const QUOTA_COLOURS = ['#2f64d8', '#7357e8', '#0f8f8a', '#e08a1e', '#c8553d'];

/** A round axis top at or above x: 28,194 → 30,000; 0.73 → 0.75. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(x));
  return (Math.ceil((x / step) * 2) / 2) * step;
}

/** A round axis top at or above x with its tick step (1, 2, 2.5 or 5 × 10^k, at most five steps): 30,800 → 40,000 in 10,000s. */
export function niceAxis(x: number): { max: number; interval: number } {
  if (!(x > 0)) return { max: 1, interval: 0.2 };
  const raw = x / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const interval = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  return { max: Math.ceil(x / interval - 1e-9) * interval, interval };
}

/** What the projection chart needs to know about the budget it is drawn against. */
export interface ProjectionBudget {
  usd: number;
  /** The document's own budget: bars over it are red. The guide's example is nobody's limit: no red. */
  own: boolean;
  /** "the pipeline's monthly budget" / "the guide's example budget", for the line and tooltips. */
  name: string;
}

/** A month's tooltip: cost, queries, share of the budget and the busiest quota's peak minute then. */
export function projectionTooltip(g: GrowthOutlook, month: number, budget: ProjectionBudget, format: (v: number) => string): string {
  const m = g.months[month - 1];
  if (!m) return '';
  const peak = m.peakQuotaUtilisation === null || g.busiestQuota === null ? '' : `<br/>quota ${g.busiestQuota}'s busiest minute ${formatShare(m.peakQuotaUtilisation)}${m.peakQuotaUtilisation > 1 ? ' (over its limit)' : m.peakQuotaUtilisation > 0.7 ? ' (past the 70 % trigger)' : ''}`;
  return `Month ${month}<br/><b>${format(m.costUsd)}</b><br/>${formatTokens(m.queries)} queries · ${formatPercent(m.costUsd / budget.usd, 0)} of ${budget.name}${peak}`;
}

/**
 * Twelve months of cost at the traffic's growth, against the monthly budget. Months 1, 3, 6 and 12
 * carry their value (the table beside the chart gives them too), every bar its tooltip, and the
 * months the busiest quota passes the 70 % trigger and its limit are marked.
 */
export function projectionOption(g: GrowthOutlook, budget: ProjectionBudget, format: (v: number) => string) {
  // Room above the tallest bar for its value label.
  const axis = niceAxis(Math.max(budget.usd, ...g.months.map((p) => p.costUsd)) * 1.1);
  const labelled = new Set([1, 3, 6, 12]);
  const marks = [
    ...(g.scalingTriggerMonth !== null ? [{ xAxis: `M${g.scalingTriggerMonth}`, lineStyle: { color: CHART.p99, type: 'dotted' }, label: { ...baseText, formatter: `${g.busiestQuota} past 70 %` } }] : []),
    ...(g.limitMonth !== null ? [{ xAxis: `M${g.limitMonth}`, lineStyle: { color: CHART.errors, type: 'dotted' }, label: { ...baseText, formatter: `${g.busiestQuota} at its limit` } }] : []),
  ];
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 72, right: 24, top: 34, bottom: 36 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (ps: Array<{ dataIndex: number }>) => (ps[0] ? projectionTooltip(g, ps[0].dataIndex + 1, budget, format) : '') },
    xAxis: { type: 'category', data: g.months.map((p) => `M${p.month}`), axisLabel: baseText, axisTick: { show: false }, axisLine: { lineStyle: { color: CHART.axis } } },
    yAxis: { type: 'value', min: 0, max: axis.max, interval: axis.interval, axisLabel: { ...baseText, formatter: (v: number) => format(v) }, splitLine: { lineStyle: { color: CHART.grid } } },
    series: [
      {
        type: 'bar',
        name: 'projected cost',
        data: g.months.map((p) => ({
          value: p.costUsd,
          itemStyle: { color: budget.own && p.costUsd > budget.usd ? CHART.errors : CHART.bars },
          label: { show: labelled.has(p.month), position: 'top', ...baseText, color: '#1c2230', formatter: () => format(p.costUsd) },
        })),
        barMaxWidth: 28,
        markLine: {
          symbol: 'none',
          silent: true,
          precision: 10,
          data: [{ yAxis: budget.usd, lineStyle: { color: CHART.text, type: 'dashed' }, label: { ...baseText, position: 'insideEndTop', backgroundColor: 'rgba(255, 255, 255, 0.85)', padding: [1, 3], formatter: `${budget.own ? 'budget' : "guide's example budget"} ${format(budget.usd)}` } }, ...marks],
        },
      },
    ],
  };
}

/**
 * Per-minute utilisation of each quota (its busiest dimension), with the guide's 70 % trigger and 80 %
 * target. Values read by formatShare's one rule (as the quota table and the card); `formatAxis` only
 * labels the axis ("40 %").
 */
export function quotaUtilisationOption(r: RunResults, formatAxis: (v: number) => string) {
  const ids = Object.keys(r.series.quotas);
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 56, right: 16, top: 36, bottom: 36 },
    legend: { top: 4, right: 8, textStyle: baseText, itemHeight: 8 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : formatShare(v)) },
    xAxis: { type: 'value', min: 0, max: (r.series.points * r.series.bucketMs) / 60_000, name: 'simulated minute', nameLocation: 'middle', nameGap: 24, nameTextStyle: baseText, axisLabel: baseText, splitLine: { show: false }, axisLine: { lineStyle: { color: CHART.axis } } },
    yAxis: { type: 'value', min: 0, max: (value: { max: number }) => Math.max(1, Math.ceil(value.max * 10) / 10), axisLabel: { ...baseText, formatter: (v: number) => formatAxis(v) }, splitLine: { lineStyle: { color: CHART.grid } } },
    series: ids.map((id, i) => ({
      type: 'line',
      name: id,
      data: seriesPoints(r, r.series.quotas[id]!.utilisation),
      showSymbol: false,
      lineStyle: { width: 1.5, color: QUOTA_COLOURS[i % QUOTA_COLOURS.length] },
      itemStyle: { color: QUOTA_COLOURS[i % QUOTA_COLOURS.length] },
      ...(i === 0
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              precision: 10,
              data: [
                { yAxis: 0.7, lineStyle: { color: CHART.p99, type: 'dotted' }, label: { ...baseText, position: 'insideStartTop', formatter: 'scaling trigger 70 %' } },
                { yAxis: 0.8, lineStyle: { color: CHART.target, type: 'dashed' }, label: { ...baseText, position: 'insideEndTop', formatter: 'target < 80 %' } },
              ],
            },
          }
        : {}),
    })),
  };
}

/** Each node's own P50/P95/P99 (queueing and retries included), slowest P99 on top. */
export function nodeLatencyOption(r: RunResults, format: (v: number) => string) {
  const nodes = r.nodes.filter((n) => n.kind !== 'source' && n.latency.count > 0).sort((a, b) => a.latency.p99 - b.latency.p99);
  const bar = (name: string, pick: (q: RunResults['nodes'][number]['latency']) => number, color: string) => ({ type: 'bar', name, data: nodes.map((n) => pick(n.latency)), itemStyle: { color }, barMaxWidth: 10 });
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 180, right: 24, top: 28, bottom: 28 },
    legend: { top: 0, right: 8, textStyle: baseText, itemHeight: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => format(v) },
    xAxis: { type: 'value', axisLabel: { ...baseText, formatter: (v: number) => format(v) }, splitLine: { lineStyle: { color: CHART.grid } } },
    yAxis: { type: 'category', data: nodes.map((n) => n.name || n.id), axisLabel: { ...baseText, width: 170, overflow: 'truncate' }, axisTick: { show: false } },
    series: [bar('P50', (q) => q.p50, CHART.p50), bar('P95', (q) => q.p95, CHART.p95), bar('P99', (q) => q.p99, CHART.p99)],
  };
}
