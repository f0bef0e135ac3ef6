import { describe, expect, it } from 'vitest';
import { loadPipelineOrThrow } from '../../../simulation/model/load';
import { chain, constant, run } from '../../helpers/pipelines';

const llm = (model: string, extra: Record<string, unknown> = {}) => ({ model, systemPromptTokens: 200, ttftMs: constant(300), ttftMsPer1kInputTokens: 0, timePerOutputTokenMs: constant(5), ...extra });
const traffic = { rps: 5, classes: [{ name: 'q', share: 1, queryTokens: constant(50), outputTokens: constant(100) }] };

describe('shadow mode', () => {
  it('doubles model cost but not user latency; the copies are measured apart', () => {
    const plain = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'plain' },
      traffic,
      nodes: [{ id: 'src', kind: 'source' }, { id: 'prod', kind: 'llm', params: llm('gpt-4.1') }, { id: 'done', kind: 'response' }],
      edges: [{ from: 'src', port: 'out', to: 'prod' }, { from: 'prod', port: 'ok', to: 'done' }],
    });
    const shadowed = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'shadowed' },
      traffic,
      nodes: [
        { id: 'src', kind: 'source' },
        { id: 'tee', kind: 'shadow' },
        { id: 'prod', kind: 'llm', params: llm('gpt-4.1') },
        { id: 'candidate', kind: 'llm', params: llm('gpt-4.1', { ttftMs: constant(900) }) },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'src', port: 'out', to: 'tee' },
        { from: 'tee', port: 'primary', to: 'prod' },
        { from: 'tee', port: 'shadow', to: 'candidate' },
        { from: 'prod', port: 'ok', to: 'done' },
        { from: 'candidate', port: 'ok', to: 'done' },
      ],
    });
    const a = run(plain, { durationMs: 1_800_000, warmupMs: 0 });
    const b = run(shadowed, { durationMs: 1_800_000, warmupMs: 0 });
    expect(b.cost.variableUsd / a.cost.variableUsd).toBeCloseTo(2, 6);
    expect(b.latency.endToEnd).toEqual(a.latency.endToEnd);
    expect(b.outcomes.served).toBe(a.outcomes.served);
    expect(b.slices.shadow!.served).toBe(b.outcomes.served);
    expect(b.slices.shadow!.latency.p50).toBeCloseTo(1400, 0);
    expect(b.slices.shadow!.costUsd).toBeCloseTo(a.cost.variableUsd, 6);
  });
});

describe('blue-green / canary split', () => {
  it('reports blue and green side by side', () => {
    const doc = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'canary' },
      traffic,
      nodes: [
        { id: 'src', kind: 'source' },
        { id: 'split', kind: 'traffic_split', params: { greenShare: 0.1 } },
        { id: 'blue', kind: 'llm', params: llm('gpt-4.1') },
        { id: 'green', kind: 'llm', params: llm('gpt-5.4-mini', { errorProbability: 0.05, retry: { numRetries: 0 } }) },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'src', port: 'out', to: 'split' },
        { from: 'split', port: 'blue', to: 'blue' },
        { from: 'split', port: 'green', to: 'green' },
        { from: 'blue', port: 'ok', to: 'done' },
        { from: 'green', port: 'ok', to: 'done' },
      ],
    });
    const r = run(doc, { durationMs: 3_600_000, warmupMs: 0 });
    const { blue, green } = r.slices.colours!;
    expect(green.measured / (blue.measured + green.measured)).toBeCloseTo(0.1, 1);
    expect(blue.errorRate).toBe(0);
    expect(green.errorRate).toBeGreaterThan(0.03);
    expect(green.costPerQueryUsd).toBeLessThan(blue.costPerQueryUsd);
  });
});

