import { z } from 'zod';
import type { EngineApi, NodeRuntime } from '../../engine/engine-api';
import type { SimRequest } from '../../engine/request';
import { defineNodeKind } from '../kind';

export const SourceParams = z
  .object({
    share: z.number().gt(0).max(1).default(1).meta({ title: 'Share of traffic', unit: 'share', description: 'Part of the pipeline traffic that enters here (shares of the sources without their own rate sum to 1).' }),
    label: z.string().default('').meta({ title: 'Team or key', description: 'Who sends this traffic (for per-team limits and chargeback).' }),
    rps: z.number().positive().nullable().default(null).meta({
      unit: 'requests/s',
      title: 'Own rate',
      description: "An independent arrival stream at this rate (e.g. a nightly batch job) instead of a share of the pipeline traffic; it follows the pipeline's weekly curve and its own hourly curve. null = a share of the pipeline traffic.",
    }),
    hourlyMultipliers: z.array(z.number().min(0)).length(24).nullable().default(null).meta({ title: 'Own hourly multipliers', description: 'Hourly curve for an independent stream; null uses the pipeline traffic curve.' }),
    realtime: z.boolean().default(true).meta({
      title: 'Real-time',
      description: 'Real-time requests make the latency and error headline. Off for batch work (reports, bulk processing): reported as the batch lane, apart from user latency.',
    }),
  })
  .strict();

class SourceRuntime implements NodeRuntime {
  constructor(
    private readonly engine: EngineApi,
    private readonly index: number,
    private readonly out: number,
  ) {}
  enter(req: SimRequest): void {
    this.engine.emit(req, this.index, this.out);
  }
  onEvent(): void {}
}

export const sourceKind = defineNodeKind({
  kind: 'source',
  title: 'Traffic source',
  group: 'traffic',
  description: "Where requests enter. The arrival process (Poisson at the traffic's rps, shaped by hourly and weekly curves, bursts and ramps) and the query classes are set in the Traffic panel; a source can also have its own rate (a batch job).",
  params: SourceParams,
  outputs: [{ name: 'out', description: 'New requests.', required: true }],
  acceptsInput: false,
  callNode: false,
  summarize: (p) => [
    p.rps !== null ? `own stream ${p.rps} req/s` : p.share === 1 ? 'all traffic' : `${Math.round(p.share * 1000) / 10} % of traffic`,
    ...(p.realtime ? [] : ['batch (not real-time)']),
    ...(p.label ? [p.label] : []),
  ],
  create: (ctx) => new SourceRuntime(ctx.engine, ctx.index, ctx.port('out')),
});
