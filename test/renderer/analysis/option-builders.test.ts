import { describe, expect, it } from 'vitest';
import { growthOutlook, meanInterval, type LoadPoint, type LoadSearchResult, type SweepResult, type TornadoBar } from '../../../simulation/index';
import { niceCeil, nodeLatencyOption, projectionOption, quotaUtilisationOption, type ProjectionBudget } from '../../../renderer/charts/options/dashboards';
import { valueErrorBarRenderer } from '../../../renderer/charts/options/error-bars';
import { errorBarData, intervalBarsOption, renderErrorBar } from '../../../renderer/charts/options/interval-bars';
import { loadCurveOption, loadErrorBarData, loadPointsText, loadValueText, yScale } from '../../../renderer/charts/options/load-curve';
import { replicationValuesOption } from '../../../renderer/charts/options/replications';
import { sweepCategoryOption, sweepErrorBarData, sweepHeatmapOption, sweepInterval, sweepLineOption, sweepValue, sweepValueText } from '../../../renderer/charts/options/sweep';
import { tornadoDeltas, tornadoOption } from '../../../renderer/charts/options/tornado';
import { example } from './fixtures';

const fmt = (v: number) => String(v);
type Json = Record<string, unknown> & { series: Array<Record<string, unknown>> };

describe('replication chart', () => {
  it('draws one dot per replication in seed order, the mean as a line and the interval as a band', () => {
    const samples = [7400, 7700, 7600, 7900, 7650];
    const iv = meanInterval(samples, 0.95);
    const o = replicationValuesOption('P99', samples, iv, fmt) as unknown as Json;
    const s = o.series[0] as { data: number[][]; markLine: { data: Array<{ yAxis: number }>; precision: number }; markArea: { data: Array<Array<{ yAxis: number }>> } };
    expect(s.data).toEqual(samples.map((v, i) => [i + 1, v]));
    expect(s.markLine.data[0]!.yAxis).toBe(iv.mean);
    // Small figures (cost per query) must not be rounded to 2 decimals by echarts.
    expect(s.markLine.precision).toBeGreaterThanOrEqual(6);
    expect(s.markArea.data[0]!.map((p) => p.yAxis)).toEqual([iv.low, iv.high]);
  });
});

describe('interval bars', () => {
  const bars = [
    { name: 'L1', value: 0, interval: null },
    { name: 'L2', value: 100, interval: meanInterval([95, 100, 105], 0.95) },
    { name: 'L3', value: 50, interval: meanInterval([50], 0.95) },
  ];
  it('give error bars only where an interval is finite', () => {
    const data = errorBarData(bars);
    expect(data).toHaveLength(1);
    expect(data[0]![0]).toBe(1);
    expect(data[0]![1]).toBeCloseTo(bars[1]!.interval!.low);
    expect(data[0]![2]).toBeCloseTo(bars[1]!.interval!.high);
    const o = intervalBarsOption(bars, 'savings', fmt) as unknown as Json;
    expect((o.series[0] as { data: number[] }).data).toEqual([0, 100, 50]);
    expect(o.series[1]!.type).toBe('custom');
  });

  it('draw a vertical line from low to high with caps', () => {
    const api = { value: (d: number) => [1, 90, 110][d]!, coord: ([x, y]: [number, number]) => [x * 100, 1000 - y] as [number, number], size: () => [80, 0] as [number, number], style: (x: object) => x };
    const g = renderErrorBar(null, api) as { children: Array<{ shape: { x1: number; y1: number; x2: number; y2: number } }> };
    expect(g.children[0]!.shape).toEqual({ x1: 100, y1: 890, x2: 100, y2: 910 });
    expect(g.children[1]!.shape.x2 - g.children[1]!.shape.x1).toBeCloseTo(80 * 0.24);
  });
});

