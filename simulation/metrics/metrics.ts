import { ERROR_NAMES } from '../engine/errors';
import type { SimRequest } from '../engine/request';
import { COST_TYPES, CostIndex } from './cost-types';
import { LogHistogram } from './log-histogram';
import { QuantileSeries, SeriesClock, SumSeries } from './series';
import { OutcomeStats } from './outcome-stats';

/**
 * Everything a run measures, in fixed-size structures: histograms, counters and bounded series.
 * Headline figures count only requests that arrived after warm-up (`req.counted`); the series cover the
 * whole run (warm-up included, so a chart can show it) and are bounded by the series clock.
 */
export class Metrics {
  readonly e2eLatency = new LogHistogram();
  readonly ttft = new LogHistogram();
  readonly classLatency: LogHistogram[];
  readonly nodeLatency: LogHistogram[];
  readonly nodeEntered: Float64Array;
  readonly nodeOk: Float64Array;
  readonly nodeFailed: Float64Array;
  readonly nodeRetries: Float64Array;
  readonly nodeAttempts: Float64Array;
  readonly nodeRateLimited: Float64Array;
  /** USD by node × cost type, and tokens (or units) by node × cost type. */
  readonly costUsd: Float64Array;
  readonly tokens: Float64Array;
  readonly errorsByCode = new Float64Array(ERROR_NAMES.length);
  readonly errorsByNode: Float64Array;
  readonly classArrivals: Float64Array;
  readonly classServed: Float64Array;
  readonly classCostUsd: Float64Array;
  /** Blue (1) and green (2) traffic of a canary/blue-green split; [0] unused. */
  readonly colours = [new OutcomeStats(), new OutcomeStats(), new OutcomeStats()];
  /** Shadow copies: pay and use quota, measured apart from users. */
  readonly shadow = new OutcomeStats();
  /** Batch-lane (not real-time) requests. */
  readonly batch = new OutcomeStats();
  /** Served answers by the node that produced them (LLM, cache, static answer). */
  readonly answerPaths: OutcomeStats[];
  /** Served requests by number of fallback steps taken (0, 1, 2, 3+). */
  readonly fallbackDepth = new Float64Array(4);
  correctAnswers = 0;
  servedAfterDeadline = 0;
  measured = 0;
  served = 0;
  failed = 0;
  escalated = 0;
  servedFromCache = 0;
  totalCostUsd = 0;
  inputTokens = 0;
  cachedInputTokens = 0;
  outputTokens = 0;
  truncatedAnswers = 0;

  readonly clock = new SeriesClock();
  readonly seriesArrivals = this.clock.register(new SumSeries(this.clock));
  readonly seriesServed = this.clock.register(new SumSeries(this.clock));
  readonly seriesErrors = this.clock.register(new SumSeries(this.clock));
  readonly seriesCostUsd = this.clock.register(new SumSeries(this.clock));
  readonly seriesRetries = this.clock.register(new SumSeries(this.clock));
  readonly seriesCacheHits = this.clock.register(new SumSeries(this.clock));
  readonly seriesLatency = this.clock.register(new QuantileSeries(this.clock));
  readonly seriesFallbacks = this.clock.register(new SumSeries(this.clock));
  /** Served answers that were correct, per bucket (quality over time). */
  readonly seriesCorrect = this.clock.register(new SumSeries(this.clock));
  /** Usage cost per node per bucket (which model the money went to, over time). */
  readonly seriesNodeCost: SumSeries[];
  /** Measured requests, cost and tokens by the source they entered through (chargeback per team). */
  readonly sourceRequests: Float64Array;
  readonly sourceCostUsd: Float64Array;
  readonly sourceInputTokens: Float64Array;
  readonly sourceOutputTokens: Float64Array;
  readonly seriesShortCircuited = this.clock.register(new SumSeries(this.clock));

  constructor(
    readonly nodeCount: number,
    readonly classCount: number,
  ) {
    this.classLatency = Array.from({ length: classCount }, () => new LogHistogram());
    this.nodeLatency = Array.from({ length: nodeCount }, () => new LogHistogram());
    this.nodeEntered = new Float64Array(nodeCount);
    this.nodeOk = new Float64Array(nodeCount);
    this.nodeFailed = new Float64Array(nodeCount);
    this.nodeRetries = new Float64Array(nodeCount);
    this.nodeAttempts = new Float64Array(nodeCount);
    this.nodeRateLimited = new Float64Array(nodeCount);
    this.costUsd = new Float64Array(nodeCount * COST_TYPES.length);
    this.tokens = new Float64Array(nodeCount * COST_TYPES.length);
    this.errorsByNode = new Float64Array(nodeCount);
    this.classArrivals = new Float64Array(classCount);
    this.classServed = new Float64Array(classCount);
    this.classCostUsd = new Float64Array(classCount);
    this.answerPaths = Array.from({ length: nodeCount }, () => new OutcomeStats());
    this.seriesNodeCost = Array.from({ length: nodeCount }, () => this.clock.register(new SumSeries(this.clock)));
    this.sourceRequests = new Float64Array(nodeCount);
    this.sourceCostUsd = new Float64Array(nodeCount);
    this.sourceInputTokens = new Float64Array(nodeCount);
    this.sourceOutputTokens = new Float64Array(nodeCount);
  }

