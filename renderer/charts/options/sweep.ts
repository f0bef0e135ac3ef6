import type { SweepResult } from '../../../simulation/index';
import { baseText, CHART } from './palette';

type Metric = 'monthlyCostUsd' | 'costPerQueryUsd' | 'p99Ms' | 'p50Ms' | 'errorRate';

/** A point's figure, or null where the what-if was invalid (e.g. top_n above top_k). */
export function sweepValue(result: SweepResult, index: number, metric: Metric): number | null {
  const p = result.points[index];
  return !p || p.problem ? null : p.headline[metric];
}

/** One axis: the figure against the parameter, today's value marked. */
export function sweepLineOption(result: SweepResult, metric: Metric, metricLabel: string, paramName: string, format: (v: number) => string, formatParam: (v: number) => string) {
  const axis = result.axes[0]!;
  const data = axis.values.map((v, i) => [v, sweepValue(result, i, metric)]);
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 72, right: 24, top: 24, bottom: 44 },
    tooltip: { trigger: 'axis', formatter: (ps: Array<{ data: [number, number | null] }>) => (ps[0] ? `${formatParam(ps[0].data[0])}<br/><b>${ps[0].data[1] === null ? 'invalid' : format(ps[0].data[1])}</b>` : '') },
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
    tooltip: { formatter: (p: { data: [number, number, number | null] }) => `${formatX(a!.values[p.data[0]]!)} × ${formatY(b!.values[p.data[1]]!)}<br/><b>${p.data[2] === null ? 'invalid' : format(p.data[2])}</b>` },
    xAxis: { type: 'category', data: a!.values.map(formatX), axisLabel: baseText, splitArea: { show: true } },
    yAxis: { type: 'category', data: b!.values.map(formatY), axisLabel: baseText, splitArea: { show: true } },
    visualMap: { min: values.length ? Math.min(...values) : 0, max: values.length ? Math.max(...values) : 1, text: values.length ? [format(Math.max(...values)), format(Math.min(...values))] : undefined, calculable: false, orient: 'horizontal', left: 'center', bottom: 4, itemHeight: 160, textStyle: baseText, formatter: (v: number) => format(v), inRange: { color: ['#e9f0fd', '#8fb0ee', '#2f64d8'] } },
    series: [{ type: 'heatmap', name: metricLabel, data: cells, label: { show: true, ...baseText, color: '#1c2230', formatter: (p: { data: [number, number, number | null] }) => (p.data[2] === null ? '—' : format(p.data[2])) } }],
  };
}
