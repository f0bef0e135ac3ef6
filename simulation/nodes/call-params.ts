import { z } from 'zod';

/** Parameters every call node shares: quota, failure rate, timeout, retries (SEMANTICS §5–§6). */
export function retrySchema(defaultRetries: number, defaultPolicy: 'exponential' | 'litellm' = 'exponential') {
  return z
    .object({
      numRetries: z.number().int().min(0).max(20).default(defaultRetries).meta({ title: 'Retries', description: 'Retries after the first attempt (num_retries).' }),
      policy: z.enum(['fixed', 'exponential', 'litellm', 'portkey']).default(defaultPolicy).meta({
        title: 'Backoff policy',
        description: 'fixed: the same wait; exponential: initial × multiplierⁿ up to the cap; litellm: 0.5 s·2ⁿ ≤ 8 s + 0–0.75 s jitter; portkey: 1, 2, 4, 8, 16 s.',
      }),
      initialDelayMs: z.number().min(0).default(500).meta({ unit: 'ms', title: 'Initial delay', description: 'Wait before the first retry (fixed and exponential policies).' }),
      multiplier: z.number().min(1).default(2).meta({ title: 'Multiplier', description: 'Growth of the wait per retry (exponential policy).' }),
      maxDelayMs: z.number().min(0).default(8000).meta({ unit: 'ms', title: 'Max delay', description: 'Cap on one wait (exponential policy).' }),
      jitter: z.enum(['none', 'full']).default('none').meta({ title: 'Jitter', description: 'full: wait a uniform time between 0 and the computed delay (AWS "full jitter").' }),
      retryOn: z
        .array(z.number().int().min(100).max(599))
        .default([408, 429, 500, 502, 503, 504])
        .meta({ title: 'Retry on status', description: 'HTTP statuses that are retried (400s such as context-window errors are not).' }),
      honorRetryAfter: z.boolean().default(true).meta({
        title: 'Honour Retry-After',
        description:
          "Follow the Retry-After a 429 carries: fixed and exponential wait at least that long; litellm waits exactly that when it is ≤ 60 s; portkey (use_retry_after_headers) waits exactly that and fails the request once its waits would pass 60 s in all.",
      }),
    })
    .strict()
    .superRefine((r, ctx) => {
      if (r.policy === 'portkey' && r.numRetries > 5) {
        ctx.addIssue({ code: 'custom', path: ['numRetries'], message: 'Portkey retries at most 5 times (1, 2, 4, 8, 16 s); use 0–5' });
      }
    });
}

export function callParamsShape(defaults: { retries: number; timeoutMs: number | null }) {
  return {
    quota: z.string().nullable().default(null).meta({ title: 'Quota', description: 'Id of a shared quota (RPM/TPM/concurrency) this call counts against; null for none.', quotaRef: true }),
    errorProbability: z.number().min(0).max(1).default(0).meta({ title: 'Error probability', description: 'Chance that one attempt fails with a 5xx (before any retry).', unit: 'share' }),
    timeoutMs: z.number().positive().nullable().default(defaults.timeoutMs).meta({ unit: 'ms', title: 'Timeout', description: 'Per-attempt timeout; the attempt fails with 408 when it runs longer. null for none.' }),
    retry: retrySchema(defaults.retries).prefault({}),
  };
}
