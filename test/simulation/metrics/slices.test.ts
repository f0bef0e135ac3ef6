import { describe, expect, it } from 'vitest';
import { loadPipelineOrThrow } from '../../../simulation/model/load';
import { constant, run } from '../../helpers/pipelines';

const node = (id: string, kind: string, params: Record<string, unknown> = {}) => ({ id, kind, params });

describe('traffic slices', () => {
  it('a shadow copy that passes a blue/green split counts once, as a shadow, and users once per colour', () => {
    // src → shadow → split → blue | green → done; the shadow copy takes the same split.
    const doc = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'slices' },
      traffic: { rps: 20 },
      nodes: [node('src', 'source'), node('mirror', 'shadow', { shadowShare: 1 }), node('split', 'traffic_split', { greenShare: 0.3 }), node('blue', 'service', { latencyMs: constant(50) }), node('green', 'service', { latencyMs: constant(60) }), node('done', 'response')],
      edges: [
        { from: 'src', port: 'out', to: 'mirror' },
        { from: 'mirror', port: 'primary', to: 'split' },
        { from: 'mirror', port: 'shadow', to: 'split' },
        { from: 'split', port: 'blue', to: 'blue' },
        { from: 'split', port: 'green', to: 'green' },
        { from: 'blue', port: 'ok', to: 'done' },
        { from: 'green', port: 'ok', to: 'done' },
      ],
    });
    const r = run(doc, { seed: 2, durationMs: 600_000, warmupMs: 0, traceSampleRate: 0 });
    const { colours, shadow } = r.slices;
    expect(shadow!.measured).toBe(r.outcomes.measured);
    expect(colours!.blue.measured + colours!.green.measured).toBe(r.outcomes.measured);
    expect(colours!.green.measured / r.outcomes.measured).toBeCloseTo(0.3, 1);
  });
});

describe('deadline after a breaker cuts a call loose', () => {
  it("the user's request still fails at its deadline, not when the fallback finally answers", () => {
    // The breaker gives up on a 3 s call after 200 ms and sends the request to a 5 s fallback; the
    // 1 s deadline must cut that fallback call too.
    const doc = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'deadline' },
      traffic: { rps: 2, deadlineMs: 1000 },
      nodes: [
        node('src', 'source'),
        node('breaker', 'circuit_breaker', { flavour: 'opossum', opossum: { timeout: 200, volumeThreshold: 1_000_000 } }),
        node('slow', 'service', { latencyMs: constant(3000) }),
        node('fallback', 'service', { latencyMs: constant(5000) }),
        node('done', 'response'),
      ],
      edges: [
        { from: 'src', port: 'out', to: 'breaker' },
        { from: 'breaker', port: 'pass', to: 'slow' },
        { from: 'breaker', port: 'open', to: 'fallback' },
        { from: 'slow', port: 'ok', to: 'done' },
        { from: 'fallback', port: 'ok', to: 'done' },
      ],
    });
    const r = run(doc, { seed: 1, durationMs: 120_000, warmupMs: 0, traceSampleRate: 0, traceFailed: 50 });
    expect(r.outcomes.served).toBe(0);
    expect(r.outcomes.errorsByType.deadline_exceeded).toBe(r.outcomes.measured);
    const failed = r.traces.filter((t) => t.reason === 'failed');
    expect(failed.length).toBeGreaterThan(10);
    for (const t of failed) expect(t.latencyMs).toBeCloseTo(1000, 6);
  });
});
