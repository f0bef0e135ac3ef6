import type { QuantileSummary } from '../metrics/log-histogram';
import type { NodeReport } from '../engine/engine-api';
import type { OfferedLoad } from '../analysis/load-estimate';
import type { CostType } from '../metrics/cost-types';
import type { ErrorName } from '../engine/errors';
import type { FaultWindowResult } from '../engine/faults';
import type { OutcomeSummary } from '../metrics/outcome-stats';

/**
 * The results of one run: plain JSON, the same for the CLI's `--json`, the app and reports.
 * Field names are stable and documented here. Times are ms, money USD, shares 0..1.
 */
export interface RunResults {
  schemaVersion: 1;
  pipeline: { name: string };
  run: RunInfo;
  headline: Headline;
  latency: {
    endToEnd: QuantileSummary;
    ttft: QuantileSummary;
    /** [lowMs, highMs, count] bins of the end-to-end latency of served requests. */
    histogram: Array<[number, number, number]>;
    /** Per query class; `stream`: its answers stream (TTFT is what users wait for). */
    byClass: Array<{ class: string; stream: boolean; measured: number; served: number; latency: QuantileSummary; costPerQueryUsd: number }>;
  };
  outcomes: Outcomes;
  cost: CostResults;
  nodes: NodeResult[];
  caches: CacheResult[];
  quotas: QuotaResult[];
  series: SeriesResults;
  stability: { offered: OfferedLoad[]; measured: MeasuredLoad[]; warnings: string[] };
  slo: { checks: SloCheck[]; errorBudget: ErrorBudget };
  reliability: ReliabilityResults;
  quality: QualityResults;
  /** Blue/green side by side, shadow copies and the batch lane; null when the pipeline has none. */
  slices: { colours: { blue: OutcomeSummary; green: OutcomeSummary } | null; shadow: OutcomeSummary | null; batch: OutcomeSummary | null };
  /** 12 months of cost at the traffic's monthly growth. */
  projection: Array<{ month: number; queries: number; costUsd: number }>;
  traces: TraceResult[];
  /** How the figures were obtained: sample sizes, warm-up, horizon treatment. */
  notes: string[];
}

export interface RunInfo {
  seed: number;
  warmupMs: number;
  horizon: 'duration' | 'requests';
  durationMs: number;
  requestsLimit: number | null;
  drain: boolean;
  /** Time the last arrival could happen (warm-up + duration, or when the request limit was reached). */
  arrivalsEndMs: number;
  /** Simulated time when the run ended (after draining). */
  endMs: number;
  requestsArrived: number;
  requestsMeasured: number;
  /** Measured requests still in flight at the end (drain off, or drain cut off after 1 h + horizon). */
  requestsUnfinished: number;
  drainCutOff: boolean;
  events: number;
  /** Mean arrival rate of the measured window, requests/s (simulated). */
  measuredRps: number;
}

export interface Headline {
  /** Latency figures are null when no request was served: there is no latency to report (not 0 ms). */
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  ttftP50Ms: number | null;
  ttftP95Ms: number | null;
  errorRate: number;
  availability: number;
  costPerQueryUsd: number;
  monthlyCostUsd: number;
  cacheHitRate: number | null;
  peakQuotaUtilisation: number | null;
  throughputRps: number;
}

export interface Outcomes {
  measured: number;
  served: number;
  failed: number;
  escalated: number;
  unfinished: number;
  servedFromCache: number;
  /** failed ÷ (served + failed + escalated). */
  errorRate: number;
  /** served-or-escalated ÷ finished (request-based availability). */
  availability: number;
  /** Minutes of the measured window with error rate > 50 % (the guide's "system down"). */
  downtimeMinutes: number;
  measuredMinutes: number;
  errorsByType: Partial<Record<ErrorName, number>>;
  retries: number;
  /** Retries ÷ first attempts, over all call nodes. */
  retryRate: number;
  truncatedAnswers: number;
}

