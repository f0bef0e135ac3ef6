import type { QuantileSummary } from '../metrics/log-histogram';
import type { NodeReport } from '../engine/engine-api';
import type { OfferedLoad } from '../analysis/load-estimate';
import type { ErrorName } from '../engine/errors';
import type { OutcomeSummary } from '../metrics/outcome-stats';
import type { CostResults, SourceCost, NodeCost, ModelCost, FixedCostLine } from './cost-types';
import type { QuotaResult, QuotaLimits, UtilisationFigure, QuotaSeries, MeasuredLoad } from './quota-types';
import type { TraceResult, TraceSpan } from './trace-types';
import type { ReliabilityResults, BreakerResult, QualityResults, PathResult } from './reliability-types';

export type { CostResults, SourceCost, NodeCost, ModelCost, FixedCostLine, QuotaResult, QuotaLimits, UtilisationFigure, QuotaSeries, MeasuredLoad, TraceResult, TraceSpan, ReliabilityResults, BreakerResult, QualityResults, PathResult };

/**
 * The results of one run: plain JSON, the same for the CLI's `--json`, the app and reports.
 * Field names are stable and documented here. Times are ms, money USD, shares 0..1.
 */
export interface RunResults {
  /** Version of this results format; bumped only when a field changes meaning or goes. */
  schemaVersion: 1;
  /** The pipeline document's `pipeline` metadata. */
  pipeline: {
    /** The pipeline's name from the document. */
    name: string;
  };
  /** What was simulated: seed, horizon, warm-up, request counts, events. */
  run: RunInfo;
  /** The figures of the Results cards and the SLO checks. */
  headline: Headline;
  /** Latency of the measured, served requests (ms). */
  latency: {
    /** Arrival to the last byte of the answer, served requests. */
    endToEnd: QuantileSummary;
    /** Arrival to the first token (to the whole answer when it does not stream), served requests. */
    ttft: QuantileSummary;
    /** [lowMs, highMs, count] bins of the end-to-end latency of served requests. */
    histogram: Array<[number, number, number]>;
    /** Per query class; `stream`: its answers stream (TTFT is what users wait for). */
    byClass: ClassLatency[];
  };
  /** How the measured requests ended. */
  outcomes: Outcomes;
  /** Usage and fixed cost: per query, per month, by node, model, token type and traffic source. */
  cost: CostResults;
  /** Per node, in document order: requests, attempts, latency inside the node, cost, and the kind's own report. */
  nodes: NodeResult[];
  /** Per cache node: lookups, hits, expiries, evictions. */
  caches: CacheResult[];
  /** Per shared quota: limits, utilisation by dimension, queue waits, 429s, monthly capacity. */
  quotas: QuotaResult[];
  /** Per-bucket time series over the arrival window (charts). */
  series: SeriesResults;
  /** Whether the run describes a steady state: the pre-run offered-load estimate, measured concurrency load, and warnings. */
  stability: {
    /** Before the run: each quota's offered load ρ from the traffic and the nodes' mean demand. */
    offered: OfferedLoad[];
    /** After the run: measured concurrency load, and whether the wait queue kept growing. */
    measured: MeasuredLoad[];
    /** Overload and non-steady-state warnings, in words. */
    warnings: string[];
  };
  /** The SLO targets checked against this run, and the error budget of the availability target. */
  slo: {
    /** Each target of the document's SLOs (the guide's targets where it sets none), pass or fail. */
    checks: SloCheck[];
    /** The error budget of the availability target: how much of it this run spent. */
    errorBudget: ErrorBudget;
  };
  /** Fallbacks, circuit breakers and fault windows. */
  reliability: ReliabilityResults;
  /** Answer quality (faithfulness), escalation, and the answer paths. */
  quality: QualityResults;
  /** Blue/green side by side, shadow copies and the batch lane; each is null when the pipeline has none. */
  slices: {
    /** Blue and green sides of a traffic split; null without one. */
    colours: {
      /** The blue side of the split (production). */
      blue: OutcomeSummary;
      /** The green side (the canary). */
      green: OutcomeSummary;
    } | null;
    /** Shadow copies (their cost counts, their answers are discarded); null without shadowing. */
    shadow: OutcomeSummary | null;
    /** Requests of non-realtime sources (the batch lane); null without one. */
    batch: OutcomeSummary | null;
  };
  /** 12 months of cost at the traffic's monthly growth. */
  projection: ProjectionMonth[];
  /** Sampled request traces: a random sample, the slowest served and failures, capped in number. */
  traces: TraceResult[];
  /** How the figures were obtained: sample sizes, warm-up, horizon treatment. */
  notes: string[];
}

