import type { ModelEntry } from '../../catalog/schema';
import { ErrorCode } from '../../engine/errors';
import type { SimRequest } from '../../engine/request';
import type { CompiledClass } from '../../engine/traffic';
import { CostIndex } from '../../metrics/cost-types';
import { compileDistribution, type Sampler } from '../../random/distributions';
import type { RandomStream } from '../../random/streams';
import { CallNodeRuntime } from '../call-node';
import type { BuildContext } from '../kind';
import type { LlmParamsOut } from './llm-params';

/**
 * An LLM call (SEMANTICS §3–§4):
 *   input  = system prompt + query + retrieved chunks × chunk tokens + history
 *   output = min(drawn answer length, max_tokens); cut answers finish with reason "length"
 *   time   = TTFT (+ prefill per 1K input tokens) + output tokens × time per output token
 * Every attempt pays: a success its input and output, a 5xx or timeout its input (and a timeout the
 * tokens generated before it) when billFailedAttempts is on; 429s are not billed.
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
  truncated = 0;

  constructor(ctx: BuildContext<LlmParamsOut>) {
    super(ctx);
    this.model = ctx.catalog.get(ctx.params.model)!;
    this.classes = ctx.traffic.classes;
    this.outputOverride = ctx.params.outputTokens ? compileDistribution(ctx.params.outputTokens) : null;
    this.history = compileDistribution(ctx.params.historyTokens);
    this.ttft = compileDistribution(ctx.params.ttftMs);
    this.tpot = compileDistribution(ctx.params.timePerOutputTokenMs);
    this.rngTtft = ctx.stream('ttft');
    this.rngTpot = ctx.stream('time-per-output-token');
    this.rngOutput = ctx.stream('output-tokens');
    this.rngHistory = ctx.stream('history-tokens');
  }

  /** Effective max_tokens for a request of class `c`. */
  protected maxTokensFor(classIndex: number): number {
    const c = this.classes[classIndex]!;
    return Math.min(this.params.maxTokens, c.maxTokens, this.model.maxOutputTokens ?? Infinity);
  }

  protected override prepare(req: SimRequest): number {
    const p = this.params;
    const context = p.includeRetrievedContext ? req.chunks * req.chunkTokens : 0;
    const history = Math.max(0, Math.round(this.history.sample(this.rngHistory)));
    req.callInputTokens = p.systemPromptTokens + req.queryTokens + context + history;
    if (req.callInputTokens + this.maxTokensFor(req.classIndex) > this.model.contextWindowTokens) return ErrorCode.contextWindow;
    return ErrorCode.none;
  }

  protected plan(req: SimRequest, willFail: boolean): number {
    req.callCachedInputTokens = 0;
    const ttft = this.ttft.sample(this.rngTtft) + (this.params.ttftMsPer1kInputTokens * req.callInputTokens) / 1000;
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

  protected override admissionTokens(req: SimRequest): [number, number, number] {
    return [req.callInputTokens, req.callCachedInputTokens, this.maxTokensFor(req.classIndex)];
  }

  protected bill(req: SimRequest, outcome: 'ok' | 'failed' | 'timeout', elapsedMs: number): void {
    const m = this.model;
    if (outcome !== 'ok' && !this.params.billFailedAttempts) return;
    const uncached = req.callInputTokens - req.callCachedInputTokens;
    this.charge(req, CostIndex.input, uncached * m.inputUsdPerToken, uncached);
    if (req.callCachedInputTokens > 0) {
      this.charge(req, CostIndex.cachedInput, req.callCachedInputTokens * (m.cachedInputUsdPerToken ?? m.inputUsdPerToken), req.callCachedInputTokens);
    }
    req.inputTokens += req.callInputTokens;
    req.cachedInputTokens += req.callCachedInputTokens;
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
    if (this.classes[req.classIndex]!.stream) req.firstTokenMs = req.callStartMs + req.callTtftMs;
    else req.firstTokenMs = -1;
    if (req.callTruncated && req.counted) this.truncated++;
  }

  override report() {
    return { truncatedAnswers: this.truncated };
  }
}