  arrival(req: SimRequest): void {
    this.seriesArrivals.add(req.arrivalMs, 1);
    if (!req.counted) return;
    this.sourceRequests[req.sourceIndex]!++;
    if (!req.realtime) {
      this.batch.measured++;
      return;
    }
    this.measured++;
    this.classArrivals[req.classIndex]!++;
  }

  /** A request was given a colour (blue/green split) or became a shadow copy. */
  tagged(req: SimRequest): void {
    if (!req.counted) return;
    if (req.shadow) this.shadow.measured++;
    else if (req.colour > 0) this.colours[req.colour]!.measured++;
  }

  /** Adds a cost the request incurred at `node` (counted requests only; the series gets all). */
  charge(req: SimRequest, node: number, costType: number, usd: number, units: number, atMs: number): void {
    req.costUsd += usd;
    this.seriesCostUsd.add(atMs, usd);
    this.seriesNodeCost[node]!.add(atMs, usd);
    if (!req.counted) return;
    this.sourceCostUsd[req.sourceIndex]! += usd;
    if (costType === CostIndex.output) this.sourceOutputTokens[req.sourceIndex]! += units;
    else if (costType !== CostIndex.request) this.sourceInputTokens[req.sourceIndex]! += units;
    const k = node * COST_TYPES.length + costType;
    this.costUsd[k]! += usd;
    this.tokens[k]! += units;
    this.totalCostUsd += usd;
    if (req.shadow) this.shadow.costUsd += usd;
    else if (!req.realtime) this.batch.costUsd += usd;
    else {
      this.classCostUsd[req.classIndex]! += usd;
      if (req.colour > 0) this.colours[req.colour]!.costUsd += usd;
    }
  }

  recordServed(req: SimRequest, nowMs: number): void {
    const latency = nowMs - req.arrivalMs;
    if (req.shadow || !req.realtime) {
      if (req.counted) (req.shadow ? this.shadow : this.batch).recordServed(latency, req.answerCorrect);
      return;
    }
    this.seriesServed.add(nowMs, 1);
    this.seriesLatency.record(nowMs, latency);
    if (req.fallbackDepth > 0) this.seriesFallbacks.add(nowMs, 1);
    if (req.answerCorrect) this.seriesCorrect.add(nowMs, 1);
    if (!req.counted) return;
    this.served++;
    if (req.servedFromCache) this.servedFromCache++;
    if (req.answerCorrect) this.correctAnswers++;
    this.fallbackDepth[Math.min(3, req.fallbackDepth)]!++;
    if (req.colour > 0) this.colours[req.colour]!.recordServed(latency, req.answerCorrect);
    if (req.answeredBy >= 0) {
      const path = this.answerPaths[req.answeredBy]!;
      path.measured++;
      path.costUsd += req.costUsd;
      path.recordServed(latency, req.answerCorrect);
    }
    this.e2eLatency.record(latency);
    this.classLatency[req.classIndex]!.record(latency);
    this.classServed[req.classIndex]!++;
    this.ttft.record(req.firstTokenMs >= 0 ? req.firstTokenMs - req.arrivalMs : latency);
    this.inputTokens += req.inputTokens;
    this.cachedInputTokens += req.cachedInputTokens;
    this.outputTokens += req.outputTokens;
  }

  recordFailed(req: SimRequest, node: number, nowMs: number): void {
    if (req.shadow || !req.realtime) {
      if (req.counted) (req.shadow ? this.shadow : this.batch).failed++;
      return;
    }
    this.seriesErrors.add(nowMs, 1);
    if (!req.counted) return;
    this.failed++;
    if (req.colour > 0) this.colours[req.colour]!.failed++;
    this.errorsByCode[req.errorCode]!++;
    this.errorsByNode[node]!++;
    this.inputTokens += req.inputTokens;
    this.cachedInputTokens += req.cachedInputTokens;
    this.outputTokens += req.outputTokens;
  }

  recordEscalated(req: SimRequest, nowMs: number): void {
    if (req.shadow || !req.realtime) {
      if (req.counted) (req.shadow ? this.shadow : this.batch).escalated++;
      return;
    }
    this.seriesServed.add(nowMs, 1);
    if (!req.counted) return;
    this.escalated++;
    if (req.colour > 0) this.colours[req.colour]!.escalated++;
  }
}
