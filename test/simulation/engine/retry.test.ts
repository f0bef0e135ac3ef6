import { describe, expect, it } from 'vitest';
import { backoffDelayMs, retryWithinBudget, type RetrySpec } from '../../../simulation/engine/retry';
import type { RandomStream } from '../../../simulation/random/streams';

/** The retry flavours' waits (SEMANTICS §6), with the uniform draw pinned. */
const spec = (over: Partial<RetrySpec>): RetrySpec => ({ numRetries: 5, policy: 'exponential', initialDelayMs: 500, multiplier: 2, maxDelayMs: 8000, jitter: 'none', retryOn: [429, 503], honorRetryAfter: true, ...over });
const draw = (u: number) => ({ uniform: () => u }) as unknown as RandomStream;

describe('retry backoff flavours', () => {
  it('LiteLLM: 0.5 s·2ⁿ capped at 8 s, plus 0–0.75 s jitter; a Retry-After up to 60 s is used as it is', () => {
    const litellm = spec({ policy: 'litellm' });
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelayMs(litellm, n, 0, draw(0)))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffDelayMs(litellm, 0, 0, draw(0.999))).toBeCloseTo(500 + 749.25, 6);
    expect(backoffDelayMs(litellm, 3, 20_000, draw(0.5))).toBe(20_000);
    // A Retry-After over 60 s is not "reasonable" to LiteLLM: the backoff applies.
    expect(backoffDelayMs(litellm, 0, 61_000, draw(0))).toBe(500);
  });

  it('Portkey: 1, 2, 4, 8, 16 s without jitter; with use_retry_after_headers the header replaces the schedule', () => {
    const portkey = spec({ policy: 'portkey', honorRetryAfter: false });
    expect([0, 1, 2, 3, 4].map((n) => backoffDelayMs(portkey, n, 5000, draw(0.9)))).toEqual([1000, 2000, 4000, 8000, 16000]);
    const headers = spec({ policy: 'portkey' });
    expect(backoffDelayMs(headers, 3, 500, draw(0))).toBe(500);
    expect(backoffDelayMs(headers, 0, 0, draw(0))).toBe(1000);
  });

  it("Portkey fails a request once a Retry-After passes 60 s or its waits would pass 60 s in all", () => {
    const headers = spec({ policy: 'portkey' });
    expect(retryWithinBudget(headers, 0, 50_000, 50_000)).toBe(true);
    expect(retryWithinBudget(headers, 20_000, 50_000, 50_000)).toBe(false);
    expect(retryWithinBudget(headers, 0, 61_000, 61_000)).toBe(false);
    // Without headers (or for other policies) there is no such budget.
    expect(retryWithinBudget(spec({ policy: 'portkey', honorRetryAfter: false }), 50_000, 16_000, 0)).toBe(true);
    expect(retryWithinBudget(spec({ policy: 'litellm' }), 59_000, 60_000, 60_000)).toBe(true);
  });

  it('fixed and exponential wait at least a Retry-After; full jitter draws uniformly below the computed delay', () => {
    expect(backoffDelayMs(spec({}), 10, 0, draw(0))).toBe(8000);
    expect(backoffDelayMs(spec({ jitter: 'full' }), 1, 0, draw(0.25))).toBe(250);
    expect(backoffDelayMs(spec({ policy: 'fixed', initialDelayMs: 300 }), 4, 0, draw(0))).toBe(300);
    expect(backoffDelayMs(spec({ policy: 'fixed', initialDelayMs: 300 }), 0, 2000, draw(0))).toBe(2000);
    expect(backoffDelayMs(spec({ policy: 'fixed', initialDelayMs: 300, honorRetryAfter: false }), 0, 2000, draw(0))).toBe(300);
  });
});
