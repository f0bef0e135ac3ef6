import { EV_DONE, EV_RETRY, EV_SLOT_GRANTED, EV_TIMEOUT, type EngineApi, type NodeRuntime, type NodeReport } from '../engine/engine-api';
import { ErrorCode, statusOf } from '../engine/errors';
import type { ActiveFault } from '../engine/faults';
import type { QuotaRuntime } from '../engine/quota';
import type { SimRequest } from '../engine/request';
import { backoffDelayMs, retryWithinBudget, type RetrySpec } from '../engine/retry';
import type { Metrics } from '../metrics/metrics';
import type { RandomStream } from '../random/streams';
import type { BuildContext } from './kind';

export interface CallParams {
  quota: string | null;
  errorProbability: number;
  timeoutMs: number | null;
  retry: RetrySpec;
}

/** How long a hung call waits when the node has no timeout (a client's socket timeout). */
const HANG_WITHOUT_TIMEOUT_MS = 600_000;

/**
 * The attempt loop every call node shares (embedding, retrieval, reranker, LLM, service):
 *
 *   enter → prepare (may fail at once, e.g. context window) → attempt:
 *     take a concurrency slot (or wait FIFO) → admission against RPM/TPM (429 + Retry-After) →
 *     the call runs for its planned duration, or until its timeout →
 *     success: bill, leave by `ok`;  failure: bill what the provider bills, then retry after the
 *     backoff while retries remain, the status is retryable and the deadline allows, else leave by
 *     the error port for that error.
 *
 * Fault windows (outage, error spike, latency, prompt growth) act on each attempt. Subclasses plan one
 * attempt (duration and tokens), bill it, and apply its result to the request.
 */
export abstract class CallNodeRuntime<P extends CallParams> implements NodeRuntime {
  protected readonly engine: EngineApi;
  protected readonly metrics: Metrics;
  protected readonly index: number;
  protected readonly params: P;
  protected readonly quota: QuotaRuntime | null;
  protected readonly okPort: number;
  protected readonly errorPort: number;
  private readonly retryOn: Set<number>;
  private readonly failureRng: RandomStream;
  private readonly retryRng: RandomStream;
  private readonly hasFaults: boolean;
  /** Cost of calls that ended in failure (for the breaker's "money not spent on doomed calls"). */
  failedCallCostUsd = 0;
  failedCalls = 0;

  constructor(ctx: BuildContext<P>) {
    this.engine = ctx.engine;
    this.metrics = ctx.metrics;
    this.index = ctx.index;
    this.params = ctx.params;
    this.quota = ctx.quota(ctx.params.quota);
    this.okPort = ctx.port('ok');
    this.errorPort = ctx.port('error');
    this.retryOn = new Set(ctx.params.retry.retryOn);
    this.failureRng = ctx.stream('failures');
    this.retryRng = ctx.stream('retry-backoff');
    this.hasFaults = ctx.engine.faults.hasNodeFaults(ctx.index);
    // Hooks a kind leaves at the default do nothing: `enter` and `complete` skip calling them.
    this.prepares = this.prepare !== CallNodeRuntime.prototype.prepare;
    this.mayRefuse = this.refusal !== CallNodeRuntime.prototype.refusal;
  }

  /** Whether the kind overrides `prepare`. */
  private readonly prepares: boolean;

  /** Work done once per request before its first attempt; a non-zero error code fails it at once. */
  protected prepare(_req: SimRequest, _fault: ActiveFault | null): number {
    return ErrorCode.none;
  }

  /**
   * Plans one attempt: sets req.callInputTokens / callOutputTokens (and LLM timing fields) and returns
   * how long the call takes (ms). `willFail` says the attempt ends in a 5xx.
   */
  protected abstract plan(req: SimRequest, willFail: boolean): number;

  /** Bills a finished attempt. `outcome`: 'ok', 'failed' (5xx) or 'timeout' (ended at `elapsedMs`). */
  protected abstract bill(req: SimRequest, outcome: 'ok' | 'failed' | 'timeout', elapsedMs: number): void;

  /** Applies a successful call's effect to the request (chunks, answer, first token). */
  protected abstract succeed(req: SimRequest): void;

  /** Output tokens a call reserves at admission (besides its input and cached input tokens). */
  protected admissionReserve(_req: SimRequest): number {
    return 0;
  }

  /** The port a request leaves by when it fails with `code` (LLMs route some errors apart). */
  protected errorPortFor(_code: number): number {
    return this.errorPort;
  }

  /**
   * Input tokens a request would send here, counted before the call as a gateway's router counts them
   * (LiteLLM token_counter over the messages): the query by default.
   */
  estimateInputTokens(req: SimRequest): number {
    return req.queryTokens;
  }

  /** A non-retryable refusal decided when the attempt is planned (content policy), or 0. */
  protected refusal(_req: SimRequest): number {
    return 0;
  }

  /** Whether the kind overrides `refusal`. */
  private readonly mayRefuse: boolean;

