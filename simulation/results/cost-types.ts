import type { CostType } from '../metrics/cost-types';

/** The cost part of the results (RunResults.cost): stable `--json` fields, documented in docs/results.md. */

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
  /** variablePerQueryUsd × monthlyQueries for one traffic source; with several, the sum of bySource[].monthlyUsageUsd (each source at its own cost per query and its own month). */
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
  /** Chat and embedding tokens per real-time measured query, all attempts included (the batch lane's are in its slice; a reranker's are in byNode). */
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
  /**
   * 'measured': monthlyUsageUsd is its own cost per query × its monthly queries. It sent nothing in the
   * window (a note says so): 'lane mean', the mean of the measured sources of its lane (real-time or
   * batch) stands in; 'pipeline mean', of all measured requests, when its lane sent nothing either.
   */
  pricedAt: 'measured' | 'lane mean' | 'pipeline mean';
  /** Its usage cost in a month: the cost per query pricedAt says × monthlyQueries. These add up to cost.variableMonthlyUsd. */
  monthlyUsageUsd: number;
}
