import { z } from 'zod';
import type { ModelEntry } from '../../catalog/schema';
import type { SimRequest } from '../../engine/request';
import { CostIndex } from '../../metrics/cost-types';
import { distribution } from '../../model/distribution-schema';
import { compileDistribution, type Sampler } from '../../random/distributions';
import type { RandomStream } from '../../random/streams';
import { CallNodeRuntime } from '../call-node';
import { callParamsShape } from '../call-params';
import { defineNodeKind, type BuildContext } from '../kind';
import { checkModel, formatPricePerMillion } from '../model-check';
import { powInt } from '../../util/pow-int';

export const RerankerParams = z
  .object({
    model: z.string().default('cohere/rerank-v3.5').meta({ title: 'Model', description: 'Rerank model from the price catalog.', catalogMode: 'rerank' }),
    topN: z.number().int().min(1).max(1000).default(5).meta({ title: 'Top n', unit: 'chunks', description: 'Chunks kept after reranking (top_n): the LLM reads only these.' }),
    latencyMs: distribution({ type: 'lognormal', median: 120, p99: 450 }, 'ms', 'Base time of one rerank call.'),
    latencyMsPerDocument: z.number().min(0).default(1.5).meta({ unit: 'ms', title: 'Latency per document', description: 'Extra time per candidate chunk scored.' }),
    ...callParamsShape({ retries: 1, timeoutMs: 5_000 }),
  })
  .strict();
type Params = z.output<typeof RerankerParams>;

/**
 * Scores the retrieved chunks against the query and keeps the best top_n. Billed per search
 * (usdPerQuery) plus, where the model prices tokens, per token as Voyage counts them: a cross-encoder
 * reads the query once per document, so tokens = query tokens × documents + the documents' tokens
 * (docs.voyageai.com, "total number of tokens for the rerankers").
 */
class RerankerRuntime extends CallNodeRuntime<Params> {
  private readonly model: ModelEntry;
  private readonly latency: Sampler;
  private readonly latencyRng: RandomStream;

  constructor(ctx: BuildContext<Params>) {
    super(ctx);
    this.model = ctx.catalog.get(ctx.params.model)!;
    this.latency = compileDistribution(ctx.params.latencyMs);
    this.latencyRng = ctx.stream('latency');
  }

  protected plan(req: SimRequest): number {
    req.callInputTokens = req.chunks * (req.queryTokens + req.chunkTokens);
    req.callCachedInputTokens = 0;
    req.callOutputTokens = 0;
    req.callTruncated = false;
    return this.latency.sample(this.latencyRng) + this.params.latencyMsPerDocument * req.chunks;
  }

  protected bill(req: SimRequest, outcome: 'ok' | 'failed' | 'timeout'): void {
    if (outcome !== 'ok') return;
    this.charge(req, CostIndex.request, this.model.usdPerQuery, 1);
    if (this.model.inputUsdPerToken > 0) this.charge(req, CostIndex.input, req.callInputTokens * this.model.inputUsdPerToken, req.callInputTokens);
  }

  protected override okNote(req: SimRequest): string {
    return `reranked ${req.chunks} → ${Math.min(req.chunks, this.params.topN)} chunks`;
  }

  protected succeed(req: SimRequest): void {
    if (req.chunks > this.params.topN) req.chunks = this.params.topN;
  }
}

export const rerankerKind = defineNodeKind({
  kind: 'reranker',
  title: 'Reranker',
  group: 'retrieval',
  description: 'Reorders retrieved chunks and keeps top_n, cutting the LLM context (the guide: retrieve 20, rerank to 5 = 75 % fewer context tokens).',
  params: RerankerParams,
  outputs: [
    { name: 'ok', description: 'Chunks reranked and cut to top_n.', required: true },
    { name: 'error', description: 'The call failed after its retries.', required: false, isError: true },
  ],
  acceptsInput: true,
  callNode: true,
  summarize: (p, catalog) => [`→ top_n ${p.topN}`, `${p.model.split('/').pop()} · ${formatPricePerMillion(catalog.get(p.model))}`],
  validate: ({ params, catalog, path, nodeId }) => checkModel(catalog, params.model, 'rerank', `${path}.params.model`, nodeId),
  quotaRefs: (p) => (p.quota ? [p.quota] : []),
  load: (p, ctx) => ({
    meanServiceMs: compileDistribution(p.latencyMs).mean + p.latencyMsPerDocument * ctx.upstreamChunks,
    meanTokensPerCall: 0,
    portShares: { ok: 1 - powInt(p.errorProbability, p.retry.numRetries + 1), error: powInt(p.errorProbability, p.retry.numRetries + 1) },
    quotaId: p.quota,
    chunksOut: Math.min(ctx.upstreamChunks, p.topN),
    chunkTokensOut: ctx.upstreamChunkTokens,
  }),
  create: (ctx) => new RerankerRuntime(ctx),
});
