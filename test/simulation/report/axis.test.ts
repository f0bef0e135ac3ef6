import { describe, expect, it } from 'vitest';
import { durationTicks, formatMultiplier, indexTicks, labelsThatFit, linearTicks, niceMax, niceStep, numericAxis, stepDecimals, timeSteps } from '../../../simulation/report/svg/axis';
import { lineChart, usdTick } from '../../../simulation/report/svg/charts';

const diffs = (xs: number[]) => xs.slice(1).map((x, i) => x - xs[i]!);
const tickLabels = (svg: string) => [...svg.matchAll(/<text class="x-tick"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('report chart axes', () => {
  it('rounds steps and maxima to 1, 2, 2.5 or 5 × 10^k', () => {
    expect(niceMax(7.67)).toBe(10);
    expect(niceMax(0)).toBe(1);
    expect([0.7, 1.3, 2.2, 4, 7, 13_000].map(niceStep)).toEqual([1, 2, 2.5, 5, 10, 20_000]);
  });

  it('y ticks: one even step from 0 past the data, at most the number asked for', () => {
    expect(linearTicks(0, 7670, 6)).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(linearTicks(0, 26_887, 6)).toEqual([0, 10_000, 20_000, 30_000]);
    expect(linearTicks(0, 0.0051, 6)).toEqual([0, 0.002, 0.004, 0.006]);
    expect(linearTicks(0, 0, 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    for (const max of [0.3, 1, 9.99, 123, 5e6]) {
      const t = linearTicks(0, max, 6);
      expect(t.length).toBeLessThanOrEqual(6);
      expect(t[t.length - 1]).toBeGreaterThanOrEqual(max);
      expect(new Set(diffs(t).map((d) => d.toPrecision(9))).size).toBe(1);
    }
  });

  it('durations tick at round seconds or minutes, money at the decimals its step needs', () => {
    expect(durationTicks(7670, 6)).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(durationTicks(250_000, 6)).toEqual([0, 60_000, 120_000, 180_000, 240_000, 300_000]);
    expect(durationTicks(450, 6)).toEqual([0, 100, 200, 300, 400, 500]);
    expect([0.0005, 0.0025, 2.5, 10, 10_000].map(stepDecimals)).toEqual([4, 4, 1, 0, 0]);
    const usd = linearTicks(0, 0.0026, 8);
    expect(usd.map((v) => usdTick(v, stepDecimals(usd[1]!)))).toEqual(['$0', '$0.0005', '$0.0010', '$0.0015', '$0.0020', '$0.0025', '$0.0030']);
    expect(usdTick(30_000, 0)).toBe('$30,000');
  });

  it('12 months: every month when the labels fit, else every 2nd, 3rd… evenly — never M1, M3, M4, M6', () => {
    expect(indexTicks(12, 20)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(indexTicks(12, 8)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(indexTicks(12, 4)).toEqual([0, 3, 6, 9]);
    for (let n = 2; n < 200; n += 7) for (const most of [3, 5, 8, 13]) expect(new Set(diffs(indexTicks(n, most))).size).toBeLessThanOrEqual(1);
    const svg = lineChart({ title: 'Monthly cost', series: [{ name: 'cost', values: Array.from({ length: 12 }, (_, i) => 1000 + i) }], xLabels: Array.from({ length: 12 }, (_, i) => `M${i + 1}`), format: String });
    expect(tickLabels(svg)).toEqual(Array.from({ length: 12 }, (_, i) => `M${i + 1}`));
  });

  it('time series are labelled at round durations: every 10 min of 1-minute buckets, every 20 min of 2-minute ones', () => {
    expect(indexTicks(65, labelsThatFit(640, 6), timeSteps(60_000))).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(timeSteps(120_000).slice(0, 4)).toEqual([1, 5, 10, 15]);
    expect(indexTicks(65, 5, timeSteps(120_000))).toEqual([0, 15, 30, 45, 60]);
  });

  it('traffic multipliers spanning powers of two: a log axis labelled 1/1,024×, 1/256×, … 1×', () => {
    const ks = [1, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625, 0.001953125, 0.0009765625, 0.00146484375, 0.001220703125];
    const axis = numericAxis(ks, 8);
    expect(axis.kind).toBe('log2');
    expect(axis.ticks.map(formatMultiplier)).toEqual(['1/1,024×', '1/256×', '1/64×', '1/16×', '1/4×', '1×']);
    expect(axis.position(2 ** -10)).toBeCloseTo(0);
    expect(axis.position(1)).toBeCloseTo(1);
    expect(axis.position(2 ** -5)).toBeCloseTo(0.5);
    expect(numericAxis([1, 2, 2.66, 4], 8).kind).toBe('linear');
    expect(numericAxis([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024], 20).ticks.map(formatMultiplier)).toEqual(['1×', '2×', '4×', '8×', '16×', '32×', '64×', '128×', '256×', '512×', '1,024×']);
  });

  it('a bisection within a factor of two: a linear axis at a nice step, labels with a few significant digits', () => {
    const axis = numericAxis([1, 2, 1.5, 1.75, 1.625, 1.6875], 8);
    expect(axis.kind).toBe('linear');
    expect(axis.ticks).toEqual([1, 1.2, 1.4, 1.6, 1.8, 2]);
    expect(axis.ticks.map(formatMultiplier)).toEqual(['1×', '1.2×', '1.4×', '1.6×', '1.8×', '2×']);
    expect(formatMultiplier(0.00104999)).toBe('0.00105×');
    expect(formatMultiplier(1 / 16)).toBe('1/16×');
    expect(formatMultiplier(1024)).toBe('1,024×');
    expect(formatMultiplier(1.0000001)).toBe('1×');
  });

  it('a load chart shows its ticks with req/s beneath and its target as a dashed line', () => {
    const ks = [0.0625, 0.125, 0.25, 0.5, 1];
    const svg = lineChart({ title: 'P99 against load', series: [{ name: 'P99', values: ks.map(() => 8000) }], x: { values: ks, format: formatMultiplier, secondary: (k) => `${5 * k} req/s`, title: 'traffic' }, format: String, refLines: [{ value: 5000, label: 'P99 target 5 s' }] });
    expect(tickLabels(svg)).toEqual(['1/16×', '0.3125 req/s', '1/8×', '0.625 req/s', '1/4×', '1.25 req/s', '1/2×', '2.5 req/s', '1×', '5 req/s']);
    expect(svg).toContain('>traffic</text>');
    expect(svg).toContain('P99 target 5 s');
    expect(svg).not.toMatch(/0\.000\d+×/);
    expect(svg).toContain('text-anchor="end" fill="#8a94a6">5 req/s</text>');
  });

  it('a load past capacity does not flatten the chart: the axis stops at the cap and the point shows its value at the edge', () => {
    const ks = [1, 2, 4];
    const svg = lineChart({ title: 'P99 against load', series: [{ name: 'P99', values: [7_000, 9_000, 220_000] }], x: { values: ks, format: formatMultiplier }, format: (v) => `${v / 1000} s`, yDuration: true, refLines: [{ value: 10_000, label: 'P99 target 10 s' }], yCap: 30_000 });
    const yTicks = [...svg.matchAll(/text-anchor="end" fill="#8a94a6">([^<]*)<\/text>/g)].map((m) => m[1]);
    // Ticks up to about the cap, not to 220 s; the 220 s point is a ▲ with its value and a tooltip.
    expect(yTicks.some((t) => t === '220 s' || t === '200 s')).toBe(false);
    expect(svg).toMatch(/<text class="off-axis"[^>]*><title>220 s: above the axis<\/title>▲ 220 s<\/text>/);
    expect([...svg.matchAll(/class="off-axis"/g)]).toHaveLength(1);
  });
});
