import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../../simulation/analysis/statistics';
import { chain, constant, exponential, run } from '../../helpers/pipelines';

/**
 * Chains of calls without shared state, against closed forms, and the limits a run puts on them
 * (deadline, horizon); plus common random numbers: a node that changes nothing changes no draw.
 */
describe('stateless chains', () => {
  it('M/M/1 behind a stateless delay: the station still sees Poisson arrivals', () => {
    // Poisson arrivals delayed by i.i.d. times are still Poisson (M/G/∞ output), so the station behind
    // the delay is M/M/1: mean time there 1/(μ−λ).
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
    // Each request is one arrival and three call completions; entering the next node is not an event.
    expect(runs[0]!.run.events).toBe(4 * runs[0]!.run.requestsArrived);
  });

  it('a 500 ms call fails at a 300 ms deadline', () => {
    const doc = chain([{ kind: 'service', params: { latencyMs: constant(500) } }], { traffic: { rps: 5, deadlineMs: 300 } });
    const r = run(doc, { seed: 1, durationMs: 60_000, warmupMs: 0, traceSampleRate: 0 });
    expect(r.outcomes.served).toBe(0);
    expect(r.outcomes.failed).toBe(r.outcomes.measured);
    expect(r.outcomes.errorsByType.deadline_exceeded).toBe(r.outcomes.measured);
    expect(r.latency.endToEnd.count).toBe(0);
  });

  it('without drain, calls still in progress at the end of the run stay unfinished', () => {
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

  it('common random numbers: an inert quota or fault window changes no figure', () => {
    // Each node draws from its own streams in time order, so adding something that never acts leaves
    // every draw where it was (a what-if compares like with like).
    const a = { id: 'a', kind: 'service', params: { latencyMs: exponential(200), errorProbability: 0.3, retry: { numRetries: 2, policy: 'litellm' } } };
    const b = { id: 'b', kind: 'service', params: { latencyMs: exponential(100) } };
    const base = chain([a, b], { traffic: { rps: 20 } });
    const withQuota = chain([{ ...a, params: { ...a.params, quota: 'q' } }, b], { traffic: { rps: 20 }, quotas: [{ id: 'q', rpm: 1e9 }] });
    const withFault = chain([a, b], { traffic: { rps: 20 }, faults: [{ type: 'outage', target: 'a', startMs: 86_400_000, durationMs: 60_000 }] });
    const figures = (doc: typeof base) => {
      const r = run(doc, { seed: 7, durationMs: 600_000, warmupMs: 0, traceSampleRate: 0 });
      return [r.outcomes.served, r.outcomes.failed, r.latency.endToEnd.p50, r.latency.endToEnd.p99, r.latency.endToEnd.mean];
    };
    const expected = figures(base);
    expect(expected[1]).toBeGreaterThan(0);
    expect(figures(withQuota)).toEqual(expected);
    expect(figures(withFault)).toEqual(expected);
  });
});