  enter(req: SimRequest): void {
    const now = this.engine.now;
    req.attempt = 0;
    req.retryWaitedMs = 0;
    req.callEnteredMs = now;
    req.costAtCallEntryUsd = req.costUsd;
    if (now >= req.deadlineMs) {
      this.giveUp(req, ErrorCode.deadline);
      return;
    }
    if (this.prepares) {
      const code = this.prepare(req, this.hasFaults ? this.engine.faults.nodeState(this.index, now) : null);
      if (code !== ErrorCode.none) {
        this.giveUp(req, code);
        return;
      }
    }
    this.startAttempt(req);
  }

  onEvent(type: number, req: SimRequest, aux: number): void {
    if (aux !== req.attemptToken) return;
    switch (type) {
      case EV_SLOT_GRANTED:
        if (req.ghost) this.quota?.release(req);
        else this.send(req);
        break;
      case EV_DONE:
        this.complete(req);
        break;
      case EV_TIMEOUT:
        this.timeOut(req);
        break;
      case EV_RETRY:
        if (!req.ghost) this.startAttempt(req);
        break;
    }
  }

  /** The deadline passed mid-call: the call goes on as a ghost for its bookkeeping; the request fails by its error path. */
  abort(req: SimRequest, errorCode: number): void {
    const user = this.engine.detach(req, 'abandoned at the request deadline; the call finishes in the background (its cost counts in the totals)');
    user.inCall = false;
    this.giveUp(user, errorCode);
  }

  report(): NodeReport {
    return { failedCalls: this.failedCalls, failedCallCostUsd: this.failedCallCostUsd };
  }

  private startAttempt(req: SimRequest): void {
    req.attemptToken++;
    req.inCall = true;
    if (req.counted && !req.shadow) this.metrics.nodeAttempts[this.index]!++;
    const quota = this.quota;
    if (quota !== null && quota.hasSlots) {
      const granted = quota.acquire(req, this.index);
      if (granted === 0) return;
      if (granted < 0) {
        this.attemptFailed(req, ErrorCode.queueFull, 0);
        return;
      }
    }
    this.send(req);
  }

  private send(req: SimRequest): void {
    const now = this.engine.now;
    req.callCostUsd = 0;
    let durationMs: number;
    if (this.hasFaults) durationMs = this.planUnderFault(req, now);
    else {
      const p = this.params.errorProbability;
      const willFail = p > 0 && this.failureRng.uniform() < p; // failureRng.chance(p), inline
      req.callWillFail = willFail;
      req.callFailStatus = 503;
      durationMs = this.plan(req, willFail);
    }
    const quota = this.quota;
    if (quota !== null && quota.hasRateLimits && !this.admitted(quota, req, now)) return;
    req.callStartMs = now;
    const timeout = this.params.timeoutMs;
    if (timeout !== null && durationMs > timeout) this.engine.schedule(now + timeout, this.index, EV_TIMEOUT, req, req.attemptToken);
    else this.engine.schedule(now + durationMs, this.index, EV_DONE, req, req.attemptToken);
  }

  /** `plan` inside the node's fault windows: outages and error spikes fail the call, latency faults stretch it. */
  private planUnderFault(req: SimRequest, now: number): number {
    const fault = this.engine.faults.nodeState(this.index, now);
    let willFail = this.failureRng.chance(this.params.errorProbability);
    if (fault !== null && !willFail) willFail = fault.outage || this.failureRng.chance(fault.errorProbability);
    req.callWillFail = willFail;
    req.callFailStatus = willFail && fault !== null ? fault.status : 503;
    let durationMs = this.plan(req, willFail);
    if (fault !== null) {
      if (willFail && (fault.outage || fault.errorProbability > 0)) durationMs = fault.hang && fault.outage ? (this.params.timeoutMs ?? HANG_WITHOUT_TIMEOUT_MS) + 1 : fault.errorLatencyMs;
      durationMs *= fault.latencyMultiplier;
    }
    return durationMs;
  }

  /** Admission against RPM/TPM; on a 429 the attempt fails (and may retry after Retry-After): false. */
  private admitted(quota: QuotaRuntime, req: SimRequest, now: number): boolean {
    const retryAfterMs = quota.admit(req, req.callInputTokens, req.callCachedInputTokens, this.admissionReserve(req), req.callWillFail ? 0 : req.callOutputTokens);
    if (retryAfterMs === 0) return true;
    quota.release(req);
    if (req.counted && !req.shadow) this.metrics.nodeRateLimited[this.index]!++;
    if (req.spans !== null) this.trace(req, now, now, 429, 'rate_limited', `Retry-After ${Math.round(retryAfterMs)} ms`);
    this.attemptFailed(req, ErrorCode.rateLimited, retryAfterMs);
    return false;
  }

