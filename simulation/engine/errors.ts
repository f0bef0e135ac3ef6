/**
 * Why a call or a request failed. The numeric code travels on the request (cheap in the hot loop);
 * results report the names.
 */
export const ErrorCode = {
  none: 0,
  rateLimited: 1,
  timeout: 2,
  serverError: 3,
  contextWindow: 4,
  contentPolicy: 5,
  unavailable: 6,
  deadline: 7,
  rejected: 8,
  queueFull: 9,
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_NAMES = [
  'none',
  'rate_limited',
  'timeout',
  'server_error',
  'context_window_exceeded',
  'content_policy',
  'unavailable',
  'deadline_exceeded',
  'rejected',
  'queue_full',
] as const;

export type ErrorName = (typeof ERROR_NAMES)[number];

/** What each error means, for tables and tooltips. */
export const ERROR_DESCRIPTIONS: Record<ErrorName, string> = {
  none: 'no error',
  rate_limited: 'HTTP 429 from a provider quota (RPM/TPM) after retries were spent',
  timeout: 'the call exceeded its timeout (HTTP 408) after retries were spent',
  server_error: 'provider 5xx after retries were spent',
  context_window_exceeded: "the prompt did not fit the model's context window (HTTP 400, not retried)",
  content_policy: 'the provider refused the content (HTTP 400, not retried)',
  unavailable: 'the service was unavailable (outage or open breaker with no fallback)',
  deadline_exceeded: 'the request passed its end-to-end deadline',
  rejected: 'a gateway limiter rejected the request',
  queue_full: 'a queue was full',
};

/** HTTP status that goes with an error code (for traces and retry decisions). */
export function statusOf(code: number): number {
  switch (code) {
    case ErrorCode.rateLimited:
      return 429;
    case ErrorCode.timeout:
      return 408;
    case ErrorCode.serverError:
      return 503;
    case ErrorCode.contextWindow:
    case ErrorCode.contentPolicy:
      return 400;
    case ErrorCode.unavailable:
      return 503;
    case ErrorCode.deadline:
      return 504;
    case ErrorCode.rejected:
    case ErrorCode.queueFull:
      return 429;
    default:
      return 200;
  }
}