describe('timeout budgets', () => {
  it('a budget gate skips reranking when retrieval was slow', () => {
    const doc = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'budget' },
      traffic,
      nodes: [
        { id: 'src', kind: 'source' },
        { id: 'search', kind: 'retrieval', params: { latencyMs: { type: 'uniform', min: 0, max: 1000 }, chunkTokens: constant(200) } },
        { id: 'gate', kind: 'budget_gate', params: { lateAfterMs: 600 } },
        { id: 'rerank', kind: 'reranker', params: { latencyMs: constant(200), latencyMsPerDocument: 0 } },
        { id: 'llm', kind: 'llm', params: llm('gpt-4.1') },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'src', port: 'out', to: 'search' },
        { from: 'search', port: 'ok', to: 'gate' },
        { from: 'gate', port: 'in_time', to: 'rerank' },
        { from: 'gate', port: 'late', to: 'llm' },
        { from: 'rerank', port: 'ok', to: 'llm' },
        { from: 'llm', port: 'ok', to: 'done' },
      ],
    });
    const r = run(doc, { durationMs: 1_800_000, warmupMs: 0 });
    const late = Number(r.nodes.find((n) => n.id === 'gate')!.report.lateShare);
    expect(late).toBeCloseTo(0.4, 1);
    expect(r.nodes.find((n) => n.id === 'rerank')!.entered / r.outcomes.measured).toBeCloseTo(0.6, 1);
  });

  it('a request past its deadline fails with deadline_exceeded, or takes its graceful path', () => {
    const slow = (graceful: boolean) =>
      loadPipelineOrThrow({
        version: 1,
        pipeline: { name: 'deadline' },
        traffic: { ...traffic, deadlineMs: 2000 },
        nodes: [
          { id: 'src', kind: 'source' },
          { id: 'llm', kind: 'llm', params: llm('gpt-4.1', { ttftMs: { type: 'uniform', min: 0, max: 4000 }, retry: { numRetries: 0 } }) },
          ...(graceful ? [{ id: 'sorry', kind: 'static_answer', params: { text: 'Taking too long, please retry.' } }] : []),
          { id: 'done', kind: 'response' },
        ],
        edges: [
          { from: 'src', port: 'out', to: 'llm' },
          { from: 'llm', port: 'ok', to: 'done' },
          ...(graceful ? [{ from: 'llm', port: 'error', to: 'sorry' }, { from: 'sorry', port: 'ok', to: 'done' }] : []),
        ],
      });
    const hard = run(slow(false), { durationMs: 1_800_000, warmupMs: 0 });
    // TTFT uniform 0–4 s + 0.5 s of tokens: past 2 s for (4 − 1.5) / 4 = 62.5 %.
    expect(hard.outcomes.errorsByType.deadline_exceeded! / hard.outcomes.measured).toBeCloseTo(0.625, 1);
    expect(hard.latency.endToEnd.max).toBeLessThanOrEqual(2000);
    const soft = run(slow(true), { durationMs: 1_800_000, warmupMs: 0 });
    expect(soft.outcomes.failed).toBe(0);
    expect(soft.quality.paths.find((p) => p.nodeId === 'sorry')!.share).toBeCloseTo(0.625, 1);
    // The abandoned calls still finish at the provider and are billed.
    expect(soft.cost.variableUsd).toBeCloseTo(hard.cost.variableUsd, 6);
  });
});

