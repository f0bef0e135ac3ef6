import { z } from 'zod';
import type { EngineApi, NodeReport, NodeRuntime } from '../../engine/engine-api';
import type { SimRequest } from '../../engine/request';
import { defineNodeKind } from '../kind';

export const BudgetGateParams = z
  .object({
    lateAfterMs: z.number().min(0).nullable().default(400).meta({ unit: 'ms', title: 'Late after', description: 'A request that has spent longer than this since it arrived takes the late path; null to use only the remaining budget.' }),
    minRemainingMs: z.number().min(0).nullable().default(null).meta({ unit: 'ms', title: 'Min remaining budget', description: 'Late when less than this is left before the request deadline (needs a traffic deadline); null to ignore.' }),
  })
  .strict()
  .refine((p) => p.lateAfterMs !== null || p.minRemainingMs !== null, { message: 'set lateAfterMs or minRemainingMs' });

/** Timeout budget (the guide's Strategy 4): routes by elapsed time, e.g. skip reranking when retrieval was slow. */
class BudgetGateRuntime implements NodeRuntime {
  late = 0;
  passed = 0;
  constructor(
    private readonly engine: EngineApi,
    private readonly index: number,
    private readonly params: z.output<typeof BudgetGateParams>,
    private readonly inTime: number,
    private readonly latePort: number,
  ) {}

  enter(req: SimRequest): void {
    const now = this.engine.now;
    const p = this.params;
    const late = (p.lateAfterMs !== null && now - req.arrivalMs > p.lateAfterMs) || (p.minRemainingMs !== null && req.deadlineMs - now < p.minRemainingMs);
    if (req.counted && !req.shadow) {
      if (late) this.late++;
      else this.passed++;
    }
    this.engine.emit(req, this.index, late ? this.latePort : this.inTime);
  }

  onEvent(): void {}

  report(): NodeReport {
    return { lateShare: this.late + this.passed > 0 ? this.late / (this.late + this.passed) : 0, late: this.late };
  }
}

export const budgetGateKind = defineNodeKind({
  kind: 'budget_gate',
  title: 'Budget gate',
  group: 'reliability',
  description: 'Timeout budget: requests that have used too much time take the late path (skip reranking, a faster model); the others go on in time.',
  params: BudgetGateParams,
  outputs: [
    { name: 'in_time', description: 'Within budget.', required: true },
    { name: 'late', description: 'Over budget: the cheaper, faster path.', required: true },
  ],
  acceptsInput: true,
  callNode: false,
  summarize: (p) => [p.lateAfterMs !== null ? `late after ${p.lateAfterMs} ms` : `late if < ${p.minRemainingMs} ms left`],
  load: () => ({ meanServiceMs: 0, meanTokensPerCall: 0, portShares: { in_time: 1, late: 0 }, quotaId: null }),
  create: (ctx) => new BudgetGateRuntime(ctx.engine, ctx.index, ctx.params, ctx.port('in_time'), ctx.port('late')),
});
