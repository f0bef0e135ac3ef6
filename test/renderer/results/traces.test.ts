import { describe, expect, it } from 'vitest';
import { niceStep, spanTone, spanUsd, traceListRows, traceMs, traceText, waterfall } from '../../../renderer/features/traces/trace-waterfall';
import { runExample } from './run-examples';

// The guide's "AI Request Trace", reproduced by examples/ai-request-trace.preflight.json.
const seedTrace = () => runExample('ai-request-trace').traces.find((t) => t.reason === 'sampled')!;

describe('trace waterfall', () => {
  it('reproduces the guide’s trace: six steps, 1,230 ms in total', () => {
    const w = waterfall(seedTrace());
    expect(w.total).toBe('1,230 ms');
    expect(w.cost).toBe('$0.0483');
    expect(w.spans.map((s) => [s.name, s.duration])).toEqual([
      ['Query preprocessing', '50 ms'],
      ['Embedding generation', '120 ms'],
      ['Vector search', '80 ms'],
      ['Reranking', '150 ms'],
      ['LLM generation', '800 ms'],
      ['Response formatting', '30 ms'],
    ]);
    const llm = w.spans[4]!;
    expect(llm).toMatchObject({ model: 'gpt-4', tokens: '1,250 in · 180 out', finishReason: 'stop', tone: 'ok' });
    expect(w.spans[0]!.finishReason).toBeNull();
    expect(w.spans[1]!.tokens).toBe('45 in');
  });

  it('places bars on a time axis from the arrival', () => {
    const w = waterfall(seedTrace());
    expect(w.spans[0]!.leftPct).toBe(0);
    expect(w.spans[4]!.leftPct).toBeCloseTo((400 / 1230) * 100, 9);
    expect(w.spans[4]!.widthPct).toBeCloseTo((800 / 1230) * 100, 9);
    expect(w.ticks.map((t) => t.label)).toEqual(['0 ms', '500 ms', '1,000 ms']);
  });

  it('prints the guide’s trace format', () => {
    const text = traceText(seedTrace());
    expect(text).toContain('    [120ms] Embedding generation\n    Model: text-embedding-3-small\n    Tokens: 45');
    expect(text).toContain('    [800ms] LLM generation\n    Model: gpt-4\n    Input tokens: 1,250\n    Output tokens: 180\n    Finish reason: stop');
    expect(text.endsWith('Total: 1,230ms\nCost: $0.0483')).toBe(true);
  });

  it('shows retries and 429 attempts', () => {
    const trace = runExample('naive-rag', { durationMs: 600_000 }).traces.find((t) => t.spans.some((s) => s.status === 429))!;
    const spans = waterfall(trace).spans;
    const limited = spans.find((s) => s.status === 429)!;
    expect(limited.tone).toBe('rate-limited');
    expect(limited.note).toMatch(/^Retry-After \d+ ms$/);
    expect(spans.some((s) => s.nodeId === limited.nodeId && s.attempt === 'retry 1')).toBe(true);
  });

  it('classifies span outcomes', () => {
    expect(spanTone({ status: 408, finishReason: 'timeout' })).toBe('timeout');
    expect(spanTone({ status: 503, finishReason: 'error' })).toBe('error');
    expect(spanTone({ status: 400, finishReason: 'content_filter' })).toBe('refused');
    expect(spanTone({ status: 200, finishReason: 'cache_hit' })).toBe('cache');
  });
});

describe('trace list', () => {
  it('lists failures first, then the slowest (slowest first), then the sample by arrival', () => {
    const traces = runExample('fallback-chain').traces;
    const rows = traceListRows(traces);
    expect(rows).toHaveLength(traces.length);
    const slowest = rows.filter((r) => r.reason === 'slowest');
    const order = rows.map((r) => r.reason);
    expect(order.indexOf('sampled')).toBeGreaterThan(order.lastIndexOf('slowest'));
    const latencies = slowest.map((r) => traces[r.index]!.latencyMs);
    expect(latencies).toEqual([...latencies].sort((a, b) => b - a));
  });

  it('formats times and small costs readably', () => {
    expect(traceMs(1230)).toBe('1,230 ms');
    expect(traceMs(2.5)).toBe('2.5 ms');
    expect(traceMs(90_000)).toBe('1.5 min');
    expect(spanUsd(9e-7)).toBe('$0.0000009');
    expect(spanUsd(0.0007)).toBe('$0.0007');
    expect(spanUsd(0.0483)).toBe('$0.0483');
    expect(niceStep(1230)).toBe(500);
    expect(niceStep(12_506)).toBe(5000);
  });
});
