import type { Outcome } from '../engine/engine-api';
import type { SimRequest, Span } from '../engine/request';
import type { RandomStream } from '../random/streams';

/** A finished sampled request, with node indices still to be named by the results builder. */
export interface RawTrace {
  requestId: number;
  classIndex: number;
  arrivalMs: number;
  endMs: number;
  outcome: Outcome;
  endNode: number;
  firstTokenMs: number;
  costUsd: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  errorCode: number;
  spans: Span[];
}

/**
 * Keeps at most `max` sampled request traces. Sampling is decided at arrival from its own random
 * stream, so turning tracing up or down never changes any other figure of the run.
 */
export class TraceCollector {
  readonly traces: RawTrace[] = [];
  private inFlight = 0;

  constructor(
    private readonly max: number,
    private readonly rng: RandomStream,
  ) {}

  wantsSample(rate: number): boolean {
    if (rate <= 0 || this.traces.length + this.inFlight >= this.max) return false;
    if (!this.rng.chance(rate)) return false;
    this.inFlight++;
    return true;
  }

  add(req: SimRequest, outcome: Outcome, endMs: number, endNode: number): void {
    this.inFlight--;
    this.traces.push({
      requestId: req.id,
      classIndex: req.classIndex,
      arrivalMs: req.arrivalMs,
      endMs,
      outcome,
      endNode,
      firstTokenMs: req.firstTokenMs,
      costUsd: req.costUsd,
      inputTokens: req.inputTokens,
      cachedInputTokens: req.cachedInputTokens,
      outputTokens: req.outputTokens,
      errorCode: req.errorCode,
      spans: req.spans ?? [],
    });
  }
}
