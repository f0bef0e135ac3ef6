import type { ModelEntry } from '../../catalog/schema';
import type { EngineApi } from '../../engine/engine-api';
import { ErrorCode } from '../../engine/errors';
import type { ActiveFault } from '../../engine/faults';
import { AnswerKind, type SimRequest } from '../../engine/request';
import type { CompiledClass } from '../../engine/traffic';
import { CostIndex } from '../../metrics/cost-types';
import { compileDistribution, type Sampler } from '../../random/distributions';
import type { RandomStream } from '../../random/streams';
import { CallNodeRuntime } from '../call-node';
import type { BuildContext } from '../kind';
import type { LlmParamsOut } from './llm-params';
import { PromptCache } from './prompt-cache';

/**
 * An LLM call (SEMANTICS §3–§4, §8–§9):
 *   input  = system prompt + query + retrieved chunks × chunk tokens + history (× prompt growth)
 *   output = min(drawn answer length, max_tokens); cut answers finish with reason "length"
 *   time   = TTFT + prefill per 1K uncached input tokens + output tokens × time per output token
 * Every attempt pays: a success its input and output, a 5xx or timeout its input (and a timeout the
 * tokens generated before it) when billFailedAttempts is on; 429s are not billed. With the prompt
 * cache on, the shared prefix is billed at the cached price while warm. Each answer is correct with
 * the node's quality for the query class.
 */
export class LlmRuntime extends CallNodeRuntime<LlmParamsOut> {
  protected readonly model: ModelEntry;
  private readonly classes: CompiledClass[];
  private readonly outputOverride: Sampler | null;
  private readonly history: Sampler;
  private readonly ttft: Sampler;
  private readonly tpot: Sampler;
  private readonly rngTtft: RandomStream;
  private readonly rngTpot: RandomStream;
  private readonly rngOutput: RandomStream;
  private readonly rngHistory: RandomStream;
  private readonly rngQuality: RandomStream;
  private readonly rngRefusal: RandomStream;
  private readonly qualityByClass: Float64Array;
  /** Effective max_tokens per query class: the node's, the class's and the model's limit. */
  private readonly maxTokensByClass: Float64Array;
  private readonly promptCache: PromptCache;
  private contextWindowPort = -1;
  private contentPolicyPort = -1;
  truncated = 0;
  refused = 0;

  constructor(ctx: BuildContext<LlmParamsOut>) {
    super(ctx);
    const p = ctx.params;
    this.model = ctx.catalog.get(p.model)!;
    this.classes = ctx.traffic.classes;
    this.outputOverride = p.outputTokens ? compileDistribution(p.outputTokens) : null;
    this.history = compileDistribution(p.historyTokens);
    this.ttft = compileDistribution(p.ttftMs);
    this.tpot = compileDistribution(p.timePerOutputTokenMs);
    this.rngTtft = ctx.stream('ttft');
    this.rngTpot = ctx.stream('time-per-output-token');
    this.rngOutput = ctx.stream('output-tokens');
    this.rngHistory = ctx.stream('history-tokens');
    this.rngQuality = ctx.stream('quality');
    this.rngRefusal = ctx.stream('content-policy');
    this.maxTokensByClass = Float64Array.from(this.classes, (c) => Math.min(p.maxTokens, c.maxTokens, this.model.maxOutputTokens ?? Infinity));
    this.qualityByClass = Float64Array.from(this.classes, (c) => p.qualityByClass[c.name] ?? p.quality);
    this.promptCache = new PromptCache(p.promptCache.enabled, p.promptCache.prefixTokens ?? p.systemPromptTokens, p.promptCache.ttlMs, this.model);
    this.contextWindowPort = ctx.port('context_window');
    this.contentPolicyPort = ctx.port('content_policy');
  }

  attach(engine: EngineApi): void {
    // Unwired special error ports fall back to the generic error port.
    if (engine.targetOf(this.index, 'context_window') < 0) this.contextWindowPort = this.errorPort;
    if (engine.targetOf(this.index, 'content_policy') < 0) this.contentPolicyPort = this.errorPort;
  }

  /** Effective max_tokens for a request of class `c`. */
  protected maxTokensFor(classIndex: number): number {
    return this.maxTokensByClass[classIndex]!;
  }

  /** System prompt + query + context + the mean history: the messages a router would count before calling. */
  override estimateInputTokens(req: SimRequest): number {
    const p = this.params;
    const context = p.includeRetrievedContext ? req.chunks * req.chunkTokens : 0;
    return p.systemPromptTokens + req.queryTokens + context + Math.max(0, Math.round(this.history.mean));
  }

