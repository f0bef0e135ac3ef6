import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../../simulation/analysis/statistics';
import { chain, constant, exponential, run } from '../../helpers/pipelines';

/**
 * Stateless calls (no quota, no fault window, nobody observing them) run ahead of the clock: their
 * events execute when scheduled, and the request reaches the next node with state by one real event
 * at its time (Simulation.schedule). These tests show it changes nothing a user can see.
 */
describe('run-ahead of stateless calls', () => {
  it('hands requests to a node with state at their own time: M/M/1 behind a stateless delay', () => {
    // Poisson arrivals delayed by i.i.d. times are still Poisson (M/G/∞ output), so the station behind
    // the delay is M/M/1: mean time there 1/(μ−λ). If run-ahead let the station see requests out of
    // time order, its queue would be wrong.
    const lambda = 7;
    const mu = 10;
    const doc = chain(
      [
        { id: 'delay', kind: 'service', params: { latencyMs: exponential(400) } },
        { id: 'station', kind: 'service', params: { latencyMs: exponential(1000 / mu), quota: 'slot' } },
      ],
      { traffic: { rps: lambda }, quotas: [{ id: 'slot', maxParallelRequests: 1 }] },
    );
    const runs = Array.from({ length: 12 }, (_, i) => run(doc, { seed: i + 1, warmupMs: 120_000, requests: 40_000, traceSampleRate: 0 }));
    const stationMs = meanInterval(runs.map((r) => r.nodes.find((n) => n.id === 'station')!.latency.mean), 0.999);
    expect(stationMs.low).toBeLessThanOrEqual(1000 / (mu - lambda));
    expect(stationMs.high).toBeGreaterThanOrEqual(1000 / (mu - lambda));
  });

  it('three stateless exponential steps sum to an Erlang-3: mean and P99 match the closed form', () => {
    const m = 100;
    const doc = chain([1, 2, 3].map((k) => ({ id: `s${k}`, kind: 'service', params: { latencyMs: exponential(m) } })), { traffic: { rps: 50 } });
    const runs = Array.from({ length: 8 }, (_, i) => run(doc, { seed: i + 1, warmupMs: 0, requests: 50_000, traceSampleRate: 0 }));
    const mean = meanInterval(runs.map((r) => r.latency.endToEnd.mean), 0.999);
    expect(mean.low).toBeLessThanOrEqual(3 * m);
    expect(mean.high).toBeGreaterThanOrEqual(3 * m);
    // Erlang-3 CDF: 1 − e^{−x/m}(1 + x/m + (x/m)²/2); solve F(x) = 0.99 by bisection.
    const cdf = (x: number) => 1 - Math.exp(-x / m) * (1 + x / m + (x / m) ** 2 / 2);
    let lo = 0;
    let hi = 50 * m;
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (cdf(mid) < 0.99) lo = mid;
      else hi = mid;
    }
    const p99 = meanInterval(runs.map((r) => r.latency.endToEnd.p99), 0.999);
    expect(p99.low).toBeLessThanOrEqual(lo * 1.004);
    expect(p99.high).toBeGreaterThanOrEqual(lo / 1.004);
    // Each request is one arrival and three hops; the deferred hand-over to the response is not an event.
    expect(runs[0]!.run.events).toBe(4 * runs[0]!.run.requestsArrived);
  });

  it('never runs past the request deadline: a 500 ms stateless call still fails at a 300 ms deadline', () => {
    const doc = chain([{ kind: 'service', params: { latencyMs: constant(500) } }], { traffic: { rps: 5, deadlineMs: 300 } });
    const r = run(doc, { seed: 1, durationMs: 60_000, warmupMs: 0, traceSampleRate: 0 });
    expect(r.outcomes.served).toBe(0);
    expect(r.outcomes.failed).toBe(r.outcomes.measured);
    expect(r.outcomes.errorsByType.deadline_exceeded).toBe(r.outcomes.measured);
    expect(r.latency.endToEnd.count).toBe(0);
  });

  it('never runs past the end of a run without drain: calls still in progress stay unfinished', () => {
    const doc = chain([{ kind: 'service', params: { latencyMs: constant(30_000) } }, { kind: 'service', params: { latencyMs: constant(30_000) } }], { traffic: { rps: 2 } });
    const r = run(doc, { seed: 1, durationMs: 45_000, warmupMs: 0, drain: false, traceSampleRate: 0 });
    // Only requests that arrived in the first −15 s could have finished: none did.
    expect(r.outcomes.served).toBe(0);
    expect(r.outcomes.unfinished).toBe(r.outcomes.measured);
    // The first step finished for requests that arrived in the first 15 s, and no later ones.
    const first = r.nodes.find((n) => n.id === 'n0')!;
    expect(first.ok).toBeGreaterThan(10);
    expect(first.ok).toBeLessThan(60);
  });
});
