import { describe, expect, it } from 'vitest';
import { LogHistogram, MAX_VALUE, MIN_VALUE, RELATIVE_ACCURACY } from '../../../simulation/metrics/log-histogram';
import { RandomStream } from '../../../simulation/random/streams';

describe('LogHistogram', () => {
  it('puts each value in the bucket whose bounds hold it, from MIN_VALUE to MAX_VALUE (record inlines the bucket arithmetic)', () => {
    const rng = new RandomStream('hist-buckets');
    const values = [MIN_VALUE, MIN_VALUE * 1.0001, 1, 1.5, 1000, MAX_VALUE / 1.0001, ...Array.from({ length: 2000 }, () => MIN_VALUE * (MAX_VALUE / MIN_VALUE) ** rng.uniform())];
    for (const v of values) {
      const h = new LogHistogram();
      h.record(v);
      const i = h.counts.findIndex((c) => c === 1);
      const [low, high] = h.boundsAt(i);
      expect(low).toBeLessThanOrEqual(v);
      expect(v).toBeLessThan(high);
    }
    const edge = new LogHistogram();
    edge.record(MAX_VALUE * 3);
    edge.record(MIN_VALUE / 2);
    expect(edge.counts[edge.counts.length - 1]).toBe(1);
    expect(edge.zeroCount).toBe(1);
  });

  it('reports every quantile within its relative accuracy of the exact sample quantile', () => {
    const rng = new RandomStream('hist');
    const h = new LogHistogram();
    const values: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const v = Math.exp(5 + 1.5 * rng.normal());
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.01, 0.5, 0.9, 0.99, 0.999]) {
      const exact = values[Math.ceil(q * values.length) - 1]!;
      expect(Math.abs(h.quantile(q) / exact - 1)).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-12);
    }
    expect(h.count).toBe(100_000);
    expect(h.max).toBe(values[values.length - 1]);
    expect(h.min).toBe(values[0]);
    expect(h.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 6);
  });

  it('keeps zeros apart and never reports outside [min, max]', () => {
    const h = new LogHistogram();
    h.record(0);
    h.record(0);
    h.record(10);
    expect(h.quantile(0.5)).toBe(0);
    expect(h.quantile(0.99)).toBe(10);
    expect(h.fractionAtOrBelow(0)).toBeCloseTo(2 / 3, 12);
  });

  it('uses fixed memory whatever the number of values', () => {
    const a = new LogHistogram();
    const before = a.counts.length;
    for (let i = 0; i < 1_000_000; i++) a.record((i % 5000) + 0.5);
    expect(a.counts.length).toBe(before);
  });

  it('merges exactly', () => {
    const a = new LogHistogram();
    const b = new LogHistogram();
    const all = new LogHistogram();
    for (let i = 1; i <= 1000; i++) {
      (i % 2 ? a : b).record(i);
      all.record(i);
    }
    a.merge(b);
    expect(a.summary()).toEqual(all.summary());
  });
});
