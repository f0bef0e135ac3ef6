import { formatMs, formatPercent, formatShare, type RunResults } from '../../../simulation/index';
import { baseText, CHART } from './palette';

const minutes = (ms: number) => ms / 60_000;

/** [minute, value] points of a per-bucket series; empty buckets (no data) become gaps. */
export function seriesPoints(r: RunResults, values: ReadonlyArray<number | null>): Array<[number, number | null]> {
  return values.map((v, i) => [minutes((i + 0.5) * r.series.bucketMs), v]);
}

function timeAxis(r: RunResults) {
  return {
    type: 'value',
    min: 0,
    max: minutes(r.series.points * r.series.bucketMs),
    // Minute 0 at the left edge, as on the line charts above: bars would widen the axis by half a bar.
    containShape: false,
    name: 'simulated minute',
    nameLocation: 'middle',
    nameGap: 24,
    nameTextStyle: baseText,
    axisLabel: baseText,
    axisLine: { lineStyle: { color: CHART.axis } },
    splitLine: { show: false },
  };
}

/** The warm-up shaded (its requests load the system but are not in the statistics), and the fault windows as they ran. */
function warmupArea(r: RunResults) {
  const warmup = r.series.warmupEndMs > 0 ? [[{ xAxis: 0, name: 'warm-up', itemStyle: { color: CHART.warmup } }, { xAxis: minutes(r.series.warmupEndMs) }]] : [];
  const faults = r.reliability.faults.map((f) => [{ xAxis: minutes(f.startMs), name: f.type, itemStyle: { color: CHART.fault } }, { xAxis: minutes(f.endMs) }]);
  const data = [...warmup, ...faults];
  return data.length ? { silent: true, label: { ...baseText, position: 'insideTop' }, data } : undefined;
}

/** Per-minute P50/P95/P99 of end-to-end latency, with the SLO's P99 target. */
export function latencySeriesOption(r: RunResults, p99TargetMs: number | null) {
  const line = (name: string, values: ReadonlyArray<number | null>, color: string) => ({ type: 'line', name, data: seriesPoints(r, values), showSymbol: false, connectNulls: false, lineStyle: { width: 1.5, color }, itemStyle: { color } });
  const p99 = line('P99', r.series.latencyP99Ms, CHART.p99);
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 56, right: 16, top: 36, bottom: 36 },
    legend: { top: 4, right: 8, textStyle: baseText, itemHeight: 8 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : formatMs(v)) },
    xAxis: timeAxis(r),
    yAxis: { type: 'value', name: 'latency', nameTextStyle: baseText, axisLabel: { ...baseText, formatter: (v: number) => formatMs(v) }, splitLine: { lineStyle: { color: CHART.grid } } },
    series: [
      { ...line('P50', r.series.latencyP50Ms, CHART.p50), markArea: warmupArea(r) },
      line('P95', r.series.latencyP95Ms, CHART.p95),
      p99TargetMs === null ? p99 : { ...p99, markLine: { symbol: 'none', silent: true, lineStyle: { color: CHART.target, type: 'dashed' }, label: { ...baseText, position: 'insideStartTop', formatter: `P99 target ${formatMs(p99TargetMs)}` }, data: [{ yAxis: p99TargetMs }] } },
    ],
  };
}

/** Per-minute failed requests (bars) and error rate (line, right axis). */
export function errorSeriesOption(r: RunResults) {
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 56, right: 56, top: 36, bottom: 36 },
    legend: { top: 4, left: 'center', textStyle: baseText, itemHeight: 8 },
    tooltip: { trigger: 'axis' },
    xAxis: timeAxis(r),
    yAxis: [
      { type: 'value', name: 'errors', minInterval: 1, nameTextStyle: baseText, axisLabel: baseText, splitLine: { lineStyle: { color: CHART.grid } } },
      { type: 'value', name: 'error rate', min: 0, nameTextStyle: baseText, axisLabel: { ...baseText, formatter: (v: number) => formatPercent(v) }, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: 'failed requests', data: seriesPoints(r, r.series.errors), itemStyle: { color: CHART.errors }, barMaxWidth: 8, markArea: warmupArea(r) },
      { type: 'line', name: 'error rate', yAxisIndex: 1, data: seriesPoints(r, r.series.errorRate), showSymbol: false, lineStyle: { width: 1.5, color: '#b7791f' }, itemStyle: { color: '#b7791f' }, tooltip: { valueFormatter: (v: number | null) => formatShare(v) } },
    ],
  };
}