export interface CostResults {
  /** Usage cost of the measured requests. */
  variableUsd: number;
  variablePerQueryUsd: number;
  fixedMonthlyUsd: number;
  fixedPerQueryUsd: number;
  /** variable + fixed share per query. */
  perQueryUsd: number;
  /**
   * Cost per served query: what the pipeline spends for each answer users received (perQueryUsd ÷ the
   * share of user requests served; failed requests paid for their attempts too). Null when none was
   * served. Equals perQueryUsd when nothing fails; a failing pipeline looks cheap per query, not per answer.
   */
  perServedQueryUsd: number | null;
  /** Queries in a 30-day month at the traffic's mean daily rate. */
  monthlyQueries: number;
  variableMonthlyUsd: number;
  monthlyUsd: number;
  dailyUsd: number;
  byType: Record<CostType, number>;
  byNode: Array<{ nodeId: string; usd: number; share: number; byType: Record<CostType, number>; units: Record<CostType, number> }>;
  byModel: Array<{ model: string; provider: string; usd: number; share: number; inputTokens: number; cachedInputTokens: number; outputTokens: number }>;
  fixed: Array<{ name: string; monthlyUsd: number; category: string }>;
  tokensPerQuery: { input: number; cachedInput: number; output: number };
  /** Measured requests, cost and tokens by traffic source (team or key): the basis of chargeback. */
  bySource: Array<{ sourceId: string; label: string; realtime: boolean; requests: number; costUsd: number; inputTokens: number; outputTokens: number }>;
  /** The formulas behind the figures, in words. */
  formulas: Record<string, string>;
}

export interface NodeResult {
  id: string;
  kind: string;
  name: string;
  entered: number;
  ok: number;
  failed: number;
  attempts: number;
  retries: number;
  rateLimited: number;
  latency: QuantileSummary;
  costUsd: number;
  costShare: number;
  report: NodeReport;
}

export interface CacheResult {
  nodeId: string;
  mode: string;
  lookups: number;
  hits: number;
  hitRate: number;
  expired: number;
  evictions: number;
}

export interface UtilisationFigure {
  /** Mean over measured minutes of (use in the minute ÷ limit). */
  mean: number;
  /** Highest minute. */
  peak: number;
  /** Minutes above 70 % (the guide's scaling trigger) and the longest run of them. */
  minutesOver70: number;
  longestRunOver70: number;
}

