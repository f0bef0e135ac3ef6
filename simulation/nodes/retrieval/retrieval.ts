import { z } from 'zod';
import type { SimRequest } from '../../engine/request';
import { CostIndex } from '../../metrics/cost-types';
import { distribution } from '../../model/distribution-schema';
import { compileDistribution, type Sampler } from '../../random/distributions';
import type { RandomStream } from '../../random/streams';
import { CallNodeRuntime } from '../call-node';
import { callParamsShape } from '../call-params';
import { defineNodeKind, type BuildContext } from '../kind';
import { powInt } from '../../util/pow-int';

export const RetrievalParams = z
  .object({
    index: z.string().default('documents').meta({ title: 'Index', description: 'Name of the vector index (shown in traces).' }),
    topK: z.number().int().min(1).max(1000).default(20).meta({ title: 'Top k', unit: 'chunks', description: 'Chunks retrieved per query (top_k).' }),
    chunkTokens: distribution({ type: 'constant', value: 200 }, 'tokens', 'Tokens per retrieved chunk (drawn once per request: the mean chunk size of its results).'),
    latencyMs: distribution({ type: 'lognormal', median: 80, p99: 300 }, 'ms', 'Time of one vector search.'),
    costPerQueryUsd: z.number().min(0).default(0).meta({ unit: 'USD', title: 'Cost per query', description: 'Usage fee per search (e.g. serverless read units); a provisioned database belongs in fixed costs.' }),
    ...callParamsShape({ retries: 1, timeoutMs: 5_000 }),
  })
  .strict();
type Params = z.output<typeof RetrievalParams>;

/** Vector search: returns top_k chunks of the drawn size, which the LLM later reads as context. */
class RetrievalRuntime extends CallNodeRuntime<Params> {
  private readonly latency: Sampler;
  private readonly chunkTokens: Sampler;
  private readonly latencyRng: RandomStream;
  private readonly chunkRng: RandomStream;

  constructor(ctx: BuildContext<Params>) {
    super(ctx);
    this.latency = compileDistribution(ctx.params.latencyMs);
    this.chunkTokens = compileDistribution(ctx.params.chunkTokens);
    this.latencyRng = ctx.stream('latency');
    this.chunkRng = ctx.stream('chunk-tokens');
  }

  protected plan(req: SimRequest): number {
    req.callInputTokens = 0;
    req.callCachedInputTokens = 0;
    req.callOutputTokens = 0;
    req.callTruncated = false;
    return this.latency.sample(this.latencyRng);
  }

  protected bill(req: SimRequest, outcome: 'ok' | 'failed' | 'timeout'): void {
    if (outcome === 'ok') this.charge(req, CostIndex.request, this.params.costPerQueryUsd, 1);
  }

  protected override okNote(): string {
    return `index "${this.params.index}": ${this.params.topK} chunks`;
  }

  protected succeed(req: SimRequest): void {
    req.chunks = this.params.topK;
    req.chunkTokens = Math.max(0, Math.round(this.chunkTokens.sample(this.chunkRng)));
  }
}

export const retrievalKind = defineNodeKind({
  kind: 'retrieval',
  title: 'Vector retrieval',
  group: 'retrieval',
  description: 'Searches the vector index and returns top_k chunks; every chunk becomes LLM input tokens unless a reranker cuts them.',
  params: RetrievalParams,
  outputs: [
    { name: 'ok', description: 'Chunks retrieved.', required: true },
    { name: 'error', description: 'The search failed after its retries.', required: false, isError: true },
  ],
  acceptsInput: true,
  callNode: true,
  summarize: (p) => [`top_k ${p.topK} × ${p.chunkTokens.type === 'constant' ? p.chunkTokens.value : '~' + Math.round(compileDistribution(p.chunkTokens).mean)} tokens`],
  quotaRefs: (p) => (p.quota ? [p.quota] : []),
  load: (p) => ({
    meanServiceMs: compileDistribution(p.latencyMs).mean,
    meanTokensPerCall: 0,
    portShares: { ok: 1 - powInt(p.errorProbability, p.retry.numRetries + 1), error: powInt(p.errorProbability, p.retry.numRetries + 1) },
    quotaId: p.quota,
    chunksOut: p.topK,
    chunkTokensOut: compileDistribution(p.chunkTokens).mean,
  }),
  create: (ctx) => new RetrievalRuntime(ctx),
});
