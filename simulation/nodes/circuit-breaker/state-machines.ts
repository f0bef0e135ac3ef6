import type { BreakerParamsOut } from './params';

export const CLOSED = 0;
export const OPEN = 1;
export const HALF_OPEN = 2;

/**
 * The decision logic of one breaker flavour, free of the engine: it is told outcomes and asked whether
 * a call may pass. `now` is simulated ms.
 */
export interface BreakerLogic {
  readonly state: number;
  /** May a call pass now? (May move open → half-open when the wait is over.) */
  admit(now: number): boolean;
  /** Would `admit(now)` let a call pass? No side effect (a router asking which routes are healthy). */
  available(now: number): boolean;
  /**
   * The outcome of a call that passed (or of any call at the protected node); `retryAfterMs`: the
   * Retry-After of a failure that was a 429 (0 when none).
   */
  record(now: number, ok: boolean, durationMs: number, retryAfterMs?: number, status?: number): void;
}

/** opossum: rolling window of buckets; opens on error % > threshold with ≥ volumeThreshold calls; one trial after resetTimeout. */
export class OpossumLogic implements BreakerLogic {
  state = CLOSED;
  private readonly ok: Float64Array;
  private readonly fail: Float64Array;
  private bucket = 0;
  private bucketStartMs = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(private readonly o: BreakerParamsOut['opossum']) {
    this.ok = new Float64Array(o.rollingCountBuckets);
    this.fail = new Float64Array(o.rollingCountBuckets);
  }

  admit(now: number): boolean {
    if (this.state === OPEN && now - this.openedAt >= this.o.resetTimeout) this.state = HALF_OPEN;
    if (this.state === CLOSED) return true;
    if (this.state === HALF_OPEN && !this.trialInFlight) {
      this.trialInFlight = true;
      return true;
    }
    return false;
  }

  available(now: number): boolean {
    if (this.state === CLOSED) return true;
    if (this.state === OPEN && now - this.openedAt < this.o.resetTimeout) return false;
    return !this.trialInFlight;
  }

  record(now: number, ok: boolean, _durationMs = 0): void {
    if (this.state === HALF_OPEN && this.trialInFlight) {
      this.trialInFlight = false;
      if (ok) {
        this.state = CLOSED;
        this.ok.fill(0);
        this.fail.fill(0);
      } else this.open(now);
      return;
    }
    if (this.state !== CLOSED) return;
    this.rotate(now);
    if (ok) this.ok[this.bucket]!++;
    else this.fail[this.bucket]!++;
    if (ok) return;
    let total = 0;
    let failures = 0;
    for (let i = 0; i < this.ok.length; i++) {
      total += this.ok[i]! + this.fail[i]!;
      failures += this.fail[i]!;
    }
    if (total >= this.o.volumeThreshold && (failures / total) * 100 > this.o.errorThresholdPercentage) this.open(now);
  }

  private open(now: number): void {
    this.state = OPEN;
    this.openedAt = now;
  }

  private rotate(now: number): void {
    const width = this.o.rollingCountTimeout / this.o.rollingCountBuckets;
    while (now >= this.bucketStartMs + width) {
      this.bucketStartMs += width;
      this.bucket = (this.bucket + 1) % this.ok.length;
      this.ok[this.bucket] = 0;
      this.fail[this.bucket] = 0;
      if (now - this.bucketStartMs > this.o.rollingCountTimeout * 2) this.bucketStartMs = Math.floor(now / width) * width;
    }
  }
}

/** resilience4j: count- or time-based sliding window; open for waitDurationInOpenState; N trial calls decide. */
export class Resilience4jLogic implements BreakerLogic {
  state = CLOSED;
  private readonly outcomes: Uint8Array; // bit 0 failure, bit 1 slow (count-based ring)
  private readonly secondOk: Float64Array; // time-based: per-second buckets
  private readonly secondFail: Float64Array;
  private readonly secondSlow: Float64Array;
  private filled = 0;
  private head = 0;
  private second = -1;
  private openedAt = 0;
  private permits = 0;
  private trialOutcomes = 0;
  private trialFailures = 0;
  private trialSlow = 0;

  constructor(private readonly o: BreakerParamsOut['resilience4j']) {
    this.outcomes = new Uint8Array(o.slidingWindowType === 'COUNT_BASED' ? o.slidingWindowSize : 0);
    const n = o.slidingWindowType === 'TIME_BASED' ? o.slidingWindowSize : 0;
    this.secondOk = new Float64Array(n);
    this.secondFail = new Float64Array(n);
    this.secondSlow = new Float64Array(n);
  }

  admit(now: number): boolean {
    if (this.state === OPEN && now - this.openedAt >= this.o.waitDurationInOpenState) {
      this.state = HALF_OPEN;
      this.permits = this.o.permittedNumberOfCallsInHalfOpenState;
      this.trialOutcomes = this.trialFailures = this.trialSlow = 0;
    }
    if (this.state === CLOSED) return true;
    if (this.state === HALF_OPEN && this.permits > 0) {
      this.permits--;
      return true;
    }
    return false;
  }

  available(now: number): boolean {
    if (this.state === CLOSED) return true;
    if (this.state === OPEN) return now - this.openedAt >= this.o.waitDurationInOpenState && this.o.permittedNumberOfCallsInHalfOpenState > 0;
    return this.permits > 0;
  }

