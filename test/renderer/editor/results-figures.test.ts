import { describe, expect, it } from 'vitest';
import { formatMs, formatUsd, loadPipeline, runPipeline, type RunResults } from '../../../simulation/index';
import { binIndex, latencyHistogramOption } from '../../../renderer/charts/options/latency-histogram';
import { errorSeriesOption, latencySeriesOption, seriesPoints } from '../../../renderer/charts/options/time-series';
import { checkStatus, headlineCards } from '../../../renderer/features/results/headline-cards';
import { reportRows } from '../../../renderer/features/results/node-report';
import { exampleText } from '../helpers';

let cached: RunResults | undefined;
function results(): RunResults {
  if (cached) return cached;
  const loaded = loadPipeline(exampleText('optimized-rag'));
  if (!loaded.ok) throw new Error('invalid example');
  cached = runPipeline(loaded.doc, loaded.catalog, { durationMs: 900_000 });
  return cached;
}

describe('headline cards', () => {
  it('show the run\'s headline figures formatted as the CLI formats them', () => {
    const r = results();
    const cards = Object.fromEntries(headlineCards(r).map((c) => [c.key, c]));
    expect(cards.p99Ms?.value).toBe(formatMs(r.headline.p99Ms));
    expect(cards.costPerQueryUsd?.value).toBe(formatUsd(r.headline.costPerQueryUsd));
    expect(cards.monthlyCostUsd?.value).toBe(formatUsd(r.headline.monthlyCostUsd));
    expect(cards.p99Ms?.target).toBe('target < 5 s');
    expect(cards.cacheHitRate?.value).toBe('no cache');
  });

  it('colour: red on a miss, amber when passing with under 20 % of the budget left, green otherwise', () => {
    const base = { metric: 'p99Ms' as const, label: 'P99', target: 5000, direction: 'max' as const };
    expect(checkStatus({ ...base, actual: 6000, pass: false })).toBe('fail');
    expect(checkStatus({ ...base, actual: 4500, pass: true })).toBe('near');
    expect(checkStatus({ ...base, actual: 2000, pass: true })).toBe('pass');
    const avail = { metric: 'availability' as const, label: 'A', target: 0.999, direction: 'min' as const };
    expect(checkStatus({ ...avail, actual: 0.9999, pass: true })).toBe('pass');
    expect(checkStatus({ ...avail, actual: 0.9991, pass: true })).toBe('near');
    expect(checkStatus({ ...avail, actual: null, pass: null })).toBe('none');
  });
});

describe('chart option builders', () => {
  it('the histogram has one bar per bin, the served count in all, and marks the quantiles in their bins', () => {
    const r = results();
    const option = latencyHistogramOption(r, 5000);
    const bars = option.series[0]!.data as number[];
    expect(bars).toHaveLength(r.latency.histogram.length);
    expect(bars.reduce((a, b) => a + b, 0)).toBe(r.outcomes.served);
    const marks = option.series[0]!.markLine.data;
    expect(marks.map((m) => m.name)).toEqual(['P50', 'P95', 'P99', 'P99 target']);
    const [lo, hi] = r.latency.histogram[marks[2]!.xAxis]!;
    expect(r.latency.endToEnd.p99).toBeGreaterThanOrEqual(lo);
    expect(r.latency.endToEnd.p99).toBeLessThan(hi);
  });

  it('binIndex puts values past the last bin into it', () => {
    expect(binIndex([[0, 10, 1], [10, 20, 2]], 99)).toBe(1);
    expect(binIndex([[0, 10, 1], [10, 20, 2]], 10)).toBe(1);
  });

  it('time series put each bucket at its middle minute and keep empty buckets as gaps', () => {
    const r = results();
    const points = seriesPoints(r, [5, null]);
    expect(points).toEqual([[0.5, 5], [1.5, null]]);
    const latency = latencySeriesOption(r, 5000);
    expect(latency.series.map((s) => s.name)).toEqual(['P50', 'P95', 'P99']);
    expect(latency.series[0]!.data).toHaveLength(r.series.points);
    const errors = errorSeriesOption(r);
    expect((errors.series[0]!.data as Array<[number, number]>).reduce((s, [, v]) => s + v, 0)).toBe(r.series.errors.reduce((a, b) => a + b, 0));
  });
});

describe('node reports', () => {
  it('format by the key\'s unit suffix so new kinds read well', () => {
    expect(reportRows({ timeOpenMs: 90_000, savedUsd: 1.5, hitRate: 0.25, calls: 1200, mode: 'simulated', open: false, perRoute: { a: 3 } })).toEqual([
      { label: 'Time open', value: '1.5 min' },
      { label: 'Saved', value: '$1.50' },
      { label: 'Hit rate', value: '25 %' },
      { label: 'Calls', value: '1,200' },
      { label: 'Mode', value: 'simulated' },
      { label: 'Open', value: 'no' },
      { label: 'Per route', value: 'a: 3' },
    ]);
  });
});