export interface RunInfo {
  /** The run seed: with the same file it reproduces these results byte for byte. */
  seed: number;
  /** Simulated time at the start whose arrivals load the system but are not measured. */
  warmupMs: number;
  /** What bounded the run: a simulated duration of arrivals, or a number of measured requests. */
  horizon: 'duration' | 'requests';
  /** Measured arrival window (after the warm-up) for a duration horizon; for a request horizon, the time the measured requests took to arrive. */
  durationMs: number;
  /** Measured requests asked for (request horizon), or null. */
  requestsLimit: number | null;
  /** Whether requests in flight when arrivals stopped were run to completion and counted. */
  drain: boolean;
  /** Time the last arrival could happen (warm-up + duration, or when the request limit was reached). */
  arrivalsEndMs: number;
  /** Simulated time when the run ended (after draining). */
  endMs: number;
  /** Every request that arrived, warm-up included. */
  requestsArrived: number;
  /** Requests that arrived after the warm-up: the population of every measured figure. */
  requestsMeasured: number;
  /** Measured requests still in flight at the end (drain off, or drain cut off after 1 h + horizon). */
  requestsUnfinished: number;
  /** True when draining was stopped 1 h after the last arrival with requests still in flight (the pipeline cannot keep up). */
  drainCutOff: boolean;
  /** Discrete events processed (arrivals, call completions, timers): the run's work. */
  events: number;
  /** Mean arrival rate of the measured window, requests/s (simulated). */
  measuredRps: number;
}

export interface Headline {
  /** Latency figures are null when no request was served: there is no latency to report (not 0 ms). */
  p50Ms: number | null;
  /** End-to-end latency of served requests, 95th percentile (ms). */
  p95Ms: number | null;
  /** End-to-end latency of served requests, 99th percentile (ms). */
  p99Ms: number | null;
  /** Time to first token, median (ms): arrival to the first streamed token, or to the whole answer when it does not stream. */
  ttftP50Ms: number | null;
  /** Time to first token, 95th percentile (ms). */
  ttftP95Ms: number | null;
  /** failed ÷ (served + failed + escalated), measured requests (= outcomes.errorRate). */
  errorRate: number;
  /** (served + escalated) ÷ finished measured requests (= outcomes.availability). */
  availability: number;
  /** Usage cost per measured query plus the fixed monthly costs spread over the month's queries (= cost.perQueryUsd). */
  costPerQueryUsd: number;
  /** Usage cost of a 30-day month at the traffic's mean daily rate plus the fixed monthly costs (= cost.monthlyUsd). */
  monthlyCostUsd: number;
  /** Requests answered from a cache ÷ measured requests; null when the pipeline has no cache. */
  cacheHitRate: number | null;
  /** Highest 1-minute utilisation of any limit of any quota (RPM, TPM, ITPM, OTPM, concurrency); null without quotas. */
  peakQuotaUtilisation: number | null;
  /** (served + escalated) measured requests ÷ the measured arrival window, per second. */
  throughputRps: number;
}

export interface Outcomes {
  /** Requests that arrived after the warm-up. */
  measured: number;
  /** Measured requests answered (by the pipeline, a cache or a static answer). */
  served: number;
  /** Measured requests that ended as errors (Error terminal, unwired error port, deadline). */
  failed: number;
  /** Measured requests handed to a human (Escalation terminal). */
  escalated: number;
  /** Measured requests still in flight when the run ended (drain off, or the drain cut off); left out of the rates. */
  unfinished: number;
  /** Served requests answered by an exact or semantic cache. */
  servedFromCache: number;
  /** failed ÷ (served + failed + escalated). */
  errorRate: number;
  /** served-or-escalated ÷ finished (request-based availability). */
  availability: number;
  /** Minutes of the measured window with error rate > 50 % (the guide's "system down"). */
  downtimeMinutes: number;
  /** Whole minutes of the measured window (the denominator of downtime). */
  measuredMinutes: number;
  /** Failed measured requests by error type (rate_limited, timeout, server_error, …); only types that occurred. */
  errorsByType: Partial<Record<ErrorName, number>>;
  /** Retry attempts at call nodes by measured requests (first attempts not counted). */
  retries: number;
  /** Retries ÷ first attempts, over all call nodes. */
  retryRate: number;
  /** Answers cut short by max_tokens (finish reason "length"), summed over LLM nodes. */
  truncatedAnswers: number;
}

