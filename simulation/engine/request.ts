/**
 * One simulated user request as it moves through the graph. A small record with every field set in
 * the constructor (one hidden class for V8); node handlers read and update it.
 */
export interface Span {
  nodeIndex: number;
  attempt: number;
  startMs: number;
  endMs: number;
  status: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  costUsd: number;
  finishReason: string;
  note: string;
}

export class SimRequest {
  /** Node the request is at and when it entered it (for per-node latency). */
  nodeIndex = -1;
  enteredNodeMs = 0;
  /** Absolute time the first token became visible to the user (streaming answer), −1 until then. */
  firstTokenMs = -1;
  /** Retrieved context carried to the LLM. */
  chunks = 0;
  chunkTokens = 0;
  /** Token and cost totals over every call the request made (retries and fallbacks included). */
  inputTokens = 0;
  cachedInputTokens = 0;
  outputTokens = 0;
  costUsd = 0;
  /** Node indices of caches that missed and should store the answer when the request is served. */
  cacheFills: number[] | null = null;
  /** Node index of the call that produced the answer; −1 while unanswered. */
  answeredBy = -1;
  /** Set when served from a cache. */
  servedFromCache = false;
  errorCode = 0;
  errorNode = -1;
  /** Invalidates stale events (timeouts, completions) of an earlier attempt. */
  attemptToken = 0;
  attempt = 0;
  /** Quota state of the current call. */
  slotQuota = -1;
  queuedAtMs = 0;
  reservedOutputTokens = 0;
  callInputTokens = 0;
  callOutputTokens = 0;
  callCachedInputTokens = 0;
  /** Cost of the current attempt so far (for its trace span). */
  callCostUsd = 0;
  callStartMs = 0;
  callTtftMs = 0;
  callTpotMs = 0;
  callTruncated = false;
  callWillFail = false;
  spans: Span[] | null = null;

  constructor(
    readonly id: number,
    readonly arrivalMs: number,
    /** Arrived after warm-up: its figures count in the statistics. */
    readonly counted: boolean,
    readonly classIndex: number,
    readonly sourceIndex: number,
    readonly queryKey: number,
    readonly queryTokens: number,
  ) {}
}
