import { z } from 'zod';
import type { ModelEntry } from '../../catalog/schema';
import { EV_DELAY_DONE, type EngineApi, type NodeReport, type NodeRuntime } from '../../engine/engine-api';
import { AnswerKind, type SimRequest } from '../../engine/request';
import { CostIndex } from '../../metrics/cost-types';
import type { Metrics } from '../../metrics/metrics';
import { distribution } from '../../model/distribution-schema';
import { compileDistribution, type Sampler } from '../../random/distributions';
import type { RandomStream } from '../../random/streams';
import { formatDurationMs } from '../../units/duration';
import { CacheStore, type CacheEntry, type StaleReadable } from '../cache-store';
import { interpolatePair } from '../curve';
import { defineNodeKind, type BuildContext } from '../kind';
import { checkModel } from '../model-check';

export const SemanticCacheParams = z
  .object({
    embeddingModel: z.string().default('text-embedding-3-small').meta({ title: 'Embedding model', description: 'Every lookup embeds the query (billed per token).', catalogMode: 'embedding' }),
    embeddingLatencyMs: distribution({ type: 'lognormal', median: 60, p99: 250 }, 'ms', 'Time to embed the query.'),
    searchLatencyMs: distribution({ type: 'lognormal', median: 8, p99: 40 }, 'ms', 'Time of the nearest-neighbour search.'),
    capacityEntries: z.number().int().min(1).default(50_000).meta({ unit: 'entries', title: 'Capacity', description: 'Answers kept; least recently used evicted.' }),
    ttlMs: z.number().positive().default(86_400_000).meta({ unit: 'ms', title: 'TTL' }),
    similarityThreshold: z.number().min(0).max(1).default(0.95).meta({ title: 'Similarity threshold', description: 'A cached answer is reused when the new query is at least this similar (the guide: > 0.95).' }),
    curve: z
      .array(z.tuple([z.number().min(0).max(1), z.number().min(0).max(1), z.number().min(0).max(1)]))
      .min(2)
      .default([
        [0.8, 0.95, 0.08],
        [0.9, 0.85, 0.02],
        [0.95, 0.6, 0.005],
        [0.98, 0.3, 0.001],
      ])
      .meta({
        title: 'Threshold curve',
        columns: ['Similarity threshold', 'Near-duplicate hit share', 'False hit share'],
        description: 'Rows [threshold, share of near-duplicates that hit, share of unrelated queries that falsely hit], ascending; raising the threshold lowers both. Measure it on your query logs.',
      }),
  })
  .strict();
type Params = z.output<typeof SemanticCacheParams>;

/**
 * Semantic cache (SEMANTICS §8): embeds every lookup, then reuses an answer for the same query or a
 * near-duplicate (a query of the same topic cluster) with the curve's near-duplicate hit share; an
 * unrelated query may falsely hit and gets a wrong answer (quality loss). Answers are stored when a
 * missed request is served.
 */
class SemanticCacheRuntime implements NodeRuntime, StaleReadable {
  private readonly engine: EngineApi;
  private readonly metrics: Metrics;
  private readonly index: number;
  private readonly model: ModelEntry;
  private readonly embedLatency: Sampler;
  private readonly searchLatency: Sampler;
  private readonly rngLatency: RandomStream;
  private readonly rngMatch: RandomStream;
  private readonly store: CacheStore;
  private readonly nearHitShare: number;
  private readonly falseHitShare: number;
  private readonly clusters: number;
  private readonly hitPort: number;
  private readonly missPort: number;
  lookups = 0;
  exactHits = 0;
  nearDuplicateHits = 0;
  falseHits = 0;
  invalidations = 0;

  constructor(ctx: BuildContext<Params>) {
    const p = ctx.params;
    this.engine = ctx.engine;
    this.metrics = ctx.metrics;
    this.index = ctx.index;
    this.model = ctx.catalog.get(p.embeddingModel)!;
    this.embedLatency = compileDistribution(p.embeddingLatencyMs);
    this.searchLatency = compileDistribution(p.searchLatencyMs);
    this.rngLatency = ctx.stream('latency');
    this.rngMatch = ctx.stream('match');
    this.store = new CacheStore(p.capacityEntries, p.ttlMs);
    [this.nearHitShare, this.falseHitShare] = interpolatePair(p.curve, p.similarityThreshold);
    this.clusters = ctx.traffic.spec.popularity.topicClusters;
    this.hitPort = ctx.port('hit');
    this.missPort = ctx.port('miss');
  }