export interface NodeResult {
  /** The node's id in the document. */
  id: string;
  /** The node kind (see docs/node-kinds.md). */
  kind: string;
  /** The node's display name (its id when it has none). */
  name: string;
  /** Measured requests that entered the node (a retry by a router counts again). */
  entered: number;
  /** Calls that succeeded (call nodes and the batch lane). */
  ok: number;
  /** Calls that failed for good after their retries (call nodes and the batch lane). */
  failed: number;
  /** Attempts sent, retries included (call nodes). */
  attempts: number;
  /** Retry attempts (call nodes; for a router, requests it sent again). */
  retries: number;
  /** Attempts refused with a 429 by the node's quota. */
  rateLimited: number;
  /** Time measured requests spent in the node, from entering to leaving by any port (ms). */
  latency: QuantileSummary;
  /** Usage cost incurred at this node by measured requests. */
  costUsd: number;
  /** costUsd ÷ the usage cost of all nodes. */
  costShare: number;
  /** The kind's own figures (e.g. a cache's hits, a breaker's state, an LLM's truncated answers): names vary by kind. */
  report: NodeReport;
}

export interface CacheResult {
  /** The cache node's id. */
  nodeId: string;
  /** How hits are decided: the node's mode (e.g. simulated Zipf/LRU or a fixed hit probability). */
  mode: string;
  /** Lookups made by measured requests. */
  lookups: number;
  /** Lookups answered from the cache. */
  hits: number;
  /** hits ÷ lookups. */
  hitRate: number;
  /** Entries found but too old (TTL). */
  expired: number;
  /** Entries pushed out by capacity (LRU). */
  evictions: number;
}

/**
 * Per-bucket series over the arrival window [0, arrivalsEndMs): `points` buckets of `bucketMs`. Requests
 * that finish after the last arrival (the drain) count in the totals, not in the series.
 */
export interface SeriesResults {
  /** Width of one bucket (ms): 1 minute, doubled as often as needed to keep the series bounded in length. */
  bucketMs: number;
  /** Number of buckets; bucket i covers [i × bucketMs, (i + 1) × bucketMs) of simulated time. */
  points: number;
  /** Where the warm-up ends (buckets before it hold warm-up traffic). */
  warmupEndMs: number;
  /** Where arrivals stopped. */
  arrivalsEndMs: number;
  /** Requests that arrived in each bucket (warm-up included). */
  arrivals: number[];
  /** Requests answered in each bucket (by finish time). */
  served: number[];
  /** Requests that failed in each bucket (by finish time). */
  errors: number[];
  /** errors ÷ (served + errors) per bucket; null for a bucket where nothing finished. */
  errorRate: Array<number | null>;
  /** Usage cost incurred in each bucket. */
  costUsd: number[];
  /** Retry attempts scheduled in each bucket. */
  retries: number[];
  /** Cache hits in each bucket. */
  cacheHits: number[];
  /** Median end-to-end latency of the requests served in each bucket; null where none was. */
  latencyP50Ms: Array<number | null>;
  /** 95th percentile, as latencyP50Ms. */
  latencyP95Ms: Array<number | null>;
  /** 99th percentile, as latencyP50Ms. */
  latencyP99Ms: Array<number | null>;
  /** Per quota id: utilisation of its busiest limit, busy slots, waiting calls and 429s per bucket. */
  quotas: Record<string, QuotaSeries>;
  /** Served requests that took a fallback step, per bucket. */
  fallbacks: number[];
  /** Requests a breaker sent to its open path per bucket (all breakers). */
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

export interface SloCheck {
  /** The headline figure checked. */
  metric: 'p50Ms' | 'p95Ms' | 'p99Ms' | 'ttftMs' | 'errorRate' | 'availability' | 'cacheHitRate' | 'rateLimitUtilisation' | 'faithfulness' | 'escalationRate' | 'monthlyBudgetUsd';
  /** The target as people read it ("P99 latency < 5 s"). */
  label: string;
  /** The target, in the metric's unit (ms, share 0..1, USD). */
  target: number;
  /** 'max': actual must stay below target; 'min': above. */
  direction: 'max' | 'min';
  /** This run's figure; null when the pipeline does not have it (no cache, no quota) or nothing was served. */
  actual: number | null;
  /** true or false; null when not applicable. A latency target fails when nothing was served. */
  pass: boolean | null;
}

/** One query class of the traffic (its own latency; its share of the cost). */
export interface ClassLatency {
  /** The class name from the traffic. */
  class: string;
  /** Its answers stream (TTFT is what users wait for). */
  stream: boolean;
  /** Measured requests of this class. */
  measured: number;
  /** Of those, served. */
  served: number;
  /** End-to-end latency of its served requests. */
  latency: QuantileSummary;
  /** Usage cost of its measured requests ÷ their number (no fixed costs). */
  costPerQueryUsd: number;
}

/** One month of the 12-month cost projection. */
export interface ProjectionMonth {
  /** 1 = the first month, at today's traffic. */
  month: number;
  /** monthlyQueries × (1 + traffic.monthlyGrowth)^(month − 1). */
  queries: number;
  /** variableMonthlyUsd × (1 + traffic.monthlyGrowth)^(month − 1) + fixed monthly costs (month 1 is cost.monthlyUsd). */
  costUsd: number;
}

