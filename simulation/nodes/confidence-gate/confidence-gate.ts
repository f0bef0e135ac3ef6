import { z } from 'zod';
import type { EngineApi, NodeReport, NodeRuntime } from '../../engine/engine-api';
import type { SimRequest } from '../../engine/request';
import type { RandomStream } from '../../random/streams';
import { defineNodeKind } from '../kind';
import { interpolatePair } from '../curve';

export const ConfidenceGateParams = z
  .object({
    confidenceThreshold: z.number().min(0).max(1).default(0.7).meta({ title: 'Confidence threshold', description: 'Answers scored below it are escalated (the seed\'s feature flag "confidence_threshold": 0.7).' }),
    curve: z
      .array(z.tuple([z.number().min(0).max(1), z.number().min(0).max(1), z.number().min(0).max(1)]))
      .min(2)
      .default([
        [0.5, 0.55, 0.04],
        [0.7, 0.8, 0.12],
        [0.9, 0.95, 0.4],
      ])
      .meta({
        title: 'Threshold curve',
        columns: ['Confidence threshold', 'P(escalate | wrong)', 'P(escalate | right)'],
        description: 'Rows [threshold, P(escalate | answer wrong), P(escalate | answer right)], ascending; the gate interpolates at its threshold. Measure it on your evaluation set.',
      }),
  })
  .strict();
type Params = z.output<typeof ConfidenceGateParams>;

/**
 * Quality-based routing (the guide's Strategy 3): after a cheaper model, low-confidence answers go to
 * `escalate` (a stronger model or a human). Confidence is imperfect: a wrong answer is escalated with
 * one probability, a right one with another, both read from the threshold curve.
 */
class ConfidenceGateRuntime implements NodeRuntime {
  private readonly pWrong: number;
  private readonly pRight: number;
  escalatedWrong = 0;
  escalatedRight = 0;
  passedWrong = 0;
  passedRight = 0;

  constructor(
    private readonly engine: EngineApi,
    private readonly index: number,
    params: Params,
    private readonly confident: number,
    private readonly escalate: number,
    private readonly rng: RandomStream,
  ) {
    [this.pWrong, this.pRight] = interpolatePair(params.curve, params.confidenceThreshold);
  }

  enter(req: SimRequest): void {
    const escalate = this.rng.uniform() < (req.answerCorrect ? this.pRight : this.pWrong);
    if (req.counted && !req.shadow) {
      if (escalate && req.answerCorrect) this.escalatedRight++;
      else if (escalate) this.escalatedWrong++;
      else if (req.answerCorrect) this.passedRight++;
      else this.passedWrong++;
    }
    this.engine.emit(req, this.index, escalate ? this.escalate : this.confident);
  }

  onEvent(): void {}

  report(): NodeReport {
    const total = this.escalatedWrong + this.escalatedRight + this.passedWrong + this.passedRight;
    return {
      escalationRate: total > 0 ? (this.escalatedWrong + this.escalatedRight) / total : 0,
      wrongAnswersCaught: this.escalatedWrong + this.passedWrong > 0 ? this.escalatedWrong / (this.escalatedWrong + this.passedWrong) : null,
      rightAnswersEscalated: this.escalatedRight,
      wrongAnswersPassed: this.passedWrong,
      pEscalateIfWrong: this.pWrong,
      pEscalateIfRight: this.pRight,
    };
  }
}

export const confidenceGateKind = defineNodeKind({
  kind: 'confidence_gate',
  title: 'Confidence gate',
  group: 'reliability',
  description: 'After a cheap model: confident answers go on, low-confidence ones escalate to a stronger model or a human. Wrong answers escalate more often than right ones (editable curve).',
  params: ConfidenceGateParams,
  outputs: [
    { name: 'confident', description: 'The answer is kept.', required: true },
    { name: 'escalate', description: 'Low confidence: to a stronger model or an Escalation terminal.', required: true },
  ],
  acceptsInput: true,
  callNode: false,
  summarize: (p) => {
    const [w, r] = interpolatePair(p.curve, p.confidenceThreshold);
    return [`threshold ${p.confidenceThreshold}`, `escalates ${Math.round(w * 100)} % wrong / ${Math.round(r * 100)} % right`];
  },
  load: (p) => {
    const [w, r] = interpolatePair(p.curve, p.confidenceThreshold);
    const share = 0.85 * r + 0.15 * w; // planning estimate at 85 % answer quality
    return { meanServiceMs: 0, meanTokensPerCall: 0, portShares: { confident: 1 - share, escalate: share }, quotaId: null };
  },
  create: (ctx) => new ConfidenceGateRuntime(ctx.engine, ctx.index, ctx.params, ctx.port('confident'), ctx.port('escalate'), ctx.stream('confidence')),
});
