import { LogHistogram } from '../metrics/log-histogram';
import { EV_SLOT_GRANTED, type EngineApi } from './engine-api';
import type { SimRequest } from './request';
import { RingQueue } from './ring-queue';
import { GrowableArray } from '../metrics/growable-array';

/** A provider or gateway limit shared by the nodes that reference it (SEMANTICS §5). */
export interface QuotaSpec {
  id: string;
  name: string;
  rpm: number | null;
  tpm: number | null;
  itpm: number | null;
  otpm: number | null;
  maxParallelRequests: number | null;
  maxQueueLength: number | null;
  admission: 'openai' | 'anthropic';
  window: 'fixed-minute' | 'token-bucket';
  autoscale: { targetUtilisation: number; stepFactor: number; maxFactor: number } | null;
}

const MINUTE_MS = 60_000;

/**
 * Runtime of one quota: concurrency slots with a FIFO wait queue, and request/token admission.
 *
 * Admission, OpenAI style: a call reserves its input tokens + `max_tokens` against TPM when it starts and
 * the unused part of `max_tokens` is refunded when it completes. Anthropic style: input tokens (minus
 * prompt-cache reads) against ITPM, `max_tokens` reserved against OTPM and refunded at completion, both
 * token buckets refilled continuously. Over a limit the call gets a 429 with a Retry-After (time until
 * the window resets or the bucket holds enough).
 *
 * Utilisation is measured per simulated minute from the tokens and requests actually admitted (actual
 * output, not the reservation) and the time-average of slots in use.
 */
export class QuotaRuntime {
  inUse = 0;
  private readonly waiting = new RingQueue<SimRequest>();
  // Admission state.
  private windowIndex = -1;
  private rpmUsed = 0;
  private tpmUsed = 0;
  private rpmLevel: number;
  private tpmLevel: number;
  private itpmLevel: number;
  private otpmLevel: number;
  private lastRefillMs = 0;
  // Per-minute accounting (all minutes of the run; the results use the measured ones).
  private minute = 0;
  private minuteStartMs = 0;
  private lastChangeMs = 0;
  readonly perMinute = {
    requests: new GrowableArray(),
    tokens: new GrowableArray(),
    inputTokens: new GrowableArray(),
    outputTokens: new GrowableArray(),
    reservedPeak: new GrowableArray(),
    slotArea: new GrowableArray(),
    queueArea: new GrowableArray(),
    rateLimited: new GrowableArray(),
  };
  private minuteReservedPeak = 0;
  /** The current minute's sums, written to `perMinute` when the minute closes (one add per call instead of four array writes). */
  private minuteRequests = 0;
  private minuteInputTokens = 0;
  private minuteOutputTokens = 0;
  private minuteSlotArea = 0;
  private minuteQueueArea = 0;
  private minuteRateLimited = 0;
  /** Autoscaling multiple of the base limits (1 without autoscale). */
  scale = 1;
  maxScaleReached = 1;
  scaleChanges = 0;
  readonly queueWaitMs = new LogHistogram();
  maxQueueSeen = 0;
  maxInUseSeen = 0;
  rateLimitedCounted = 0;
  rejectedQueueFullCounted = 0;
  first429Ms = -1;
  /**
   * Fixed per run, read on every call: computed once rather than re-derived from the spec (its enum
   * strings compare by content when they come from a parsed document).
   */
  readonly hasSlots: boolean;
  readonly hasRateLimits: boolean;
  private readonly fixedMinuteOpenai: boolean;

  constructor(
    readonly spec: QuotaSpec,
    readonly index: number,
    private readonly engine: EngineApi,
    /** Share of the limits available now (limit-cut faults); null without any, sparing a call per admission. */
    private readonly faultFactor: ((nowMs: number) => number) | null = null,
  ) {
    this.rpmLevel = spec.rpm ?? 0;
    this.tpmLevel = spec.tpm ?? 0;
    this.itpmLevel = spec.itpm ?? 0;
    this.otpmLevel = spec.otpm ?? 0;
    this.hasSlots = spec.maxParallelRequests !== null;
    this.hasRateLimits = spec.rpm !== null || spec.tpm !== null || spec.itpm !== null || spec.otpm !== null;
    this.fixedMinuteOpenai = spec.window === 'fixed-minute' && spec.admission === 'openai';
  }

  /** Share of the base limits in force now: limit cuts × autoscaling. */
  private limitFactor(now: number): number {
    return this.faultFactor === null ? this.scale : this.faultFactor(now) * this.scale;
  }

  get queueLength(): number {
    return this.waiting.size;
  }

