import { LogHistogram } from './log-histogram';

/** Served/failed counts, latency and cost of one slice of traffic (a colour, the shadow copies, the batch lane, an answer path). */
export class OutcomeStats {
  readonly latency = new LogHistogram();
  measured = 0;
  served = 0;
  failed = 0;
  escalated = 0;
  correct = 0;
  costUsd = 0;

  recordServed(latencyMs: number, correct: boolean): void {
    this.served++;
    if (correct) this.correct++;
    this.latency.record(latencyMs);
  }

  summary() {
    const finished = this.served + this.failed + this.escalated;
    return {
      measured: this.measured,
      served: this.served,
      failed: this.failed,
      escalated: this.escalated,
      errorRate: finished > 0 ? this.failed / finished : 0,
      /** Share of served answers that were correct and grounded. */
      quality: this.served > 0 ? this.correct / this.served : null,
      costUsd: this.costUsd,
      costPerQueryUsd: this.measured > 0 ? this.costUsd / this.measured : 0,
      latency: this.latency.summary(),
    };
  }
}

export type OutcomeSummary = ReturnType<OutcomeStats['summary']>;
