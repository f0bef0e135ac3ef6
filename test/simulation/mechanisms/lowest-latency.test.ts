import { describe, expect, it } from 'vitest';
import { LowestLatency } from '../../../simulation/nodes/router/lowest-latency';
import type { RandomStream } from '../../../simulation/random/streams';
import { loadPipelineOrThrow } from '../../../simulation/model/load';
import { constant, run } from '../../helpers/pipelines';

const draw = (u: number) => ({ uniform: () => u }) as unknown as RandomStream;
const room = () => true;

describe("LiteLLM's lowest-latency routing", () => {
  it('ranks by seconds per output token of successful calls; an untried route counts as 0', () => {
    const l = new LowestLatency(2, 0, draw(0.99));
    l.success(0, 2000, 100, null); // 0.02 s per token
    expect(l.choose([0, 1], false, room)).toBe(1);
    l.success(1, 1000, 10, null); // 0.1 s per token
    expect(l.choose([0, 1], false, room)).toBe(0);
  });

  it('keeps the first 9 samples once the list is full and replaces only the last, as LiteLLM does', () => {
    const l = new LowestLatency(2, 0, draw(0));
    for (let i = 0; i < 10; i++) l.success(0, 100, 100, null); // 0.001 s per token × 10
    l.success(1, 500, 100, null); // 0.005
    // Ten slow calls later, route 0 still averages (9 × 0.001 + 1) / 10 ≈ 0.1009 only because of its last slot.
    for (let i = 0; i < 10; i++) l.success(0, 100_000, 100, null);
    expect(l.choose([0, 1], false, room)).toBe(1);
    for (let i = 0; i < 10; i++) l.success(0, 100, 100, null);
    expect(l.choose([0, 1], false, room)).toBe(0);
  });

  it('adds a 1,000 s penalty for a timeout, ranks streaming requests by TTFT per token, and honours the buffer and tpm/rpm room', () => {
    const l = new LowestLatency(2, 0, draw(0));
    l.success(0, 1000, 100, 900); // 0.01 s/token, TTFT 0.009 s/token
    l.success(1, 500, 100, 50); // 0.005 s/token, TTFT 0.0005 s/token
    expect(l.choose([0, 1], true, room)).toBe(1);
    l.timeout(1);
    expect(l.choose([0, 1], false, room)).toBe(0);
    expect(l.choose([0, 1], false, (i) => i === 1)).toBe(1);
    expect(l.choose([0, 1], false, () => false)).toBe(-1);
    // A buffer wide enough puts both in the draw: u = 0.99 picks the second of the valid ones.
    const wide = new LowestLatency(2, 10, draw(0.99));
    wide.success(0, 1000, 100, null);
    wide.success(1, 2000, 100, null);
    expect(wide.choose([0, 1], false, room)).toBe(1);
  });

  it('in a pipeline, sends most requests to the deployment with fewer seconds per output token — or, for streaming requests, the quicker first token per output token', () => {
    const llm = (ttftMs: number, tpotMs: number) => ({ model: 'gpt-5.4-mini', systemPromptTokens: 200, ttftMs: constant(ttftMs), ttftMsPer1kInputTokens: 0, timePerOutputTokenMs: constant(tpotMs), retry: { numRetries: 0 } });
    const share = (stream: boolean, fast: [number, number], slow: [number, number]) => {
      const r = run(pipeline(stream, llm(...fast), llm(...slow)), { durationMs: 600_000, warmupMs: 0 });
      const routed = (r.nodes.find((n) => n.id === 'router')!.report as { routed: { fast: number; slow: number } }).routed;
      return routed.fast / (routed.fast + routed.slow);
    };
    expect(share(false, [300, 5], [300, 20])).toBeGreaterThan(0.95);
    // Streaming: the same first token on both sides is a tie (random), whatever the generation speed…
    expect(Math.abs(share(true, [300, 5], [300, 20]) - 0.5)).toBeLessThan(0.05);
    // …and a quicker first token wins.
    expect(share(true, [200, 20], [600, 5])).toBeGreaterThan(0.95);
  });
});

function pipeline(stream: boolean, fast: Record<string, unknown>, slow: Record<string, unknown>) {
  return loadPipelineOrThrow({
    version: 1,
    pipeline: { name: 'lowest latency' },
    traffic: { rps: 5, classes: [{ name: 'q', share: 1, stream, queryTokens: constant(50), outputTokens: constant(200) }] },
    nodes: [
      { id: 'src', kind: 'source' },
      { id: 'router', kind: 'router', params: { strategy: 'latency-based', routes: [{ name: 'fast' }, { name: 'slow' }] } },
      { id: 'llm-fast', kind: 'llm', params: fast },
      { id: 'llm-slow', kind: 'llm', params: slow },
      { id: 'done', kind: 'response' },
    ],
    edges: [
      { from: 'src', port: 'out', to: 'router' },
      { from: 'router', port: 'fast', to: 'llm-fast' },
      { from: 'router', port: 'slow', to: 'llm-slow' },
      { from: 'llm-fast', port: 'ok', to: 'done' },
      { from: 'llm-slow', port: 'ok', to: 'done' },
    ],
  });
}
