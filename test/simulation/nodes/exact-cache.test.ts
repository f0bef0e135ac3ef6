import { describe, expect, it } from 'vitest';
import { RELATIVE_ACCURACY } from '../../../simulation/metrics/log-histogram';
import { zipfProbability } from '../../../simulation/random/zipf';
import { chain, constant, run } from '../../helpers/pipelines';

const cache = (params: Record<string, unknown>) => ({ id: 'cache', kind: 'exact_cache', params: { lookupLatencyMs: constant(1), ...params } });
const llm = { id: 'llm', kind: 'llm', params: { model: 'gpt-4o-mini', ttftMs: constant(10), ttftMsPer1kInputTokens: 0, timePerOutputTokenMs: constant(0.01) } };
const traffic = (n: number, s: number) => ({ traffic: { rps: 2, popularity: { distinctQueries: n, zipfExponent: s } } });

describe('exact cache', () => {
  it('with room for every query and no expiry, hits = requests − distinct queries seen (Zipf closed form)', () => {
    const n = 2000;
    const s = 1;
    const r = run(chain([cache({ capacityEntries: n, ttlMs: 1e12 }), llm], traffic(n, s)), { durationMs: 3_600_000, warmupMs: 0 });
    const lookups = r.caches[0]!.lookups;
    let expectedDistinct = 0;
    for (let k = 1; k <= n; k++) expectedDistinct += 1 - (1 - zipfProbability(k, n, s)) ** lookups;
    const expectedHitRate = 1 - expectedDistinct / lookups;
    expect(r.caches[0]!.hitRate).toBeGreaterThan(expectedHitRate - 0.01);
    expect(r.caches[0]!.hitRate).toBeLessThan(expectedHitRate + 0.01);
  });

  it('a hit skips the model: no model cost, and latency is the lookup', () => {
    const r = run(chain([cache({ capacityEntries: 100, ttlMs: 1e12 }), llm], traffic(10, 1)), { durationMs: 1_800_000, warmupMs: 0 });
    const llmNode = r.nodes.find((x) => x.id === 'llm')!;
    expect(llmNode.entered).toBe(r.caches[0]!.lookups - r.caches[0]!.hits);
    expect(r.outcomes.servedFromCache).toBe(r.caches[0]!.hits);
    expect(Math.abs(r.latency.endToEnd.p50 - 1)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
    expect(r.headline.cacheHitRate).toBeGreaterThan(0.99);
  });

  it('hit rate grows with capacity (LRU) and TTL', () => {
    const rate = (capacityEntries: number, ttlMs: number) => run(chain([cache({ capacityEntries, ttlMs }), llm], traffic(20_000, 0.9)), { durationMs: 3_600_000, warmupMs: 600_000 }).caches[0]!.hitRate;
    const small = rate(100, 1e12);
    const large = rate(5000, 1e12);
    const shortTtl = rate(5000, 30_000);
    expect(large).toBeGreaterThan(small + 0.05);
    expect(shortTtl).toBeLessThan(large - 0.05);
  });

  it('the fixed-hit-rate mode hits with the assumed probability', () => {
    const r = run(chain([cache({ mode: 'fixed-hit-rate', hitProbability: 0.3 }), llm], { traffic: { rps: 5 } }), { durationMs: 3_600_000, warmupMs: 0 });
    const n = r.caches[0]!.lookups;
    expect(Math.abs(r.caches[0]!.hitRate - 0.3)).toBeLessThan(4.5 * Math.sqrt((0.3 * 0.7) / n));
  });

  it('the no-cache share bypasses lookups', () => {
    const r = run(chain([cache({ capacityEntries: 100, ttlMs: 1e12, bypassShare: 1 }), llm], traffic(10, 1)), { durationMs: 600_000, warmupMs: 0 });
    expect(r.caches[0]!.hits).toBe(0);
  });
});
