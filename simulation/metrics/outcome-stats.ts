import { LogHistogram, type QuantileSummary } from './log-histogram';

/** One slice of measured traffic: its requests, how they ended, what they cost and how long they took. */
export interface OutcomeSummary {
  /** Measured requests that entered the slice. */
  measured: number;
  /** Of those, answered (by any path, a cache included). */
  served: number;
  /** Ended at an Error terminal or unhandled error. */
  failed: number;
  /** Handed to a human (a confidence gate's escalation). */
  escalated: number;
  /** failed / (served + failed + escalated): requests still in flight at the end are left out. */
  errorRate: number;
  /** Share of served answers that were correct and grounded; null when none was served. */
  quality: number | null;
  /** Usage cost of the slice's requests (no fixed costs). */
  costUsd: number;
  /** costUsd / measured. */
  costPerQueryUsd: number;
  /** End-to-end latency of the served requests. */
  latency: QuantileSummary;
}

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

  summary(): OutcomeSummary {
    const finished = this.served + this.failed + this.escalated;
    return {
      measured: this.measured,
      served: this.served,
      failed: this.failed,
      escalated: this.escalated,
      errorRate: finished > 0 ? this.failed / finished : 0,
      quality: this.served > 0 ? this.correct / this.served : null,
      costUsd: this.costUsd,
      costPerQueryUsd: this.measured > 0 ? this.costUsd / this.measured : 0,
      latency: this.latency.summary(),
    };
  }
}