describe('load curve', () => {
  const point = (multiplier: number, p99Ms: number, breaks: string[]): LoadPoint => ({ multiplier, rps: 5 * multiplier, p99Ms, costPerQueryUsd: 0.01 / multiplier, costPerServedQueryUsd: 0.01 / multiplier, errorRate: 0, rateLimitedShare: 0, peakUtilisation: 0.1, limitingQuota: 'q', breaks, replications: 1, p99HalfWidthMs: null, costPerQueryHalfWidthUsd: null });
  const search: LoadSearchResult = { criteria: { p99Ms: 5000 }, baseRps: 5, bound: 'capacity', maxMultiplier: 2.5, maxRps: 12.5, limitedBy: { criterion: 'p99Ms', quota: 'q', node: 'llm' }, points: [point(1, 3000, []), point(2, 4000, []), point(2.5, 4900, []), point(3, 6000, ['p99Ms']), point(4, 9000, ['p99Ms'])], iterations: 4, replications: 1, confidence: 0.95, note: '' };
  it('splits sustainable and breaking points and marks today (1×), the max and the target', () => {
    const o = loadCurveOption(search, 'p99Ms', fmt, fmt, 5000) as unknown as Json;
    expect((o.series[1] as { data: unknown[] }).data).toHaveLength(3);
    expect((o.series[2] as { data: unknown[] }).data).toEqual([[3, 6000], [4, 9000]]);
    const marks = (o.series[0] as { markLine: { data: Array<Record<string, number>>; precision: number } }).markLine;
    expect(marks.data.map((m) => m.xAxis ?? m.yAxis)).toEqual([1, 2.5, 5000]);
    expect(marks.precision).toBeGreaterThanOrEqual(6);
  });
  it('puts the load on a log-2 axis of multiples of today, with req/s in the tooltip', () => {
    const light = { ...search, points: [point(1 / 16, 8540, ['p99Ms']), point(1 / 8, 8300, ['p99Ms']), point(1, 7760, ['p99Ms'])] };
    const o = loadCurveOption(light, 'p99Ms', fmt, (v) => `${v} req/s`, 5000) as unknown as { xAxis: { type: string; logBase: number; min: number; max: number; axisLabel: { formatter(v: number): string } }; tooltip: { formatter(p: object): string } };
    expect(o.xAxis).toMatchObject({ type: 'log', logBase: 2, min: 1 / 16, max: 1 });
    expect([1 / 16, 1 / 8, 1, 2].map((v) => o.xAxis.axisLabel.formatter(v))).toEqual(['1/16×', '1/8×', '1×', '2×']);
    expect(o.tooltip.formatter({ dataIndex: 0, seriesName: 'breaks a criterion' })).toBe('1/16× today · 0.3125 req/s<br/><b>8540</b><br/>breaks: p99Ms');
  });
  it('keeps the P99 target inside the y range, from 0 at a round step', () => {
    const o = loadCurveOption({ ...search, points: [point(1, 3000, [])] }, 'p99Ms', fmt, fmt, 5000) as unknown as { yAxis: { min: number; max: number; interval: number } };
    expect(o.yAxis).toMatchObject({ min: 0, max: 6000, interval: 2000 });
    expect(yScale(8540)).toEqual({ top: 10_000, step: 2500 });
  });
  it('draws error bars (± half-width) iff the points are means of replications, and says so in the tooltip', () => {
    const single = loadCurveOption(search, 'p99Ms', fmt, fmt, 5000) as unknown as Json;
    expect(single.series.map((s) => s.type)).toEqual(['line', 'scatter', 'scatter']);
    const rep = (p: LoadPoint, p99HalfWidthMs: number): LoadPoint => ({ ...p, replications: 2, p99HalfWidthMs, costPerQueryHalfWidthUsd: 0.0004 });
    const replicated: LoadSearchResult = { ...search, replications: 2, confidence: 0.95, points: [rep(point(1, 3000, []), 250), rep(point(4, 9000, ['p99Ms']), 1500)] };
    const o = loadCurveOption(replicated, 'p99Ms', (v) => `${v} ms`, fmt, 5000) as unknown as Json & { yAxis: { max: number }; tooltip: { formatter(p: object): string } };
    expect(o.series.map((s) => s.type)).toEqual(['line', 'scatter', 'scatter', 'custom']);
    expect(o.series[3]!.data).toEqual([[1, 2750, 3250], [4, 7500, 10_500]]);
    expect(loadErrorBarData(replicated.points, 'costPerQueryUsd')[0]).toEqual([1, 0.01 - 0.0004, 0.01 + 0.0004]);
    // The top of the highest bar stays inside the y range.
    expect(o.yAxis.max).toBeGreaterThanOrEqual(10_500);
    expect(o.tooltip.formatter({ dataIndex: 0, seriesName: 'sustainable' })).toBe('1× today · 5<br/><b>3000 ms ± 250 ms</b><br/><span style="opacity:.7">mean of 2 runs per point, ± at 95 %</span>');
    expect(loadPointsText(search)).toBe('one seed, common random numbers');
    expect(loadValueText(search.points[0]!, 'p99Ms', fmt)).toBe('3000');
    // Every run agreed (a P99 pinned at a timeout): said so, not "± 0", which reads as certainty.
    expect(loadValueText({ ...replicated.points[0]!, p99HalfWidthMs: 0 }, 'p99Ms', fmt)).toBe(`3000 same in all ${replicated.points[0]!.replications} runs`);
  });
  it('the shared value-axis error bar (sweep and load curves): low to high with 5 px caps', () => {
    const api = { value: (d: number) => [2, 90, 110][d]!, coord: ([x, y]: [number, number]) => [x * 100, 1000 - y] as [number, number] };
    const g = valueErrorBarRenderer('#123')(null, api) as { children: Array<{ shape: Record<string, number>; style: { stroke: string } }> };
    expect(g.children.map((c) => c.shape)).toEqual([{ x1: 200, y1: 890, x2: 200, y2: 910 }, { x1: 195, y1: 890, x2: 205, y2: 890 }, { x1: 195, y1: 910, x2: 205, y2: 910 }]);
    expect(g.children[0]!.style.stroke).toBe('#123');
  });
});

