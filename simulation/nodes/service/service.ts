import { z } from 'zod';
import type { SimRequest } from '../../engine/request';
import { CostIndex } from '../../metrics/cost-types';
import { compileDistribution, describeDistribution, type Sampler } from '../../random/distributions';
import type { RandomStream } from '../../random/streams';
import { distribution } from '../../model/distribution-schema';
import { CallNodeRuntime } from '../call-node';
import { callParamsShape } from '../call-params';
import { defineNodeKind, type BuildContext } from '../kind';
import { powInt } from '../../util/pow-int';

export const ServiceParams = z
  .object({
    latencyMs: distribution({ type: 'constant', value: 50 }, 'ms', 'Time one call takes.'),
    costPerCallUsd: z.number().min(0).default(0).meta({ unit: 'USD', title: 'Cost per call', description: 'Usage fee per call (e.g. a moderation API); infrastructure belongs in fixed costs.' }),
    ...callParamsShape({ retries: 0, timeoutMs: null }),
  })
  .strict();
type Params = z.output<typeof ServiceParams>;

class ServiceRuntime extends CallNodeRuntime<Params> {
  private readonly latency: Sampler;
  private readonly latencyRng: RandomStream;

  constructor(ctx: BuildContext<Params>) {
    super(ctx);
    this.latency = compileDistribution(ctx.params.latencyMs);
    this.latencyRng = ctx.stream('latency');
  }

  protected plan(req: SimRequest): number {
    req.callInputTokens = 0;
    req.callCachedInputTokens = 0;
    req.callOutputTokens = 0;
    req.callTruncated = false;
    return this.latency.sample(this.latencyRng);
  }

  protected bill(req: SimRequest): void {
    this.charge(req, CostIndex.request, this.params.costPerCallUsd, 1);
  }

  protected succeed(): void {}
}

/** A generic service: only latency (preprocessing, formatting, a guardrail API). */
export const serviceKind = defineNodeKind({
  kind: 'service',
  title: 'Service',
  group: 'services',
  description: 'A generic step that takes time (preprocessing, formatting, a moderation call). With a concurrency quota it is a queueing station.',
  params: ServiceParams,
  outputs: [
    { name: 'ok', description: 'The call succeeded.', required: true },
    { name: 'error', description: 'The call failed after its retries.', required: false, isError: true },
  ],
  acceptsInput: true,
  callNode: true,
  summarize: (p) => [describeDistribution(p.latencyMs, 'ms')],
  quotaRefs: (p) => (p.quota ? [p.quota] : []),
  load: (p) => ({ meanServiceMs: compileDistribution(p.latencyMs).mean, meanTokensPerCall: 0, portShares: { ok: 1 - powInt(p.errorProbability, p.retry.numRetries + 1), error: powInt(p.errorProbability, p.retry.numRetries + 1) }, quotaId: p.quota }),
  create: (ctx) => new ServiceRuntime(ctx),
});
