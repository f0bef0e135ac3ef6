/** Sampled request traces (RunResults.traces): stable `--json` fields. */

export interface TraceResult {
  /** The request's number in arrival order. */
  requestId: number;
  /**
   * Why it was kept: a random sample, one of the slowest served, or a failure. Each request appears
   * once; a random-sample trace that is also among the slowest stays 'sampled' with amongSlowest.
   */
  reason: 'sampled' | 'slowest' | 'failed';
  /** One of the run's slowest served requests (the tail-sampling list). */
  amongSlowest: boolean;
  /** Its query class. */
  class: string;
  /** Simulated arrival time. */
  arrivalMs: number;
  /** Arrival to answer or error. */
  latencyMs: number;
  /** Arrival to the first token; null when no token came. */
  ttftMs: number | null;
  /** 'served', 'error' or 'escalated'. */
  outcome: string;
  /** The error type when it failed (rate_limited, timeout, …), else null. */
  errorType: string | null;
  /** Usage cost of the request, every attempt included. */
  costUsd: number;
  /** Input tokens over all attempts, cached ones included. */
  inputTokens: number;
  /** Of those, billed at the cached-input price. */
  cachedInputTokens: number;
  /** Output tokens over all attempts. */
  outputTokens: number;
  /** One span per node visit and call attempt, in time order (the waterfall). */
  spans: TraceSpan[];
}

/** One node visit or call attempt of a traced request. */
export interface TraceSpan {
  /** The node's id. */
  nodeId: string;
  /** The node's kind. */
  kind: string;
  /** The node's display name. */
  name: string;
  /** Catalog model of a call node, else null. */
  model: string | null;
  /** 0 for the first attempt, 1 for the first retry, … */
  attempt: number;
  /** Simulated start time (ms). */
  startMs: number;
  /** Span length (ms). */
  durationMs: number;
  /** HTTP-like status: 200, 429, 408 (timeout or abandoned), 5xx. */
  status: number;
  /** Input tokens of this attempt (cached ones included). */
  inputTokens: number;
  /** Of those, billed at the cached-input price. */
  cachedInputTokens: number;
  /** Output tokens of this attempt. */
  outputTokens: number;
  /** Usage cost of this attempt. */
  costUsd: number;
  /** Why the span ended: stop, length (max_tokens), error, timeout, abandoned, … */
  finishReason: string;
  /** What happened, in words (cache hit, routed to…, retry after…). */
  note: string;
}