export interface QuotaResult {
  id: string;
  name: string;
  admission: string;
  window: string;
  limits: { rpm: number | null; tpm: number | null; itpm: number | null; otpm: number | null; maxParallelRequests: number | null; maxQueueLength: number | null };
  utilisation: {
    rpm: UtilisationFigure | null;
    tpm: UtilisationFigure | null;
    itpm: UtilisationFigure | null;
    otpm: UtilisationFigure | null;
    concurrency: UtilisationFigure | null;
    /** Peak reserved share of the TPM (or OTPM) window: admissions count reservations, not actual use. */
    reservedPeak: number | null;
  };
  peakUtilisation: number;
  headroom: number;
  queueWaitMs: QuantileSummary;
  meanQueueLength: number;
  maxQueueLength: number;
  maxInUse: number;
  rateLimited: number;
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

export interface MeasuredLoad {
  quotaId: string;
  dimension: 'concurrency';
  /** Time-average busy slots ÷ slots over the measured window. */
  utilisation: number;
  /** True when the wait queue was still long at the end of arrivals (ρ ≥ 1 in practice). */
  queueGrowing: boolean;
}

/**
 * Per-bucket series over the arrival window [0, arrivalsEndMs): `points` buckets of `bucketMs`. Requests
 * that finish after the last arrival (the drain) count in the totals, not in the series.
 */
export interface SeriesResults {
  bucketMs: number;
  points: number;
  warmupEndMs: number;
  arrivalsEndMs: number;
  arrivals: number[];
  served: number[];
  errors: number[];
  errorRate: Array<number | null>;
  costUsd: number[];
  retries: number[];
  cacheHits: number[];
  latencyP50Ms: Array<number | null>;
  latencyP95Ms: Array<number | null>;
  latencyP99Ms: Array<number | null>;
  quotas: Record<string, { utilisation: number[]; concurrency: number[]; queueLength: number[]; rateLimited: number[] }>;
  /** Served requests that took a fallback step, per bucket. */
  fallbacks: number[];
  shortCircuited: number[];
  /** 429s over all quotas, per bucket. */
  rateLimited: number[];
  /** Mean requests waiting for a slot over all quotas, per bucket. */
  queueLength: number[];
  /** Per breaker: share of each bucket spent open, and short-circuited requests. */
  breakers: Record<string, Record<string, number[]>>;
  /** Served answers that were correct, per bucket. */
  correct: number[];
  /** Usage cost per bucket of each node that costs money. */
  nodeCostUsd: Record<string, number[]>;
}

/** The error budget implied by the availability target (SRE practice): how much of it this run spent. */
export interface ErrorBudget {
  /** 1 − availability target: the share of requests allowed to fail. */
  allowedFailureShare: number;
  /**
   * Failed requests ÷ allowed failures over the measured window (1 = exactly spent). null when the
   * target allows no failure at all (availability 100 %) and the run had failures: the ratio has no
   * finite value, and JSON has no Infinity. 0 when there were no failures.
   */
  consumed: number | null;
  /** Allowed failures in a 30-day month at the simulated traffic. */
  allowedFailuresPerMonth: number;
  /** Downtime minutes a month the availability target allows (time-based view). */
  allowedDowntimeMinutesPerMonth: number;
}

export interface ReliabilityResults {
  /** Served requests by fallback steps taken. */
  fallbackDepth: { none: number; one: number; two: number; threeOrMore: number };
  /** Share of served requests that took at least one fallback step. */
  fallbackShare: number;
  /** Answers that arrived after the request deadline (counted as deadline_exceeded errors). */
  servedAfterDeadline: number;
  breakers: BreakerResult[];
  faults: FaultWindowResult[];
}

export interface BreakerResult {
  nodeId: string;
  flavour: string;
  protects: string | null;
  timesOpened: number;
  /** Time spent open within the measured window. */
  timeOpenMs: number;
  timeHalfOpenMs: number;
  /** Requests sent straight to the open path instead of calling. */
  shortCircuited: number;
  timedOutCalls: number;
  /** Mean cost of a call that failed at the protected node (retries included). */
  meanDoomedCallUsd: number;
  /** shortCircuited × meanDoomedCallUsd: money not spent on calls that would have failed. */
  moneySavedUsd: number;
  stateAtEnd: string;
}

export interface QualityResults {
  /** Share of served answers that are correct and grounded (the LLMs' quality, cache false hits, static answers). */
  faithfulness: number | null;
  /** Share of finished requests handed to humans (Escalation terminals). */
  escalationRate: number;
  /** Share of answers confidence gates sent to a stronger model or a human (summed over gates). */
  modelEscalationRate: number;
  paths: PathResult[];
}

export interface PathResult {
  nodeId: string;
  kind: string;
  served: number;
  share: number;
  quality: number | null;
  costPerQueryUsd: number;
  p50Ms: number;
  p95Ms: number;
}

export interface SloCheck {
  metric: 'p50Ms' | 'p95Ms' | 'p99Ms' | 'ttftMs' | 'errorRate' | 'availability' | 'cacheHitRate' | 'rateLimitUtilisation' | 'faithfulness' | 'escalationRate' | 'monthlyBudgetUsd';
  label: string;
  target: number;
  /** 'max': actual must stay below target; 'min': above. */
  direction: 'max' | 'min';
  actual: number | null;
  pass: boolean | null;
}

export interface TraceResult {
  requestId: number;
  /**
   * Why it was kept: a random sample, one of the slowest served, or a failure. Each request appears
   * once; a random-sample trace that is also among the slowest stays 'sampled' with amongSlowest.
   */
  reason: 'sampled' | 'slowest' | 'failed';
  /** One of the run's slowest served requests (the tail-sampling list). */
  amongSlowest: boolean;
  class: string;
  arrivalMs: number;
  latencyMs: number;
  ttftMs: number | null;
  outcome: string;
  errorType: string | null;
  costUsd: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  spans: Array<{
    nodeId: string;
    kind: string;
    name: string;
    model: string | null;
    attempt: number;
    startMs: number;
    durationMs: number;
    status: number;
    inputTokens: number;
    cachedInputTokens: number;
    outputTokens: number;
    costUsd: number;
    finishReason: string;
    note: string;
  }>;
}
