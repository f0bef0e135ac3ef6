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

/** How far above the P99 target the axis may reach: a P99 beyond this many targets is "off the chart". */
export const P99_AXIS_CUT = 3;

/**
 * The loads whose P99 is more than P99_AXIS_CUT × the target (a queue running away, calls timing out
 * after minutes). Drawn to scale they would flatten the target line into the x axis, where the
 * question is read; they are drawn as ▲ at the top of the axis with their value instead.
 */
export function offChartPoints(points: LoadPoint[], metric: LoadMetric, target: number | null): LoadPoint[] {
  if (metric !== 'p99Ms' || target === null || !(target > 0)) return [];
  return points.filter((p) => p.p99Ms !== null && p.p99Ms > P99_AXIS_CUT * target);
}

/** For the chart's accessible name: "; 2 loads above the axis (P99 over 3× the target): 8× 1 min, 16× 1.2 min", or "". */
export function offChartText(search: LoadSearchResult, metric: LoadMetric, target: number | null, format: (v: number) => string): string {
  const above = offChartPoints(search.points.filter((p) => p.multiplier > 0), metric, target).sort((a, b) => a.multiplier - b.multiplier);
  if (!above.length) return '';
  return `; ${above.length} load${above.length > 1 ? 's' : ''} above the axis (P99 over ${P99_AXIS_CUT}× the target): ${above.map((p) => `${formatMultiplier(p.multiplier)} ${loadValueText(p, metric, format)}`).join(', ')}`;
}

/**
 * P99 (or cost per query) at each traffic level the search ran, against the multiplier of today's
 * traffic on a log-2 axis (the search halves and doubles it: 1/16×, 1/8×, … 1×, 2×), as the launch
 * report draws it. Sustainable points blue, breaking points red; today, the max sustainable load and
 * the P99 target marked, the target always inside the y range (it is the line that matters).
 * The P99 axis stops near P99_AXIS_CUT × the target: loads above it are ▲ at the top with their value
 * (and in the tooltip), so a P99 of minutes does not flatten the target into the x axis.
 * A replicated search's points are means: their ± half-widths are drawn as error bars, inside the range too.
 */
export function loadCurveOption(search: LoadSearchResult, metric: LoadMetric, format: (v: number) => string, formatRps: (v: number) => string, targetMs: number | null) {
  const points = search.points.filter((p) => p.multiplier > 0).sort((a, b) => a.multiplier - b.multiplier);
  const target = metric === 'p99Ms' ? targetMs : null;
  const above = offChartPoints(points, metric, target);
  const onChart = points.filter((p) => !above.includes(p));
  const marks: Array<Record<string, unknown>> = [{ xAxis: 1, lineStyle: { color: CHART.text, type: 'dotted' }, label: { ...baseText, formatter: 'today' } }];
  if (search.maxMultiplier > 0 && search.bound !== 'latency') marks.push({ xAxis: search.maxMultiplier, lineStyle: { color: CHART.p95, type: 'dashed' }, label: { ...baseText, formatter: `max ${formatMultiplier(search.maxMultiplier)}` } });
  if (target !== null) marks.push({ yAxis: target, lineStyle: { color: CHART.target, type: 'dashed' }, label: { ...baseText, color: CHART.target, position: 'insideStartTop', formatter: `P99 target ${format(target)}` } });
  const multipliers = points.map((p) => p.multiplier);
  const bars = loadErrorBarData(onChart, metric);
  const largest = Math.max(target ?? 0, ...onChart.map((p) => p[metric] ?? 0), ...bars.map((b) => b[2]));
  // With points above the cut, room above the target for the ▲ row to read apart from the line.
  const { top, step } = yScale(above.length && target !== null ? Math.max(largest, 1.5 * target) : largest);
  const shown = (p: LoadPoint) => [p.multiplier, above.includes(p) ? top : p[metric]];
  // The line climbs to the top edge towards a load above the axis, and does not run along the edge between two of them.
  const linePoint = (p: LoadPoint, i: number) => (above.includes(p) && above.includes(points[i - 1]!) ? [p.multiplier, null] : shown(p));
  const aboveName = `above ${P99_AXIS_CUT}× the target (value shown)`;
  // Zero in the unit of the axis' other labels ("0 s" under "2 s", as the report's duration axes).
  const yLabel = (v: number) => (v === 0 && metric === 'p99Ms' && top >= 1000 ? '0 s' : format(v));
  const lists: Record<string, LoadPoint[]> = { sustainable: onChart.filter((x) => x.breaks.length === 0), 'breaks a criterion': onChart.filter((x) => x.breaks.length > 0), [aboveName]: above };
  return {
    animation: false,
    textStyle: baseText,
    // Room on the right for the value under a ▲ at the last load.
    grid: { left: 64, right: above.length ? 36 : 24, top: 28, bottom: 62 },
    legend: { bottom: 0, left: 'center', textStyle: baseText, itemHeight: 8, itemWidth: 14, data: ['sustainable', 'breaks a criterion', ...(above.length ? [aboveName] : [])] },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number; seriesName: string }) => {
        const pt = lists[p.seriesName]?.[p.dataIndex];
        if (!pt) return '';
        const replicated = pt.replications > 1 ? `<br/><span style="opacity:.7">${loadPointsText(search)}</span>` : '';
        const off = above.includes(pt) ? `<br/><span style="opacity:.7">above the axis, which stops near ${P99_AXIS_CUT}× the P99 target</span>` : '';
        return `${formatMultiplier(pt.multiplier)} today · ${formatRps(pt.rps)}<br/><b>${loadValueText(pt, metric, format)}</b>${replicated}${off}${pt.breaks.length ? `<br/>breaks: ${pt.breaks.join(', ')}` : ''}`;
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
      { type: 'line', name: 'all runs', data: points.map(linePoint), showSymbol: false, lineStyle: { color: CHART.axis, width: 1 }, silent: true, tooltip: { show: false }, markLine: { symbol: 'none', silent: true, precision: 10, data: marks } },
      { type: 'scatter', name: 'sustainable', data: lists.sustainable!.map(shown), symbolSize: 8, itemStyle: { color: CHART.p50 } },
      { type: 'scatter', name: 'breaks a criterion', data: lists['breaks a criterion']!.map(shown), symbolSize: 8, itemStyle: { color: CHART.errors } },
      ...(above.length
        ? [{ type: 'scatter', name: aboveName, data: above.map(shown), symbol: 'triangle', symbolSize: 11, itemStyle: { color: CHART.errors }, label: { show: true, position: 'bottom', ...baseText, fontSize: 10, formatter: (p: { dataIndex: number }) => format(above[p.dataIndex]!.p99Ms!) } }]
        : []),
      // Neutral ink: one bar colour reads over both the blue (sustainable) and red (breaking) points.
      ...errorBarSeries(bars, CHART.text),
    ],
  };
}
