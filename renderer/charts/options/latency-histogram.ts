import { formatCount, formatMs, formatShare, type RunResults } from '../../../simulation/index';
import { baseText, CHART } from './palette';

/** Index of the histogram bin holding `ms` (the last bin for values past the end). */
export function binIndex(bins: ReadonlyArray<[number, number, number]>, ms: number): number {
  const i = bins.findIndex(([lo, hi]) => ms >= lo && ms < hi);
  return i >= 0 ? i : Math.max(0, bins.length - 1);
}

/**
 * End-to-end latency of served requests: one bar per histogram bin, with the P50/P95/P99 of the run
 * marked and the SLO's P99 target when it falls inside the range.
 */
export function latencyHistogramOption(r: RunResults, p99TargetMs: number | null) {
  const bins = r.latency.histogram;
  const total = bins.reduce((s, b) => s + b[2], 0);
  const q = r.latency.endToEnd;
  const marks = [
    { name: 'P50', xAxis: binIndex(bins, q.p50), lineStyle: { color: CHART.p50 }, label: { formatter: `P50 ${formatMs(q.p50)}` } },
    { name: 'P95', xAxis: binIndex(bins, q.p95), lineStyle: { color: CHART.p95 }, label: { formatter: `P95 ${formatMs(q.p95)}` } },
    { name: 'P99', xAxis: binIndex(bins, q.p99), lineStyle: { color: CHART.p99 }, label: { formatter: `P99 ${formatMs(q.p99)}` } },
  ];
  const last = bins[bins.length - 1];
  if (p99TargetMs !== null && last && p99TargetMs <= last[1]) {
    marks.push({ name: 'P99 target', xAxis: binIndex(bins, p99TargetMs), lineStyle: { color: CHART.target }, label: { formatter: `target ${formatMs(p99TargetMs)}` } });
  }
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 48, right: 16, top: 28, bottom: 36 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: Array<{ dataIndex: number }>) => {
        const bin = bins[params[0]?.dataIndex ?? 0];
        if (!bin) return '';
        return `${formatMs(bin[0])} – ${formatMs(bin[1])}<br/><b>${formatCount(bin[2])}</b> requests (${formatShare(total ? bin[2] / total : 0)})`;
      },
    },
    xAxis: {
      type: 'category',
      data: bins.map(([lo, hi]) => formatMs((lo + hi) / 2)),
      axisLine: { lineStyle: { color: CHART.axis } },
      axisTick: { show: false },
      axisLabel: { ...baseText, hideOverlap: true },
      name: 'end-to-end latency',
      nameLocation: 'middle',
      nameGap: 24,
    },
    yAxis: { type: 'value', name: 'requests', nameTextStyle: baseText, splitLine: { lineStyle: { color: CHART.grid } }, axisLabel: baseText },
    series: [
      {
        type: 'bar',
        name: 'requests',
        data: bins.map((b) => b[2]),
        barCategoryGap: '8%',
        itemStyle: { color: CHART.bars },
        // Labels would collide where quantiles are close; the legend above the chart names the lines.
        markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', width: 1.5 }, label: { show: false }, data: marks },
      },
    ],
  };
}
