import { describe, expect, it } from 'vitest';
import { loadPipelineOrThrow } from '../../../simulation/model/load';
import { constant, example, run } from '../../helpers/pipelines';

const llm = (model: string, extra: Record<string, unknown> = {}) => ({ model, systemPromptTokens: 100, ttftMs: constant(300), ttftMsPer1kInputTokens: 0, timePerOutputTokenMs: constant(5), retry: { numRetries: 0 }, ...extra });

function chainDoc(fallbackErrorProbability: number, withBreaker: boolean) {
  const nodes = [
    { id: 'src', kind: 'source' },
    ...(withBreaker ? [{ id: 'breaker', kind: 'circuit_breaker', params: { opossum: { volumeThreshold: 5, timeout: null } } }] : []),
    { id: 'primary', kind: 'llm', params: llm('gpt-4.1') },
    { id: 'backup', kind: 'llm', params: llm('claude-sonnet-5', { errorProbability: fallbackErrorProbability }) },
    { id: 'done', kind: 'response' },
  ];
  const edges = [
    ...(withBreaker
      ? [
          { from: 'src', port: 'out', to: 'breaker' },
          { from: 'breaker', port: 'pass', to: 'primary' },
          { from: 'breaker', port: 'open', to: 'backup' },
        ]
      : [{ from: 'src', port: 'out', to: 'primary' }]),
    { from: 'primary', port: 'ok', to: 'done' },
    { from: 'primary', port: 'error', to: 'backup' },
    { from: 'backup', port: 'ok', to: 'done' },
  ];
  return loadPipelineOrThrow({
    version: 1,
    pipeline: { name: 'fallback' },
    traffic: { rps: 5, classes: [{ name: 'q', share: 1, queryTokens: constant(50), outputTokens: constant(100) }] },
    nodes,
    edges,
    faults: [{ type: 'outage', target: 'primary', startMs: 600_000, durationMs: 600_000 }],
  });
}

describe('fallback chains', () => {
  it('a 10-minute outage of the primary sends traffic down the chain; users see only the fallback error rate', () => {
    const r = run(chainDoc(0.02, true), { durationMs: 1_800_000, warmupMs: 0 });
    // Without the fallback a third of the run would fail; with it, users see the backup's 2 % during the outage.
    const outageShare = 1 / 3;
    const expected = outageShare * 0.02;
    const n = r.outcomes.measured;
    expect(Math.abs(r.outcomes.errorRate - expected)).toBeLessThan(4.5 * Math.sqrt((expected * (1 - expected)) / n) + 0.002);
    expect(r.reliability.fallbackShare).toBeGreaterThan(0.3);
    expect(r.reliability.fallbackShare).toBeLessThan(0.36);
    expect(r.outcomes.downtimeMinutes).toBe(0);
    // The breaker opens on the timeline during the outage.
    const open = r.series.breakers.breaker!.openShare!;
    expect(Math.max(...open.slice(10, 20))).toBeGreaterThan(0.9);
    expect(r.series.fallbacks.slice(11, 19).every((x) => x > 250)).toBe(true);
  });

  it('without a fallback the same outage is downtime', () => {
    const doc = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'no fallback' },
      traffic: { rps: 5, classes: [{ name: 'q', share: 1, queryTokens: constant(50), outputTokens: constant(100) }] },
      nodes: [{ id: 'src', kind: 'source' }, { id: 'primary', kind: 'llm', params: llm('gpt-4.1') }, { id: 'done', kind: 'response' }],
      edges: [{ from: 'src', port: 'out', to: 'primary' }, { from: 'primary', port: 'ok', to: 'done' }],
      faults: [{ type: 'outage', target: 'primary', startMs: 600_000, durationMs: 600_000 }],
    });
    const r = run(doc, { durationMs: 1_800_000, warmupMs: 0 });
    expect(r.outcomes.downtimeMinutes).toBe(10);
    expect(r.outcomes.errorRate).toBeGreaterThan(0.3);
  });

  it("routes context-window and content-policy errors to their own fallbacks (LiteLLM's context_window_fallbacks)", () => {
    const doc = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'cw' },
      traffic: { rps: 2, classes: [{ name: 'q', share: 1, queryTokens: { type: 'uniformInt', min: 10, max: 12_000 }, outputTokens: constant(50) }] },
      nodes: [
        { id: 'src', kind: 'source' },
        { id: 'small', kind: 'llm', params: llm('gpt-4', { maxTokens: 500, contentPolicyRefusalProbability: 0.1 }) },
        { id: 'large', kind: 'llm', params: llm('gpt-4.1') },
        { id: 'sorry', kind: 'static_answer', params: { text: 'I cannot help with that.' } },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'src', port: 'out', to: 'small' },
        { from: 'small', port: 'ok', to: 'done' },
        { from: 'small', port: 'context_window', to: 'large' },
        { from: 'small', port: 'content_policy', to: 'sorry' },
        { from: 'large', port: 'ok', to: 'done' },
        { from: 'sorry', port: 'ok', to: 'done' },
      ],
    });
    const r = run(doc, { durationMs: 3_600_000, warmupMs: 0 });
    const paths = Object.fromEntries(r.quality.paths.map((p) => [p.nodeId, p.share]));
    // gpt-4's 8,192-token window: prompts over 8,192 − 500 − 100 go to the large model (~36 %).
    expect(paths.large).toBeGreaterThan(0.3);
    expect(paths.large).toBeLessThan(0.42);
    expect(paths.sorry).toBeGreaterThan(0.04);
    expect(r.outcomes.failed).toBe(0);
    // The static answer has quality 0.
    expect(r.quality.paths.find((p) => p.nodeId === 'sorry')!.quality).toBe(0);
  });

  it("the guide's fallback template shows the breaker opening during the GPT-4 outage", () => {
    const r = run(example('fallback-chain'));
    const b = r.reliability.breakers[0]!;
    expect(b.timesOpened).toBeGreaterThan(0);
    expect(b.timeOpenMs).toBeGreaterThan(8 * 60_000);
    expect(r.outcomes.errorRate).toBeLessThan(0.01);
    expect(r.reliability.faults[0]).toMatchObject({ type: 'outage', target: 'gpt4' });
  });
});
