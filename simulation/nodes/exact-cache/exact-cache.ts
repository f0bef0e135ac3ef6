import { z } from 'zod';
import { EV_DELAY_DONE, type EngineApi, type NodeRuntime, type NodeReport } from '../../engine/engine-api';
import { AnswerKind, type SimRequest } from '../../engine/request';
import { distribution } from '../../model/distribution-schema';
import { compileDistribution, describeDistribution, type Sampler } from '../../random/distributions';
import type { RandomStream } from '../../random/streams';
import { formatDurationMs } from '../../units/duration';
import type { Metrics } from '../../metrics/metrics';
import { defineNodeKind, type BuildContext } from '../kind';
import { CacheStore, type CacheEntry, type StaleReadable } from '../cache-store';

export const ExactCacheParams = z
  .object({
    mode: z.enum(['simulated', 'fixed-hit-rate']).default('simulated').meta({
      title: 'Mode',
      description: 'simulated: hits emerge from query popularity (Zipf), capacity (LRU) and TTL. fixed-hit-rate: an assumed hit probability, not simulated.',
    }),
    capacityEntries: z.number().int().min(1).default(10_000).meta({ unit: 'entries', title: 'Capacity', description: 'Entries kept; the least recently used is evicted.' }),
    ttlMs: z.number().positive().default(86_400_000).meta({ unit: 'ms', title: 'TTL', description: 'An entry expires this long after it was stored (cache_ttl_hours 24 = 86,400,000 ms).' }),
    lookupLatencyMs: distribution({ type: 'constant', value: 2 }, 'ms', 'Time of one lookup (hit or miss).'),
    bypassShare: z.number().min(0).max(1).default(0).meta({ unit: 'share', title: 'No-cache share', description: 'Requests never cached (personalised or no-store).' }),
    hitProbability: z.number().min(0).max(1).default(0.3).meta({ unit: 'share', title: 'Assumed hit rate', description: 'Used only in fixed-hit-rate mode.' }),
  })
  .strict();
type Params = z.output<typeof ExactCacheParams>;

/**
 * Exact-match response cache keyed by the normalised query (SEMANTICS §8). A miss continues down the
 * pipeline and the answer is stored when the request is served by a model or another cache (never a
 * static answer); a hit answers with the stored answer's quality and zero model cost. Knowledge-base
 * updates and model changes empty it.
 */
export class ExactCacheRuntime implements NodeRuntime, StaleReadable {
  private readonly engine: EngineApi;
  private readonly metrics: Metrics;
  private readonly index: number;
  private readonly params: Params;
  private readonly hitPort: number;
  private readonly missPort: number;
  private readonly latency: Sampler;
  private readonly rngLatency: RandomStream;
  private readonly rngDecision: RandomStream;
  private readonly store: CacheStore;
  lookups = 0;
  hits = 0;
  expired = 0;
  bypassed = 0;
  invalidations = 0;

  constructor(ctx: BuildContext<Params>) {
    this.engine = ctx.engine;
    this.metrics = ctx.metrics;
    this.index = ctx.index;
    this.params = ctx.params;
    this.hitPort = ctx.port('hit');
    this.missPort = ctx.port('miss');
    this.latency = compileDistribution(ctx.params.lookupLatencyMs);
    this.rngLatency = ctx.stream('lookup-latency');
    this.rngDecision = ctx.stream('hit-decision');
    this.store = new CacheStore(ctx.params.capacityEntries, ctx.params.ttlMs);
  }

  enter(req: SimRequest): void {
    const hit = this.lookup(req);
    const delay = this.latency.sample(this.rngLatency);
    this.engine.schedule(this.engine.now + delay, this.index, EV_DELAY_DONE, req, hit);
  }

  /** aux: 0 miss, 1 hit with a correct answer, 2 hit with a wrong one. */
  onEvent(_type: number, req: SimRequest, hit: number): void {
    if (hit === 0) {
      this.engine.emit(req, this.index, this.missPort);
      return;
    }
    req.servedFromCache = true;
    req.answerKind = AnswerKind.cache;
    req.answeredBy = this.index;
    req.answerCorrect = hit === 1;
    this.metrics.seriesCacheHits.add(this.engine.now, 1);
    this.engine.emit(req, this.index, this.hitPort);
  }

  /** Stores the answer of a request that missed here (called when it is served). */
  fill(req: SimRequest): void {
    if (this.params.mode === 'simulated') this.store.store(req.queryKey, 0, req.answerCorrect, this.engine.now);
  }

  readStale(req: { queryKey: number }): CacheEntry | undefined {
    return this.store.any(req.queryKey);
  }

  invalidate(): void {
    this.store.clear();
    this.invalidations++;
  }

  report(): NodeReport {
    return {
      mode: this.params.mode,
      lookups: this.lookups,
      hits: this.hits,
      hitRate: this.lookups > 0 ? this.hits / this.lookups : 0,
      expired: this.expired,
      evictions: this.store.evictions,
      bypassed: this.bypassed,
      invalidations: this.invalidations,
      entriesAtEnd: this.store.size,
    };
  }

  private lookup(req: SimRequest): number {
    const counted = req.counted && !req.shadow;
    if (counted) this.lookups++;
    if (this.params.bypassShare > 0 && this.rngDecision.chance(this.params.bypassShare)) {
      if (counted) this.bypassed++;
      return 0;
    }
    let result = 0;
    if (this.params.mode === 'fixed-hit-rate') {
      result = this.rngDecision.chance(this.params.hitProbability) ? (req.answerCorrect ? 1 : 2) : 0;
    } else {
      const now = this.engine.now;
      const entry = this.store.fresh(req.queryKey, now);
      if (entry) result = entry.correct ? 1 : 2;
      else {
        if (counted && this.store.expired(req.queryKey, now)) this.expired++;
        (req.cacheFills ??= []).push(this.index);
      }
    }
    if (result > 0 && counted) this.hits++;
    return result;
  }
}

export const exactCacheKind = defineNodeKind({
  kind: 'exact_cache',
  title: 'Exact cache',
  group: 'caches',
  description: 'Hash lookup of the normalised query. In simulated mode the hit rate emerges from query popularity, capacity and TTL; the answer is stored when a missed request is served.',
  params: ExactCacheParams,
  outputs: [
    { name: 'hit', description: 'Answered from the cache.', required: true },
    { name: 'miss', description: 'Not in the cache: continue to the model.', required: true },
  ],
  acceptsInput: true,
  callNode: false,
  summarize: (p) =>
    p.mode === 'fixed-hit-rate'
      ? [`assumed hit rate ${Math.round(p.hitProbability * 100)} % (not simulated)`]
      : [`${p.capacityEntries.toLocaleString('en-US')} entries, TTL ${formatDurationMs(p.ttlMs)}`, `lookup ${describeDistribution(p.lookupLatencyMs, 'ms')}`],
  usesQueryKeys: (p) => p.mode === 'simulated',
  load: (p) => ({
    meanServiceMs: compileDistribution(p.lookupLatencyMs).mean,
    meanTokensPerCall: 0,
    // Simulated hit rates are unknown before the run: the estimate assumes every lookup misses (an upper bound on load).
    portShares: p.mode === 'fixed-hit-rate' ? { hit: p.hitProbability * (1 - p.bypassShare), miss: 1 - p.hitProbability * (1 - p.bypassShare) } : { hit: 0, miss: 1 },
    quotaId: null,
  }),
  create: (ctx) => new ExactCacheRuntime(ctx),
});