describe('gateway limiter', () => {
  const limited = (whenFull: 'queue' | 'reject') =>
    loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'limiter' },
      traffic: { rps: 2 },
      nodes: [
        { id: 'teamA', kind: 'source', params: { share: 0.5, label: 'team-a' } },
        { id: 'teamB', kind: 'source', params: { share: 0.5, label: 'team-b' } },
        { id: 'limit', kind: 'rate_limiter', params: { scope: 'per-team', rpmLimit: 30, whenFull, maxWaitMs: 20_000 } },
        { id: 'api', kind: 'service', params: { latencyMs: constant(100) } },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'teamA', port: 'out', to: 'limit' },
        { from: 'teamB', port: 'out', to: 'limit' },
        { from: 'limit', port: 'pass', to: 'api' },
        { from: 'api', port: 'ok', to: 'done' },
      ],
    });

  it('limits each team to its rpm_limit and rejects the rest with 429', () => {
    const r = run(limited('reject'), { durationMs: 1_800_000, warmupMs: 0 });
    // Each team sends ~60 rpm against a 30 rpm limit: about half is rejected.
    expect(r.outcomes.errorsByType.rejected! / r.outcomes.measured).toBeGreaterThan(0.45);
    expect(r.outcomes.errorsByType.rejected! / r.outcomes.measured).toBeLessThan(0.56);
    expect(r.nodes.find((n) => n.id === 'api')!.entered / 30).toBeLessThanOrEqual(2 * 30 + 1);
  });

  it('queues within max wait instead, trading errors for latency', () => {
    const r = run(limited('queue'), { durationMs: 1_800_000, warmupMs: 0 });
    const rep = r.nodes.find((n) => n.id === 'limit')!.report;
    expect(Number(rep.queued)).toBeGreaterThan(0);
    expect(r.latency.endToEnd.p95).toBeGreaterThan(5000);
    expect(r.latency.endToEnd.max).toBeLessThan(20_000 + 61_000);
  });
});

describe('fault windows', () => {
  const base = (faults: unknown[], extra: Record<string, unknown> = {}) => chain([{ id: 'llm', kind: 'llm', params: llm('gpt-4.1', { quota: 'org', retry: { numRetries: 0 } }) }], { traffic, quotas: [{ id: 'org', tpm: 300_000 }], faults, ...extra });

  it('a latency multiplier slows calls only inside its window', () => {
    const r = run(base([{ type: 'latency', target: 'llm', startMs: 600_000, durationMs: 600_000, latencyMultiplier: 4 }]), { durationMs: 1_800_000, warmupMs: 0 });
    // Per-minute percentiles come from 2 %-accurate histograms.
    const p50 = r.series.latencyP50Ms;
    expect(Math.abs(p50[5]! / 800 - 1)).toBeLessThan(0.03);
    expect(Math.abs(p50[15]! / 3200 - 1)).toBeLessThan(0.03);
    expect(Math.abs(p50[25]! / 800 - 1)).toBeLessThan(0.03);
  });

  it('a limit cut causes 429s while it lasts', () => {
    const r = run(base([{ type: 'limit-cut', target: 'org', startMs: 600_000, durationMs: 600_000, limitFactor: 0.2 }]), { durationMs: 1_800_000, warmupMs: 0 });
    const limited = r.series.rateLimited;
    expect(limited.slice(0, 10).every((x) => x === 0)).toBe(true);
    expect(limited.slice(11, 20).every((x) => x > 0)).toBe(true);
    expect(limited.slice(21).every((x) => x === 0)).toBe(true);
  });

  it('prompt growth multiplies input tokens and cost (cost runaway)', () => {
    const r = run(base([{ type: 'prompt-growth', target: 'llm', startMs: 600_000, durationMs: 600_000, tokenMultiplier: 3 }]), { durationMs: 1_800_000, warmupMs: 0 });
    // Per call: 250 input tokens × $2/M + 100 output × $8/M = $0.0013; ×3 input → $0.0023.
    const perCall = r.series.costUsd.map((usd, i) => usd / r.series.served[i]!);
    expect(perCall[5]!).toBeCloseTo(0.0013, 9);
    expect(perCall[15]!).toBeCloseTo(0.0023, 9);
  });

  it('a mitigable fault lasts detection + mitigation time; an unwatched one its full length', () => {
    const fault = [{ type: 'outage', target: 'llm', startMs: 600_000, durationMs: 3_600_000, mitigable: true }];
    const watched = run(base(fault, { operations: { detectionMinutes: 5, mitigationMinutes: 10 } }), { durationMs: 7_200_000, warmupMs: 0 });
    const unwatched = run(base(fault), { durationMs: 7_200_000, warmupMs: 0 });
    expect(watched.outcomes.downtimeMinutes).toBe(15);
    expect(watched.reliability.faults[0]!.mitigated).toBe(true);
    expect(unwatched.outcomes.downtimeMinutes).toBe(60);
  });

  it('hung calls end at their timeout', () => {
    const doc = chain([{ id: 'llm', kind: 'llm', params: llm('gpt-4.1', { timeoutMs: 5000, retry: { numRetries: 0 } }) }], { traffic, faults: [{ type: 'outage', target: 'llm', startMs: 0, durationMs: 600_000, failureMode: 'hang' }] });
    const r = run(doc, { durationMs: 300_000, warmupMs: 0 });
    expect(r.outcomes.errorsByType.timeout).toBe(r.outcomes.measured);
    expect(r.nodes.find((n) => n.id === 'llm')!.latency.p50).toBeCloseTo(5000, -1);
  });
});

