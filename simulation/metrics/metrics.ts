import { ERROR_NAMES } from '../engine/errors';
import type { SimRequest } from '../engine/request';
import { COST_TYPES, CostIndex } from './cost-types';
import { LogHistogram } from './log-histogram';
import { QuantileSeries, SeriesClock, SumSeries } from './series';
import { OutcomeStats } from './outcome-stats';

/** Ledger slices: user traffic, shadow copies, batch lane, blue, green. */
const SLICES = 5;

/**
 * Everything a run measures, in fixed-size structures: histograms, counters and bounded series.
 * Headline figures count only requests that arrived after warm-up (`req.counted`); the series cover the
 * whole run (warm-up included, so a chart can show it) and are bounded by the series clock.
 */
export class Metrics {
  /** End-to-end latency of served user requests: settled (`settle`) by merging the per-class histograms. */
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
  /**
   * The cost ledger of measured requests, by who pays: one cell per (source, class, slice), where
   * the slice is 0 plain user traffic, 1 shadow copy, 2 batch lane, 3 blue, 4 green. A charge adds
   * to one cell (the request carries its cell index); totals by source, class and slice are sums of
   * cells, read after the run (`settle`).
   */
  private readonly ledgerUsd: Float64Array;
  private readonly ledgerInputTokens: Float64Array;
  private readonly ledgerOutputTokens: Float64Array;
  /** Settled from the ledger by `settle`. */
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
  /** Settled from the ledger by `settle`. */
  totalCostUsd = 0;
  inputTokens = 0;
  cachedInputTokens = 0;
  outputTokens = 0;
  truncatedAnswers = 0;