  private complete(req: SimRequest): void {
    if (this.quota !== null) this.releaseQuota(req);
    if (req.callWillFail) {
      this.serverError(req);
      return;
    }
    if (this.mayRefuse) {
      const refused = this.refusal(req);
      if (refused !== 0) {
        if (req.spans !== null) this.trace(req, req.callStartMs, this.engine.now, 400, 'content_filter', 'refused by the provider');
        this.giveUp(req, refused);
        return;
      }
    }
    const now = this.engine.now;
    this.bill(req, 'ok', now - req.callStartMs);
    if (req.spans !== null) this.trace(req, req.callStartMs, now, 200, req.callTruncated ? 'length' : 'stop', this.okNote(req));
    req.inCall = false;
    if (this.engine.isObserved(this.index)) this.engine.reportOutcome(this.index, req, true, now - req.callEnteredMs);
    if (req.ghost) return;
    if (req.retryCall === this.index) req.retryCall = -1;
    this.succeed(req);
    if (req.counted && !req.shadow) this.metrics.nodeOk[this.index]!++;
    this.engine.emit(req, this.index, this.okPort);
  }

  /** The attempt ends in the 5xx (or fault status) planned when it was sent. */
  private serverError(req: SimRequest): void {
    const now = this.engine.now;
    this.bill(req, 'failed', now - req.callStartMs);
    if (req.spans !== null) this.trace(req, req.callStartMs, now, req.callFailStatus, 'error', 'server error');
    this.attemptFailed(req, req.callFailStatus >= 500 ? ErrorCode.serverError : ErrorCode.unavailable, 0);
  }

  private timeOut(req: SimRequest): void {
    this.releaseQuota(req);
    const now = this.engine.now;
    this.bill(req, 'timeout', now - req.callStartMs);
    if (req.spans !== null) this.trace(req, req.callStartMs, now, 408, 'timeout', `timed out after ${this.params.timeoutMs} ms`);
    this.attemptFailed(req, ErrorCode.timeout, 0);
  }

  private releaseQuota(req: SimRequest): void {
    const quota = this.quota;
    if (quota === null) return;
    if (quota.hasRateLimits) quota.complete(req, req.callWillFail ? 0 : req.callOutputTokens, req.callStartMs);
    quota.release(req);
  }

  /** An attempt failed: retry after the backoff if allowed (and the deadline leaves room), else give up. */
  private attemptFailed(req: SimRequest, code: number, retryAfterMs: number): void {
    const retry = this.params.retry;
    if (!req.ghost && req.attempt < retry.numRetries && this.retryOn.has(statusOf(code))) {
      const delay = backoffDelayMs(retry, req.attempt, retryAfterMs, this.retryRng);
      if (this.engine.now + delay < req.deadlineMs && retryWithinBudget(retry, req.retryWaitedMs, delay, retryAfterMs)) {
        req.attempt++;
        req.retryWaitedMs += delay;
        if (req.counted && !req.shadow) this.metrics.nodeRetries[this.index]!++;
        this.metrics.seriesRetries.add(this.engine.now, 1);
        this.engine.schedule(this.engine.now + delay, this.index, EV_RETRY, req, req.attemptToken);
        return;
      }
    }
    this.giveUp(req, code, retryAfterMs);
  }

  /**
   * The call failed for good at this node: observers (breakers) learn it first, then a router with
   * retries that sent the request here may take it back; otherwise it leaves by the error port.
   */
  private giveUp(req: SimRequest, code: number, retryAfterMs = 0): void {
    req.inCall = false;
    req.callRetryAfterMs = retryAfterMs;
    req.callFinalStatus = code === ErrorCode.serverError || code === ErrorCode.unavailable ? req.callFailStatus : statusOf(code);
    if (this.engine.isObserved(this.index)) this.engine.reportOutcome(this.index, req, false, this.engine.now - req.callEnteredMs);
    if (req.counted) {
      this.failedCalls++;
      this.failedCallCostUsd += req.costUsd - req.costAtCallEntryUsd;
    }
    if (req.ghost) return;
    req.errorCode = code;
    req.errorNode = this.index;
    if (req.counted && !req.shadow) this.metrics.nodeFailed[this.index]!++;
    if (req.retryCall === this.index) {
      req.retryCall = -1;
      if (this.engine.runtime(req.retryRouter).retryFailedCall?.(req, code, retryAfterMs)) return;
    }
    this.engine.emit(req, this.index, this.errorPortFor(code));
  }

  /** What a successful call did, for its trace span (called before `succeed`, sampled requests only). */
  protected okNote(_req: SimRequest): string {
    return '';
  }

  /** Adds the attempt's span to a traced request (callers check `req.spans` first: most requests are not traced). */
  private trace(req: SimRequest, startMs: number, endMs: number, status: number, finishReason: string, note: string): void {
    this.engine.span(req, {
      nodeIndex: this.index,
      attempt: req.attempt,
      startMs,
      endMs,
      status,
      inputTokens: status === 429 ? 0 : req.callInputTokens,
      cachedInputTokens: status === 429 ? 0 : req.callCachedInputTokens,
      outputTokens: status === 200 ? req.callOutputTokens : 0,
      costUsd: status === 429 ? 0 : req.callCostUsd,
      finishReason,
      note,
    });
  }

  /** Records a cost of the current attempt against this node. */
  protected charge(req: SimRequest, costType: number, usd: number, units: number): void {
    if (usd === 0 && units === 0) return;
    this.metrics.charge(req, this.index, costType, usd, units, this.engine.now);
    req.callCostUsd += usd;
  }
}