describe('traffic shapes', () => {
  const shaped = (t: Record<string, unknown>) => chain([{ kind: 'service', params: { latencyMs: constant(1) } }], { traffic: { rps: 2, ...t } });

  it('a burst multiplies the rate inside its window', () => {
    const r = run(shaped({ bursts: [{ startMs: 600_000, durationMs: 300_000, multiplier: 5 }] }), { durationMs: 1_800_000, warmupMs: 0 });
    const a = r.series.arrivals;
    const mean = (from: number, to: number) => a.slice(from, to).reduce((s, x) => s + x, 0) / (to - from);
    expect(mean(11, 15) / mean(0, 10)).toBeGreaterThan(4);
    expect(mean(11, 15) / mean(0, 10)).toBeLessThan(6);
  });

  it('a ramp grows the rate linearly and holds its end value', () => {
    const r = run(shaped({ ramps: [{ startMs: 0, durationMs: 1_800_000, fromMultiplier: 1, toMultiplier: 3 }] }), { durationMs: 3_600_000, warmupMs: 0 });
    const a = r.series.arrivals;
    const mean = (from: number, to: number) => a.slice(from, to).reduce((s, x) => s + x, 0) / (to - from);
    expect(mean(0, 5)).toBeCloseTo(120 * 1.07, -1);
    expect(mean(40, 60)).toBeCloseTo(360, -1.3);
  });

  it('weekly multipliers and monthly growth shape the projection', () => {
    const r = run(shaped({ weeklyMultipliers: [1, 1, 1, 1, 1, 0.5, 0.5], monthlyGrowth: 0.1 }), { durationMs: 600_000, warmupMs: 0 });
    expect(r.cost.monthlyQueries).toBeCloseTo(2 * (6 / 7) * 2_592_000, -3);
    expect(r.projection[1]!.queries / r.projection[0]!.queries).toBeCloseTo(1.1, 9);
    expect(r.projection).toHaveLength(12);
  });
});

describe('batch lane', () => {
  it('answers at the batch discount, hours later, apart from real-time latency', () => {
    const doc = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'batch' },
      traffic: { rps: 2, classes: [{ name: 'q', share: 1, queryTokens: constant(100), outputTokens: constant(200) }] },
      nodes: [
        { id: 'users', kind: 'source' },
        { id: 'reports', kind: 'source', params: { rps: 1, realtime: false, label: 'nightly-reports' } },
        { id: 'live', kind: 'llm', params: llm('gpt-4.1', { systemPromptTokens: 0 }) },
        { id: 'bulk', kind: 'batch', params: { model: 'gpt-4.1', systemPromptTokens: 0, batchSize: 500, maxBatchWaitMs: 300_000 } },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'users', port: 'out', to: 'live' },
        { from: 'live', port: 'ok', to: 'done' },
        { from: 'reports', port: 'out', to: 'bulk' },
        { from: 'bulk', port: 'ok', to: 'done' },
      ],
    });
    const r = run(doc, { durationMs: 3_600_000, warmupMs: 0 });
    const bulk = r.cost.byNode.find((n) => n.nodeId === 'bulk')!;
    expect(bulk.usd / r.slices.batch!.served).toBeCloseTo((100 * 2e-6 + 200 * 8e-6) * 0.5, 9);
    // Requests wait for their batch to fill (500 at 1/s) and for the provider (median 20 min).
    expect(r.slices.batch!.latency.mean).toBeGreaterThan(600_000);
    expect(r.slices.batch!.served).toBe(r.slices.batch!.measured);
    expect(r.latency.endToEnd.max).toBeLessThan(10_000);
    expect(r.slices.batch!.measured).toBeGreaterThan(3000);
  });
});

