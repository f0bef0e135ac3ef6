import type { FaultWindowResult } from '../engine/faults';

/** Fallbacks, breakers, faults and answer quality in the results (RunResults.reliability, .quality): stable `--json` fields. */

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