  /**
   * Takes a slot for `req` at `node`: 1 = granted now, 0 = queued (the node gets EV_SLOT_GRANTED
   * later, with the request's attempt token), −1 = the queue is full.
   */
  acquire(req: SimRequest, node: number): 1 | 0 | -1 {
    const now = this.engine.now;
    this.advance(now);
    req.queuedAtMs = now;
    const max = this.spec.maxParallelRequests === null ? null : Math.floor(this.spec.maxParallelRequests * this.limitFactor(now));
    if (max === null || this.inUse < max) {
      this.inUse++;
      if (this.inUse > this.maxInUseSeen) this.maxInUseSeen = this.inUse;
      if (req.counted) this.queueWaitMs.record(0);
      req.slotQuota = this.index;
      return 1;
    }
    if (this.spec.maxQueueLength !== null && this.waiting.size >= this.spec.maxQueueLength) {
      if (req.counted) this.rejectedQueueFullCounted++;
      return -1;
    }
    this.waiting.push(req, node);
    if (this.waiting.size > this.maxQueueSeen) this.maxQueueSeen = this.waiting.size;
    return 0;
  }

  /** Frees the slot `req` holds; the slot passes straight to the first waiter (no one can jump the queue). */
  release(req: SimRequest): void {
    if (req.slotQuota !== this.index) return;
    req.slotQuota = -1;
    const now = this.engine.now;
    this.advance(now);
    const next = this.waiting.shift();
    if (next === null) {
      this.inUse--;
      return;
    }
    const node = this.waiting.lastTag;
    next.slotQuota = this.index;
    if (next.counted) this.queueWaitMs.record(now - next.queuedAtMs);
    this.engine.schedule(now, node, EV_SLOT_GRANTED, next, next.attemptToken);
  }

  /**
   * Admits a call against RPM/TPM: 0 when admitted, otherwise the Retry-After in ms of the 429.
   * `cachedInputTokens` are prompt-cache reads (not counted against Anthropic ITPM).
   */
  admit(req: SimRequest, inputTokens: number, cachedInputTokens: number, maxOutputTokens: number, actualOutputTokens: number): number {
    const now = this.engine.now;
    this.advance(now);
    const s = this.spec;
    const factor = this.limitFactor(now);
    let retryAfter = 0;
    if (this.fixedMinuteOpenai) {
      const w = Math.floor(now / MINUTE_MS);
      if (w !== this.windowIndex) {
        this.windowIndex = w;
        this.rpmUsed = 0;
        this.tpmUsed = 0;
      }
      const reserve = inputTokens + maxOutputTokens;
      if ((s.rpm !== null && this.rpmUsed + 1 > s.rpm * factor) || (s.tpm !== null && this.tpmUsed + reserve > s.tpm * factor)) {
        retryAfter = (w + 1) * MINUTE_MS - now;
      } else {
        this.rpmUsed++;
        this.tpmUsed += reserve;
        if (this.tpmUsed > this.minuteReservedPeak) this.minuteReservedPeak = this.tpmUsed;
      }
    } else {
      this.refill(now, factor);
      const needIn = s.admission === 'anthropic' ? inputTokens - cachedInputTokens : inputTokens + maxOutputTokens;
      retryAfter = Math.max(
        s.rpm !== null ? this.shortfallMs(this.rpmLevel, 1, s.rpm * factor) : 0,
        s.admission === 'openai' && s.tpm !== null ? this.shortfallMs(this.tpmLevel, needIn, s.tpm * factor) : 0,
        s.admission === 'anthropic' && s.itpm !== null ? this.shortfallMs(this.itpmLevel, needIn, s.itpm * factor) : 0,
        s.admission === 'anthropic' && s.otpm !== null ? this.shortfallMs(this.otpmLevel, maxOutputTokens, s.otpm * factor) : 0,
      );
      if (retryAfter === 0) {
        this.rpmLevel -= 1;
        if (s.admission === 'openai') this.tpmLevel -= needIn;
        else {
          this.itpmLevel -= needIn;
          this.otpmLevel -= maxOutputTokens;
        }
        const reserved = s.admission === 'openai' ? (s.tpm ?? 0) - this.tpmLevel : (s.otpm ?? 0) - this.otpmLevel;
        if (reserved > this.minuteReservedPeak) this.minuteReservedPeak = reserved;
      }
    }
    if (retryAfter > 0) {
      this.minuteRateLimited++;
      if (req.counted) this.rateLimitedCounted++;
      if (this.first429Ms < 0) this.first429Ms = now;
      return retryAfter;
    }
    this.minuteRequests++;
    this.minuteInputTokens += inputTokens;
    this.minuteOutputTokens += actualOutputTokens;
    req.reservedOutputTokens = maxOutputTokens;
    return 0;
  }

