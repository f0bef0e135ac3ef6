import { z } from 'zod';
import type { ModelEntry } from '../../catalog/schema';
import type { EngineApi, NodeReport, NodeRuntime } from '../../engine/engine-api';
import { ErrorCode } from '../../engine/errors';
import { AnswerKind, type SimRequest } from '../../engine/request';
import type { CompiledClass } from '../../engine/traffic';
import { CostIndex } from '../../metrics/cost-types';
import type { Metrics } from '../../metrics/metrics';
import { distribution, DistributionSchema } from '../../model/distribution-schema';
import { compileDistribution, type Sampler } from '../../random/distributions';
import type { RandomStream } from '../../random/streams';
import { formatDurationMs } from '../../units/duration';
import { defineNodeKind, type BuildContext } from '../kind';
import { checkModel } from '../model-check';

export const BatchParams = z
  .object({
    model: z.string().default('gpt-5.4-mini').meta({ title: 'Model', description: 'Chat model; billed at its batch price (the catalog batch discount, 50 % for most providers).', catalogMode: 'chat' }),
    systemPromptTokens: z.number().int().min(0).default(500).meta({ unit: 'tokens', title: 'System prompt' }),
    outputTokens: DistributionSchema.nullable().default(null).meta({ unit: 'tokens', title: 'Output tokens', description: "null uses the query class's output tokens.", distribution: true }),
    maxTokens: z.number().int().min(1).default(1024).meta({ unit: 'tokens', title: 'max_tokens' }),
    batchSize: z.number().int().min(1).default(1000).meta({ title: 'Batch size', description: 'Requests per submitted batch.' }),
    maxBatchWaitMs: z.number().positive().default(600_000).meta({ unit: 'ms', title: 'Max batching wait', description: 'A partial batch is submitted after this long.' }),
    completionMs: distribution({ type: 'lognormal', median: 1_200_000, p99: 21_600_000 }, 'ms', 'How long the provider takes to finish a batch.'),
    completionWindowMs: z.number().positive().default(86_400_000).meta({ unit: 'ms', title: 'Completion window', description: 'Batches not finished within it expire; their requests fail (24 h for OpenAI and Anthropic).' }),
    maxEnqueuedTokens: z.number().int().positive().nullable().default(null).meta({ unit: 'tokens', title: 'Batch queue limit', description: "The provider's limit on tokens waiting in batches (a separate quota from real-time TPM); requests over it are rejected. null for none." }),
    quality: z.number().min(0).max(1).default(0.9).meta({ unit: 'share', title: 'Answer quality' }),
  })
  .strict();
type Params = z.output<typeof BatchParams>;

const EV_FLUSH = 100;
const EV_BATCH_DONE = 101;

interface Batch {
  requests: SimRequest[];
  tokens: number;
}

/**
 * Batch lane (SEMANTICS §4): requests are collected into batches, submitted to the provider's batch
 * API at its discount, and come back when the batch completes (within the completion window) — hours
 * of latency for half the price, on a separate queue limit.
 */
class BatchRuntime implements NodeRuntime {
  private readonly engine: EngineApi;
  private readonly metrics: Metrics;
  private readonly index: number;
  private readonly params: Params;
  private readonly model: ModelEntry;
  private readonly discount: number;
  private readonly classes: CompiledClass[];
  private readonly outputOverride: Sampler | null;
  private readonly completion: Sampler;
  private readonly rngOutput: RandomStream;
  private readonly rngCompletion: RandomStream;
  private readonly rngQuality: RandomStream;
  private readonly okPort: number;
  private readonly errorPort: number;
  private current: SimRequest[] = [];
  private flushToken = 0;
  private readonly inFlight = new Map<number, Batch>();
  private nextBatch = 1;
  private enqueuedTokens = 0;
  batches = 0;
  expired = 0;
  rejected = 0;

  constructor(ctx: BuildContext<Params>) {
    const p = ctx.params;
    this.engine = ctx.engine;
    this.metrics = ctx.metrics;
    this.index = ctx.index;
    this.params = p;
    this.model = ctx.catalog.get(p.model)!;
    this.discount = this.model.batchDiscount ?? 1;
    this.classes = ctx.traffic.classes;
    this.outputOverride = p.outputTokens ? compileDistribution(p.outputTokens) : null;
    this.completion = compileDistribution(p.completionMs);
    this.rngOutput = ctx.stream('output-tokens');
    this.rngCompletion = ctx.stream('completion');
    this.rngQuality = ctx.stream('quality');
    this.okPort = ctx.port('ok');
    this.errorPort = ctx.port('error');
  }

