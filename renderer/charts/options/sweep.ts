import type { Interval, SweepResult } from '../../../simulation/index';
import { plusMinusText } from '../../../simulation/units/precision';
import { errorBarSeries } from './error-bars';
import { renderErrorBar } from './interval-bars';
import { baseText, CHART } from './palette';

type Metric = 'monthlyCostUsd' | 'costPerQueryUsd' | 'p99Ms' | 'p50Ms' | 'errorRate';

/** A point's figure, or null where the what-if was invalid (e.g. top_n above top_k). */
export function sweepValue(result: SweepResult, index: number, metric: Metric): number | null {
  const p = result.points[index];
  return !p || p.problem ? null : p.headline[metric];
}

/** A point's interval of the figure over its replications, or null (single run, invalid point, one sample). */
export function sweepInterval(result: SweepResult, index: number, metric: Metric): Interval | null {
  const p = result.points[index];
  const ci = !p || p.problem ? undefined : p.intervals?.[metric];
  return ci && Number.isFinite(ci.halfWidth) ? ci : null;
}

/** "$1,234 ± $56" with a replicated sweep's interval ("$1,234 same in all 3 runs" when they agreed), "$1,234" without (or "invalid"). */
export function sweepValueText(result: SweepResult, index: number, metric: Metric, format: (v: number) => string): string {
  const v = sweepValue(result, index, metric);
  if (v === null) return 'invalid';
  const ci = sweepInterval(result, index, metric);
  return ci ? `${format(v)} ${plusMinusText(metric, v, ci.halfWidth, ci.n)}` : format(v);
}

/** "(95 % CI, n = 3)" under a tooltip's figure of a replicated sweep, else nothing. */
function tooltipNote(result: SweepResult): string {
  return result.replications > 1 ? `<br/><span style="opacity:.7">mean of ${result.replications} runs, ${Number((result.confidence * 100).toFixed(1))} % interval</span>` : '';
}

/** [x, low, high] of each point with an interval: the error bars' data. */
export function sweepErrorBarData(result: SweepResult, metric: Metric): Array<[number, number, number]> {
  const axis = result.axes[0]!;
  return axis.values.flatMap((x, i): Array<[number, number, number]> => {
    const ci = sweepInterval(result, i, metric);
    return ci ? [[x, ci.low, ci.high]] : [];
  });
}

/** One axis: the figure against the parameter, today's value marked; a replicated sweep's intervals as error bars. */
export function sweepLineOption(result: SweepResult, metric: Metric, metricLabel: string, paramName: string, format: (v: number) => string, formatParam: (v: number) => string) {
  const axis = result.axes[0]!;
  const data = axis.values.map((v, i) => [v, sweepValue(result, i, metric)]);
  const bars = sweepErrorBarData(result, metric);
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 72, right: 24, top: 24, bottom: 44 },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: Array<{ seriesIndex: number; dataIndex: number }>) => {
        const p = ps.find((x) => x.seriesIndex === 0);
        return p ? `${formatParam(axis.values[p.dataIndex]!)}<br/><b>${sweepValueText(result, p.dataIndex, metric, format)}</b>${sweepValue(result, p.dataIndex, metric) === null ? '' : tooltipNote(result)}` : '';
      },
    },
    xAxis: { type: 'value', scale: true, name: paramName, nameLocation: 'middle', nameGap: 28, nameTextStyle: baseText, axisLabel: { ...baseText, formatter: (v: number) => formatParam(v) }, splitLine: { show: false }, axisLine: { lineStyle: { color: CHART.axis } } },
    yAxis: { type: 'value', scale: true, name: metricLabel, nameTextStyle: baseText, axisLabel: { ...baseText, formatter: (v: number) => format(v) }, splitLine: { lineStyle: { color: CHART.grid } } },
    series: [
      {
        type: 'line',
        name: metricLabel,
        data,
        connectNulls: false,
        symbolSize: 7,
        lineStyle: { color: CHART.p50, width: 2 },
        itemStyle: { color: CHART.p50 },
        markLine: { symbol: 'none', silent: true, precision: 10, lineStyle: { color: CHART.text, type: 'dotted' }, label: { ...baseText, formatter: 'today' }, data: [{ xAxis: result.base[0] }] },
      },
      ...errorBarSeries(bars, CHART.p50),
    ],
  };
}

