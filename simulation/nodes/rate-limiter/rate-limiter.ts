import { z } from 'zod';
import type { EngineApi, NodeReport, NodeRuntime } from '../../engine/engine-api';
import { ErrorCode } from '../../engine/errors';
import type { SimRequest } from '../../engine/request';
import { RingQueue } from '../../engine/ring-queue';
import { LogHistogram } from '../../metrics/log-histogram';
import { defineNodeKind, type BuildContext } from '../kind';

const limit = (title: string, description: string) => z.number().int().positive().nullable().default(null).meta({ title, description });

export const RateLimiterParams = z
  .object({
    scope: z.enum(['global', 'per-team']).default('per-team').meta({ title: 'Scope', description: 'global: one set of limits for everyone; per-team: each source label (team or virtual key) has its own.' }),
    rpmLimit: limit('rpm_limit', 'Requests per minute.'),
    tpmLimit: limit('tpm_limit', 'Tokens per minute, counted when requests finish (as LiteLLM does).'),
    maxParallelRequests: limit('max_parallel_requests', 'Requests in flight through this limiter.'),
    whenFull: z.enum(['queue', 'reject']).default('queue').meta({ title: 'When full', description: 'queue: wait for room (up to the limits below); reject: fail at once with 429.' }),
    maxQueueLength: z.number().int().min(0).default(100).meta({ title: 'Max queue length', description: 'Requests waiting beyond this are rejected.' }),
    maxWaitMs: z.number().positive().default(30_000).meta({ unit: 'ms', title: 'Max wait', description: 'A request waiting longer is rejected.' }),
    priorityOrder: z.boolean().default(true).meta({ title: 'Priority order', description: "Serve the waiting requests by their class priority (0 first), FIFO within a priority; off = FIFO." }),
  })
  .strict()
  .refine((p) => p.rpmLimit !== null || p.tpmLimit !== null || p.maxParallelRequests !== null, { message: 'set at least one of rpmLimit, tpmLimit, maxParallelRequests' });
type Params = z.output<typeof RateLimiterParams>;

const EV_WAIT_EXPIRED = 100;
const EV_WAKE = 101;
const PRIORITIES = 10;

class KeyState {
  minute = -1;
  requests = 0;
  tokens = 0;
  inFlight = 0;
  waiting = 0;
  wakeScheduled = -1;
  readonly queues = Array.from({ length: PRIORITIES }, () => new RingQueue<SimRequest>());
}

/**
 * A gateway-side limiter (LiteLLM's per-key/team rpm_limit, tpm_limit, max_parallel_requests): requests
 * pass while their key is under its limits; otherwise they wait in a bounded priority queue (and are
 * rejected after the max wait) or are rejected at once.
 */
class RateLimiterRuntime implements NodeRuntime {
  private readonly engine: EngineApi;
  private readonly index: number;
  private readonly params: Params;
  private readonly passPort: number;
  private readonly rejectedPort: number;
  private readonly keyOfSource: Int32Array;
  private readonly keys: KeyState[];
  private readonly keyNames: string[];
  /** Requests waiting: id → key index (expired ones are dropped lazily from the queues). */
  private readonly waiting = new Map<number, number>();
  readonly waitMs = new LogHistogram();
  passed = 0;
  rejected = 0;
  queued = 0;
  maxQueue = 0;

  constructor(ctx: BuildContext<Params>, sourceLabels: string[]) {
    this.engine = ctx.engine;
    this.index = ctx.index;
    this.params = ctx.params;
    this.passPort = ctx.port('pass');
    this.rejectedPort = ctx.port('rejected');
    this.keyNames = ctx.params.scope === 'global' ? ['all'] : [...new Set(sourceLabels.map((l) => l || '(no label)'))];
    this.keyOfSource = Int32Array.from(sourceLabels, (l) => (ctx.params.scope === 'global' ? 0 : this.keyNames.indexOf(l || '(no label)')));
    this.keys = this.keyNames.map(() => new KeyState());
  }

  enter(req: SimRequest): void {
    const k = Math.max(0, this.keyOfSource[req.sourceIndex] ?? 0);
    const key = this.keys[k]!;
    if (this.hasRoom(key) && key.waiting === 0) return this.pass(req, key);
    if (this.params.whenFull === 'reject') return this.reject(req, ErrorCode.rejected);
    if (key.waiting >= this.params.maxQueueLength) return this.reject(req, ErrorCode.queueFull);
    const priority = this.params.priorityOrder ? Math.min(PRIORITIES - 1, this.classPriorities[req.classIndex] ?? 0) : 0;
    key.queues[priority]!.push(req, this.engine.now);
    key.waiting++;
    if (req.counted && !req.shadow) this.queued++;
    if (key.waiting > this.maxQueue) this.maxQueue = key.waiting;
    this.waiting.set(req.id, k);
    this.engine.schedule(this.engine.now + this.params.maxWaitMs, this.index, EV_WAIT_EXPIRED, req, req.id);
    this.scheduleWake(k, key);
  }

