import { describe, expect, it } from 'vitest';
import type { LoadPoint, LoadSearchResult } from '../../../simulation/index';
import { loadCurveOption, offChartPoints, offChartText, P99_AXIS_CUT } from '../../../renderer/charts/options/load-curve';

const point = (multiplier: number, p99Ms: number, breaks: string[]): LoadPoint => ({ multiplier, rps: 5 * multiplier, p99Ms, costPerQueryUsd: 0.01, costPerServedQueryUsd: 0.01, errorRate: 0, rateLimitedShare: 0, peakUtilisation: 0.1, limitingQuota: 'q', breaks, replications: 1, p99HalfWidthMs: null, costPerQueryHalfWidthUsd: null });
const ms = (v: number) => (v >= 60_000 ? `${(v / 60_000).toFixed(1)} min` : `${v / 1000} s`);

/** A search whose heavier loads queue for minutes: P99 2.5 min and 10 min against a 5 s target. */
const runaway: LoadSearchResult = {
  criteria: { p99Ms: 5000 },
  baseRps: 5,
  bound: 'capacity',
  maxMultiplier: 1.5,
  maxRps: 7.5,
  limitedBy: { criterion: 'p99Ms', quota: 'q', node: 'llm' },
  points: [point(1, 3000, []), point(1.5, 4600, []), point(2, 9000, ['p99Ms']), point(4, 150_000, ['p99Ms']), point(8, 600_000, ['p99Ms'])],
  iterations: 4,
  replications: 1,
  confidence: 0.95,
  note: '',
};

type Option = {
  yAxis: { max: number; interval: number };
  legend: { data: string[] };
  series: Array<{ name: string; type: string; data: Array<[number, number]>; symbol?: string; label?: { formatter(p: { dataIndex: number }): string } }>;
  tooltip: { formatter(p: { dataIndex: number; seriesName: string }): string };
};

describe('P99 against load: the axis stays around the target', () => {
  it('stops the axis near 3× the target and marks the loads above it, with their true values', () => {
    expect(offChartPoints(runaway.points, 'p99Ms', 5000).map((p) => p.multiplier)).toEqual([4, 8]);
    const o = loadCurveOption(runaway, 'p99Ms', ms, (v) => `${v} req/s`, 5000) as unknown as Option;
    // 9 s is the highest load drawn to scale: the axis ends at 10 s, not at 10 minutes.
    expect(o.yAxis.max).toBe(10_000);
    expect(o.yAxis.max).toBeLessThanOrEqual(P99_AXIS_CUT * 5000);
    const above = o.series.find((s) => s.symbol === 'triangle')!;
    expect(above.data).toEqual([[4, 10_000], [8, 10_000]]);
    expect([0, 1].map((i) => above.label!.formatter({ dataIndex: i }))).toEqual(['2.5 min', '10.0 min']);
    expect(o.legend.data).toEqual(['sustainable', 'breaks a criterion', 'above 3× the target (value shown)']);
    expect(o.tooltip.formatter({ dataIndex: 1, seriesName: above.name })).toBe('8× today · 40 req/s<br/><b>10.0 min</b><br/><span style="opacity:.7">above the axis, which stops near 3× the P99 target</span><br/>breaks: p99Ms');
    // The line climbs to the top edge for the first of them, not along it; the breaking series keeps only the point drawn to scale.
    expect(o.series.find((s) => s.name === 'all runs')!.data.slice(-2)).toEqual([[4, 10_000], [8, null]]);
    expect(o.series.find((s) => s.name === 'breaks a criterion')!.data).toEqual([[2, 9000]]);
  });

  it('says the off-axis values in the chart’s accessible name', () => {
    expect(offChartText(runaway, 'p99Ms', 5000, ms)).toBe('; 2 loads above the axis (P99 over 3× the target): 4× 2.5 min, 8× 10.0 min');
    expect(offChartText(runaway, 'p99Ms', null, ms)).toBe('');
  });

  it('leaves room above the target when only far-off loads break it, and changes nothing when every load fits', () => {
    const cliff = { ...runaway, points: [point(1, 3000, []), point(2, 120_000, ['p99Ms'])] };
    const o = loadCurveOption(cliff, 'p99Ms', ms, ms, 5000) as unknown as Option;
    expect(o.yAxis.max).toBeGreaterThanOrEqual(7500);
    const fits = { ...runaway, points: [point(1, 3000, []), point(2, 14_000, ['p99Ms'])] };
    const f = loadCurveOption(fits, 'p99Ms', ms, ms, 5000) as unknown as Option;
    expect(f.series.some((s) => s.symbol === 'triangle')).toBe(false);
    expect(f.yAxis.max).toBeGreaterThanOrEqual(14_000);
    // Cost per query has no target: never cut.
    expect(offChartPoints(runaway.points, 'costPerQueryUsd', 5000)).toEqual([]);
  });
});