  record(now: number, ok: boolean, durationMs: number): void {
    const slow = durationMs > this.o.slowCallDurationThreshold;
    if (this.state === HALF_OPEN) {
      this.trialOutcomes++;
      if (!ok) this.trialFailures++;
      if (slow) this.trialSlow++;
      if (this.trialOutcomes >= this.o.permittedNumberOfCallsInHalfOpenState) {
        if (this.tripped(this.trialOutcomes, this.trialFailures, this.trialSlow)) this.open(now);
        else this.reset();
      }
      return;
    }
    if (this.state !== CLOSED) return;
    let calls: number;
    let failures = 0;
    let slowCalls = 0;
    if (this.o.slidingWindowType === 'COUNT_BASED') {
      this.outcomes[this.head] = (ok ? 0 : 1) | (slow ? 2 : 0);
      this.head = (this.head + 1) % this.outcomes.length;
      this.filled = Math.min(this.outcomes.length, this.filled + 1);
      calls = this.filled;
      for (let i = 0; i < this.filled; i++) {
        failures += this.outcomes[i]! & 1;
        slowCalls += (this.outcomes[i]! >> 1) & 1;
      }
    } else {
      this.advanceSeconds(now);
      const i = this.second % this.secondOk.length;
      if (ok) this.secondOk[i]!++;
      else this.secondFail[i]!++;
      if (slow) this.secondSlow[i]!++;
      calls = 0;
      for (let k = 0; k < this.secondOk.length; k++) {
        calls += this.secondOk[k]! + this.secondFail[k]!;
        failures += this.secondFail[k]!;
        slowCalls += this.secondSlow[k]!;
      }
    }
    if (calls >= this.o.minimumNumberOfCalls && this.tripped(calls, failures, slowCalls)) this.open(now);
  }

  private tripped(calls: number, failures: number, slow: number): boolean {
    return (failures / calls) * 100 >= this.o.failureRateThreshold || (slow / calls) * 100 >= this.o.slowCallRateThreshold;
  }

  private open(now: number): void {
    this.state = OPEN;
    this.openedAt = now;
  }

  private reset(): void {
    this.state = CLOSED;
    this.filled = 0;
    this.head = 0;
    this.secondOk.fill(0);
    this.secondFail.fill(0);
    this.secondSlow.fill(0);
  }

  private advanceSeconds(now: number): void {
    const s = Math.floor(now / 1000);
    if (this.second < 0) this.second = s;
    const n = this.secondOk.length;
    for (let t = this.second + 1; t <= s && t <= this.second + n; t++) {
      const i = t % n;
      this.secondOk[i] = this.secondFail[i] = this.secondSlow[i] = 0;
    }
    this.second = s;
  }
}

/**
 * LiteLLM cooldown: not a true breaker. After `allowed_fails` failures in a minute (or > 50 % failures
 * with ≥ 5 calls in it) the deployment is out for `cooldown_time` (or the tripping failure's
 * Retry-After), then back with no trial. A lone
 * deployment is cooled down only when all of ≥ 1,000 calls in a minute fail.
 */
export class LiteLlmCooldownLogic implements BreakerLogic {
  state = CLOSED;
  private minute = -1;
  private calls = 0;
  private fails = 0;
  private until = 0;

  constructor(private readonly o: BreakerParamsOut['litellm']) {}

  admit(now: number): boolean {
    if (this.state === OPEN && now >= this.until) this.state = CLOSED;
    return this.state === CLOSED;
  }

  available(now: number): boolean {
    return this.state === CLOSED || now >= this.until;
  }

  record(now: number, ok: boolean, _durationMs = 0, retryAfterMs = 0, status = 500): void {
    if (this.state !== CLOSED) return;
    const m = Math.floor(now / 60_000);
    if (m !== this.minute) {
      this.minute = m;
      this.calls = 0;
      this.fails = 0;
    }
    this.calls++;
    if (ok) return;
    this.fails++;
    // LiteLLM counts every failure of the minute, but only these statuses can start a cooldown
    // (_is_cooldown_required): a 400 such as a context-window error says nothing of the deployment.
    if (!coolsDown(status)) return;
    const trip = this.o.singleDeployment ? this.calls >= 1000 && this.fails === this.calls : this.fails > this.o.allowed_fails || (this.calls >= 5 && this.fails / this.calls > 0.5);
    if (trip) {
      this.state = OPEN;
      // LiteLLM cools a deployment down for the failing response's Retry-After when it sent one.
      this.until = now + (retryAfterMs > 0 ? retryAfterMs : this.o.cooldown_time * 1000);
    }
  }
}

/** LiteLLM's _is_cooldown_required: of the 4xx, only 429, 401, 408 and 404 cool a deployment down; 5xx all do. */
function coolsDown(status: number): boolean {
  if (status < 400 || status >= 500) return true;
  return status === 429 || status === 401 || status === 408 || status === 404;
}

export function breakerLogic(p: BreakerParamsOut): BreakerLogic {
  switch (p.flavour) {
    case 'opossum':
      return new OpossumLogic(p.opossum);
    case 'resilience4j':
      return new Resilience4jLogic(p.resilience4j);
    case 'litellm':
      return new LiteLlmCooldownLogic(p.litellm);
  }
}
