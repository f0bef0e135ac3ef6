import { describe, expect, it } from 'vitest';
import { loadPipelineOrThrow } from '../../../simulation/model/load';
import { constant, run } from '../../helpers/pipelines';

const llm = { model: 'gpt-4.1', systemPromptTokens: 100, ttftMs: constant(300), ttftMsPer1kInputTokens: 0, timePerOutputTokenMs: constant(5), quality: 1 };

function cached(cacheNode: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return loadPipelineOrThrow({
    version: 1,
    pipeline: { name: 'cache' },
    traffic: { rps: 5, popularity: { distinctQueries: 20_000, zipfExponent: 0.9, topicClusters: 1_000 } },
    nodes: [{ id: 'src', kind: 'source' }, { id: 'cache', ...cacheNode }, { id: 'llm', kind: 'llm', params: llm }, { id: 'done', kind: 'response' }],
    edges: [
      { from: 'src', port: 'out', to: 'cache' },
      { from: 'cache', port: 'hit', to: 'done' },
      { from: 'cache', port: 'miss', to: 'llm' },
      { from: 'llm', port: 'ok', to: 'done' },
    ],
    ...extra,
  });
}

describe('semantic cache', () => {
  const at = (similarityThreshold: number) => run(cached({ kind: 'semantic_cache', params: { similarityThreshold } }), { durationMs: 3_600_000, warmupMs: 600_000 });

  it('raising the similarity threshold lowers both the hit rate and the false-hit rate', () => {
    const loose = at(0.85);
    const strict = at(0.97);
    const l = loose.nodes.find((n) => n.id === 'cache')!.report;
    const s = strict.nodes.find((n) => n.id === 'cache')!.report;
    expect(Number(s.hitRate)).toBeLessThan(Number(l.hitRate) - 0.05);
    expect(Number(s.falseHitRate)).toBeLessThan(Number(l.falseHitRate));
    expect(Number(l.falseHits)).toBeGreaterThan(0);
    // False hits are wrong answers: faithfulness falls with them (the LLM itself is perfect here).
    expect(loose.quality.faithfulness!).toBeLessThan(strict.quality.faithfulness!);
  });

  it('hits near-duplicates (same topic) that an exact cache misses', () => {
    const semantic = at(0.9);
    const exact = run(cached({ kind: 'exact_cache', params: { capacityEntries: 50_000 } }), { durationMs: 3_600_000, warmupMs: 600_000 });
    expect(semantic.caches[0]!.hitRate).toBeGreaterThan(exact.caches[0]!.hitRate + 0.1);
    expect(Number(semantic.nodes.find((n) => n.id === 'cache')!.report.nearDuplicateHits)).toBeGreaterThan(0);
  });

  it('embeds every lookup: the embedding is billed and its latency paid even on a hit', () => {
    const r = at(0.95);
    const cache = r.cost.byNode.find((n) => n.nodeId === 'cache')!;
    expect(cache.units.input).toBe(50 * r.caches[0]!.lookups); // 50-token queries × text-embedding-3-small
    expect(cache.usd).toBeCloseTo(50 * r.caches[0]!.lookups * 0.02e-6, 9);
    expect(r.nodes.find((n) => n.id === 'cache')!.latency.min).toBeGreaterThan(0);
  });
});

describe('knowledge-base updates', () => {
  it('empty the cache; the hit rate recovers as answers are stored again', () => {
    const r = run(cached({ kind: 'exact_cache', params: { capacityEntries: 50_000 } }, { events: [{ type: 'kb-update', atMs: 3_600_000 }] }), { durationMs: 7_200_000, warmupMs: 0 });
    const hits = r.series.cacheHits;
    const arrivals = r.series.arrivals;
    const rate = (from: number, to: number) => hits.slice(from, to).reduce((s, x) => s + x, 0) / arrivals.slice(from, to).reduce((s, x) => s + x, 0);
    const before = rate(50, 60);
    const justAfter = rate(60, 62);
    const later = rate(110, 120);
    expect(justAfter).toBeLessThan(before / 2);
    expect(later).toBeGreaterThan(before * 0.85);
    expect(r.nodes.find((n) => n.id === 'cache')!.report.invalidations).toBe(1);
  });
});

