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

/** How the request was answered. */
export const AnswerKind = { none: 0, model: 1, cache: 2, static: 3, human: 4 } as const;

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
  /** Node indices to tell when the request ends (gateway limiters holding a slot). */
  finishHooks: number[] | null = null;
  /** Node index of the call or cache that produced the answer; −1 while unanswered. */
  answeredBy = -1;
  answerKind: number = AnswerKind.none;
  /** Whether the answer is correct and grounded (the LLM's quality draw, or the cached answer's). */
  answerCorrect = true;
  servedFromCache = false;
  errorCode = 0;
  errorNode = -1;
  /** Fallback steps taken (error ports followed to another node). */
  fallbackDepth = 0;
  /** Absolute end-to-end deadline (Infinity without one). */
  deadlineMs = Infinity;
  /** The cost-ledger cell the request's charges go to (Metrics.charge). */
  ledger = 0;
  /** Blue/green colour: 0 none, 1 blue, 2 green. */
  colour = 0;
  /** A shadow copy: pays and uses quota, only its own metrics are kept. */
  shadow = false;
  /**
   * A detached call: the user's request moved on (deadline, breaker timeout) while this copy finishes
   * the call in flight for its bookkeeping (quota, billing); it is dropped when it leaves the node.
   */
  ghost = false;
  done = false;
  /** Invalidates stale events (timeouts, completions) of an earlier attempt. */
  attemptToken = 0;
  attempt = 0;
  /** Time spent waiting between attempts at the current call node, and at the router retrying it (Portkey's 60 s budget). */
  retryWaitedMs = 0;
  routerWaitedMs = 0;
  /** Quota state of the current call. */
  slotQuota = -1;
  queuedAtMs = 0;
  reservedOutputTokens = 0;
  inCall = false;
  callInputTokens = 0;
  callOutputTokens = 0;
  callCachedInputTokens = 0;
  callCacheWriteTokens = 0;
  /** Cost of the current attempt so far (for its trace span). */
  callCostUsd = 0;
  callStartMs = 0;
  /** When the request entered the current call node (for observers: the call's whole duration). */
  callEnteredMs = 0;
  /** The request's cost when it entered the current call node (what the call itself cost, later). */
  costAtCallEntryUsd = 0;
  callTtftMs = 0;
  callTpotMs = 0;
  callTruncated = false;
  callWillFail = false;
  callFailStatus = 0;
  /** HTTP status of the call's final failure, and its Retry-After when it was a 429, else 0 (for breakers). */
  callFinalStatus = 0;
  callRetryAfterMs = 0;
  spans: Span[] | null = null;
  /** Router retries: the router whose retries apply and the call node they watch (−1 for none). */
  retryRouter = -1;
  retryCall = -1;
  /** Retries that router made so far, and the wait before the latest one (for its trace note). */
  routerRetries = 0;
  routerRetryWaitMs = 0;
  /** Chosen by head sampling (kept whatever happens), as opposed to traced for tail sampling. */
  headSampled = false;

  constructor(
    readonly id: number,
    readonly arrivalMs: number,
    /** Arrived after warm-up: its figures count in the statistics. */
    readonly counted: boolean,
    readonly classIndex: number,
    readonly sourceIndex: number,
    readonly queryKey: number,
    readonly queryTokens: number,
    /** False for batch-lane traffic, reported apart from user latency. */
    readonly realtime: boolean,
  ) {}

  /** A copy with a new id and the same state (for detaching a call, or a shadow copy). */
  copyAs(id: number): SimRequest {
    const c = new SimRequest(id, this.arrivalMs, this.counted, this.classIndex, this.sourceIndex, this.queryKey, this.queryTokens, this.realtime);
    c.nodeIndex = this.nodeIndex;
    c.enteredNodeMs = this.enteredNodeMs;
    c.firstTokenMs = this.firstTokenMs;
    c.chunks = this.chunks;
    c.chunkTokens = this.chunkTokens;
    c.inputTokens = this.inputTokens;
    c.cachedInputTokens = this.cachedInputTokens;
    c.outputTokens = this.outputTokens;
    c.costUsd = this.costUsd;
    c.cacheFills = this.cacheFills ? [...this.cacheFills] : null;
    c.finishHooks = this.finishHooks ? [...this.finishHooks] : null;
    c.answeredBy = this.answeredBy;
    c.answerKind = this.answerKind;
    c.answerCorrect = this.answerCorrect;
    c.servedFromCache = this.servedFromCache;
    c.errorCode = this.errorCode;
    c.errorNode = this.errorNode;
    c.fallbackDepth = this.fallbackDepth;
    c.deadlineMs = this.deadlineMs;
    c.colour = this.colour;
    c.ledger = this.ledger;
    c.shadow = this.shadow;
    c.attemptToken = this.attemptToken;
    c.attempt = this.attempt;
    c.callInputTokens = this.callInputTokens;
    c.callOutputTokens = this.callOutputTokens;
    c.callCachedInputTokens = this.callCachedInputTokens;
    c.callEnteredMs = this.callEnteredMs;
    c.spans = this.spans ? [...this.spans] : null;
    c.headSampled = this.headSampled;
    c.retryRouter = this.retryRouter;
    c.retryCall = this.retryCall;
    c.routerRetries = this.routerRetries;
    c.routerRetryWaitMs = this.routerRetryWaitMs;
    return c;
  }
}
