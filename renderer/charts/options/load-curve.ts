import type { LoadPoint, LoadSearchResult } from '../../../simulation/index';
import { formatMultiplier } from '../../../simulation/index';
import { plusMinusText } from '../../../simulation/units/precision';
import { errorBarSeries } from './error-bars';
import { baseText, CHART } from './palette';

export type LoadMetric = 'p99Ms' | 'costPerQueryUsd';

/** A point's half-width of the figure, or null (one run per point: no interval). */
export function loadHalfWidth(p: LoadPoint, metric: LoadMetric): number | null {
  const hw = metric === 'p99Ms' ? p.p99HalfWidthMs : p.costPerQueryHalfWidthUsd;
  return hw !== null && Number.isFinite(hw) ? hw : null;
}

/** "4,900 ms ± 120 ms" for a replicated point ("30 s same in all 3 runs" when every run agreed), the figure alone for one run. */
export function loadValueText(p: LoadPoint, metric: LoadMetric, format: (v: number) => string): string {
  const value = p[metric];
  if (value === null) return '— (nothing served)';
  const hw = loadHalfWidth(p, metric);
  return hw === null ? format(value) : `${format(value)} ${plusMinusText(metric, value, hw, p.replications)}`;
}

/** What a point is: "mean of 2 runs per point, ± at 95 %" when replicated, else "one seed, common random numbers". */
export function loadPointsText(search: Pick<LoadSearchResult, 'replications' | 'confidence'>): string {
  return search.replications > 1 ? `mean of ${search.replications} runs per point, ± at ${Number((search.confidence * 100).toFixed(1))} %` : 'one seed, common random numbers';
}

/** [multiplier, low, high] of each point with a half-width: the error bars' data (none for single runs). */
export function loadErrorBarData(points: LoadPoint[], metric: LoadMetric): Array<[number, number, number]> {
  return points.flatMap((p): Array<[number, number, number]> => {
    const hw = loadHalfWidth(p, metric);
    const value = p[metric];
    return hw === null || value === null ? [] : [[p.multiplier, value - hw, value + hw]];
  });
}

/** A y range from 0 with four or five ticks at a 1/2/2.5/5 step, reaching past the largest value (and the target). */
export function yScale(largest: number): { top: number; step: number } {
  if (!(largest > 0)) return { top: 1, step: 0.25 };
  const raw = (largest * 1.05) / 4;
  const unit = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * unit).find((x) => x >= raw) ?? 10 * unit;
  return { top: Math.ceil((largest * 1.05) / step) * step, step };
}

/**
 * P99 (or cost per query) at each traffic level the search ran, against the multiplier of today's
 * traffic on a log-2 axis (the search halves and doubles it: 1/16×, 1/8×, … 1×, 2×), as the launch
 * report draws it. Sustainable points blue, breaking points red; today, the max sustainable load and
 * the P99 target marked, the target always inside the y range (it is the line that matters).
 * A replicated search's points are means: their ± half-widths are drawn as error bars, inside the range too.
 */
export function loadCurveOption(search: LoadSearchResult, metric: LoadMetric, format: (v: number) => string, formatRps: (v: number) => string, targetMs: number | null) {
  const points = search.points.filter((p) => p.multiplier > 0).sort((a, b) => a.multiplier - b.multiplier);
  const line = (p: LoadPoint) => [p.multiplier, p[metric]];
  const marks: Array<Record<string, unknown>> = [{ xAxis: 1, lineStyle: { color: CHART.text, type: 'dotted' }, label: { ...baseText, formatter: 'today' } }];
  if (search.maxMultiplier > 0 && search.bound !== 'latency') marks.push({ xAxis: search.maxMultiplier, lineStyle: { color: CHART.p95, type: 'dashed' }, label: { ...baseText, formatter: `max ${formatMultiplier(search.maxMultiplier)}` } });
  const target = metric === 'p99Ms' ? targetMs : null;
  if (target !== null) marks.push({ yAxis: target, lineStyle: { color: CHART.target, type: 'dashed' }, label: { ...baseText, color: CHART.target, position: 'insideStartTop', formatter: `P99 target ${format(target)}` } });
  const multipliers = points.map((p) => p.multiplier);
  const bars = loadErrorBarData(points, metric);
  const { top, step } = yScale(Math.max(target ?? 0, ...points.map((p) => p[metric] ?? 0), ...bars.map((b) => b[2])));
  // Zero in the unit of the axis' other labels ("0 s" under "2 s", as the report's duration axes).
  const yLabel = (v: number) => (v === 0 && metric === 'p99Ms' && top >= 1000 ? '0 s' : format(v));
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 64, right: 24, top: 28, bottom: 62 },
    legend: { bottom: 0, left: 'center', textStyle: baseText, itemHeight: 8, data: ['sustainable', 'breaks a criterion'] },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number; seriesName: string }) => {
        const list = p.seriesName === 'sustainable' ? points.filter((x) => x.breaks.length === 0) : points.filter((x) => x.breaks.length > 0);
        const pt = list[p.dataIndex];
        if (!pt) return '';
        const replicated = pt.replications > 1 ? `<br/><span style="opacity:.7">${loadPointsText(search)}</span>` : '';
        return `${formatMultiplier(pt.multiplier)} today · ${formatRps(pt.rps)}<br/><b>${loadValueText(pt, metric, format)}</b>${replicated}${pt.breaks.length ? `<br/>breaks: ${pt.breaks.join(', ')}` : ''}`;
      },
    },
    xAxis: {
      type: 'log',
      logBase: 2,
      // Whole powers of two around the points, so 1× (today) is always on the axis.
      min: 2 ** Math.floor(Math.log2(Math.min(1, ...multipliers))),
      max: 2 ** Math.ceil(Math.log2(Math.max(1, ...multipliers))),
      name: `traffic × today's ${formatRps(search.baseRps)}`,
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: baseText,
      axisLabel: { ...baseText, formatter: (v: number) => formatMultiplier(v) },
      splitLine: { show: false },
      axisLine: { lineStyle: { color: CHART.axis } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: top,
      interval: step,
      axisLabel: { ...baseText, formatter: yLabel },
      splitLine: { lineStyle: { color: CHART.grid } },
    },
    series: [
      { type: 'line', name: 'all runs', data: points.map(line), showSymbol: false, lineStyle: { color: CHART.axis, width: 1 }, silent: true, tooltip: { show: false }, markLine: { symbol: 'none', silent: true, precision: 10, data: marks } },
      { type: 'scatter', name: 'sustainable', data: points.filter((p) => p.breaks.length === 0).map(line), symbolSize: 8, itemStyle: { color: CHART.p50 } },
      { type: 'scatter', name: 'breaks a criterion', data: points.filter((p) => p.breaks.length > 0).map(line), symbolSize: 8, itemStyle: { color: CHART.errors } },
      // Neutral ink: one bar colour reads over both the blue (sustainable) and red (breaking) points.
      ...errorBarSeries(bars, CHART.text),
    ],
  };
}
