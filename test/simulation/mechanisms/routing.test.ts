import { describe, expect, it } from 'vitest';
import { loadPipelineOrThrow } from '../../../simulation/model/load';
import { constant, run } from '../../helpers/pipelines';

const llm = (model: string, extra: Record<string, unknown> = {}) => ({ model, systemPromptTokens: 200, ttftMs: constant(300), ttftMsPer1kInputTokens: 0, timePerOutputTokenMs: constant(5), ...extra });
const classes = [
  { name: 'simple', share: 0.7, queryTokens: constant(50), outputTokens: constant(100) },
  { name: 'complex', share: 0.3, queryTokens: constant(50), outputTokens: constant(300) },
];

function tiered(strategy: string, extraNodes: Record<string, unknown>[] = [], extraEdges: Record<string, unknown>[] = []) {
  return loadPipelineOrThrow({
    version: 1,
    pipeline: { name: 'tiering' },
    traffic: { rps: 5, classes },
    nodes: [
      { id: 'src', kind: 'source' },
      { id: 'router', kind: 'router', params: { strategy, routes: [{ name: 'cheap', classes: ['simple'] }, { name: 'strong', classes: ['complex'] }] } },
      { id: 'mini', kind: 'llm', params: llm('gpt-5.4-nano', { qualityByClass: { simple: 0.95, complex: 0.6 } }) },
      { id: 'big', kind: 'llm', params: llm('gpt-5.5', { quality: 0.97 }) },
      { id: 'done', kind: 'response' },
      ...extraNodes,
    ],
    edges: [
      { from: 'src', port: 'out', to: 'router' },
      { from: 'router', port: 'cheap', to: 'mini' },
      { from: 'router', port: 'strong', to: 'big' },
      { from: 'big', port: 'ok', to: 'done' },
      ...extraEdges,
    ],
  });
}

describe('router', () => {
  it('by class (model tiering): simple queries to the cheap model, complex to the strong one, with quality per path beside cost', () => {
    const r = run(tiered('by-class', [], [{ from: 'mini', port: 'ok', to: 'done' }]), { durationMs: 3_600_000, warmupMs: 0 });
    const paths = Object.fromEntries(r.quality.paths.map((p) => [p.nodeId, p]));
    expect(paths.mini!.share).toBeGreaterThan(0.67);
    expect(paths.mini!.share).toBeLessThan(0.73);
    expect(paths.mini!.quality!).toBeGreaterThan(0.93);
    expect(paths.big!.quality!).toBeGreaterThan(0.95);
    expect(paths.mini!.costPerQueryUsd).toBeLessThan(paths.big!.costPerQueryUsd / 20);
    expect(r.nodes.find((n) => n.id === 'router')!.report.routed).toMatchObject({ cheap: paths.mini!.served, strong: paths.big!.served });
  });

  it('weighted routing splits by weight', () => {
    const doc = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'weighted' },
      traffic: { rps: 10 },
      nodes: [
        { id: 'src', kind: 'source' },
        { id: 'router', kind: 'router', params: { strategy: 'weighted', routes: [{ name: 'a', weight: 3 }, { name: 'b', weight: 1 }] } },
        { id: 'x', kind: 'service' },
        { id: 'y', kind: 'service' },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'src', port: 'out', to: 'router' },
        { from: 'router', port: 'a', to: 'x' },
        { from: 'router', port: 'b', to: 'y' },
        { from: 'x', port: 'ok', to: 'done' },
        { from: 'y', port: 'ok', to: 'done' },
      ],
    });
    const r = run(doc, { durationMs: 1_800_000, warmupMs: 0 });
    const x = r.nodes.find((n) => n.id === 'x')!.entered;
    const share = x / r.outcomes.measured;
    expect(Math.abs(share - 0.75)).toBeLessThan(4.5 * Math.sqrt((0.75 * 0.25) / r.outcomes.measured));
  });

  it('least-busy and latency-based routing avoid a slow deployment', () => {
    const routes = (strategy: string) =>
      loadPipelineOrThrow({
        version: 1,
        pipeline: { name: 'adaptive' },
        traffic: { rps: 10 },
        nodes: [
          { id: 'src', kind: 'source' },
          { id: 'router', kind: 'router', params: { strategy, routes: [{ name: 'fast' }, { name: 'slow' }] } },
          { id: 'fast', kind: 'service', params: { latencyMs: { type: 'exponential', mean: 100 } } },
          { id: 'slow', kind: 'service', params: { latencyMs: { type: 'exponential', mean: 1000 } } },
          { id: 'done', kind: 'response' },
        ],
        edges: [
          { from: 'src', port: 'out', to: 'router' },
          { from: 'router', port: 'fast', to: 'fast' },
          { from: 'router', port: 'slow', to: 'slow' },
          { from: 'fast', port: 'ok', to: 'done' },
          { from: 'slow', port: 'ok', to: 'done' },
        ],
      });
    for (const strategy of ['least-busy', 'latency-based']) {
      const r = run(routes(strategy), { durationMs: 1_800_000, warmupMs: 0 });
      const fastShare = r.nodes.find((n) => n.id === 'fast')!.entered / r.outcomes.measured;
      expect(fastShare, strategy).toBeGreaterThan(0.6);
    }
  });
});

