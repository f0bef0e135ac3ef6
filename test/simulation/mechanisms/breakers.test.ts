import { describe, expect, it } from 'vitest';
import { LiteLlmCooldownLogic, OpossumLogic, Resilience4jLogic, CLOSED, HALF_OPEN, OPEN } from '../../../simulation/nodes/circuit-breaker/state-machines';
import { BreakerParams } from '../../../simulation/nodes/circuit-breaker/params';
import { loadPipelineOrThrow } from '../../../simulation/model/load';
import { constant, run } from '../../helpers/pipelines';

const defaults = BreakerParams.parse({});

describe('opossum breaker', () => {
  it('opens once the error share passes errorThresholdPercentage with at least volumeThreshold calls', () => {
    const b = new OpossumLogic({ ...defaults.opossum, volumeThreshold: 10 });
    for (let i = 0; i < 5; i++) b.record(i, true, 10);
    for (let i = 0; i < 4; i++) b.record(10 + i, false, 10); // 4 of 9 failed, below volume
    expect(b.state).toBe(CLOSED);
    b.record(20, false, 10); // 5 of 10 = 50 %: not above 50
    expect(b.state).toBe(CLOSED);
    b.record(21, false, 10); // 6 of 11 > 50 % with ≥ 10 calls
    expect(b.state).toBe(OPEN);
  });

  it('short-circuits for resetTimeout, then lets exactly one trial through', () => {
    const b = new OpossumLogic({ ...defaults.opossum, volumeThreshold: 1, resetTimeout: 30_000 });
    b.record(0, false, 10);
    expect(b.state).toBe(OPEN);
    expect(b.admit(29_999)).toBe(false);
    expect(b.admit(30_000)).toBe(true); // the trial
    expect(b.state).toBe(HALF_OPEN);
    expect(b.admit(30_001)).toBe(false); // only one
    b.record(30_500, false, 10); // trial failed: open again for another resetTimeout
    expect(b.state).toBe(OPEN);
    expect(b.admit(60_000)).toBe(false);
    expect(b.admit(60_500)).toBe(true);
    b.record(61_000, true, 10); // trial succeeded: closed
    expect(b.state).toBe(CLOSED);
    expect(b.admit(61_001)).toBe(true);
    expect(b.admit(61_002)).toBe(true);
  });

  it('forgets failures older than the rolling window', () => {
    const b = new OpossumLogic({ ...defaults.opossum, volumeThreshold: 2, rollingCountTimeout: 10_000, rollingCountBuckets: 10 });
    b.record(0, false, 1);
    b.record(15_000, true, 1);
    b.record(16_000, true, 1);
    b.record(17_000, false, 1); // 1 of 3 in the window
    expect(b.state).toBe(CLOSED);
  });
});

describe('resilience4j breaker', () => {
  it('evaluates only after minimumNumberOfCalls, opens at ≥ failureRateThreshold and permits N trial calls', () => {
    const b = new Resilience4jLogic({ ...defaults.resilience4j, slidingWindowSize: 10, minimumNumberOfCalls: 10, waitDurationInOpenState: 60_000, permittedNumberOfCallsInHalfOpenState: 3 });
    for (let i = 0; i < 9; i++) b.record(i, false, 1);
    expect(b.state).toBe(CLOSED); // 9 calls < minimum
    b.record(9, true, 1); // 9 of 10 failed
    expect(b.state).toBe(OPEN);
    expect(b.admit(60_008)).toBe(false); // opened at t = 9 ms
    expect([b.admit(60_009), b.admit(60_010), b.admit(60_011), b.admit(60_012)]).toEqual([true, true, true, false]);
    b.record(60_100, true, 1);
    b.record(60_200, true, 1);
    b.record(60_300, false, 1); // 1 of 3 trials failed = 33 % < 50 %: close
    expect(b.state).toBe(CLOSED);
  });

  it('counts slow calls when slowCallRateThreshold is set', () => {
    const b = new Resilience4jLogic({ ...defaults.resilience4j, slidingWindowSize: 4, minimumNumberOfCalls: 4, slowCallRateThreshold: 50, slowCallDurationThreshold: 1000 });
    for (let i = 0; i < 4; i++) b.record(i, true, i < 2 ? 5000 : 10);
    expect(b.state).toBe(OPEN);
  });
});