describe('sweeps and tornado', () => {
  const headline = (cost: number) => ({ p50Ms: 1, p95Ms: 2, p99Ms: 3, ttftP50Ms: 1, ttftP95Ms: 1, errorRate: 0, availability: 1, costPerQueryUsd: 0.01, monthlyCostUsd: cost, cacheHitRate: null, peakQuotaUtilisation: null, throughputRps: 1 });
  const pt = (values: number[], cost: number | null) => ({ values, headline: cost === null ? (null as never) : headline(cost), intervals: null, fixedMonthlyUsd: 0, variableMonthlyUsd: cost ?? 0, problem: cost === null ? 'top_n above top_k' : null });
  it('a one-axis line marks today; invalid points are gaps', () => {
    const r: SweepResult = { axes: [{ path: 'traffic.rps', values: [1, 2, 3] }], base: [2], seed: 1, replications: 1, confidence: 0.95, points: [pt([1], 10), pt([2], null), pt([3], 30)] };
    expect(sweepValue(r, 1, 'monthlyCostUsd')).toBeNull();
    const o = sweepLineOption(r, 'monthlyCostUsd', 'Monthly cost', 'arrival rate', fmt, fmt) as unknown as Json;
    expect((o.series[0] as { data: unknown[] }).data).toEqual([[1, 10], [2, null], [3, 30]]);
  });
  it('a model axis draws a bar per model by name, today\'s in the strong colour, each labelled with its figure; an invalid model has no bar', () => {
    const r: SweepResult = { axes: [{ path: 'nodes[llm].params.model', values: [0, 1, 2], labels: ['gpt-5.4-mini', 'gpt-4.1', 'no-such-model'] }], base: [0], seed: 1, replications: 1, confidence: 0.95, points: [pt([0], 10), pt([1], 20), pt([2], null)] };
    const o = sweepCategoryOption(r, 'monthlyCostUsd', 'Monthly cost', 'model of llm', (v) => `$${v}`) as unknown as Json & { xAxis: { type: string; data: string[] }; tooltip: { formatter(ps: unknown[]): string } };
    expect(o.xAxis).toMatchObject({ type: 'category', data: ['gpt-5.4-mini', 'gpt-4.1', 'no-such-model'] });
    const bars = o.series[0] as { data: Array<{ value: number | null; itemStyle: { color: string } }>; label: { formatter(p: { dataIndex: number }): string } };
    expect(bars.data.map((b) => b.value)).toEqual([10, 20, null]);
    expect(bars.data[0]!.itemStyle.color).not.toBe(bars.data[1]!.itemStyle.color);
    expect([0, 1, 2].map((i) => bars.label.formatter({ dataIndex: i }))).toEqual(['$10', '$20', 'invalid']);
    expect(o.tooltip.formatter([{ dataIndex: 0 }])).toContain('gpt-5.4-mini (today)');
    // A single run per point: no error-bar series.
    expect(o.series).toHaveLength(1);
  });
  it('a two-axis heatmap has a cell per combination, first axis across', () => {
    const r: SweepResult = { axes: [{ path: 'a', values: [1, 2] }, { path: 'b', values: [10, 20, 30] }], base: [1, 10], seed: 1, replications: 1, confidence: 0.95, points: [10, 11, 12, 20, 21, 22].map((c, i) => pt([i, i], c)) };
    const o = sweepHeatmapOption(r, 'monthlyCostUsd', 'cost', fmt, fmt, fmt) as unknown as Json & { visualMap: { min: number; max: number } };
    expect((o.series[0] as { data: unknown[] }).data).toEqual([[0, 0, 10], [0, 1, 11], [0, 2, 12], [1, 0, 20], [1, 1, 21], [1, 2, 22]]);
    expect([o.visualMap.min, o.visualMap.max]).toEqual([10, 22]);
  });
  it("a replicated one-axis sweep draws each point's interval as an error bar around the mean", () => {
    const iv = (samples: number[]) => meanInterval(samples, 0.95);
    const rep = (values: number[], samples: number[]) => ({ ...pt(values, samples.reduce((a, b) => a + b, 0) / samples.length), intervals: { monthlyCostUsd: iv(samples) } });
    const r: SweepResult = { axes: [{ path: 'traffic.rps', values: [1, 2, 3] }], base: [2], seed: 1, replications: 3, confidence: 0.95, points: [rep([1], [9, 10, 11]), pt([2], null), rep([3], [30, 30, 30])] };
    expect(sweepInterval(r, 0, 'monthlyCostUsd')).toEqual(iv([9, 10, 11]));
    expect(sweepInterval(r, 1, 'monthlyCostUsd')).toBeNull();
    expect(sweepInterval(r, 0, 'p99Ms')).toBeNull();
    expect(sweepErrorBarData(r, 'monthlyCostUsd')).toEqual([[1, iv([9, 10, 11]).low, iv([9, 10, 11]).high], [3, 30, 30]]);
    const usd = (v: number) => `$${v.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
    expect(sweepValueText(r, 0, 'monthlyCostUsd', usd)).toBe('$10 ± $2.5');
    expect(sweepValueText(r, 1, 'monthlyCostUsd', usd)).toBe('invalid');
    // Every run agreed: an interval of width 0, said as such ("± 0" would read as certainty).
    expect(sweepValueText(r, 2, 'monthlyCostUsd', usd)).toBe('$30 same in all 3 runs');
    const o = sweepLineOption(r, 'monthlyCostUsd', 'Monthly cost', 'arrival rate', usd, fmt) as unknown as Json & { tooltip: { formatter(ps: unknown[]): string } };
    expect(o.series.map((s) => s.type)).toEqual(['line', 'custom']);
    expect(o.series[1]!.data).toEqual(sweepErrorBarData(r, 'monthlyCostUsd'));
    expect(o.tooltip.formatter([{ seriesIndex: 0, dataIndex: 0 }])).toBe('1<br/><b>$10 ± $2.5</b><br/><span style="opacity:.7">mean of 3 runs, 95 % interval</span>');
    expect(o.tooltip.formatter([{ seriesIndex: 0, dataIndex: 1 }])).toBe('2<br/><b>invalid</b>');
    // A single run per point has no error bars and says nothing about an interval.
    const single = sweepLineOption({ ...r, replications: 1, points: [pt([1], 10), pt([2], 20), pt([3], 30)] }, 'monthlyCostUsd', 'Monthly cost', 'arrival rate', usd, fmt) as unknown as Json & { tooltip: { formatter(ps: unknown[]): string } };
    expect(single.series.map((s) => s.type)).toEqual(['line']);
    expect(single.tooltip.formatter([{ seriesIndex: 0, dataIndex: 0 }])).toBe('1<br/><b>$10</b>');
  });
  it("a replicated heatmap names the interval in its tooltip, no finer than the figure's own digits", () => {
    const cell = (c: number) => ({ ...pt([c, c], c), intervals: { monthlyCostUsd: meanInterval([c - 1, c, c + 1], 0.95) } });
    const r: SweepResult = { axes: [{ path: 'a', values: [1, 2] }, { path: 'b', values: [10, 20] }], base: [1, 10], seed: 1, replications: 3, confidence: 0.95, points: [100, 110, 200, 210].map(cell) };
    const o = sweepHeatmapOption(r, 'monthlyCostUsd', 'cost', (v) => `$${v}`, fmt, fmt) as unknown as { tooltip: { formatter(p: unknown): string } };
    expect(o.tooltip.formatter({ dataIndex: 3, data: [1, 1, 210] })).toBe('2 × 20<br/><b>$210 ± $2</b><br/><span style="opacity:.7">mean of 3 runs, 95 % interval</span>');
  });
  it('tornado bars are changes from today, largest swing drawn on top', () => {
    const bar = (path: string, low: number, high: number): TornadoBar => ({ path, base: 1, low: 0.8, high: 1.2, monthlyCostUsd: { low, high }, p99Ms: { low: 1, high: 1 }, costSwingUsd: Math.abs(high - low), p99SwingMs: 0 });
    const bars = [bar('traffic.rps', 80, 120), bar('x', 95, NaN)];
    expect(tornadoDeltas(bars, 100, 'monthlyCostUsd')).toEqual([{ low: -20, high: 20 }, { low: -5, high: null }]);
    const o = tornadoOption(bars, 100, 'monthlyCostUsd', 0.2, (p) => p, fmt) as unknown as Json & { yAxis: { data: string[] } };
    expect(o.yAxis.data).toEqual(['x', 'traffic.rps']);
    expect(o.series.map((s) => s.name)).toEqual(['−20 %', '+20 %']);
  });
});

describe('dashboard charts', () => {
  it('round axis tops', () => {
    expect(niceCeil(28_194)).toBe(30_000);
    expect(niceCeil(10_500)).toBe(15_000);
    expect(niceCeil(0.73)).toBeCloseTo(0.75);
  });
  it("projection bars over the document's own budget are red, never over the guide's example; quota lines carry the 70 % trigger and 80 % target; nodes slowest on top", () => {
    const { results } = example('optimized-rag', 600_000);
    const outlook = growthOutlook(results, 0);
    const bars = (budget: ProjectionBudget) => ((projectionOption(outlook, budget, fmt) as unknown as Json).series[0] as { data: Array<{ value: number; itemStyle: { color: string } }> }).data;
    const own = bars({ usd: 10_000, own: true, name: "the pipeline's monthly budget" });
    expect(own).toHaveLength(12);
    expect(own.every((b) => b.value > 10_000)).toBe(true);
    expect(own.every((b) => b.itemStyle.color === '#d03c3c')).toBe(true);
    // The guide's example is nobody's limit: the same bars in the neutral colour.
    expect(bars({ usd: 10_000, own: false, name: "the guide's example budget" }).every((b) => b.itemStyle.color !== '#d03c3c')).toBe(true);
    const q = quotaUtilisationOption(results, fmt) as unknown as Json;
    expect(q.series.map((s) => s.name)).toEqual(['openai']);
    expect((q.series[0] as { markLine: { data: Array<{ yAxis: number }> } }).markLine.data.map((m) => m.yAxis)).toEqual([0.7, 0.8]);
    const n = nodeLatencyOption(results, fmt) as unknown as Json & { yAxis: { data: string[] } };
    expect(n.yAxis.data.at(-1)).toBe(results.nodes.find((x) => x.id === 'llm')!.name);
  });
});
