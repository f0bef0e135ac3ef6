import type { Outcome } from '../engine/engine-api';
import type { SimRequest, Span } from '../engine/request';
import type { RandomStream } from '../random/streams';

/** A finished traced request, with node indices still to be named by the results builder. */
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
  /** Why it was kept: a random sample, one of the slowest, or a failure. */
  reason: 'sampled' | 'slowest' | 'failed';
  /** One of the slowest served requests (also true of a random-sample trace that is). */
  amongSlowest: boolean;
}

/**
 * Keeps request traces with bounded memory (SEMANTICS §1, the guide's "AI Request Trace"):
 *  - a random sample of measured requests (head sampling, decided at arrival from its own stream, so
 *    tracing never changes another figure), at most `maxSampled`;
 *  - the `slowest` slowest served requests and the first `failed` failed ones (tail sampling: every
 *    measured request records spans while it runs, and only these are kept when it ends).
 */
export class TraceCollector {
  readonly sampled: RawTrace[] = [];
  /** Min-heap by latency of the slowest traces so far. */
  private readonly slowHeap: RawTrace[] = [];
  readonly failedTraces: RawTrace[] = [];
  private inFlight = 0;

  constructor(
    private readonly maxSampled: number,
    private readonly rng: RandomStream,
    readonly slowest: number,
    private readonly failed: number,
  ) {}

  /** Tail sampling needs spans on every measured request. */
  get tracesEverything(): boolean {
    return this.slowest > 0 || this.failed > 0;
  }

  wantsSample(rate: number): boolean {
    if (rate <= 0 || this.sampled.length + this.inFlight >= this.maxSampled) return false;
    if (!this.rng.chance(rate)) return false;
    this.inFlight++;
    return true;
  }

  add(req: SimRequest, outcome: Outcome, endMs: number, endNode: number, headSampled: boolean): void {
    if (headSampled) this.inFlight--;
    const latency = endMs - req.arrivalMs;
    const keepSampled = headSampled;
    const keepFailed = outcome === 'error' && this.failedTraces.length < this.failed;
    const keepSlow = outcome === 'served' && this.slowest > 0 && (this.slowHeap.length < this.slowest || latency > this.latencyOf(this.slowHeap[0]!));
    if (!keepSampled && !keepFailed && !keepSlow) return;
    const trace: RawTrace = {
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
      reason: keepSampled ? 'sampled' : keepFailed ? 'failed' : 'slowest',
      amongSlowest: false,
    };
    if (keepSampled) this.sampled.push(trace);
    else if (keepFailed) this.failedTraces.push(trace);
    if (keepSlow) this.pushSlow({ ...trace, reason: keepSampled || keepFailed ? 'slowest' : trace.reason, amongSlowest: true });
  }

  /**
   * All kept traces, each request once: sampled, then failed, then the slowest (slowest first). A
   * random-sample trace that is also among the slowest stays 'sampled' (the sample must stay random
   * for anyone fitting it) and is flagged amongSlowest instead of appearing twice.
   */
  all(): RawTrace[] {
    const slow = [...this.slowHeap].sort((a, b) => this.latencyOf(b) - this.latencyOf(a));
    const slowIds = new Set(slow.map((t) => t.requestId));
    const sampledIds = new Set(this.sampled.map((t) => t.requestId));
    const sampled = this.sampled.map((t) => (slowIds.has(t.requestId) ? { ...t, amongSlowest: true } : t));
    return [...sampled, ...this.failedTraces, ...slow.filter((t) => !sampledIds.has(t.requestId))];
  }

  private latencyOf(t: RawTrace): number {
    return t.endMs - t.arrivalMs;
  }

  private pushSlow(t: RawTrace): void {
    const h = this.slowHeap;
    if (h.length === this.slowest) {
      h[0] = t;
      this.siftDown(0);
      return;
    }
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.latencyOf(h[p]!) <= this.latencyOf(h[i]!)) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }

  private siftDown(i: number): void {
    const h = this.slowHeap;
    for (;;) {
      let m = i;
      const l = 2 * i + 1;
      const r = l + 1;
      if (l < h.length && this.latencyOf(h[l]!) < this.latencyOf(h[m]!)) m = l;
      if (r < h.length && this.latencyOf(h[r]!) < this.latencyOf(h[m]!)) m = r;
      if (m === i) return;
      [h[m], h[i]] = [h[i]!, h[m]!];
      i = m;
    }
  }
}
