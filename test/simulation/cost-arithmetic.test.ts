import { describe, expect, it } from 'vitest';
import { monthlyQueryCapacity, monthlyTokenCapacity } from '../../simulation/analysis/capacity';
import { chain, constant, example, run } from '../helpers/pipelines';

describe("the guide's AI Request Trace", () => {
  const results = run(example('ai-request-trace'), { durationMs: 600_000 });
  const trace = results.traces[0]!;

  it('takes 1,230 ms end to end, span by span', () => {
    expect(results.latency.endToEnd.min).toBeCloseTo(1230, 9);
    expect(results.latency.endToEnd.max).toBeCloseTo(1230, 9);
    expect(trace.latencyMs).toBeCloseTo(1230, 9);
    expect(trace.spans.map((s) => [s.nodeId, Math.round(s.durationMs)])).toEqual([
      ['preprocess', 50],
      ['embed', 120],
      ['search', 80],
      ['rerank', 150],
      ['generate', 800],
      ['format', 30],
    ]);
  });

  it('sends 1,250 input and gets 180 output tokens from GPT-4 (finish reason stop)', () => {
    const llm = trace.spans.find((s) => s.nodeId === 'generate')!;
    expect(llm.model).toBe('gpt-4');
    expect(llm.inputTokens).toBe(1250);
    expect(llm.outputTokens).toBe(180);
    expect(llm.finishReason).toBe('stop');
    expect(trace.spans.find((s) => s.nodeId === 'embed')!.inputTokens).toBe(45);
  });

  it('costs 1,250 × $30/M + 180 × $60/M + 45 × $0.02/M (the guide rounds this to $0.047)', () => {
    const llmUsd = 1250 * 30e-6 + 180 * 60e-6;
    expect(trace.spans.find((s) => s.nodeId === 'generate')!.costUsd).toBeCloseTo(llmUsd, 12);
    expect(llmUsd).toBeCloseTo(0.0483, 12);
    expect(trace.costUsd).toBeCloseTo(llmUsd + 45 * 0.02e-6, 12);
    expect(results.cost.variablePerQueryUsd).toBeCloseTo(llmUsd + 45 * 0.02e-6, 12);
  });
});

describe("the guide's context-window strategy", () => {
  const retrieval = { kind: 'retrieval', id: 'search', params: { topK: 20, chunkTokens: constant(200), latencyMs: constant(50) } };
  const llm = { kind: 'llm', id: 'llm', params: { model: 'gpt-4.1', systemPromptTokens: 0, outputTokens: constant(100), ttftMs: constant(300) } };
  const traffic = { traffic: { rps: 2, classes: [{ name: 'q', share: 1, queryTokens: constant(10), outputTokens: constant(100) }] } };
  const naive = run(chain([retrieval, llm], traffic), { durationMs: 300_000, warmupMs: 0 });
  const optimized = run(chain([retrieval, { kind: 'reranker', id: 'rerank', params: { topN: 5, model: 'self-hosted/cross-encoder-ms-marco-MiniLM-L-6-v2' } }, llm], traffic), { durationMs: 300_000, warmupMs: 0 });

  it('retrieve 20 → rerank to 5 sends 75 % fewer context tokens', () => {
    // LLM input per query = system prompt (0) + query (10) + chunks × 200
    const context = (r: typeof naive) => r.cost.byNode.find((n) => n.nodeId === 'llm')!.units.input / r.outcomes.measured - 10;
    expect(context(naive)).toBe(4000);
    expect(context(optimized)).toBe(1000);
    expect(1 - context(optimized) / context(naive)).toBe(0.75);
  });
});

describe("the guide's capacity model", () => {
  it('100,000 TPM × 43,200 min × 0.7 = 3.02 B tokens ≈ 2 M queries/month at 1,500 tokens', () => {
    expect(monthlyTokenCapacity(100_000, 0.7)).toBe(3_024_000_000);
    expect(monthlyQueryCapacity(100_000, 1500, 0.7)).toBe(2_016_000);
  });
});