describe('confidence gate (quality-based escalation)', () => {
  it('escalates wrong answers more often than right ones, raising faithfulness at the cost of strong-model calls', () => {
    const gate = (threshold: number) =>
      loadPipelineOrThrow({
        version: 1,
        pipeline: { name: 'gate' },
        traffic: { rps: 5 },
        nodes: [
          { id: 'src', kind: 'source' },
          { id: 'mini', kind: 'llm', params: llm('gpt-5.4-nano', { quality: 0.7 }) },
          { id: 'gate', kind: 'confidence_gate', params: { confidenceThreshold: threshold } },
          { id: 'big', kind: 'llm', params: llm('gpt-5.5', { quality: 0.97 }) },
          { id: 'done', kind: 'response' },
        ],
        edges: [
          { from: 'src', port: 'out', to: 'mini' },
          { from: 'mini', port: 'ok', to: 'gate' },
          { from: 'gate', port: 'confident', to: 'done' },
          { from: 'gate', port: 'escalate', to: 'big' },
          { from: 'big', port: 'ok', to: 'done' },
        ],
      });
    const low = run(gate(0.5), { durationMs: 3_600_000, warmupMs: 0 });
    const high = run(gate(0.9), { durationMs: 3_600_000, warmupMs: 0 });
    const rep = (r: typeof low) => r.nodes.find((n) => n.id === 'gate')!.report;
    // Curve at 0.5: 55 % of wrong and 4 % of right answers escalate → 0.3·0.55 + 0.7·0.04 = 19.3 %.
    expect(Number(rep(low).escalationRate)).toBeCloseTo(0.193, 1);
    expect(Number(rep(high).escalationRate)).toBeGreaterThan(Number(rep(low).escalationRate));
    expect(high.quality.faithfulness!).toBeGreaterThan(low.quality.faithfulness!);
    expect(high.cost.variablePerQueryUsd).toBeGreaterThan(low.cost.variablePerQueryUsd);
  });

  it('human escalation counts in the escalation rate', () => {
    const doc = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'humans' },
      traffic: { rps: 5 },
      nodes: [
        { id: 'src', kind: 'source' },
        { id: 'mini', kind: 'llm', params: llm('gpt-5.4-nano', { quality: 0.7 }) },
        { id: 'gate', kind: 'confidence_gate' },
        { id: 'human', kind: 'escalation' },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'src', port: 'out', to: 'mini' },
        { from: 'mini', port: 'ok', to: 'gate' },
        { from: 'gate', port: 'confident', to: 'done' },
        { from: 'gate', port: 'escalate', to: 'human' },
      ],
    });
    const r = run(doc, { durationMs: 3_600_000, warmupMs: 0 });
    expect(r.quality.escalationRate).toBeCloseTo(0.3 * 0.8 + 0.7 * 0.12, 1);
    expect(r.outcomes.escalated).toBeGreaterThan(0);
    expect(r.slo.checks.find((c) => c.metric === 'escalationRate')!.pass).toBe(false);
  });
});
