import type { TornadoBar } from '../../../simulation/index';
import { baseText, CHART } from './palette';

export type TornadoMetric = 'monthlyCostUsd' | 'p99Ms';

/** Change of the figure from its base value at the low and the high setting of each parameter. */
export function tornadoDeltas(bars: TornadoBar[], base: number, metric: TornadoMetric): Array<{ low: number | null; high: number | null }> {
  const d = (v: number) => (Number.isFinite(v) ? v - base : null);
  return bars.map((b) => ({ low: d(b[metric].low), high: d(b[metric].high) }));
}

/**
 * Sensitivity: one row per parameter (largest swing on top), a bar for "−spread" and one for
 * "+spread", each the change of the figure from today's value.
 */
export function tornadoOption(bars: TornadoBar[], base: number, metric: TornadoMetric, spread: number, labelOf: (path: string) => string, format: (v: number) => string) {
  const deltas = tornadoDeltas(bars, base, metric);
  const rows = bars.map((b) => labelOf(b.path)).reverse();
  const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${format(Math.abs(v))}`;
  const pct = Math.round(spread * 100);
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 220, right: 32, top: 28, bottom: 36 },
    legend: { top: 0, right: 8, textStyle: baseText, itemHeight: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v === null ? 'invalid' : signed(v)) },
    xAxis: { type: 'value', name: `change from today (${format(base)})`, nameLocation: 'middle', nameGap: 24, nameTextStyle: baseText, axisLabel: { ...baseText, formatter: (v: number) => signed(v) }, splitLine: { lineStyle: { color: CHART.grid } } },
    yAxis: { type: 'category', data: rows, axisLabel: { ...baseText, width: 200, overflow: 'truncate' }, axisTick: { show: false }, axisLine: { lineStyle: { color: CHART.axis } } },
    series: [
      { type: 'bar', name: `−${pct} %`, data: deltas.map((x) => x.low).reverse(), itemStyle: { color: CHART.p50 }, barGap: '0%', barMaxWidth: 14 },
      { type: 'bar', name: `+${pct} %`, data: deltas.map((x) => x.high).reverse(), itemStyle: { color: CHART.p99 }, barMaxWidth: 14 },
    ],
  };
}
