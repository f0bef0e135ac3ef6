import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../../simulation/analysis/statistics';
import { chain, exponential, run } from '../../helpers/pipelines';

/**
 * Accuracy against closed forms. Each figure is estimated from R independent replications (seeds
 * 1..R); the test passes when the closed form lies inside the replications' 99.9 % t-interval, a
 * tolerance derived from the sample itself (false-failure odds 1 in 1,000 per figure; the seeds are
 * fixed, so the outcome is the same on every machine).
 */
const R = 16;
const CONFIDENCE = 0.999;

function station(lambdaPerS: number, muPerS: number, servers: number) {
  return chain([{ kind: 'service', params: { latencyMs: exponential(1000 / muPerS), quota: 'station' } }], {
    traffic: { rps: lambdaPerS },
    quotas: [{ id: 'station', maxParallelRequests: servers }],
  });
}

function replicate<T>(fn: (seed: number) => T): T[] {
  return Array.from({ length: R }, (_, i) => fn(i + 1));
}

describe('M/M/1 (source → exponential service with 1 slot → response)', () => {
  const lambda = 7;
  const mu = 10;
  const doc = station(lambda, mu, 1);
  const runs = replicate((seed) => run(doc, { seed, warmupMs: 120_000, requests: 60_000, traceSampleRate: 0 }));

  it('mean response time is 1/(μ−λ)', () => {
    const expectedMs = 1000 / (mu - lambda);
    const ci = meanInterval(runs.map((r) => r.latency.endToEnd.mean), CONFIDENCE);
    expect(ci.low).toBeLessThanOrEqual(expectedMs);
    expect(ci.high).toBeGreaterThanOrEqual(expectedMs);
    expect(ci.relativeHalfWidth).toBeLessThan(0.05);
  });

  it('P99 response time is ln(100)/(μ−λ)', () => {
    const expectedMs = (1000 * Math.log(100)) / (mu - lambda);
    const ci = meanInterval(runs.map((r) => r.latency.endToEnd.p99), CONFIDENCE);
    expect(ci.low).toBeLessThanOrEqual(expectedMs);
    expect(ci.high).toBeGreaterThanOrEqual(expectedMs);
  });

  it('the slot is busy ρ = λ/μ of the time', () => {
    const ci = meanInterval(runs.map((r) => r.stability.measured[0]!.utilisation), CONFIDENCE);
    expect(ci.low).toBeLessThanOrEqual(lambda / mu);
    expect(ci.high).toBeGreaterThanOrEqual(lambda / mu);
  });
});

/** Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = λ/μ. */
function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const last = (term * a) / c; // a^c / c!
  const rho = a / c;
  const top = last / (1 - rho);
  return top / (sum + top);
}

describe('M/M/c (3 slots)', () => {
  const lambda = 24;
  const mu = 10;
  const c = 3;
  const doc = station(lambda, mu, c);
  const runs = replicate((seed) => run(doc, { seed, warmupMs: 60_000, requests: 80_000, traceSampleRate: 0 }));
  const pWait = erlangC(c, lambda / mu);

  it('the share of calls that wait for a slot is Erlang C', () => {
    const ci = meanInterval(runs.map((r) => r.quotas[0]!.waitedShare), CONFIDENCE);
    expect(ci.low).toBeLessThanOrEqual(pWait);
    expect(ci.high).toBeGreaterThanOrEqual(pWait);
  });

  it('the mean wait is C(c, a) / (cμ − λ)', () => {
    const expectedMs = (1000 * pWait) / (c * mu - lambda);
    const ci = meanInterval(runs.map((r) => r.quotas[0]!.queueWaitMs.mean), CONFIDENCE);
    expect(ci.low).toBeLessThanOrEqual(expectedMs);
    expect(ci.high).toBeGreaterThanOrEqual(expectedMs);
    expect(ci.relativeHalfWidth).toBeLessThan(0.08);
  });

  it('the mean response time is the mean wait + 1/μ', () => {
    const expectedMs = (1000 * pWait) / (c * mu - lambda) + 1000 / mu;
    const ci = meanInterval(runs.map((r) => r.latency.endToEnd.mean), CONFIDENCE);
    expect(ci.low).toBeLessThanOrEqual(expectedMs);
    expect(ci.high).toBeGreaterThanOrEqual(expectedMs);
  });
});