describe('autoscaling limits (maturity level 5)', () => {
  it('scales a saturated quota up and removes the 429s', () => {
    const doc = (autoscale: unknown) => chain([{ id: 'llm', kind: 'llm', params: llm('gpt-4.1', { quota: 'org', retry: { numRetries: 0 } }) }], { traffic, quotas: [{ id: 'org', rpm: 200, autoscale }] });
    const fixed = run(doc(null), { durationMs: 1_800_000, warmupMs: 0 });
    const scaled = run(doc({ targetUtilisation: 0.7, stepFactor: 1.5, maxFactor: 4 }), { durationMs: 1_800_000, warmupMs: 0 });
    expect(fixed.outcomes.errorsByType.rate_limited).toBeGreaterThan(1000);
    expect(scaled.outcomes.errorsByType.rate_limited ?? 0).toBeLessThan(fixed.outcomes.errorsByType.rate_limited! / 10);
  });
});

describe('traces', () => {
  it('always keep the slowest served and the first failed requests, beside a random sample', () => {
    const doc = chain([{ id: 'llm', kind: 'llm', params: llm('gpt-4.1', { errorProbability: 0.01, retry: { numRetries: 0 }, ttftMs: { type: 'lognormal', median: 400, p99: 3000 } }) }], { traffic });
    const r = run(doc, { durationMs: 1_800_000, warmupMs: 0, traceSampleRate: 0.001, maxTraces: 5, traceSlowest: 10, traceFailed: 10 });
    const slowest = r.traces.filter((t) => t.reason === 'slowest');
    const failed = r.traces.filter((t) => t.reason === 'failed');
    expect(slowest).toHaveLength(10);
    expect(failed).toHaveLength(10);
    expect(r.traces.filter((t) => t.reason === 'sampled').length).toBeLessThanOrEqual(5);
    expect(new Set(r.traces.map((t) => t.requestId)).size).toBe(r.traces.length); // each request once
    expect(r.traces.filter((t) => t.amongSlowest)).toHaveLength(10);
    expect(slowest[0]!.latencyMs).toBeCloseTo(r.latency.endToEnd.max, 6);
    expect(failed.every((t) => t.outcome === 'error' && t.spans.length > 0 && t.spans[0]!.status === 503)).toBe(true);
    const llmSpan = slowest[0]!.spans.find((s) => s.nodeId === 'llm')!;
    expect(llmSpan.model).toBe('gpt-4.1');
    expect(llmSpan.inputTokens).toBe(250);
    expect(llmSpan.finishReason).toBe('stop');
  });

  it('tracing does not change any other figure', () => {
    const doc = chain([{ id: 'llm', kind: 'llm', params: llm('gpt-4.1') }], { traffic });
    const a = run(doc, { durationMs: 600_000, traceSampleRate: 0, traceSlowest: 0, traceFailed: 0 });
    const b = run(doc, { durationMs: 600_000, traceSampleRate: 0.5, traceSlowest: 20, traceFailed: 20 });
    expect({ ...b, traces: [] }).toEqual({ ...a, traces: [] });
  });
});
