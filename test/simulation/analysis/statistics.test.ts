import { describe, expect, it } from 'vitest';
import { meanInterval, studentTCdf, studentTQuantile } from '../../../simulation/analysis/statistics';
import { acceptReplications, replicationSeed, runReplications, summarizeReplications } from '../../../simulation/analysis/replications';
import { builtinCatalog } from '../../../simulation/catalog/catalog';
import { runPipeline } from '../../../simulation/run';
import { chain, exponential } from '../../helpers/pipelines';

describe('Student t', () => {
  it('matches published quantiles', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.2622, 3);
    expect(studentTQuantile(0.995, 19)).toBeCloseTo(2.8609, 3);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.9623, 3);
    expect(studentTCdf(0, 5)).toBeCloseTo(0.5, 12);
  });

  it('builds a t-interval of a mean', () => {
    const ci = meanInterval([1, 2, 3, 4, 5], 0.95);
    expect(ci.mean).toBe(3);
    expect(ci.halfWidth).toBeCloseTo(2.7764 * Math.sqrt(2.5 / 5), 3);
  });
});

/** An M/M/1 station at ρ = 0.5: mean response 1/(μ − λ) = 200 ms. */
const mm1 = chain([{ kind: 'service', params: { latencyMs: exponential(100), quota: 'slot' } }], { traffic: { rps: 5 }, quotas: [{ id: 'slot', maxParallelRequests: 1 }] });

describe('replications', () => {
  it('95 % intervals from replications of M/M/1 cover the true mean in about 95 % of trials', () => {
    const trials = 200;
    const replications = 5;
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      const means = Array.from({ length: replications }, (_, i) =>
        runPipeline(mm1, builtinCatalog(), { seed: replicationSeed(1000 + t, i), requests: 2500, warmupMs: 60_000, traceSampleRate: 0, traceSlowest: 0, traceFailed: 0 }).latency.endToEnd.mean,
      );
      const ci = meanInterval(means, 0.95);
      if (ci.low <= 200 && 200 <= ci.high) covered++;
    }
    // Binomial: 190 ± 3σ (σ ≈ 3.1) → between 180 and 199 of 200.
    expect(covered).toBeGreaterThanOrEqual(180);
    expect(covered).toBeLessThanOrEqual(199);
  });

  it('run in any order or in parallel batches, they give the same answer as one after another', () => {
    const plan = { replications: 6, confidence: 0.95, stopping: null };
    const options = { requests: 1000, warmupMs: 10_000, traceSampleRate: 0 };
    const sequential = runReplications(mm1, builtinCatalog(), options, plan);
    const seeds = sequential.seeds;
    expect(seeds[0]).toBe(mm1.run.seed);
    expect(seeds).toEqual(Array.from({ length: 6 }, (_, i) => replicationSeed(mm1.run.seed, i)));
    expect(new Set(seeds).size).toBe(6);
    // Workers finish in any order; the results are put back in seed order before summarising.
    const outOfOrder = [5, 2, 0, 4, 1, 3].map((i) => ({ i, r: runPipeline(mm1, builtinCatalog(), { ...options, seed: seeds[i]! }) }));
    const inSeedOrder = outOfOrder.sort((a, b) => a.i - b.i).map((x) => x.r);
    const { stoppingMet: _unused, ...summary } = sequential;
    expect(JSON.stringify(summarizeReplications(acceptReplications(inSeedOrder, plan).kept, 0.95))).toBe(JSON.stringify(summary));
  });

  it('the stopping rule keeps the shortest prefix that meets the target', () => {
    const runs = Array.from({ length: 30 }, (_, i) => ({ headline: { p99Ms: 1000 + (i % 2 ? 10 : -10) } }) as never);
    const accepted = acceptReplications(runs, { replications: 0, confidence: 0.95, stopping: { confidence: 0.99, relativeHalfWidth: 0.03, minReplications: 3, maxReplications: 50, figures: ['p99Ms'] } });
    // 990, 1010, 990, …: the 99 % half-width is 6.6 % at n = 3, 3.4 % at n = 4, 2.3 % at n = 5.
    expect(accepted.met).toBe(true);
    expect(accepted.kept.length).toBe(5);
  });
});