describe('LiteLLM cooldown', () => {
  it('cools down after more than allowed_fails failures in a minute and comes back without a trial', () => {
    const b = new LiteLlmCooldownLogic({ allowed_fails: 3, cooldown_time: 5, singleDeployment: false });
    for (let i = 0; i < 20; i++) b.record(i, true, 1);
    for (let i = 0; i < 3; i++) b.record(100 + i, false, 1);
    expect(b.state).toBe(CLOSED);
    b.record(200, false, 1);
    expect(b.state).toBe(OPEN);
    expect(b.admit(5_199)).toBe(false);
    // Back after cooldown_time, and every call passes at once (no half-open trial).
    expect([b.admit(5_200), b.admit(5_201), b.admit(5_202)]).toEqual([true, true, true]);
    expect(b.state).toBe(CLOSED);
  });

  it("cools down for the tripping 429's Retry-After instead of cooldown_time", () => {
    const b = new LiteLlmCooldownLogic({ allowed_fails: 0, cooldown_time: 5, singleDeployment: false });
    b.record(1_000, false, 1, 20_000);
    expect(b.state).toBe(OPEN);
    expect(b.admit(20_999)).toBe(false);
    expect(b.admit(21_000)).toBe(true);
  });

  it('counts a 400 (context window) as a failure of the minute but lets only a status LiteLLM cools down for trip it', () => {
    const b = new LiteLlmCooldownLogic({ allowed_fails: 1, cooldown_time: 5, singleDeployment: false });
    b.record(1, false, 1, 0, 400);
    b.record(2, false, 1, 0, 400);
    expect(b.state).toBe(CLOSED);
    b.record(3, false, 1, 0, 503);
    expect(b.state).toBe(OPEN);
  });

  it('protects a lone deployment unless all of ≥ 1,000 calls in a minute fail', () => {
    const b = new LiteLlmCooldownLogic({ allowed_fails: 3, cooldown_time: 5, singleDeployment: true });
    for (let i = 0; i < 999; i++) b.record(i, false, 1);
    expect(b.state).toBe(CLOSED);
    b.record(1000, false, 1);
    expect(b.state).toBe(OPEN);
  });
});

describe('breaker node in a pipeline', () => {
  const doc = (flavour: string) =>
    loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'breaker' },
      traffic: { rps: 10 },
      nodes: [
        { id: 'src', kind: 'source' },
        { id: 'breaker', kind: 'circuit_breaker', params: { flavour, opossum: { volumeThreshold: 10, resetTimeout: 30_000, timeout: null } } },
        { id: 'api', kind: 'service', params: { latencyMs: constant(50), costPerCallUsd: 0.01 } },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'src', port: 'out', to: 'breaker' },
        { from: 'breaker', port: 'pass', to: 'api' },
        { from: 'api', port: 'ok', to: 'done' },
      ],
      faults: [{ type: 'outage', target: 'api', startMs: 600_000, durationMs: 600_000, errorLatencyMs: 20 }],
    });

  it('stops calling a dead service: during a 10-minute outage only the half-open trials reach it', () => {
    const r = run(doc('opossum'), { durationMs: 1_800_000, warmupMs: 0 });
    const api = r.nodes.find((n) => n.id === 'api')!;
    const breaker = r.reliability.breakers[0]!;
    // ~10 rps × 600 s would be 6,000 doomed calls. The 10 s window still holds ~100 earlier
    // successes, so the breaker opens once failures outnumber them (~5 s, ~50 calls); then one
    // trial per 30 s: ~20 more.
    expect(api.failed).toBeGreaterThan(40);
    expect(api.failed).toBeLessThan(80);
    expect(breaker.shortCircuited).toBeGreaterThan(5500);
    expect(breaker.timeOpenMs).toBeGreaterThan(590_000);
    expect(breaker.timeOpenMs).toBeLessThan(630_000);
    // Each doomed call would have cost its fee: the saving is short-circuited × the mean failed-call cost.
    expect(breaker.meanDoomedCallUsd).toBeCloseTo(0.01, 9);
    expect(breaker.moneySavedUsd).toBeCloseTo(breaker.shortCircuited * 0.01, 6);
    const open = r.series.breakers.breaker!.openShare!;
    expect(open.slice(0, 9).every((x) => x === 0)).toBe(true);
    expect(open.slice(11, 19).every((x) => x > 0.9)).toBe(true);
    expect(open.slice(21).every((x) => x < 0.1)).toBe(true);
  });
});