  /** A call finished having produced `outputTokens`: refund the unused part of its reservation. */
  complete(req: SimRequest, outputTokens: number, admittedAtMs: number): void {
    const unused = Math.max(0, req.reservedOutputTokens - outputTokens);
    req.reservedOutputTokens = 0;
    if (unused === 0) return;
    const s = this.spec;
    if (this.fixedMinuteOpenai) {
      if (Math.floor(admittedAtMs / MINUTE_MS) === this.windowIndex) this.tpmUsed = Math.max(0, this.tpmUsed - unused);
    } else {
      this.refill(this.engine.now, this.limitFactor(this.engine.now));
      if (s.admission === 'openai' && s.tpm !== null) this.tpmLevel = Math.min(s.tpm, this.tpmLevel + unused);
      if (s.admission === 'anthropic' && s.otpm !== null) this.otpmLevel = Math.min(s.otpm, this.otpmLevel + unused);
    }
  }

  /** Closes the per-minute books up to `endMs`. */
  finish(endMs: number): void {
    this.advance(endMs);
    this.closeMinute(endMs);
  }

  /** Minutes accounted so far (the last may be partial). */
  get minutesRecorded(): number {
    return this.minute + 1;
  }

  private shortfallMs(level: number, need: number, perMinute: number): number {
    if (level >= need) return 0;
    const ratePerMs = perMinute / MINUTE_MS;
    // A call larger than the whole bucket can never pass; it is told to come back in a minute.
    if (need > perMinute) return MINUTE_MS;
    return Math.max(1, (need - level) / ratePerMs);
  }

  /** Token buckets refill continuously at limit × factor per minute up to limit × factor. */
  private refill(now: number, factor: number): void {
    const dt = now - this.lastRefillMs;
    if (dt <= 0) return;
    this.lastRefillMs = now;
    const s = this.spec;
    const f = dt / MINUTE_MS;
    const fill = (level: number, limit: number) => Math.min(limit * factor, level + limit * factor * f);
    if (s.rpm !== null) this.rpmLevel = fill(this.rpmLevel, s.rpm);
    if (s.tpm !== null) this.tpmLevel = fill(this.tpmLevel, s.tpm);
    if (s.itpm !== null) this.itpmLevel = fill(this.itpmLevel, s.itpm);
    if (s.otpm !== null) this.otpmLevel = fill(this.otpmLevel, s.otpm);
  }

  /** Accumulates slot and queue time up to `now`, closing each minute boundary crossed. */
  private advance(now: number): void {
    while (now >= this.minuteStartMs + MINUTE_MS) {
      const boundary = this.minuteStartMs + MINUTE_MS;
      this.accumulate(boundary);
      this.closeMinute(boundary);
      this.minute++;
      this.minuteStartMs = boundary;
    }
    this.accumulate(now);
  }

  private accumulate(now: number): void {
    const dt = now - this.lastChangeMs;
    if (dt > 0) {
      if (this.inUse > 0) this.minuteSlotArea += this.inUse * dt;
      if (this.waiting.size > 0) this.minuteQueueArea += this.waiting.size * dt;
      this.lastChangeMs = now;
    }
  }

  private closeMinute(_atMs: number): void {
    const pm = this.perMinute;
    const m = this.minute;
    pm.reservedPeak.set(m, this.minuteReservedPeak);
    pm.requests.set(m, this.minuteRequests);
    pm.inputTokens.set(m, this.minuteInputTokens);
    pm.outputTokens.set(m, this.minuteOutputTokens);
    pm.tokens.set(m, this.minuteInputTokens + this.minuteOutputTokens);
    pm.slotArea.set(m, this.minuteSlotArea);
    pm.queueArea.set(m, this.minuteQueueArea);
    pm.rateLimited.set(m, this.minuteRateLimited);
    this.minuteReservedPeak = 0;
    this.minuteRequests = 0;
    this.minuteInputTokens = 0;
    this.minuteOutputTokens = 0;
    this.minuteSlotArea = 0;
    this.minuteQueueArea = 0;
    this.minuteRateLimited = 0;
    const auto = this.spec.autoscale;
    if (auto === null) return;
    const u = this.minuteUtilisation(this.minute) / this.scale;
    const before = this.scale;
    if (u > auto.targetUtilisation) this.scale = Math.min(auto.maxFactor, this.scale * auto.stepFactor);
    else if (u < auto.targetUtilisation / 3) this.scale = Math.max(1, this.scale / auto.stepFactor);
    if (this.scale !== before) this.scaleChanges++;
    this.maxScaleReached = Math.max(this.maxScaleReached, this.scale);
  }

  /** Highest utilisation of any limit in minute m, against the base limits. */
  private minuteUtilisation(m: number): number {
    const s = this.spec;
    const pm = this.perMinute;
    return Math.max(
      s.rpm !== null ? pm.requests.get(m) / s.rpm : 0,
      s.tpm !== null ? pm.tokens.get(m) / s.tpm : 0,
      s.itpm !== null ? pm.inputTokens.get(m) / s.itpm : 0,
      s.otpm !== null ? pm.outputTokens.get(m) / s.otpm : 0,
      s.maxParallelRequests !== null ? pm.slotArea.get(m) / (MINUTE_MS * s.maxParallelRequests) : 0,
    );
  }
}