/** Two axes: a heatmap of the figure over every combination, labelled in each cell. */
export function sweepHeatmapOption(result: SweepResult, metric: Metric, metricLabel: string, format: (v: number) => string, formatX: (v: number) => string, formatY: (v: number) => string) {
  const [a, b] = result.axes;
  const cells = result.points.map((_, i) => [Math.floor(i / b!.values.length), i % b!.values.length, sweepValue(result, i, metric)]);
  const values = cells.map((c) => c[2]).filter((v): v is number => v !== null);
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 96, right: 24, top: 16, bottom: 78 },
    tooltip: { formatter: (p: { dataIndex: number; data: [number, number, number | null] }) => `${formatX(a!.values[p.data[0]]!)} × ${formatY(b!.values[p.data[1]]!)}<br/><b>${sweepValueText(result, p.dataIndex, metric, format)}</b>${p.data[2] === null ? '' : tooltipNote(result)}` },
    xAxis: { type: 'category', data: a!.values.map(formatX), axisLabel: baseText, splitArea: { show: true } },
    yAxis: { type: 'category', data: b!.values.map(formatY), axisLabel: baseText, splitArea: { show: true } },
    visualMap: { min: values.length ? Math.min(...values) : 0, max: values.length ? Math.max(...values) : 1, text: values.length ? [format(Math.max(...values)), format(Math.min(...values))] : undefined, calculable: false, orient: 'horizontal', left: 'center', bottom: 4, itemHeight: 160, textStyle: baseText, formatter: (v: number) => format(v), inRange: { color: ['#e9f0fd', '#8fb0ee', '#2f64d8'] } },
    series: [{ type: 'heatmap', name: metricLabel, data: cells, label: { show: true, ...baseText, color: '#1c2230', formatter: (p: { data: [number, number, number | null] }) => (p.data[2] === null ? '—' : format(p.data[2])) } }],
  };
}

/**
 * One categorical axis (a node's model): a bar per model, today's in the strong colour, each labelled
 * with its figure; a replicated sweep's intervals as error bars. Bars, not a line: models have no order.
 */
export function sweepCategoryOption(result: SweepResult, metric: Metric, metricLabel: string, paramName: string, format: (v: number) => string) {
  const axis = result.axes[0]!;
  const names = axis.values.map((v) => axis.labels?.[v] ?? String(v));
  const today = result.base[0];
  const bars = axis.values.flatMap((_, i): Array<[number, number, number]> => {
    const ci = sweepInterval(result, i, metric);
    return ci ? [[i, ci.low, ci.high]] : [];
  });
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 72, right: 24, top: 28, bottom: 52 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: Array<{ dataIndex: number }>) => {
        const i = ps[0]?.dataIndex ?? 0;
        return `${names[i]}${axis.values[i] === today ? ' (today)' : ''}<br/><b>${sweepValueText(result, i, metric, format)}</b>${sweepValue(result, i, metric) === null ? '' : tooltipNote(result)}`;
      },
    },
    xAxis: { type: 'category', data: names, name: paramName, nameLocation: 'middle', nameGap: 34, nameTextStyle: baseText, axisLabel: { ...baseText, interval: 0 }, axisTick: { show: false }, axisLine: { lineStyle: { color: CHART.axis } } },
    yAxis: { type: 'value', name: metricLabel, nameTextStyle: baseText, axisLabel: { ...baseText, formatter: (v: number) => format(v) }, splitLine: { lineStyle: { color: CHART.grid } } },
    series: [
      {
        type: 'bar',
        name: metricLabel,
        barMaxWidth: 56,
        data: axis.values.map((v, i) => ({ value: sweepValue(result, i, metric), itemStyle: { color: v === today ? CHART.p50 : CHART.bars } })),
        label: { show: true, position: 'top', ...baseText, color: '#1c2230', formatter: (p: { dataIndex: number }) => sweepValueText(result, p.dataIndex, metric, format) },
      },
      ...(bars.length ? [{ type: 'custom', name: 'confidence interval', renderItem: renderErrorBar, data: bars, z: 10, encode: { x: 0, y: [1, 2] }, tooltip: { show: false }, silent: true }] : []),
    ],
  };
}