  enter(req: SimRequest): void {
    const now = this.engine.now;
    const tokens = req.queryTokens;
    this.metrics.charge(req, this.index, CostIndex.input, tokens * this.model.inputUsdPerToken, tokens, now);
    const result = this.lookup(req, now);
    const delay = this.embedLatency.sample(this.rngLatency) + this.searchLatency.sample(this.rngLatency);
    this.engine.schedule(now + delay, this.index, EV_DELAY_DONE, req, result);
  }

  /** aux: 0 miss, 1 hit with a correct answer, 2 hit with a wrong answer. */
  onEvent(_type: number, req: SimRequest, result: number): void {
    if (result === 0) {
      this.engine.emit(req, this.index, this.missPort);
      return;
    }
    req.servedFromCache = true;
    req.answerKind = AnswerKind.cache;
    req.answeredBy = this.index;
    req.answerCorrect = result === 1;
    this.metrics.seriesCacheHits.add(this.engine.now, 1);
    this.engine.emit(req, this.index, this.hitPort);
  }

  fill(req: SimRequest): void {
    this.store.store(req.queryKey, this.clusterOf(req.queryKey), req.answerCorrect, this.engine.now);
  }

  readStale(req: { queryKey: number }): CacheEntry | undefined {
    return this.store.any(req.queryKey);
  }

  invalidate(): void {
    this.store.clear();
    this.invalidations++;
  }

  report(): NodeReport {
    const hits = this.exactHits + this.nearDuplicateHits + this.falseHits;
    return {
      mode: 'semantic',
      lookups: this.lookups,
      hits,
      hitRate: this.lookups > 0 ? hits / this.lookups : 0,
      exactHits: this.exactHits,
      nearDuplicateHits: this.nearDuplicateHits,
      falseHits: this.falseHits,
      falseHitRate: this.lookups > 0 ? this.falseHits / this.lookups : 0,
      nearDuplicateHitShare: this.nearHitShare,
      falseHitShare: this.falseHitShare,
      evictions: this.store.evictions,
      invalidations: this.invalidations,
    };
  }

  private clusterOf(queryKey: number): number {
    return queryKey % this.clusters;
  }

  private lookup(req: SimRequest, now: number): number {
    const counted = req.counted && !req.shadow;
    if (counted) this.lookups++;
    let result = 0;
    const same = this.store.fresh(req.queryKey, now);
    if (same) {
      result = same.correct ? 1 : 2;
      if (counted) this.exactHits++;
    } else {
      const near = this.store.freshInCluster(this.clusterOf(req.queryKey), now);
      if (near && this.rngMatch.uniform() < this.nearHitShare) {
        result = near.correct ? 1 : 2;
        if (counted) this.nearDuplicateHits++;
      } else if (this.store.size > 0 && this.rngMatch.uniform() < this.falseHitShare) {
        result = 2;
        if (counted) this.falseHits++;
      }
    }
    if (result === 0) (req.cacheFills ??= []).push(this.index);
    return result;
  }
}

export const semanticCacheKind = defineNodeKind({
  kind: 'semantic_cache',
  title: 'Semantic cache',
  group: 'caches',
  description: 'Embeds each query and reuses the answer of a similar cached query. The similarity threshold trades hit rate against false hits (wrong answers); both come from an editable curve.',
  params: SemanticCacheParams,
  outputs: [
    { name: 'hit', description: 'Answered from the cache (possibly a false hit).', required: true },
    { name: 'miss', description: 'No similar query cached: continue to the model.', required: true },
  ],
  acceptsInput: true,
  callNode: false,
  summarize: (p) => {
    const [near, wrong] = interpolatePair(p.curve, p.similarityThreshold);
    return [`similarity ≥ ${p.similarityThreshold} · TTL ${formatDurationMs(p.ttlMs)}`, `${Math.round(near * 100)} % of paraphrases hit, ${(wrong * 100).toFixed(1)} % false`];
  },
  validate: ({ params, catalog, path, nodeId }) => checkModel(catalog, params.embeddingModel, 'embedding', `${path}.params.embeddingModel`, nodeId),
  usesQueryKeys: () => true,
  load: (p) => ({ meanServiceMs: compileDistribution(p.embeddingLatencyMs).mean + compileDistribution(p.searchLatencyMs).mean, meanTokensPerCall: 0, portShares: { hit: 0, miss: 1 }, quotaId: null }),
  create: (ctx) => new SemanticCacheRuntime(ctx),
});
