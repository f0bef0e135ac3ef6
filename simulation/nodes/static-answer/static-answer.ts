import { z } from 'zod';
import { EV_DELAY_DONE, type EngineApi, type NodeRuntime } from '../../engine/engine-api';
import { AnswerKind, type SimRequest } from '../../engine/request';
import { distribution } from '../../model/distribution-schema';
import { compileDistribution, type Sampler } from '../../random/distributions';
import type { RandomStream } from '../../random/streams';
import { defineNodeKind } from '../kind';

export const StaticAnswerParams = z
  .object({
    text: z.string().default("I don't know").meta({ title: 'Answer', description: 'What the user is told (the last step of a fallback chain).' }),
    latencyMs: distribution({ type: 'constant', value: 0 }, 'ms', 'Time to produce the answer.'),
  })
  .strict();

class StaticAnswerRuntime implements NodeRuntime {
  private readonly latency: Sampler;
  constructor(
    private readonly engine: EngineApi,
    private readonly index: number,
    private readonly out: number,
    latency: Parameters<typeof compileDistribution>[0],
    private readonly rng: RandomStream,
  ) {
    this.latency = compileDistribution(latency);
  }
  enter(req: SimRequest): void {
    this.engine.schedule(this.engine.now + this.latency.sample(this.rng), this.index, EV_DELAY_DONE, req, 0);
  }
  onEvent(_type: number, req: SimRequest): void {
    req.answeredBy = this.index;
    req.answerKind = AnswerKind.static;
    req.answerCorrect = false;
    this.engine.emit(req, this.index, this.out);
  }
}

/** A canned answer of quality 0 ("I don't know"): the user is served, but not helped. */
export const staticAnswerKind = defineNodeKind({
  kind: 'static_answer',
  title: 'Static answer',
  group: 'reliability',
  description: 'A canned reply such as "I don\'t know" (quality 0): the last step of a fallback chain, counted as served but not answered. Never stored in caches.',
  params: StaticAnswerParams,
  outputs: [{ name: 'ok', description: 'The canned answer (to a Response terminal).', required: true }],
  acceptsInput: true,
  callNode: false,
  summarize: (p) => [`“${p.text.length > 28 ? p.text.slice(0, 27) + '…' : p.text}”`, 'quality 0'],
  load: (p) => ({ meanServiceMs: compileDistribution(p.latencyMs).mean, meanTokensPerCall: 0, portShares: { ok: 1 }, quotaId: null }),
  create: (ctx) => new StaticAnswerRuntime(ctx.engine, ctx.index, ctx.port('ok'), ctx.params.latencyMs, ctx.stream('latency')),
});
