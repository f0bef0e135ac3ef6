import type { RandomStream } from '../random/streams';
import { powInt } from '../util/pow-int';

/** Retry settings of a call node (SEMANTICS §6), with the flavours real gateways use. */
export interface RetrySpec {
  numRetries: number;
  policy: 'fixed' | 'exponential' | 'litellm' | 'portkey';
  initialDelayMs: number;
  multiplier: number;
  maxDelayMs: number;
  jitter: 'none' | 'full';
  retryOn: number[];
  honorRetryAfter: boolean;
}

/** Portkey's fixed schedule: 1, 2, 4, 8, 16 s, at most 5 retries, no jitter. */
export const PORTKEY_DELAYS_MS = [1000, 2000, 4000, 8000, 16000];
/** LiteLLM: 0.5 s·2ⁿ capped at 8 s, plus uniform 0–0.75 s jitter; Retry-After (≤ 60 s) wins. */
export const LITELLM_INITIAL_MS = 500;
export const LITELLM_MAX_MS = 8000;
export const LITELLM_JITTER_MS = 750;
export const LITELLM_MAX_RETRY_AFTER_MS = 60_000;

/**
 * Wait before retry number `retryIndex` (0 = the first retry), given the failed attempt's Retry-After
 * (0 when it sent none).
 */
export function backoffDelayMs(spec: RetrySpec, retryIndex: number, retryAfterMs: number, rng: RandomStream): number {
  switch (spec.policy) {
    case 'litellm': {
      if (spec.honorRetryAfter && retryAfterMs > 0 && retryAfterMs <= LITELLM_MAX_RETRY_AFTER_MS) return retryAfterMs;
      return Math.min(LITELLM_MAX_MS, LITELLM_INITIAL_MS * powInt(2, retryIndex)) + rng.uniform() * LITELLM_JITTER_MS;
    }
    case 'portkey': {
      // use_retry_after_headers: the header's wait replaces the schedule (see retryWithinBudget for its cap).
      const scheduled = PORTKEY_DELAYS_MS[Math.min(retryIndex, PORTKEY_DELAYS_MS.length - 1)]!;
      return spec.honorRetryAfter && retryAfterMs > 0 ? retryAfterMs : scheduled;
    }
    case 'fixed':
    case 'exponential': {
      const base = spec.policy === 'fixed' ? spec.initialDelayMs : Math.min(spec.maxDelayMs, spec.initialDelayMs * powInt(spec.multiplier, retryIndex));
      const delay = spec.jitter === 'full' ? rng.uniform() * base : base;
      return spec.honorRetryAfter && retryAfterMs > 0 ? Math.max(delay, retryAfterMs) : delay;
    }
  }
}

/** Portkey caps one request's retry waits at 60 s in all when it follows Retry-After headers. */
export const PORTKEY_MAX_TOTAL_WAIT_MS = 60_000;

/**
 * May a retry that waits `delayMs` follow `waitedMs` of earlier waits? Portkey with
 * use_retry_after_headers fails the request at once when a Retry-After passes 60 s or when the waits
 * would pass 60 s in all; every other policy has no such budget.
 */
export function retryWithinBudget(spec: RetrySpec, waitedMs: number, delayMs: number, retryAfterMs: number): boolean {
  if (spec.policy !== 'portkey' || !spec.honorRetryAfter || retryAfterMs <= 0) return true;
  return retryAfterMs <= PORTKEY_MAX_TOTAL_WAIT_MS && waitedMs + delayMs <= PORTKEY_MAX_TOTAL_WAIT_MS;
}

export function describeRetry(spec: RetrySpec): string {
  if (spec.numRetries === 0) return 'no retries';
  switch (spec.policy) {
    case 'litellm':
      return `${spec.numRetries} retries, LiteLLM backoff (0.5 s·2ⁿ ≤ 8 s + 0–0.75 s jitter)`;
    case 'portkey':
      return `${spec.numRetries} retries, Portkey backoff (1, 2, 4, 8, 16 s)`;
    case 'fixed':
      return `${spec.numRetries} retries every ${spec.initialDelayMs} ms${spec.jitter === 'full' ? ' (full jitter)' : ''}`;
    case 'exponential':
      return `${spec.numRetries} retries, ${spec.initialDelayMs} ms × ${spec.multiplier}ⁿ ≤ ${spec.maxDelayMs} ms${spec.jitter === 'full' ? ' (full jitter)' : ''}`;
  }
}
