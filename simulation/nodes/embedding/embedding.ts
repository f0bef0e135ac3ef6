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

export const EmbeddingParams = z
  .object({
    model: z.string().default('text-embedding-3-small').meta({ title: 'Model', description: 'Embedding model from the price catalog.', catalogMode: 'embedding' }),
    latencyMs: distribution({ type: 'lognormal', median: 120, p99: 400 }, 'ms', 'Time of one embedding call.'),
    ...callParamsShape({ retries: 2, timeoutMs: 10_000 }),
  })
  .strict();
type Params = z.output<typeof EmbeddingParams>;

/** Embeds the query: tokens = the query's tokens, billed at the model's input price. */
class EmbeddingRuntime extends CallNodeRuntime<Params> {
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
    req.callInputTokens = req.queryTokens;
    req.callCachedInputTokens = 0;
    req.callOutputTokens = 0;
    req.callTruncated = false;
    return this.latency.sample(this.latencyRng);
  }

  protected bill(req: SimRequest, outcome: 'ok' | 'failed' | 'timeout'): void {
    if (outcome !== 'ok') return;
    this.charge(req, CostIndex.input, req.callInputTokens * this.model.inputUsdPerToken, req.callInputTokens);
    req.inputTokens += req.callInputTokens;
  }

  protected succeed(): void {}
}

export const embeddingKind = defineNodeKind({
  kind: 'embedding',
  title: 'Embedding',
  group: 'retrieval',
  description: "Embeds the user's query for vector search; billed per query token at the model's price.",
  params: EmbeddingParams,
  outputs: [
    { name: 'ok', description: 'The query is embedded.', required: true },
    { name: 'error', description: 'The call failed after its retries.', required: false, isError: true },
  ],
  acceptsInput: true,
  callNode: true,
  summarize: (p, catalog) => [p.model, formatPricePerMillion(catalog.get(p.model))],
  validate: ({ params, catalog, path, nodeId }) => checkModel(catalog, params.model, 'embedding', `${path}.params.model`, nodeId),
  quotaRefs: (p) => (p.quota ? [p.quota] : []),
  load: (p, ctx) => ({
    meanServiceMs: compileDistribution(p.latencyMs).mean,
    meanTokensPerCall: meanQueryTokens(ctx.traffic),
    portShares: { ok: 1 - powInt(p.errorProbability, p.retry.numRetries + 1), error: powInt(p.errorProbability, p.retry.numRetries + 1) },
    quotaId: p.quota,
  }),
  create: (ctx) => new EmbeddingRuntime(ctx),
});

export function meanQueryTokens(traffic: { classes: Array<{ share: number; queryTokens: { mean: number } }> }): number {
  const total = traffic.classes.reduce((s, c) => s + c.share, 0);
  return traffic.classes.reduce((s, c) => s + (c.share / total) * c.queryTokens.mean, 0);
}