  onEvent(type: number, req: SimRequest, aux: number): void {
    if (type === EV_WAIT_EXPIRED) {
      const k = this.waiting.get(aux);
      if (k === undefined) return;
      this.waiting.delete(aux);
      this.keys[k]!.waiting--;
      this.reject(req, ErrorCode.rejected);
      return;
    }
    if (type === EV_WAKE) {
      const key = this.keys[aux]!;
      key.wakeScheduled = -1;
      this.drain(aux, key);
    }
  }

  onRequestFinished(req: SimRequest): void {
    const k = Math.max(0, this.keyOfSource[req.sourceIndex] ?? 0);
    const key = this.keys[k]!;
    this.roll(key);
    key.inFlight--;
    key.tokens += req.inputTokens + req.outputTokens;
    this.drain(k, key);
  }

  report(): NodeReport {
    return {
      passed: this.passed,
      rejected: this.rejected,
      queued: this.queued,
      maxQueueLength: this.maxQueue,
      waitP95Ms: this.waitMs.quantile(0.95),
      keys: this.keyNames.length,
    };
  }

  /** Priority of each query class (0 = served first). */
  classPriorities: number[] = [];

  private hasRoom(key: KeyState): boolean {
    this.roll(key);
    const p = this.params;
    return (p.rpmLimit === null || key.requests < p.rpmLimit) && (p.tpmLimit === null || key.tokens < p.tpmLimit) && (p.maxParallelRequests === null || key.inFlight < p.maxParallelRequests);
  }

  private roll(key: KeyState): void {
    const m = Math.floor(this.engine.now / 60_000);
    if (m !== key.minute) {
      key.minute = m;
      key.requests = 0;
      key.tokens = 0;
    }
  }

  private pass(req: SimRequest, key: KeyState): void {
    key.requests++;
    key.inFlight++;
    if (req.counted && !req.shadow) this.passed++;
    this.engine.addFinishHook(req, this.index);
    this.engine.emit(req, this.index, this.passPort);
  }

  private reject(req: SimRequest, code: number): void {
    if (req.counted && !req.shadow) this.rejected++;
    req.errorCode = code;
    req.errorNode = this.index;
    this.engine.emit(req, this.index, this.rejectedPort);
  }

  /** Lets waiting requests through, highest priority first, while the key has room. */
  private drain(k: number, key: KeyState): void {
    while (key.waiting > 0 && this.hasRoom(key)) {
      const next = this.nextWaiting(key);
      if (!next) break;
      const [req, enqueuedAt] = next;
      this.waiting.delete(req.id);
      key.waiting--;
      if (req.counted && !req.shadow) this.waitMs.record(this.engine.now - enqueuedAt);
      this.pass(req, key);
    }
    if (key.waiting > 0) this.scheduleWake(k, key);
  }

  /** The next live waiting request and when it joined the queue (expired entries are skipped). */
  private nextWaiting(key: KeyState): [SimRequest, number] | null {
    for (const q of key.queues) {
      while (q.size > 0) {
        const req = q.shift()!;
        if (this.waiting.has(req.id)) return [req, q.lastTag];
      }
    }
    return null;
  }

  /** Per-minute limits free up at the next minute boundary. */
  private scheduleWake(k: number, key: KeyState): void {
    if (this.params.rpmLimit === null && this.params.tpmLimit === null) return;
    const next = (Math.floor(this.engine.now / 60_000) + 1) * 60_000;
    if (key.wakeScheduled === next) return;
    key.wakeScheduled = next;
    this.engine.schedule(next, this.index, EV_WAKE, null as unknown as SimRequest, k);
  }
}

export const rateLimiterKind = defineNodeKind({
  kind: 'rate_limiter',
  title: 'Gateway limiter',
  group: 'reliability',
  description: 'Gateway-side rate limiting per team or key (rpm_limit, tpm_limit, max_parallel_requests): queue with a max length, max wait and priority order, or reject with 429.',
  params: RateLimiterParams,
  outputs: [
    { name: 'pass', description: 'Within the limits.', required: true },
    { name: 'rejected', description: 'Rejected (429) or waited too long; unwired → error.', required: false, isError: true },
  ],
  acceptsInput: true,
  callNode: false,
  summarize: (p) => [
    [p.rpmLimit !== null && `${p.rpmLimit} rpm`, p.tpmLimit !== null && `${p.tpmLimit.toLocaleString('en-US')} tpm`, p.maxParallelRequests !== null && `${p.maxParallelRequests} parallel`].filter(Boolean).join(' · ') + (p.scope === 'per-team' ? ' per team' : ''),
    p.whenFull === 'queue' ? `queue ≤ ${p.maxQueueLength}, wait ≤ ${p.maxWaitMs / 1000} s` : 'reject when full',
  ],
  load: () => ({ meanServiceMs: 0, meanTokensPerCall: 0, portShares: { pass: 1, rejected: 0 }, quotaId: null }),
  create: (ctx) => {
    const runtime = new RateLimiterRuntime(ctx, ctx.sourceLabels);
    runtime.classPriorities = ctx.traffic.classes.map((c) => c.priority);
    return runtime;
  },
});
