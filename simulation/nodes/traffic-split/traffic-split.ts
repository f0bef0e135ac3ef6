import { z } from 'zod';
import type { EngineApi, NodeReport, NodeRuntime } from '../../engine/engine-api';
import type { SimRequest } from '../../engine/request';
import type { Metrics } from '../../metrics/metrics';
import type { RandomStream } from '../../random/streams';
import { defineNodeKind } from '../kind';

export const SplitParams = z
  .object({
    greenShare: z.number().min(0).max(1).default(0.1).meta({ unit: 'share', title: 'Green share', description: 'Part of the traffic sent to green (the canary); the rest goes to blue (production). The guide rolls out 10 % → 50 % → 100 %.' }),
  })
  .strict();

/** Blue-green / canary split: tags each request blue or green; results compare the colours side by side. */
class SplitRuntime implements NodeRuntime {
  constructor(
    private readonly engine: EngineApi,
    private readonly metrics: Metrics,
    private readonly index: number,
    private readonly greenShare: number,
    private readonly blue: number,
    private readonly green: number,
    private readonly rng: RandomStream,
  ) {}

  enter(req: SimRequest): void {
    const green = this.rng.uniform() < this.greenShare;
    const previous = req.colour;
    req.colour = green ? 2 : 1;
    this.metrics.coloured(req, previous);
    this.engine.emit(req, this.index, green ? this.green : this.blue);
  }

  onEvent(): void {}

  report(): NodeReport {
    return { greenShare: this.greenShare };
  }
}

export const trafficSplitKind = defineNodeKind({
  kind: 'traffic_split',
  title: 'Blue-green split',
  group: 'reliability',
  description: 'Canary or blue-green rollout: sends a share of traffic to green. Results show blue and green side by side (latency, errors, cost, quality).',
  params: SplitParams,
  outputs: [
    { name: 'blue', description: 'Production (the rest of the traffic).', required: true },
    { name: 'green', description: 'The new version (its share).', required: true },
  ],
  acceptsInput: true,
  callNode: false,
  summarize: (p) => [`green ${Math.round(p.greenShare * 1000) / 10} %`],
  load: (p) => ({ meanServiceMs: 0, meanTokensPerCall: 0, portShares: { blue: 1 - p.greenShare, green: p.greenShare }, quotaId: null }),
  create: (ctx) => new SplitRuntime(ctx.engine, ctx.metrics, ctx.index, ctx.params.greenShare, ctx.port('blue'), ctx.port('green'), ctx.stream('colour')),
});

export const ShadowParams = z
  .object({
    shadowShare: z.number().min(0).max(1).default(1).meta({ unit: 'share', title: 'Shadow share', description: 'Part of the requests copied to the shadow path.' }),
  })
  .strict();

/**
 * Shadow mode: the request goes on by `primary` unchanged; a copy goes down `shadow`, pays and uses
 * quota like any request, and is measured only in the shadow figures (never seen by the user).
 */
class ShadowRuntime implements NodeRuntime {
  copies = 0;
  constructor(
    private readonly engine: EngineApi,
    private readonly index: number,
    private readonly share: number,
    private readonly primary: number,
    private readonly shadow: number,
    private readonly rng: RandomStream,
  ) {}

  enter(req: SimRequest): void {
    const copy = !req.shadow && this.rng.uniform() < this.share ? this.engine.shadowCopy(req) : null;
    this.engine.emit(req, this.index, this.primary);
    if (copy) {
      if (copy.counted) this.copies++;
      copy.enteredNodeMs = this.engine.now;
      this.engine.emit(copy, this.index, this.shadow);
    }
  }

  onEvent(): void {}

  report(): NodeReport {
    return { shadowCopies: this.copies };
  }
}

export const shadowKind = defineNodeKind({
  kind: 'shadow',
  title: 'Shadow',
  group: 'reliability',
  description: 'Shadow-mode testing: copies requests to a shadow path (a new model or prompt). The copies pay and use quota; only their metrics are kept, users never see them.',
  params: ShadowParams,
  outputs: [
    { name: 'primary', description: 'The real request, unchanged.', required: true },
    { name: 'shadow', description: 'The copy (log only).', required: true },
  ],
  acceptsInput: true,
  callNode: false,
  summarize: (p) => [`copies ${Math.round(p.shadowShare * 100)} %`],
  load: (p) => ({ meanServiceMs: 0, meanTokensPerCall: 0, portShares: { primary: 1, shadow: p.shadowShare }, quotaId: null }),
  create: (ctx) => new ShadowRuntime(ctx.engine, ctx.index, ctx.params.shadowShare, ctx.port('primary'), ctx.port('shadow'), ctx.stream('shadow')),
});
