import { EV_DONE, EV_RETRY, EV_SLOT_GRANTED, EV_TIMEOUT, type EngineApi, type NodeRuntime, type NodeReport } from '../engine/engine-api';
import { ErrorCode, statusOf } from '../engine/errors';
import type { QuotaRuntime } from '../engine/quota';
import type { SimRequest } from '../engine/request';
import { backoffDelayMs, type RetrySpec } from '../engine/retry';
import type { Metrics } from '../metrics/metrics';
import type { RandomStream } from '../random/streams';
import type { BuildContext } from './kind';

export interface CallParams {
  quota: string | null;
  errorProbability: number;
  timeoutMs: number | null;
  retry: RetrySpec;
}

/**
 * The attempt loop every call node shares (embedding, retrieval, reranker, LLM, service):
 *
 *   enter → prepare (may fail at once, e.g. context window) → attempt:
 *     take a concurrency slot (or wait FIFO) → admission against RPM/TPM (429 + Retry-After) →
 *     the call runs for its planned duration, or until its timeout →
 *     success: bill, leave by `ok`;  failure: bill what the provider bills, then retry after the
 *     backoff while retries remain and the status is retryable, else leave by `error`.
 *
 * Subclasses plan one attempt (duration and tokens), bill it, and apply its result to the request.
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
  }

  /** Work done once per request before its first attempt; a non-zero error code fails it at once. */
  protected prepare(_req: SimRequest): number {
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

  /** Tokens a call asks admission for: [input, cached input, reserved output]. */
  protected admissionTokens(req: SimRequest): [number, number, number] {
    return [req.callInputTokens, req.callCachedInputTokens, 0];
  }

  enter(req: SimRequest): void {
    req.attempt = 0;
    const code = this.prepare(req);
    if (code !== ErrorCode.none) {
      this.giveUp(req, code);
      return;
    }
    this.startAttempt(req);
  }

  onEvent(type: number, req: SimRequest, aux: number): void {
    if (aux !== req.attemptToken) return;
    switch (type) {
      case EV_SLOT_GRANTED:
        this.send(req);
        break;
      case EV_DONE:
        this.complete(req);
        break;
      case EV_TIMEOUT:
        this.timeOut(req);
        break;
      case EV_RETRY:
        this.startAttempt(req);
        break;
    }
  }

  report(): NodeReport {
    return {};
  }

  private startAttempt(req: SimRequest): void {
    req.attemptToken++;
    if (req.counted) this.metrics.nodeAttempts[this.index]!++;
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
    const willFail = this.failureRng.chance(this.params.errorProbability);
    req.callWillFail = willFail;
    req.callCostUsd = 0;
    const durationMs = this.plan(req, willFail);
    const quota = this.quota;
    if (quota !== null && quota.hasRateLimits) {
      const [input, cached, reserve] = this.admissionTokens(req);
      const retryAfterMs = quota.admit(req, input, cached, reserve, willFail ? 0 : req.callOutputTokens);
      if (retryAfterMs > 0) {
        quota.release(req);
        if (req.counted) this.metrics.nodeRateLimited[this.index]!++;
        this.trace(req, now, now, 429, 'rate_limited', `Retry-After ${Math.round(retryAfterMs)} ms`);
        this.attemptFailed(req, ErrorCode.rateLimited, retryAfterMs);
        return;
      }
    }
    req.callStartMs = now;
    const timeout = this.params.timeoutMs;
    if (timeout !== null && durationMs > timeout) this.engine.schedule(now + timeout, this.index, EV_TIMEOUT, req, req.attemptToken);
    else this.engine.schedule(now + durationMs, this.index, EV_DONE, req, req.attemptToken);
  }

  private complete(req: SimRequest): void {
    this.releaseQuota(req);
    const now = this.engine.now;
    if (req.callWillFail) {
      this.bill(req, 'failed', now - req.callStartMs);
      this.trace(req, req.callStartMs, now, 503, 'error', 'server error');
      this.attemptFailed(req, ErrorCode.serverError, 0);
      return;
    }
    this.bill(req, 'ok', now - req.callStartMs);
    this.trace(req, req.callStartMs, now, 200, req.callTruncated ? 'length' : 'stop', '');
    this.succeed(req);
    if (req.counted) this.metrics.nodeOk[this.index]!++;
    this.engine.emit(req, this.index, this.okPort);
  }

  private timeOut(req: SimRequest): void {
    this.releaseQuota(req);
    const now = this.engine.now;
    this.bill(req, 'timeout', now - req.callStartMs);
    this.trace(req, req.callStartMs, now, 408, 'timeout', `timed out after ${this.params.timeoutMs} ms`);
    this.attemptFailed(req, ErrorCode.timeout, 0);
  }

  private releaseQuota(req: SimRequest): void {
    const quota = this.quota;
    if (quota === null) return;
    if (quota.hasRateLimits) quota.complete(req, req.callWillFail ? 0 : req.callOutputTokens, req.callStartMs);
    quota.release(req);
  }

  /** An attempt failed: retry after the backoff if allowed, else leave by `error`. */
  private attemptFailed(req: SimRequest, code: number, retryAfterMs: number): void {
    const retry = this.params.retry;
    if (req.attempt < retry.numRetries && this.retryOn.has(statusOf(code))) {
      const delay = backoffDelayMs(retry, req.attempt, retryAfterMs, this.retryRng);
      req.attempt++;
      if (req.counted) this.metrics.nodeRetries[this.index]!++;
      this.metrics.seriesRetries.add(this.engine.now, 1);
      this.engine.schedule(this.engine.now + delay, this.index, EV_RETRY, req, req.attemptToken);
      return;
    }
    this.giveUp(req, code);
  }

  private giveUp(req: SimRequest, code: number): void {
    req.errorCode = code;
    req.errorNode = this.index;
    if (req.counted) this.metrics.nodeFailed[this.index]!++;
    this.engine.emit(req, this.index, this.errorPort);
  }

  private trace(req: SimRequest, startMs: number, endMs: number, status: number, finishReason: string, note: string): void {
    if (req.spans === null) return;
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
