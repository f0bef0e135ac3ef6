import { describe, expect, it } from 'vitest';
import { chain, constant, run } from '../../helpers/pipelines';

const oneClass = (queryTokens: number, outputTokens: number, extra: Record<string, unknown> = {}) => ({
  classes: [{ name: 'q', share: 1, queryTokens: constant(queryTokens), outputTokens: constant(outputTokens), ...extra }],
});

describe('call nodes: retries, backoff, timeouts, billing', () => {
  it('a failing call is retried num_retries times and every attempt pays its input', () => {
    const doc = chain([{ kind: 'llm', params: { model: 'gpt-4.1', systemPromptTokens: 100, errorProbability: 1, retry: { numRetries: 2, policy: 'fixed', initialDelayMs: 100 } } }], { traffic: { rps: 1, ...oneClass(50, 100) } });
    const r = run(doc, { durationMs: 120_000, warmupMs: 0 });
    expect(r.outcomes.served).toBe(0);
    expect(r.outcomes.errorsByType).toEqual({ server_error: r.outcomes.measured });
    const llm = r.nodes.find((n) => n.kind === 'llm')!;
    expect(llm.attempts).toBe(3 * r.outcomes.measured);
    expect(llm.retries).toBe(2 * r.outcomes.measured);
    expect(r.cost.variablePerQueryUsd).toBeCloseTo(3 * 150 * 2e-6, 12);
  });

  it('fixed backoff: the request fails after attempt + wait + attempt + wait + attempt', () => {
    const doc = chain([{ kind: 'service', params: { latencyMs: constant(100), errorProbability: 1, retry: { numRetries: 2, policy: 'fixed', initialDelayMs: 1000 } } }], { traffic: { rps: 1 } });
    const r = run(doc, { durationMs: 60_000, warmupMs: 0 });
    const latency = r.nodes.find((n) => n.kind === 'service')!.latency;
    expect(latency.min).toBeCloseTo(2300, 9);
    expect(latency.max).toBeCloseTo(2300, 9);
  });

  it('exponential backoff doubles the wait up to its cap', () => {
    const doc = chain([{ kind: 'service', params: { latencyMs: constant(0), errorProbability: 1, retry: { numRetries: 4, policy: 'exponential', initialDelayMs: 100, multiplier: 2, maxDelayMs: 500 } } }], { traffic: { rps: 1 } });
    const r = run(doc, { durationMs: 30_000, warmupMs: 0 });
    expect(r.nodes[1]!.latency.max).toBeCloseTo(100 + 200 + 400 + 500, 9);
  });

  it('a call slower than its timeout fails with 408 at the timeout, paying its input', () => {
    const doc = chain([{ kind: 'llm', params: { model: 'gpt-4.1', systemPromptTokens: 0, ttftMs: constant(5000), ttftMsPer1kInputTokens: 0, timeoutMs: 1000, retry: { numRetries: 0 } } }], { traffic: { rps: 1, ...oneClass(100, 50) } });
    const r = run(doc, { durationMs: 60_000, warmupMs: 0 });
    expect(r.outcomes.errorsByType).toEqual({ timeout: r.outcomes.measured });
    expect(r.nodes[1]!.latency.max).toBeCloseTo(1000, 9);
    expect(r.cost.variablePerQueryUsd).toBeCloseTo(100 * 2e-6, 12);
  });

  it('a prompt over the context window fails at once with context_window_exceeded and is not retried', () => {
    const doc = chain([{ kind: 'llm', params: { model: 'gpt-4', systemPromptTokens: 0, maxTokens: 1000, retry: { numRetries: 3 } } }], { traffic: { rps: 1, ...oneClass(7500, 50) } });
    const r = run(doc, { durationMs: 60_000, warmupMs: 0 });
    expect(r.outcomes.errorsByType).toEqual({ context_window_exceeded: r.outcomes.measured });
    expect(r.nodes[1]!.attempts).toBe(0);
    expect(r.cost.variableUsd).toBe(0);
  });

  it('answers longer than max_tokens are cut (finish reason length) and only max_tokens are billed', () => {
    const doc = chain([{ kind: 'llm', params: { model: 'gpt-4.1', systemPromptTokens: 0, maxTokens: 200 } }], { traffic: { rps: 1, ...oneClass(10, 500) } });
    const r = run(doc, { durationMs: 60_000, warmupMs: 0, traceSampleRate: 1, maxTraces: 5 });
    expect(r.outcomes.truncatedAnswers).toBe(r.outcomes.served);
    expect(r.cost.tokensPerQuery.output).toBe(200);
    expect(r.traces[0]!.spans[0]!.finishReason).toBe('length');
  });

  it('a call still running at the request deadline shows as an abandoned 408 span and the request fails with deadline_exceeded', () => {
    const doc = chain([{ kind: 'service', params: { latencyMs: constant(3000), timeoutMs: null } }], { traffic: { rps: 1, deadlineMs: 1000 } });
    const r = run(doc, { durationMs: 30_000, warmupMs: 0, traceSampleRate: 1, maxTraces: 5 });
    const t = r.traces[0]!;
    expect(t).toMatchObject({ outcome: 'error', errorType: 'deadline_exceeded', latencyMs: expect.closeTo(1000, 6) });
    expect(t.spans).toHaveLength(1);
    expect(t.spans[0]).toMatchObject({ status: 408, finishReason: 'abandoned', startMs: expect.closeTo(0, 6), durationMs: expect.closeTo(1000, 6) });
    expect(t.spans[0]!.note).toMatch(/abandoned at the request deadline/);
  });

  it('retrieval and reranker spans say what they did', () => {
    const doc = chain([
      { id: 'search', kind: 'retrieval', params: { index: 'docs-v2', topK: 20 } },
      { id: 'rerank', kind: 'reranker', params: { topN: 5 } },
    ], { traffic: { rps: 1 } });
    const r = run(doc, { durationMs: 30_000, warmupMs: 0, traceSampleRate: 1, maxTraces: 3 });
    const spans = r.traces[0]!.spans;
    expect(spans.find((s) => s.nodeId === 'search')!.note).toBe('index "docs-v2": 20 chunks');
    expect(spans.find((s) => s.nodeId === 'rerank')!.note).toBe('reranked 20 → 5 chunks');
  });

  it("a token-priced reranker is billed as Voyage counts: query tokens × documents + the documents' tokens", () => {
    const doc = chain([
      { id: 'search', kind: 'retrieval', params: { topK: 20, chunkTokens: constant(200) } },
      { id: 'rerank', kind: 'reranker', params: { model: 'voyage/rerank-2.5', topN: 5 } },
    ], { traffic: { rps: 1, ...oneClass(60, 10) } });
    const r = run(doc, { durationMs: 60_000, warmupMs: 0 });
    const rerank = r.cost.byNode.find((n) => n.nodeId === 'rerank')!;
    const searches = r.nodes.find((n) => n.id === 'rerank')!.ok;
    // 60 × 20 + 20 × 200 = 5,200 tokens a search (the query once per document, as a cross-encoder reads it), not 60 + 4,000.
    expect(rerank.units.input).toBe(searches * 5_200);
    expect(rerank.usd).toBeCloseTo(searches * 5_200 * 0.05e-6, 12);
  });

  it('streaming answers show their first token at TTFT, others only when complete', () => {
    const llm = { kind: 'llm', params: { model: 'gpt-4.1', systemPromptTokens: 0, ttftMs: constant(300), ttftMsPer1kInputTokens: 0, timePerOutputTokenMs: constant(10) } };
    const pre = { kind: 'service', params: { latencyMs: constant(200) } };
    const streamed = run(chain([pre, llm], { traffic: { rps: 1, ...oneClass(10, 100, { stream: true }) } }), { durationMs: 60_000, warmupMs: 0 });
    const blocking = run(chain([pre, llm], { traffic: { rps: 1, ...oneClass(10, 100, { stream: false }) } }), { durationMs: 60_000, warmupMs: 0 });
    expect(streamed.latency.ttft.p50).toBeCloseTo(500, 6);
    expect(streamed.latency.endToEnd.p50).toBeCloseTo(1500, 6);
    expect(blocking.latency.ttft.p50).toBeCloseTo(1500, 6);
  });
});
