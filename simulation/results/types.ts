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

export interface CostResults {
  /** Usage cost of the measured requests. */
  variableUsd: number;
  /** variableUsd ÷ measured requests. */
  variablePerQueryUsd: number;
  /** Sum of the document's fixed monthly costs (infrastructure, vector database, people…). */
  fixedMonthlyUsd: number;
  /** fixedMonthlyUsd ÷ monthlyQueries. */
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
  /** variablePerQueryUsd × monthlyQueries. */
  variableMonthlyUsd: number;
  /** variableMonthlyUsd + fixedMonthlyUsd: a 30-day month at the traffic's mean daily rate. */
  monthlyUsd: number;
  /** monthlyUsd ÷ 30. */
  dailyUsd: number;
  /** Usage cost of the measured requests by token type (input, cachedInput, cacheWrite, output) and per-request fees. */
  byType: Record<CostType, number>;
  /** Usage cost by node that costs money, with its share of the total and the units (tokens, requests) behind each type. */
  byNode: NodeCost[];
  /** Usage cost and tokens by catalog model (summed over the nodes that use it). */
  byModel: ModelCost[];
  /** The fixed monthly costs as listed in the document. */
  fixed: FixedCostLine[];
  /** Chat and embedding tokens per measured query, all attempts included (rerank requests are not tokens). */
  tokensPerQuery: {
    /** Input tokens per measured query, cached ones included. */
    input: number;
    /** Of those, billed at the cached-input price. */
    cachedInput: number;
    /** Output tokens per measured query. */
    output: number;
  };
  /** Measured requests, cost and tokens by traffic source (team or key): the basis of chargeback. */
  bySource: SourceCost[];
  /** The formulas behind the figures, in words. */
  formulas: Record<string, string>;
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

export interface ReliabilityResults {
  /** Served requests by fallback steps taken. */
  fallbackDepth: {
    /** Served without a fallback step. */
    none: number;
    /** After one fallback step. */
    one: number;
    /** After two. */
    two: number;
    /** After three or more. */
    threeOrMore: number;
  };
  /** Share of served requests that took at least one fallback step. */
  fallbackShare: number;
  /** Answers that arrived after the request deadline (counted as deadline_exceeded errors). */
  servedAfterDeadline: number;
  /** Per circuit breaker node. */
  breakers: BreakerResult[];
  /** The document's fault windows as run. */
  faults: FaultWindowResult[];
}

export interface BreakerResult {
  /** The breaker node's id. */
  nodeId: string;
  /** Whose semantics it follows: 'opossum', 'resilience4j' or 'litellm'. */
  flavour: string;
  /** The call node whose outcomes open and close it, or null. */
  protects: string | null;
  /** Transitions to open during the measured window. */
  timesOpened: number;
  /** Time spent open within the measured window. */
  timeOpenMs: number;
  /** Time spent half-open (trial calls) within the measured window. */
  timeHalfOpenMs: number;
  /** Requests sent straight to the open path instead of calling. */
  shortCircuited: number;
  /** Calls the breaker itself timed out (its timeout, not the call node's). */
  timedOutCalls: number;
  /** Mean cost of a call that failed at the protected node (retries included). */
  meanDoomedCallUsd: number;
  /** shortCircuited × meanDoomedCallUsd: money not spent on calls that would have failed. */
  moneySavedUsd: number;
  /** The breaker's state when the run ended (closed, open or half-open). */
  stateAtEnd: string;
}

export interface QualityResults {
  /** Share of served answers that are correct and grounded (the LLMs' quality, cache false hits, static answers). */
  faithfulness: number | null;
  /** Share of finished requests handed to humans (Escalation terminals). */
  escalationRate: number;
  /** Share of answers confidence gates sent to a stronger model or a human (summed over gates). */
  modelEscalationRate: number;
  /** Per node that answers users (LLMs, caches, static answers): how many answers, their quality, cost and latency. */
  paths: PathResult[];
}

export interface PathResult {
  /** The answering node's id. */
  nodeId: string;
  /** Its kind. */
  kind: string;
  /** Measured answers it gave. */
  served: number;
  /** served ÷ all served measured requests. */
  share: number;
  /** Share of its answers that were correct and grounded; null when it gave none. */
  quality: number | null;
  /** Usage cost of the requests it answered ÷ their number (everything they cost on the way). */
  costPerQueryUsd: number;
  /** Median end-to-end latency of those requests. */
  p50Ms: number;
  /** 95th percentile end-to-end latency of those requests. */
  p95Ms: number;
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

export interface TraceResult {
  /** The request's number in arrival order. */
  requestId: number;
  /**
   * Why it was kept: a random sample, one of the slowest served, or a failure. Each request appears
   * once; a random-sample trace that is also among the slowest stays 'sampled' with amongSlowest.
   */
  reason: 'sampled' | 'slowest' | 'failed';
  /** One of the run's slowest served requests (the tail-sampling list). */
  amongSlowest: boolean;
  /** Its query class. */
  class: string;
  /** Simulated arrival time. */
  arrivalMs: number;
  /** Arrival to answer or error. */
  latencyMs: number;
  /** Arrival to the first token; null when no token came. */
  ttftMs: number | null;
  /** 'served', 'error' or 'escalated'. */
  outcome: string;
  /** The error type when it failed (rate_limited, timeout, …), else null. */
  errorType: string | null;
  /** Usage cost of the request, every attempt included. */
  costUsd: number;
  /** Input tokens over all attempts, cached ones included. */
  inputTokens: number;
  /** Of those, billed at the cached-input price. */
  cachedInputTokens: number;
  /** Output tokens over all attempts. */
  outputTokens: number;
  /** One span per node visit and call attempt, in time order (the waterfall). */
  spans: TraceSpan[];
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
  /** queries × usage cost per query + fixed monthly costs. */
  costUsd: number;
}

/** The usage cost of one node. */
export interface NodeCost {
  /** The node's id. */
  nodeId: string;
  /** Usage cost at this node (measured requests). */
  usd: number;
  /** usd ÷ the usage cost of all nodes. */
  share: number;
  /** usd by token type and per-request fees. */
  byType: Record<CostType, number>;
  /** What was billed under each type: tokens for the token types, requests (or searches) for `request`. */
  units: Record<CostType, number>;
}

/** The usage cost and tokens of one catalog model, over every node that uses it. */
export interface ModelCost {
  /** Catalog id (see `preflight models`). */
  model: string;
  /** The model's provider in the catalog. */
  provider: string;
  /** Usage cost of its calls (measured requests). */
  usd: number;
  /** usd ÷ the usage cost of all nodes. */
  share: number;
  /** Input tokens billed, cached ones included. */
  inputTokens: number;
  /** Of those, billed at the cached-input price. */
  cachedInputTokens: number;
  /** Output tokens billed. */
  outputTokens: number;
}

/** A fixed monthly cost from the document. */
export interface FixedCostLine {
  /** The cost's name in the document. */
  name: string;
  /** USD per month. */
  monthlyUsd: number;
  /** vector-db, compute, storage, observability or other. */
  category: string;
}

/** What one traffic source (team, key or tenant) sent and cost: a chargeback line. */
export interface SourceCost {
  /** The source node's id. */
  sourceId: string;
  /** Its label (the team or key), or its id. */
  label: string;
  /** false for a batch (non-realtime) source. */
  realtime: boolean;
  /** Measured requests it sent. */
  requests: number;
  /** Usage cost of those requests. */
  costUsd: number;
  /** Input tokens its requests used (cached ones included). */
  inputTokens: number;
  /** Output tokens its requests used. */
  outputTokens: number;
  /** Its queries in a 30-day month at its own typical rate (its curve's mean, or its share of the pipeline traffic's). */
  monthlyQueries: number;
  /** costUsd ÷ requests; null when it sent no measured request (its hours are outside the run's window). */
  costPerQueryUsd: number | null;
  /** 'measured': monthlyUsageUsd is its own cost per query × its monthly queries; 'pipeline mean': it sent nothing in the window, so the mean of the measured requests stands in (a note says so). */
  pricedAt: 'measured' | 'pipeline mean';
  /** Its usage cost in a month: the cost per query pricedAt says × monthlyQueries. These add up to cost.variableMonthlyUsd. */
  monthlyUsageUsd: number;
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

/** One node visit or call attempt of a traced request. */
export interface TraceSpan {
  /** The node's id. */
  nodeId: string;
  /** The node's kind. */
  kind: string;
  /** The node's display name. */
  name: string;
  /** Catalog model of a call node, else null. */
  model: string | null;
  /** 0 for the first attempt, 1 for the first retry, … */
  attempt: number;
  /** Simulated start time (ms). */
  startMs: number;
  /** Span length (ms). */
  durationMs: number;
  /** HTTP-like status: 200, 429, 408 (timeout or abandoned), 5xx. */
  status: number;
  /** Input tokens of this attempt (cached ones included). */
  inputTokens: number;
  /** Of those, billed at the cached-input price. */
  cachedInputTokens: number;
  /** Output tokens of this attempt. */
  outputTokens: number;
  /** Usage cost of this attempt. */
  costUsd: number;
  /** Why the span ended: stop, length (max_tokens), error, timeout, abandoned, … */
  finishReason: string;
  /** What happened, in words (cache hit, routed to…, retry after…). */
  note: string;
}
