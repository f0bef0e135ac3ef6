import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../simulation/catalog/catalog';
import { runPipeline, RunCancelled } from '../../../simulation/run';
import { MAX_POINTS } from '../../../simulation/metrics/series';
import { typicalRps } from '../../../simulation/engine/arrivals';
import { chain, constant, example, exponential, run } from '../../helpers/pipelines';

const service = (latencyMs: unknown, extra: Record<string, unknown> = {}) => ({ kind: 'service', params: { latencyMs, ...extra } });

describe('run loop', () => {
  it('excludes warm-up arrivals from statistics but lets them load the system', () => {
    const r = run(chain([service(constant(10))], { traffic: { rps: 10 } }), { durationMs: 600_000, warmupMs: 300_000 });
    expect(r.run.requestsArrived).toBeGreaterThan(r.run.requestsMeasured);
    // ~10/s over 600 s measured and ~10/s over 300 s of warm-up
    expect(Math.abs(r.run.requestsMeasured - 6000)).toBeLessThan(4.5 * Math.sqrt(6000));
    expect(Math.abs(r.run.requestsArrived - r.run.requestsMeasured - 3000)).toBeLessThan(4.5 * Math.sqrt(3000));
  });

  it('stops after exactly N measured requests with a request horizon', () => {
    const r = run(chain([service(constant(10))], { traffic: { rps: 10 } }), { requests: 1234, warmupMs: 60_000 });
    expect(r.run.requestsMeasured).toBe(1234);
    expect(r.run.horizon).toBe('requests');
  });

  it('drains requests in flight, or reports them unfinished', () => {
    const doc = chain([service(constant(30_000))], { traffic: { rps: 1 } });
    const drained = run(doc, { durationMs: 120_000, warmupMs: 0 });
    expect(drained.run.requestsUnfinished).toBe(0);
    expect(drained.outcomes.served).toBe(drained.run.requestsMeasured);
    const cut = run(doc, { durationMs: 120_000, warmupMs: 0, drain: false });
    expect(cut.run.requestsUnfinished).toBeGreaterThan(15);
    expect(cut.outcomes.served + cut.run.requestsUnfinished).toBe(cut.run.requestsMeasured);
    expect(cut.notes.join(' ')).toContain('reported as unfinished');
  });

  it('follows the hourly profile: no arrivals in zero hours', () => {
    const hourlyMultipliers = Array.from({ length: 24 }, (_, h) => (h % 2 === 0 ? 0 : 2));
    const r = run(chain([service(constant(1))], { traffic: { rps: 1, hourlyMultipliers } }), { durationMs: 4 * 3_600_000, warmupMs: 0 });
    const perMinute = r.series.arrivals;
    expect(perMinute.slice(0, 60).every((x) => x === 0)).toBe(true);
    const busy = perMinute.slice(60, 120).reduce((s, x) => s + x, 0);
    expect(Math.abs(busy - 7200)).toBeLessThan(4.5 * Math.sqrt(7200));
  });

  it('keeps series bounded however long the run', () => {
    const r = run(chain([service(constant(1))], { traffic: { rps: 0.05 } }), { durationMs: 10 * 86_400_000, warmupMs: 0 });
    expect(r.series.points).toBeLessThanOrEqual(MAX_POINTS);
    expect(r.series.bucketMs).toBeGreaterThan(60_000);
    expect(r.series.arrivals.reduce((s, x) => s + x, 0)).toBe(r.run.requestsArrived);
  });

  it('series end with the arrival window: the drain is in the totals, not a last partial minute', () => {
    const r = run(chain([service(constant(90_000))], { traffic: { rps: 1 } }), { durationMs: 600_000, warmupMs: 60_000 });
    expect(r.series.points).toBe(11);
    for (const key of ['arrivals', 'served', 'latencyP50Ms', 'costUsd'] as const) expect(r.series[key]).toHaveLength(11);
    // Every request takes 90 s, so the last 1.5 minutes of answers arrive after the window closed.
    expect(r.series.served.reduce((s, x) => s + x, 0)).toBeLessThan(r.outcomes.served);
    expect(r.outcomes.served).toBe(r.run.requestsMeasured);
  });

  it('reports progress and can be cancelled', () => {
    const doc = chain([service(exponential(50))], { traffic: { rps: 100 } });
    const fractions: number[] = [];
    runPipeline(doc, builtinCatalog(), { durationMs: 600_000, warmupMs: 0 }, { progressEveryEvents: 10_000, onProgress: (p) => fractions.push(p.fraction) });
    expect(fractions.length).toBeGreaterThan(5);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    let polls = 0;
    expect(() => runPipeline(doc, builtinCatalog(), { durationMs: 600_000 }, { progressEveryEvents: 10_000, isCancelled: () => ++polls > 2 })).toThrow(RunCancelled);
  });

  it('flags a quota offered more than its capacity before and after the run', () => {
    const doc = chain([service(constant(200), { quota: 'pool' })], { traffic: { rps: 10 }, quotas: [{ id: 'pool', maxParallelRequests: 1 }] });
    const r = run(doc, { durationMs: 600_000, warmupMs: 0 });
    expect(r.stability.offered[0]!.offered).toBeCloseTo(2, 6);
    expect(r.stability.warnings[0]).toContain("quota 'pool' is offered 200 % of its concurrency capacity");
  });

  it("typicalRps (the app's Traffic summary) is the rate the monthly figures use, for every example", () => {
    for (const name of ['naive-rag', 'optimized-rag', 'fallback-chain', 'litellm-gateway', 'ai-request-trace']) {
      const doc = example(name);
      const r = run(doc, { requests: 500 });
      expect(typicalRps(doc) * 2_592_000).toBeCloseTo(r.cost.monthlyQueries, 6);
    }
  });

  it('counts max_tokens reservations only while calls hold them: refunds at the end of a call free the rest', () => {
    // 2.69× the optimized example: TPM just over its limit at the peak hour, 1–2 % of calls get a 429.
    const doc = example('optimized-rag');
    const r = run({ ...doc, traffic: { ...doc.traffic, rps: 13.44 } }, {});
    const offered = (dimension: string) => r.stability.offered.find((o) => o.dimension === dimension)!;
    expect(offered('tpm-reserved').offered).toBeGreaterThan(offered('tpm').offered);
    // Without refunds the reserve would be ~40 % higher; with them, in-flight reservations add ~2 %.
    expect(offered('tpm-reserved').offered / offered('tpm').offered).toBeLessThan(1.05);
    expect(offered('tpm-reserved').explanation).toMatch(/unused max_tokens held while calls run: reserved [\d,]+ − used [\d,]+, refunded when each call ends/);
    // One warning for the TPM limit, not a second one for the reserve.
    expect(r.stability.warnings.filter((w) => w.includes("quota 'openai'"))).toEqual([expect.stringContaining('of its tpm capacity')]);
    const rateLimited = r.quotas[0]!.rateLimited / r.outcomes.measured;
    expect(rateLimited).toBeGreaterThan(0);
    expect(rateLimited).toBeLessThan(0.05);
  });
});