  protected override prepare(req: SimRequest, fault: ActiveFault | null): number {
    const p = this.params;
    const context = p.includeRetrievedContext ? req.chunks * req.chunkTokens : 0;
    const history = Math.max(0, Math.round(this.history.sample(this.rngHistory)));
    const tokens = p.systemPromptTokens + req.queryTokens + context + history;
    req.callInputTokens = fault !== null ? Math.round(tokens * fault.tokenMultiplier) : tokens;
    if (req.callInputTokens + this.maxTokensFor(req.classIndex) > this.model.contextWindowTokens) return ErrorCode.contextWindow;
    return ErrorCode.none;
  }

  protected plan(req: SimRequest, willFail: boolean): number {
    const cache = this.promptCache.use(this.engine.now, req.counted && !req.shadow);
    req.callCachedInputTokens = Math.min(cache.cached, req.callInputTokens);
    req.callCacheWriteTokens = Math.min(cache.written, req.callInputTokens);
    const uncached = req.callInputTokens - req.callCachedInputTokens;
    const ttft = this.ttft.sample(this.rngTtft) + (this.params.ttftMsPer1kInputTokens * uncached) / 1000;
    req.callTtftMs = ttft;
    if (willFail) {
      // A failing call answers with its error after about the time a first token would take.
      req.callOutputTokens = 0;
      req.callTruncated = false;
      return ttft;
    }
    const sampler = this.outputOverride ?? this.classes[req.classIndex]!.outputTokens;
    const wanted = Math.max(1, Math.round(sampler.sample(this.rngOutput)));
    const cap = this.maxTokensFor(req.classIndex);
    req.callTruncated = wanted > cap;
    req.callOutputTokens = req.callTruncated ? cap : wanted;
    req.callTpotMs = this.tpot.sample(this.rngTpot);
    return ttft + req.callOutputTokens * req.callTpotMs;
  }

  protected override admissionReserve(req: SimRequest): number {
    return this.maxTokensFor(req.classIndex);
  }

  protected override refusal(req: SimRequest): number {
    if (!this.rngRefusal.chance(this.params.contentPolicyRefusalProbability)) return 0;
    if (req.counted && !req.shadow) this.refused++;
    return ErrorCode.contentPolicy;
  }

  protected override errorPortFor(code: number): number {
    if (code === ErrorCode.contextWindow) return this.contextWindowPort;
    if (code === ErrorCode.contentPolicy) return this.contentPolicyPort;
    return this.errorPort;
  }

  protected bill(req: SimRequest, outcome: 'ok' | 'failed' | 'timeout', elapsedMs: number): void {
    const m = this.model;
    if (outcome !== 'ok' && !this.params.billFailedAttempts) return;
    const cached = req.callCachedInputTokens;
    const written = req.callCacheWriteTokens;
    const plain = req.callInputTokens - cached - written;
    this.charge(req, CostIndex.input, plain * m.inputUsdPerToken, plain);
    if (cached > 0) this.charge(req, CostIndex.cachedInput, cached * (m.cachedInputUsdPerToken ?? m.inputUsdPerToken), cached);
    if (written > 0) {
      if (m.cacheWriteUsdPerToken !== null) this.charge(req, CostIndex.cacheWrite, written * m.cacheWriteUsdPerToken, written);
      else this.charge(req, CostIndex.input, written * m.inputUsdPerToken, written);
    }
    req.inputTokens += req.callInputTokens;
    req.cachedInputTokens += cached;
    let output = 0;
    if (outcome === 'ok') output = req.callOutputTokens;
    else if (outcome === 'timeout' && !req.callWillFail && elapsedMs > req.callTtftMs) {
      output = Math.min(req.callOutputTokens, Math.floor((elapsedMs - req.callTtftMs) / req.callTpotMs));
    }
    if (output > 0) {
      this.charge(req, CostIndex.output, output * m.outputUsdPerToken, output);
      req.outputTokens += output;
    }
  }

  protected succeed(req: SimRequest): void {
    req.answeredBy = this.index;
    req.answerKind = AnswerKind.model;
    req.answerCorrect = this.rngQuality.uniform() < this.qualityByClass[req.classIndex]!;
    if (this.classes[req.classIndex]!.stream) req.firstTokenMs = req.callStartMs + req.callTtftMs;
    else req.firstTokenMs = -1;
    if (req.callTruncated && req.counted && !req.shadow) this.truncated++;
  }

  override report() {
    const pc = this.promptCache;
    return {
      ...super.report(),
      truncatedAnswers: this.truncated,
      contentPolicyRefusals: this.refused,
      promptCacheTokens: pc.cacheableTokens,
      promptCacheHitRate: pc.lookups > 0 ? pc.hits / pc.lookups : null,
    };
  }
}