  readonly clock = new SeriesClock();
  readonly seriesArrivals = this.clock.register(new SumSeries(this.clock));
  /** Served and escalated user requests per bucket: settled (`settle`) from the latency series and the escalations. */
  readonly seriesServed = this.clock.register(new SumSeries(this.clock));
  private readonly seriesEscalated = this.clock.register(new SumSeries(this.clock));
  readonly seriesErrors = this.clock.register(new SumSeries(this.clock));
  /** Settled by `settle`: the sum of the per-node cost series. */
  readonly seriesCostUsd = this.clock.register(new SumSeries(this.clock));
  readonly seriesRetries = this.clock.register(new SumSeries(this.clock));
  readonly seriesCacheHits = this.clock.register(new SumSeries(this.clock));
  readonly seriesLatency = this.clock.register(new QuantileSeries(this.clock));
  readonly seriesFallbacks = this.clock.register(new SumSeries(this.clock));
  /** Served answers that were correct, per bucket (quality over time). */
  readonly seriesCorrect = this.clock.register(new SumSeries(this.clock));
  /** Usage cost per node per bucket (which model the money went to, over time). */
  readonly seriesNodeCost: SumSeries[];
  /** Measured requests, cost and tokens by the source they entered through (chargeback per team); all but the requests settled from the ledger. */
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
    this.ledgerUsd = new Float64Array(nodeCount * classCount * SLICES);
    this.ledgerInputTokens = new Float64Array(this.ledgerUsd.length);
    this.ledgerOutputTokens = new Float64Array(this.ledgerUsd.length);
    this.answerPaths = Array.from({ length: nodeCount }, () => new OutcomeStats());
    this.seriesNodeCost = Array.from({ length: nodeCount }, () => this.clock.register(new SumSeries(this.clock)));
    this.sourceRequests = new Float64Array(nodeCount);
    this.sourceCostUsd = new Float64Array(nodeCount);
    this.sourceInputTokens = new Float64Array(nodeCount);
    this.sourceOutputTokens = new Float64Array(nodeCount);
  }

  arrival(req: SimRequest): void {
    this.seriesArrivals.add(req.arrivalMs, 1);
    req.ledger = this.ledgerCell(req);
    if (!req.counted) return;
    this.sourceRequests[req.sourceIndex]!++;
    if (!req.realtime) {
      this.batch.measured++;
      return;
    }
    this.measured++;
    this.classArrivals[req.classIndex]!++;
  }

  /** `req` is a new shadow copy (it pays and uses quota; only shadow metrics count it). */
  shadowCreated(req: SimRequest): void {
    req.ledger = this.ledgerCell(req);
    if (req.counted) this.shadow.measured++;
  }

  /**
   * A blue/green split gave `req` a colour (it had `previousColour`, 0 for none). A shadow copy keeps
   * counting as a shadow; a request recoloured by a second split moves to its new colour.
   */
  coloured(req: SimRequest, previousColour: number): void {
    req.ledger = this.ledgerCell(req);
    if (!req.counted || req.shadow) return;
    if (previousColour > 0) this.colours[previousColour]!.measured--;
    this.colours[req.colour]!.measured++;
  }

  private ledgerCell(req: SimRequest): number {
    const slice = req.shadow ? 1 : !req.realtime ? 2 : req.colour > 0 ? 2 + req.colour : 0;
    return (req.sourceIndex * this.classCount + req.classIndex) * SLICES + slice;
  }

  /** Adds a cost the request incurred at `node` (counted requests only; the series gets all). */
  charge(req: SimRequest, node: number, costType: number, usd: number, units: number, atMs: number): void {
    req.costUsd += usd;
    if (usd !== 0) this.seriesNodeCost[node]!.add(atMs, usd);
    if (!req.counted) return;
    const k = node * COST_TYPES.length + costType;
    this.costUsd[k]! += usd;
    this.tokens[k]! += units;
    const cell = req.ledger;
    this.ledgerUsd[cell]! += usd;
    if (costType === CostIndex.output) this.ledgerOutputTokens[cell]! += units;
    else if (costType !== CostIndex.request) this.ledgerInputTokens[cell]! += units;
  }

  /**
   * Computes the figures kept in parts afresh: the cost totals from the ledger cells (total, by source,
   * class and slice) and the cost series from the per-node ones; the end-to-end histogram from the
   * per-class ones; the served series from the latency series and the escalations. Call before reading
   * them (results do; it may run again mid-run). Recording each once per request instead of twice is
   * a measurable share of a run.
   */
  settle(): void {
    this.e2eLatency.clear();
    for (const h of this.classLatency) this.e2eLatency.merge(h);
    this.seriesServed.values.set(this.seriesEscalated.values);
    this.seriesLatency.addCountsTo(this.seriesServed.values);
    this.totalCostUsd = 0;
    for (const a of [this.sourceCostUsd, this.sourceInputTokens, this.sourceOutputTokens, this.classCostUsd, this.seriesCostUsd.values]) a.fill(0);
    for (const slice of [this.shadow, this.batch, ...this.colours]) slice.costUsd = 0;
    const classes = this.classCount;
    for (let cell = 0; cell < this.ledgerUsd.length; cell++) {
      const usd = this.ledgerUsd[cell]!;
      const source = Math.floor(cell / (classes * SLICES));
      const cls = Math.floor(cell / SLICES) % classes;
      const slice = cell % SLICES;
      this.totalCostUsd += usd;
      this.sourceCostUsd[source]! += usd;
      this.sourceInputTokens[source]! += this.ledgerInputTokens[cell]!;
      this.sourceOutputTokens[source]! += this.ledgerOutputTokens[cell]!;
      if (slice === 1) this.shadow.costUsd += usd;
      else if (slice === 2) this.batch.costUsd += usd;
      else {
        this.classCostUsd[cls]! += usd;
        if (slice > 2) this.colours[slice - 2]!.costUsd += usd;
      }
    }
    const total = this.seriesCostUsd.values;
    for (const series of this.seriesNodeCost) for (let i = 0; i < total.length; i++) total[i]! += series.values[i]!;
  }

  recordServed(req: SimRequest, nowMs: number): void {
    const latency = nowMs - req.arrivalMs;
    if (req.shadow || !req.realtime) {
      if (req.counted) (req.shadow ? this.shadow : this.batch).recordServed(latency, req.answerCorrect);
      return;
    }
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
    this.seriesEscalated.add(nowMs, 1);
    if (!req.counted) return;
    this.escalated++;
    if (req.colour > 0) this.colours[req.colour]!.escalated++;
  }
}
