import type { QuantileSummary } from '../metrics/log-histogram';

/** The provider-limit part of the results (RunResults.quotas, series and stability): stable `--json` fields. */

export interface QuotaResult {
  /** The quota's id in the document. */
  id: string;
  /** The quota's display name. */
  name: string;
  /** Token accounting: 'openai' (one TPM, reserve input + max_tokens, refund unused) or 'anthropic' (separate input and output TPM). */
  admission: string;
  /** How the per-minute limits are counted (the quota's window setting). */
  window: string;
  /** The limits as configured; null where the quota sets none. */
  limits: QuotaLimits;
  /** Per limit, mean and peak 1-minute use ÷ limit over the measured minutes; null for a limit the quota does not set. */
  utilisation: {
    /** Requests per minute ÷ rpm. */
    rpm: UtilisationFigure | null;
    /** Tokens per minute (input + output) ÷ tpm (OpenAI-style admission). */
    tpm: UtilisationFigure | null;
    /** Input tokens per minute ÷ itpm (Anthropic-style admission). */
    itpm: UtilisationFigure | null;
    /** Output tokens per minute ÷ otpm (Anthropic-style admission). */
    otpm: UtilisationFigure | null;
    /** Time-average busy slots in the minute ÷ maxParallelRequests. */
    concurrency: UtilisationFigure | null;
    /** Peak reserved share of the TPM (or OTPM) window: admissions count reservations, not actual use. */
    reservedPeak: number | null;
  };
  /** The highest peak among the quota's limits. */
  peakUtilisation: number;
  /** 1 − peakUtilisation: how much of the busiest limit the busiest minute left unused. */
  headroom: number;
  /** Time calls waited for a concurrency slot (0 for those that did not wait). */
  queueWaitMs: QuantileSummary;
  /** Time-average number of calls waiting for a slot over the measured minutes. */
  meanQueueLength: number;
  /** Most calls waiting at once. */
  maxQueueLength: number;
  /** Most slots busy at once. */
  maxInUse: number;
  /** 429s given to measured requests' attempts (retried ones counted each time). */
  rateLimited: number;
  /** Calls refused because the wait queue was at maxQueueLength. */
  queueFullRejections: number;
  /** Simulated time of the first 429 (any request, warm-up included), or null. */
  first429Ms: number | null;
  /** Share of calls that had to wait for a concurrency slot. */
  waitedShare: number;
  /** Mean tokens per measured minute. */
  meanTokensPerMinute: number;
  /** Tokens this quota consumed per pipeline query (measured window). */
  tokensPerQuery: number;
  /** The guide's capacity model: TPM × 43,200 × 0.7 (null without a TPM-type limit). */
  monthlyTokenCapacity: number | null;
  /** monthlyTokenCapacity ÷ tokensPerQuery: queries per month the limit carries at 70 % utilisation. */
  monthlyQueryCapacity: number | null;
}

/** A quota's limits as configured; null where it sets none. */
export interface QuotaLimits {
  /** Requests per minute. */
  rpm: number | null;
  /** Tokens per minute, input + output (OpenAI-style). */
  tpm: number | null;
  /** Input tokens per minute (Anthropic-style). */
  itpm: number | null;
  /** Output tokens per minute (Anthropic-style). */
  otpm: number | null;
  /** Concurrent calls (slots). */
  maxParallelRequests: number | null;
  /** Calls allowed to wait for a slot; more are refused. */
  maxQueueLength: number | null;
}

export interface UtilisationFigure {
  /** Mean over measured minutes of (use in the minute ÷ limit). */
  mean: number;
  /** Highest minute. */
  peak: number;
  /** Minutes above 70 % (the guide's scaling trigger) and the longest run of them. */
  minutesOver70: number;
  /** Longest run of consecutive measured minutes above 70 %. */
  longestRunOver70: number;
}

/** A quota over time, per series bucket. */
export interface QuotaSeries {
  /** Utilisation of the busiest limit in each minute, averaged over the bucket. */
  utilisation: number[];
  /** Mean busy slots. */
  concurrency: number[];
  /** Mean calls waiting for a slot. */
  queueLength: number[];
  /** 429s. */
  rateLimited: number[];
}

export interface MeasuredLoad {
  /** The quota's id. */
  quotaId: string;
  /** The limit measured: concurrency slots. */
  dimension: 'concurrency';
  /** Time-average busy slots ÷ slots over the measured window. */
  utilisation: number;
  /** True when the wait queue was still long at the end of arrivals (ρ ≥ 1 in practice). */
  queueGrowing: boolean;
}