  enter(req: SimRequest): void {
    const p = this.params;
    const cls = this.classes[req.classIndex]!;
    const wanted = Math.max(1, Math.round((this.outputOverride ?? cls.outputTokens).sample(this.rngOutput)));
    req.callInputTokens = p.systemPromptTokens + req.queryTokens + req.chunks * req.chunkTokens;
    req.callOutputTokens = Math.min(wanted, p.maxTokens, cls.maxTokens);
    const tokens = req.callInputTokens + p.maxTokens;
    if (p.maxEnqueuedTokens !== null && this.enqueuedTokens + tokens > p.maxEnqueuedTokens) {
      if (req.counted) this.rejected++;
      req.errorCode = ErrorCode.queueFull;
      this.engine.emit(req, this.index, this.errorPort);
      return;
    }
    this.enqueuedTokens += tokens;
    this.current.push(req);
    if (this.current.length === 1) this.engine.schedule(this.engine.now + p.maxBatchWaitMs, this.index, EV_FLUSH, req, ++this.flushToken);
    if (this.current.length >= p.batchSize) this.submit();
  }

  onEvent(type: number, _req: SimRequest, aux: number): void {
    if (type === EV_FLUSH) {
      if (aux === this.flushToken && this.current.length > 0) this.submit();
      return;
    }
    const batch = this.inFlight.get(aux);
    if (!batch) return;
    this.inFlight.delete(aux);
    this.enqueuedTokens -= batch.tokens;
    const expired = this.engine.now - this.submittedAt(aux) >= this.params.completionWindowMs;
    if (expired) this.expired++;
    for (const req of batch.requests) {
      if (expired) this.fail(req);
      else this.answer(req);
    }
  }

  report(): NodeReport {
    return { batches: this.batches, expiredBatches: this.expired, rejected: this.rejected, batchDiscount: this.discount };
  }

  private readonly submitTimes = new Map<number, number>();

  private submittedAt(id: number): number {
    const t = this.submitTimes.get(id) ?? 0;
    this.submitTimes.delete(id);
    return t;
  }

  private submit(): void {
    const requests = this.current;
    this.current = [];
    this.flushToken++;
    const id = this.nextBatch++;
    const tokens = requests.reduce((s, r) => s + r.callInputTokens + this.params.maxTokens, 0);
    this.inFlight.set(id, { requests, tokens });
    this.submitTimes.set(id, this.engine.now);
    this.batches++;
    const duration = Math.min(this.completion.sample(this.rngCompletion), this.params.completionWindowMs);
    this.engine.schedule(this.engine.now + duration, this.index, EV_BATCH_DONE, requests[0]!, id);
  }

  private answer(req: SimRequest): void {
    const m = this.model;
    const d = this.discount;
    this.metrics.charge(req, this.index, CostIndex.input, req.callInputTokens * m.inputUsdPerToken * d, req.callInputTokens, this.engine.now);
    this.metrics.charge(req, this.index, CostIndex.output, req.callOutputTokens * m.outputUsdPerToken * d, req.callOutputTokens, this.engine.now);
    req.inputTokens += req.callInputTokens;
    req.outputTokens += req.callOutputTokens;
    req.answeredBy = this.index;
    req.answerKind = AnswerKind.model;
    req.answerCorrect = this.rngQuality.uniform() < this.params.quality;
    if (req.counted) this.metrics.nodeOk[this.index]!++;
    this.engine.emit(req, this.index, this.okPort);
  }

  private fail(req: SimRequest): void {
    req.errorCode = ErrorCode.timeout;
    req.errorNode = this.index;
    if (req.counted) this.metrics.nodeFailed[this.index]!++;
    this.engine.emit(req, this.index, this.errorPort);
  }
}

export const batchKind = defineNodeKind({
  kind: 'batch',
  title: 'Batch LLM',
  group: 'models',
  description: 'The provider batch API for work that is not real-time (reports, bulk processing): requests wait for a batch, pay the batch price (usually half) and come back within the completion window.',
  params: BatchParams,
  outputs: [
    { name: 'ok', description: 'Answered when the batch completed.', required: true },
    { name: 'error', description: 'Rejected by the batch queue limit or expired.', required: false, isError: true },
  ],
  acceptsInput: true,
  callNode: false,
  summarize: (p, catalog) => [`${p.model} batch ×${catalog.get(p.model)?.batchDiscount ?? 1}`, `${p.batchSize} per batch, window ${formatDurationMs(p.completionWindowMs)}`],
  validate: ({ params, catalog, path, nodeId }) => {
    const problems = checkModel(catalog, params.model, 'chat', `${path}.params.model`, nodeId);
    const entry = catalog.get(params.model);
    if (entry && entry.batchDiscount === null) {
      problems.push({ severity: 'warning', path: `${path}.params.model`, nodeId, message: `the catalog lists no batch API for ${params.model}: it is billed at the full price` });
    }
    return problems;
  },
  load: () => ({ meanServiceMs: 0, meanTokensPerCall: 0, portShares: { ok: 1, error: 0 }, quotaId: null }),
  maxHoldMs: (p) => p.maxBatchWaitMs + p.completionWindowMs,
  create: (ctx) => new BatchRuntime(ctx),
});
