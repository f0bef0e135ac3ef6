import { z } from 'zod';
import type { EngineApi, NodeRuntime } from '../../engine/engine-api';
import type { SimRequest } from '../../engine/request';
import { defineNodeKind } from '../kind';

export const SourceParams = z
  .object({
    share: z.number().gt(0).max(1).default(1).meta({ title: 'Share of traffic', unit: 'share', description: 'Part of the pipeline traffic that enters here (shares of all sources sum to 1).' }),
    label: z.string().default('').meta({ title: 'Team or key', description: 'Who sends this traffic (for chargeback).' }),
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
  description: "Where requests enter. The arrival process (Poisson at the traffic's rps, shaped by the hourly profile) and the query classes are set in the Traffic panel.",
  params: SourceParams,
  outputs: [{ name: 'out', description: 'New requests.', required: true }],
  acceptsInput: false,
  callNode: false,
  summarize: (p) => [p.share === 1 ? 'all traffic' : `${Math.round(p.share * 1000) / 10} % of traffic`, ...(p.label ? [p.label] : [])],
  create: (ctx) => new SourceRuntime(ctx.engine, ctx.index, ctx.port('out')),
});
