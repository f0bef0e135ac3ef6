import { formatShare, type RunResults } from '../../../simulation/index';
import { baseText, CHART } from './palette';
import { seriesPoints } from './time-series';

const QUOTA_COLOURS = ['#2f64d8', '#7357e8', '#0f8f8a', '#e08a1e', '#c8553d'];

/** A round axis top at or above x: 28,194 → 30,000; 0.73 → 0.75. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(x));
  return (Math.ceil((x / step) * 2) / 2) * step;
}

/** Twelve months of cost at the traffic's growth, against the monthly budget. */
export function projectionOption(r: RunResults, budgetUsd: number, format: (v: number) => string) {
  const max = Math.max(budgetUsd, ...r.projection.map((p) => p.costUsd));
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 72, right: 110, top: 24, bottom: 36 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => format(v) },
    xAxis: { type: 'category', data: r.projection.map((p) => `M${p.month}`), axisLabel: baseText, axisTick: { show: false }, axisLine: { lineStyle: { color: CHART.axis } } },
    yAxis: { type: 'value', min: 0, max: niceCeil(max * 1.05), axisLabel: { ...baseText, formatter: (v: number) => format(v) }, splitLine: { lineStyle: { color: CHART.grid } } },
    series: [
      {
        type: 'bar',
        name: 'projected cost',
        data: r.projection.map((p) => ({ value: p.costUsd, itemStyle: { color: p.costUsd > budgetUsd ? CHART.errors : CHART.bars } })),
        barMaxWidth: 28,
        markLine: { symbol: 'none', silent: true, precision: 10, lineStyle: { color: CHART.text, type: 'dashed' }, label: { ...baseText, position: 'end', formatter: `budget ${format(budgetUsd)}` }, data: [{ yAxis: budgetUsd }] },
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