describe('stale-cache fallback', () => {
  it('serves expired entries when the model fails', () => {
    const doc = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'stale' },
      traffic: { rps: 5, popularity: { distinctQueries: 500, zipfExponent: 1 } },
      nodes: [
        { id: 'src', kind: 'source' },
        { id: 'cache', kind: 'exact_cache', params: { ttlMs: 60_000 } },
        { id: 'llm', kind: 'llm', params: llm },
        { id: 'stale', kind: 'stale_cache', params: { cache: 'cache' } },
        { id: 'idk', kind: 'static_answer' },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'src', port: 'out', to: 'cache' },
        { from: 'cache', port: 'hit', to: 'done' },
        { from: 'cache', port: 'miss', to: 'llm' },
        { from: 'llm', port: 'ok', to: 'done' },
        { from: 'llm', port: 'error', to: 'stale' },
        { from: 'stale', port: 'hit', to: 'done' },
        { from: 'stale', port: 'miss', to: 'idk' },
        { from: 'idk', port: 'ok', to: 'done' },
      ],
      faults: [{ type: 'outage', target: 'llm', startMs: 1_800_000, durationMs: 600_000 }],
    });
    const r = run(doc, { durationMs: 3_600_000, warmupMs: 0 });
    const stale = r.nodes.find((n) => n.id === 'stale')!.report;
    expect(Number(stale.staleServed)).toBeGreaterThan(1000);
    expect(r.outcomes.failed).toBe(0);
    expect(r.quality.paths.find((p) => p.nodeId === 'idk')!.quality).toBe(0);
  });
});

describe('provider prompt cache', () => {
  const withPrompt = (model: string, enabled: boolean, systemPromptTokens: number, warmupMs = 60_000) =>
    run(
      loadPipelineOrThrow({
        version: 1,
        pipeline: { name: 'prompt cache' },
        traffic: { rps: 1, classes: [{ name: 'q', share: 1, queryTokens: constant(100), outputTokens: constant(100) }] },
        nodes: [{ id: 'src', kind: 'source' }, { id: 'llm', kind: 'llm', params: { ...llm, model, systemPromptTokens, promptCache: { enabled } } }, { id: 'done', kind: 'response' }],
        edges: [{ from: 'src', port: 'out', to: 'llm' }, { from: 'llm', port: 'ok', to: 'done' }],
      }),
      { durationMs: 1_800_000, warmupMs },
    );

  it('bills the shared prefix at the cached price while warm (OpenAI: 128-token steps from 1,024)', () => {
    const on = withPrompt('gpt-4.1', true, 2000);
    const llmCost = on.cost.byNode.find((n) => n.nodeId === 'llm')!;
    // 2,000-token prompt → 1,920 cached (15 × 128); warm at 1 call/s with a 5-minute TTL.
    expect(llmCost.units.cachedInput / on.outcomes.measured).toBeCloseTo(1920, 0);
    expect(llmCost.byType.cachedInput).toBeCloseTo(llmCost.units.cachedInput * 0.5e-6, 9);
    const off = withPrompt('gpt-4.1', false, 2000);
    expect(on.cost.variablePerQueryUsd).toBeLessThan(off.cost.variablePerQueryUsd * 0.6);
  });

  it('ignores prefixes under the minimum and charges Anthropic cache writes at 1.25×', () => {
    const tooShort = withPrompt('gpt-4.1', true, 900);
    expect(tooShort.cost.byNode.find((n) => n.nodeId === 'llm')!.units.cachedInput).toBe(0);
    const anthropic = withPrompt('claude-sonnet-5', true, 2000, 0);
    const c = anthropic.cost.byNode.find((n) => n.nodeId === 'llm')!;
    expect(c.units.cacheWrite).toBeGreaterThan(0); // the first call of the run writes the prefix
    expect(c.byType.cacheWrite).toBeCloseTo(c.units.cacheWrite * 2.5e-6, 9);
    expect(c.byType.cachedInput).toBeCloseTo(c.units.cachedInput * 0.2e-6, 9);
  });
});
