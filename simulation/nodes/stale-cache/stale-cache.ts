import { z } from 'zod';
import { EV_DELAY_DONE, type EngineApi, type NodeReport, type NodeRuntime } from '../../engine/engine-api';
import { AnswerKind, type SimRequest } from '../../engine/request';
import { IdSchema } from '../../model/ids';
import { distribution } from '../../model/distribution-schema';
import { compileDistribution, type Sampler } from '../../random/distributions';
import type { RandomStream } from '../../random/streams';
import type { StaleReadable } from '../cache-store';
import { defineNodeKind } from '../kind';

export const StaleCacheParams = z
  .object({
    cache: IdSchema.meta({ title: 'Cache', description: 'Id of the exact or semantic cache node whose entries are served, even if expired.', nodeRef: ['exact_cache', 'semantic_cache'] }),
    maxStaleMs: z.number().positive().nullable().default(null).meta({ unit: 'ms', title: 'Max staleness', description: 'Entries older than this are not served; null = any age still in the cache.' }),
    lookupLatencyMs: distribution({ type: 'constant', value: 2 }, 'ms', 'Time of the lookup.'),
  })
  .strict();

/** "Cached response" step of a fallback chain: serves the cache's entry for this query even if expired. */
class StaleCacheRuntime implements NodeRuntime {
  private source: StaleReadable | null = null;
  private readonly latency: Sampler;
  served = 0;
  missed = 0;

  constructor(
    private readonly engine: EngineApi,
    private readonly index: number,
    private readonly params: z.output<typeof StaleCacheParams>,
    private readonly hitPort: number,
    private readonly missPort: number,
    private readonly rng: RandomStream,
  ) {
    this.latency = compileDistribution(params.lookupLatencyMs);
  }

  attach(engine: EngineApi): void {
    const i = engine.nodeIndexOf(this.params.cache);
    this.source = i >= 0 ? (engine.runtime(i) as unknown as StaleReadable) : null;
  }

  enter(req: SimRequest): void {
    const entry = this.source?.readStale(req);
    const fresh = entry !== undefined && (this.params.maxStaleMs === null || this.engine.now - entry.storedAtMs <= this.params.maxStaleMs);
    const aux = fresh ? (entry.correct ? 1 : 2) : 0;
    this.engine.schedule(this.engine.now + this.latency.sample(this.rng), this.index, EV_DELAY_DONE, req, aux);
  }

  onEvent(_type: number, req: SimRequest, aux: number): void {
    const counted = req.counted && !req.shadow;
    if (aux === 0) {
      if (counted) this.missed++;
      this.engine.emit(req, this.index, this.missPort);
      return;
    }
    if (counted) this.served++;
    req.servedFromCache = true;
    req.answerKind = AnswerKind.cache;
    req.answeredBy = this.index;
    req.answerCorrect = aux === 1;
    this.engine.emit(req, this.index, this.hitPort);
  }

  report(): NodeReport {
    return { staleServed: this.served, staleMissed: this.missed };
  }
}

export const staleCacheKind = defineNodeKind({
  kind: 'stale_cache',
  title: 'Stale cache',
  group: 'caches',
  description: 'A fallback step that serves the cached answer for the query even after it expired (the guide\'s fallback chain: "cached response").',
  params: StaleCacheParams,
  outputs: [
    { name: 'hit', description: 'A cached answer exists.', required: true },
    { name: 'miss', description: 'Nothing cached for this query: the next fallback.', required: true },
  ],
  acceptsInput: true,
  callNode: false,
  summarize: (p) => [`reads ${p.cache}`, p.maxStaleMs === null ? 'any age' : `≤ ${Math.round(p.maxStaleMs / 60_000)} min stale`],
  validate: ({ params, nodes, path, nodeId }) => {
    const target = nodes.find((n) => n.id === params.cache);
    if (target && (target.kind === 'exact_cache' || target.kind === 'semantic_cache')) return [];
    return [{ severity: 'error', path: `${path}.params.cache`, nodeId, message: target ? `'${params.cache}' is a ${target.kind} node; a stale cache reads an exact_cache or semantic_cache` : `no node '${params.cache}'; caches are: ${nodes.filter((n) => n.kind.endsWith('cache') && n.kind !== 'stale_cache').map((n) => n.id).join(', ') || 'none'}` }];
  },
  load: (p) => ({ meanServiceMs: compileDistribution(p.lookupLatencyMs).mean, meanTokensPerCall: 0, portShares: { hit: 0.5, miss: 0.5 }, quotaId: null }),
  create: (ctx) => new StaleCacheRuntime(ctx.engine, ctx.index, ctx.params, ctx.port('hit'), ctx.port('miss'), ctx.stream('latency')),
});