describe('breaker traces', () => {
  const doc = (timeout: number | null, apiLatencyMs: number) =>
    loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'breaker traces' },
      traffic: { rps: 1 },
      nodes: [
        { id: 'src', kind: 'source' },
        { id: 'breaker', kind: 'circuit_breaker', params: { flavour: 'opossum', opossum: { volumeThreshold: 5, resetTimeout: 600_000, timeout } } },
        { id: 'api', kind: 'service', params: { latencyMs: constant(apiLatencyMs), retry: { numRetries: 0 }, timeoutMs: null } },
        { id: 'fallback', kind: 'service', params: { latencyMs: constant(50) } },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'src', port: 'out', to: 'breaker' },
        { from: 'breaker', port: 'pass', to: 'api' },
        { from: 'breaker', port: 'open', to: 'fallback' },
        { from: 'api', port: 'ok', to: 'done' },
        { from: 'fallback', port: 'ok', to: 'done' },
      ],
    });

  it('a call cut loose by opossum\'s timeout shows as an abandoned 408 span; the breaker span is the moment it gave up', () => {
    const r = run(doc(1_000, 3_000), { durationMs: 120_000, warmupMs: 0, traceSampleRate: 1, maxTraces: 200 });
    const cut = r.traces.find((t) => t.spans.some((s) => s.nodeId === 'api'))!;
    expect(cut.outcome).toBe('served');
    expect(cut.errorType).toBeNull(); // served by the fallback: no error to show
    const [pass, api, breaker, fallback] = cut.spans;
    expect(pass).toMatchObject({ nodeId: 'breaker', durationMs: expect.closeTo(0, 6), note: 'passed: breaker closed' });
    expect(api).toMatchObject({ nodeId: 'api', status: 408, finishReason: 'abandoned', startMs: expect.closeTo(0, 6), durationMs: expect.closeTo(1_000, 6) });
    expect(api!.note).toMatch(/cut loose by the breaker's 1000 ms timeout/);
    expect(breaker).toMatchObject({ nodeId: 'breaker', startMs: expect.closeTo(1_000, 6), durationMs: expect.closeTo(0, 6), note: 'cut loose: no answer within the timeout, took the open path' });
    expect(fallback).toMatchObject({ nodeId: 'fallback', status: 200, startMs: expect.closeTo(1_000, 6), durationMs: expect.closeTo(50, 6) });
    expect(cut.latencyMs).toBeCloseTo(1_050, 9);
    // After volumeThreshold timeouts the breaker opens: later requests never reach the call.
    const shorted = r.traces.filter((t) => t.spans[0]!.note === 'short-circuited: breaker open, no call made');
    expect(shorted.length).toBeGreaterThan(100);
    expect(shorted.every((t) => t.spans.length === 2 && t.spans[1]!.nodeId === 'fallback' && t.errorType === null)).toBe(true);
  });

  it('a call that answers within the timeout has no abandoned span', () => {
    const r = run(doc(1_000, 200), { durationMs: 60_000, warmupMs: 0, traceSampleRate: 1, maxTraces: 20 });
    expect(r.traces.every((t) => t.spans.map((s) => s.nodeId).join() === 'breaker,api' && t.spans[1]!.status === 200)).toBe(true);
  });
});
