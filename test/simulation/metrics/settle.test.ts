import { describe, expect, it } from 'vitest';
import { example, run } from '../../helpers/pipelines';

/**
 * Figures recorded once in parts and summed after the run (Metrics.settle): the cost ledger's cells,
 * the per-class latency histograms, the latency series' counts. Each total must equal its parts.
 */
describe('settled figures', () => {
  const doc = example('optimized-rag');
  const r = run(doc, { seed: 3, durationMs: 1_800_000, warmupMs: 300_000, traceSampleRate: 0, drain: false });
  const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);

  it('usage cost: by source = by node = by class × arrivals = the total', () => {
    const total = r.cost.variableUsd;
    expect(total).toBeGreaterThan(0);
    expect(sum(r.cost.bySource.map((s) => s.costUsd))).toBeCloseTo(total, 9);
    expect(sum(r.cost.byNode.map((n) => n.usd))).toBeCloseTo(total, 9);
    expect(sum(r.latency.byClass.map((c) => c.costPerQueryUsd * c.measured))).toBeCloseTo(total, 9);
  });

  it('tokens by source equal the ledger by node and type', () => {
    const input = sum(r.cost.byNode.map((n) => n.units.input + n.units.cachedInput + n.units.cacheWrite));
    const output = sum(r.cost.byNode.map((n) => n.units.output));
    expect(sum(r.cost.bySource.map((s) => s.inputTokens))).toBe(input);
    expect(sum(r.cost.bySource.map((s) => s.outputTokens))).toBe(output);
  });

  it('the end-to-end histogram is the union of the per-class ones', () => {
    const e2e = r.latency.endToEnd;
    expect(e2e.count).toBe(r.outcomes.served);
    expect(e2e.count).toBe(sum(r.latency.byClass.map((c) => c.latency.count)));
    expect(e2e.max).toBe(Math.max(...r.latency.byClass.map((c) => c.latency.max)));
    expect(e2e.mean * e2e.count).toBeCloseTo(sum(r.latency.byClass.map((c) => c.latency.mean * c.latency.count)), 3);
  });

  it('the served series counts every user request served in the window, as the latency series does', () => {
    // Without drain every served request finished inside the window the series covers; the series also
    // holds the warm-up's served requests, which the outcomes leave out.
    const warmupServed = sum(r.series.served) - r.outcomes.served;
    expect(warmupServed).toBeGreaterThan(0.99 * (r.run.requestsArrived - r.run.requestsMeasured) - 50);
    expect(warmupServed).toBeLessThanOrEqual(r.run.requestsArrived - r.run.requestsMeasured);
    expect(r.series.latencyP50Ms.filter((v, i) => v !== null && r.series.served[i] === 0)).toEqual([]);
    expect(r.series.costUsd.every((v) => v >= 0)).toBe(true);
    expect(sum(r.series.costUsd)).toBeGreaterThanOrEqual(r.cost.variableUsd);
  });
});
