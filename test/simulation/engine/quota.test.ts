import { describe, expect, it } from 'vitest';
import { chain, constant, run } from '../../helpers/pipelines';

const llm = (params: Record<string, unknown>) => ({
  kind: 'llm',
  params: { model: 'gpt-4.1', systemPromptTokens: 0, maxTokens: 1000, ttftMs: constant(200), ttftMsPer1kInputTokens: 0, timePerOutputTokenMs: constant(1), quota: 'org', ...params },
});
const traffic = (rps: number) => ({ rps, classes: [{ name: 'q', share: 1, queryTokens: constant(1000), outputTokens: constant(100) }] });

describe('shared quotas', () => {
  it('OpenAI-style TPM admission reserves input + max_tokens and refunds the unused part at completion', () => {
    // Long calls (50 s) keep their 2,000-token reservation (1,000 in + max_tokens 1,000) for most of a
    // window: a 60,000 TPM window fills after 30 admissions even though each call only uses 1,100.
    const doc = chain([llm({ timePerOutputTokenMs: constant(500), timeoutMs: null, retry: { numRetries: 0 } })], { traffic: traffic(1), quotas: [{ id: 'org', tpm: 60_000 }] });
    const r = run(doc, { durationMs: 1_800_000, warmupMs: 120_000 });
    const q = r.quotas[0]!;
    const admittedPerMinute = r.nodes[1]!.ok / (r.run.durationMs / 60_000);
    // Refunds of calls admitted in a window's first 10 s land in the same window and admit ~4 more.
    expect(admittedPerMinute).toBeGreaterThan(30);
    expect(admittedPerMinute).toBeLessThan(36);
    expect(r.outcomes.errorsByType.rate_limited).toBeGreaterThan(0.35 * r.outcomes.measured);
    // Actual use stays near 34 × 1,100 = 62 % of TPM while the reservations fill the window.
    expect(q.utilisation.tpm!.mean).toBeGreaterThan(0.55);
    expect(q.utilisation.tpm!.mean).toBeLessThan(0.66);
    expect(q.utilisation.reservedPeak).toBeGreaterThan(0.98);
    expect(q.first429Ms).not.toBeNull();
  });

  it('short calls refund quickly, so admission follows actual tokens (input + output used)', () => {
    const doc = chain([llm({ retry: { numRetries: 0 } })], { traffic: traffic(1.5), quotas: [{ id: 'org', tpm: 60_000, window: 'token-bucket' }] });
    const r = run(doc, { durationMs: 1_800_000, warmupMs: 300_000 });
    // Net 1,100 tokens per call: 60,000 / 1,100 ≈ 54.5 calls a minute.
    expect(r.nodes[1]!.ok / (r.run.durationMs / 60_000)).toBeCloseTo(60_000 / 1_100, 0);
  });

  it('below the reservation limit no call is rejected', () => {
    const doc = chain([llm({})], { traffic: traffic(0.3), quotas: [{ id: 'org', tpm: 60_000 }] });
    const r = run(doc, { durationMs: 1_800_000, warmupMs: 0 });
    expect(r.quotas[0]!.rateLimited).toBe(0);
    expect(r.quotas[0]!.first429Ms).toBeNull();
  });

  it('a 429 carries Retry-After and the retry waits for the next window', () => {
    const doc = chain([llm({ retry: { numRetries: 1, policy: 'exponential', initialDelayMs: 10, honorRetryAfter: true } })], { traffic: traffic(1), quotas: [{ id: 'org', rpm: 20 }] });
    const r = run(doc, { durationMs: 600_000, warmupMs: 0, traceSampleRate: 1, maxTraces: 200 });
    const retried = r.traces.filter((t) => t.spans.length === 2);
    expect(retried.length).toBeGreaterThan(10);
    for (const t of retried) {
      const retryStart = t.arrivalMs + t.spans[1]!.startMs;
      expect(retryStart % 60_000).toBeCloseTo(0, 6);
      expect(t.spans[0]!.status).toBe(429);
    }
  });

  it('RPM counts requests per minute', () => {
    const doc = chain([llm({ retry: { numRetries: 0 } })], { traffic: traffic(1), quotas: [{ id: 'org', rpm: 30 }] });
    const r = run(doc, { durationMs: 1_200_000, warmupMs: 0 });
    expect(r.quotas[0]!.utilisation.rpm!.peak).toBe(1);
    expect(r.outcomes.errorsByType.rate_limited).toBeGreaterThan(0);
  });

  it('Anthropic-style admission counts input against ITPM and output against OTPM, refilled continuously', () => {
    // ITPM 30,000 admits 30 calls of 1,000 input tokens a minute; OTPM is generous.
    const doc = chain([llm({ retry: { numRetries: 0 } })], { traffic: traffic(1), quotas: [{ id: 'org', itpm: 30_000, otpm: 1_000_000, admission: 'anthropic' }] });
    const r = run(doc, { durationMs: 1_800_000, warmupMs: 300_000 });
    expect(r.nodes[1]!.ok / (r.run.durationMs / 60_000)).toBeCloseTo(30, 0);
    expect(r.quotas[0]!.utilisation.itpm!.mean).toBeGreaterThan(0.9);
    expect(r.quotas[0]!.utilisation.otpm!.mean).toBeLessThan(0.01);
  });

  it('a full wait queue rejects calls', () => {
    const doc = chain([{ kind: 'service', params: { latencyMs: constant(1000), quota: 'pool' } }], { traffic: { rps: 5 }, quotas: [{ id: 'pool', maxParallelRequests: 1, maxQueueLength: 2 }] });
    const r = run(doc, { durationMs: 300_000, warmupMs: 0 });
    expect(r.outcomes.errorsByType.queue_full).toBeGreaterThan(0);
    expect(r.quotas[0]!.maxQueueLength).toBe(2);
  });
});
