import type { Catalog } from '../catalog/catalog';
import type { PipelineDocument } from '../model/document-schema';
import { nodeKind } from '../nodes/registry';
import { MAX_PORTS, Wiring } from './wiring';
import { Metrics } from '../metrics/metrics';
import { StreamFactory } from '../random/streams';
import { EventQueue } from './event-queue';
import type { EngineApi, NodeRuntime, Outcome } from './engine-api';
import { ErrorCode } from './errors';
import { QuotaRuntime } from './quota';
import { SimRequest, type Span } from './request';
import { abandonedCallSpan, visitSpan } from './spans';
import { CompiledTraffic } from './traffic';
import { TraceCollector } from '../metrics/traces';
import { GrowableArray } from '../metrics/growable-array';
import { ArrivalWindow, arrivalStreams, typicalRps } from './arrivals';
import { FaultSchedule } from './faults';
import { resolveRunOptions, type ResolvedRunOptions, type RunOptions, type RunProgress } from './run-options';

export type { RunOptions, ResolvedRunOptions, RunProgress };

/** Event targets below zero belong to the engine: −1 its own events, −10 − k arrival stream k. */
const ENGINE = -1;
const ARRIVAL_BASE = -10;
const EV_DEADLINE = 1;
const EV_CACHE_EVENT = 2;

/** Caches implement this so the engine can store answers when a missed request is served. */
export interface Fillable {
  fill(req: SimRequest): void;
}

/**
 * The discrete-event engine for one run of one pipeline. Create it, call `advance()` until it returns
 * true (the app's worker does this in slices to stay cancellable; `runPipeline` in one go), then build
 * the results with `buildResults`.
 */
export class Simulation implements EngineApi {
  now = 0;
  readonly options: ResolvedRunOptions;
  readonly traffic: CompiledTraffic;
  readonly metrics: Metrics;
  readonly quotas: QuotaRuntime[];
  readonly runtimes: NodeRuntime[];
  readonly traces: TraceCollector;
  readonly faults: FaultSchedule;
  /** Per minute of the run: served and failed user requests (by completion time) for downtime minutes. */
  readonly minuteServed = new GrowableArray();
  readonly minuteFailed = new GrowableArray();
  readonly bucketOf: (timeMs: number) => number;
  private readonly queue = new EventQueue<SimRequest>();
  private readonly wiring: Wiring;
  private readonly observers: number[][];
  /**
   * Each node's `enter`, bound once: `runtimes[target].enter` is a megamorphic lookup (one class per
   * node kind) on every hop of every request; calling a bound function skips that lookup.
   */
  private readonly enters: Array<(req: SimRequest) => void>;
  private readonly arrivals: ArrivalWindow;
  private readonly drawQueryKeys: boolean;
  private readonly classBase: number;
  private nextRequestId = 0;
  requestsArrived = 0;
  measuredInFlight = 0;
  ghostsDropped = 0;
  events = 0;
  drainCutOff = false;
  finished = false;
  private readonly drainLimitMs: number;

  constructor(
    readonly doc: PipelineDocument,
    readonly catalog: Catalog,
    options: RunOptions = {},
  ) {
    this.options = resolveRunOptions(doc, options);
    const o = this.options;
    const arrivalsEndMs = o.requests !== null ? Infinity : o.warmupMs + o.durationMs;
    // Draining stops 1 h (plus the horizon, plus the longest a batch lane may hold work) after arrivals.
    const hold = Math.max(0, ...doc.nodes.map((n) => nodeKind(n.kind)?.maxHoldMs?.(n.params as never) ?? 0));
    this.drainLimitMs = 3_600_000 + hold + (o.requests !== null ? 0 : arrivalsEndMs);
    const streams = new StreamFactory(o.seed);
    this.traffic = new CompiledTraffic(doc.traffic);
    this.classBase = doc.traffic.popularity.distinctQueries;
    this.drawQueryKeys = doc.nodes.some((n) => nodeKind(n.kind)?.usesQueryKeys?.(n.params as never) ?? false);
    this.metrics = new Metrics(doc.nodes.length, this.traffic.classes.length);
    this.bucketOf = (t) => this.metrics.clock.bucketOf(t);
    this.traces = new TraceCollector(o.maxTraces, streams.stream('$traces', 'sample'), o.traceSlowest, o.traceFailed);
    this.faults = new FaultSchedule(doc);

    this.quotas = doc.quotas.map((q, i) => new QuotaRuntime({ ...q, name: q.name || q.id }, i, this, this.faults.hasQuotaFaults(i) ? (now) => this.faults.quotaFactor(i, now) : null));
    const quotaById = new Map(this.quotas.map((q) => [q.spec.id, q]));

    this.wiring = new Wiring(doc);
    this.observers = doc.nodes.map(() => []);

    const sourceLabels = doc.nodes.map((n) => (n.kind === 'source' ? n.params.label : ''));
    this.runtimes = doc.nodes.map((n, i) =>
      nodeKind(n.kind)!.create({
        index: i,
        id: n.id,
        name: n.name || n.id,
        params: n.params as never,
        engine: this,
        catalog,
        traffic: this.traffic,
        metrics: this.metrics,
        stream: (purpose) => streams.stream(n.id, purpose),
        quota: (id) => (id ? (quotaById.get(id) ?? null) : null),
        sourceLabels,
        port: (name) => {
          const p = this.wiring.portIndex(i, name);
          if (p < 0) throw new Error(`node ${n.id} (${n.kind}) has no port ${name}`);
          return p;
        },
      }),
    );
    for (const r of this.runtimes) r.attach?.(this);
    this.enters = this.runtimes.map((r) => r.enter.bind(r));

    this.arrivals = new ArrivalWindow(arrivalStreams(doc, this.traffic, streams), arrivalsEndMs);
    this.arrivals.streams.forEach((_, k) => this.scheduleArrival(k, 0));
    this.scheduleCacheEvents();
  }

  // ---- EngineApi ------------------------------------------------------------------------------

  schedule(atMs: number, node: number, type: number, req: SimRequest, aux: number): void {
    this.queue.push(atMs, node, type, req, aux);
  }

  emit(req: SimRequest, node: number, port: number): void {
    if (req.ghost) {
      // The detached call has finished its bookkeeping; the user's request went on without it.
      this.ghostsDropped++;
      return;
    }
    const now = this.now;
    if (req.counted && !req.shadow) this.metrics.nodeLatency[node]!.record(now - req.enteredNodeMs);
    if (req.spans !== null && this.wiring.visitSpan[node]) this.visitSpan(req, node, port, now);
    const k = node * MAX_PORTS + port;
    const target = this.wiring.target[k]!;
    if (target < 0) {
      // Only error-type ports may be unwired (validation): the request ends as an Error here.
      if (req.errorCode === ErrorCode.none) req.errorCode = ErrorCode.unavailable;
      this.finish(req, 'error', node);
      return;
    }
    if (this.wiring.errorPort[k] === 1) req.fallbackDepth++;
    req.nodeIndex = target;
    req.enteredNodeMs = now;
    if (req.counted && !req.shadow) this.metrics.nodeEntered[target]!++;
    this.enters[target]!(req);
  }

  finish(req: SimRequest, outcome: Outcome, node: number): void {
    if (req.ghost || req.done) return;
    req.done = true;
    const now = this.now;
    if (req.counted && !req.shadow) this.measuredInFlight--;
    if (outcome === 'served' && now > req.deadlineMs) {
      // The client stopped waiting at its deadline: a late answer is a failure to the user.
      outcome = 'error';
      req.errorCode = ErrorCode.deadline;
      if (req.counted) this.metrics.servedAfterDeadline++;
    }
    const minute = Math.floor(now / 60_000);
    const user = req.realtime && !req.shadow;
    if (outcome === 'served') {
      this.metrics.recordServed(req, now);
      if (user) this.minuteServed.add(minute, 1);
      if (req.cacheFills !== null && (req.answerKind === 1 || req.servedFromCache)) {
        for (const idx of req.cacheFills) (this.runtimes[idx] as unknown as Fillable).fill(req);
      }
    } else if (outcome === 'error') {
      this.metrics.recordFailed(req, node, now);
      if (user) this.minuteFailed.add(minute, 1);
    } else {
      this.metrics.recordEscalated(req, now);
      if (user) this.minuteServed.add(minute, 1);
    }
    if (req.finishHooks !== null) for (const idx of req.finishHooks) this.runtimes[idx]!.onRequestFinished?.(req, outcome !== 'error');
    if (req.spans !== null && !req.shadow) this.traces.add(req, outcome, now, node, req.headSampled);
  }

  span(req: SimRequest, span: Span): void {
    if (req.spans !== null && req.spans.length < 64) req.spans.push(span);
  }

  detach(req: SimRequest, note: string): SimRequest {
    const copy = req.copyAs(req.id);
    req.ghost = true;
    req.spans = null;
    if (copy.spans !== null) this.span(copy, abandonedCallSpan(copy, this.now, note));
    // The deadline event holds the ghost now: the user's copy needs its own.
    if (copy.deadlineMs > this.now && copy.deadlineMs !== Infinity) this.queue.push(copy.deadlineMs, ENGINE, EV_DEADLINE, copy, 0);
    return copy;
  }

  shadowCopy(req: SimRequest): SimRequest {
    const copy = req.copyAs(this.nextRequestId++);
    copy.shadow = true;
    copy.spans = null;
    copy.finishHooks = null;
    copy.cacheFills = null;
    this.metrics.shadowCreated(copy);
    return copy;
  }

  targetOf(node: number, port: string): number {
    return this.wiring.targetOf(node, port);
  }

  observe(node: number, observer: number): void {
    this.observers[node]!.push(observer);
  }

  isObserved(node: number): boolean {
    return this.observers[node]!.length > 0;
  }

  reportOutcome(node: number, req: SimRequest, ok: boolean, durationMs: number): void {
    const observers = this.observers[node]!;
    for (let i = 0; i < observers.length; i++) this.runtimes[observers[i]!]!.onObservedOutcome?.(node, req, ok, durationMs);
  }

  nodeIndexOf(id: string): number {
    return this.doc.nodes.findIndex((n) => n.id === id);
  }

  nodeIdOf(index: number): string {
    return this.doc.nodes[index]!.id;
  }

  runtime(index: number): NodeRuntime {
    return this.runtimes[index]!;
  }

  get warmupEndMs(): number {
    return this.options.warmupMs;
  }

  addFinishHook(req: SimRequest, node: number): void {
    (req.finishHooks ??= []).push(node);
  }

  // ---- Run loop -------------------------------------------------------------------------------

  /** Processes up to `maxEvents` events; true when the run is over. */
  advance(maxEvents: number): boolean {
    if (this.finished) return true;
    const queue = this.queue;
    const runtimes = this.runtimes;
    for (let n = 0; n < maxEvents; n++) {
      const nextTime = queue.peekTime();
      if (nextTime === Infinity || (this.arrivals.openCount === 0 && !this.hasUserWork())) return this.end();
      if (this.arrivals.openCount === 0) {
        if (!this.options.drain && nextTime > this.arrivals.stopMs) {
          this.now = Math.max(this.now, this.arrivals.stopMs);
          return this.end();
        }
        if (nextTime > this.arrivals.stopMs + this.drainLimitMs) {
          this.drainCutOff = true;
          return this.end();
        }
      }
      queue.pop();
      this.now = queue.time;
      this.events++;
      const target = queue.target;
      if (target >= 0) runtimes[target]!.onEvent(queue.type, queue.payload!, queue.aux);
      else if (target === ENGINE) this.onEngineEvent(queue.type, queue.payload, queue.aux);
      else this.arrive(ARRIVAL_BASE - target);
    }
    return false;
  }

  get progress(): RunProgress {
    const o = this.options;
    let fraction: number;
    if (this.finished) fraction = 1;
    else if (o.requests !== null) fraction = Math.min(1, this.metrics.measured / o.requests);
    else fraction = Math.min(1, this.now / this.arrivals.endMs);
    return { fraction, phase: this.finished ? 'done' : this.arrivals.openCount > 0 ? 'arrivals' : 'draining', simulatedMs: this.now, requestsArrived: this.requestsArrived, events: this.events };
  }

  /** Mean arrival rate of all sources over a typical week (req/s): the basis of monthly projections. */
  get typicalRps(): number {
    return typicalRps(this.doc);
  }

  /** When arrivals stopped: warm-up + duration, or the arrival of the last measured request. */
  get horizonMs(): number {
    return this.arrivals.openCount > 0 ? this.now : this.arrivals.stopMs;
  }

  /** Measured requests still in flight when the run ended. */
  get unfinishedMeasured(): number {
    return this.measuredInFlight;
  }

  /** After arrivals stop only periodic cache events may remain: they alone do not keep a run going. */
  private hasUserWork(): boolean {
    return this.queue.size > this.pendingEngineEvents;
  }

  private pendingEngineEvents = 0;

  private end(): boolean {
    this.finished = true;
    for (const q of this.quotas) q.finish(this.now);
    return true;
  }

  private scheduleArrival(k: number, fromMs: number): void {
    const t = this.arrivals.next(k, fromMs);
    if (t !== null) this.queue.push(t, ARRIVAL_BASE - k, 0, null, 0);
  }

  private arrive(k: number): void {
    const now = this.now;
    const o = this.options;
    const stream = this.arrivals.streams[k]!;
    const counted = now >= o.warmupMs;
    const classIndex = this.traffic.classes.length === 1 ? 0 : this.traffic.pickClass(stream.rngClass);
    const cls = this.traffic.classes[classIndex]!;
    const queryKey = this.drawQueryKeys ? classIndex * this.classBase + this.traffic.zipf.sample(stream.rngQuery) : 0;
    const queryTokens = Math.max(1, Math.round(cls.queryTokens.sample(stream.rngQueryTokens)));
    const source = stream.pickSource();
    const req = new SimRequest(this.nextRequestId++, now, counted, classIndex, stream.sourceNodes[source]!, queryKey, queryTokens, stream.realtime[source]!);
    this.requestsArrived++;
    if (counted) {
      this.measuredInFlight++;
      if (req.realtime) {
        req.headSampled = this.traces.wantsSample(o.traceSampleRate);
        if (req.headSampled || this.traces.tracesEverything) req.spans = [];
      }
    }
    this.metrics.arrival(req);
    if (o.requests !== null && this.metrics.measured >= o.requests) {
      this.arrivals.closeAll(now);
    } else this.scheduleArrival(k, now);
    const deadline = this.doc.traffic.deadlineMs;
    if (deadline !== null && req.realtime) {
      req.deadlineMs = now + deadline;
      this.queue.push(req.deadlineMs, ENGINE, EV_DEADLINE, req, 0);
    }
    const node = req.sourceIndex;
    req.nodeIndex = node;
    req.enteredNodeMs = now;
    if (counted) this.metrics.nodeEntered[node]!++;
    this.runtimes[node]!.enter(req);
  }

  private onEngineEvent(type: number, req: SimRequest | null, aux: number): void {
    if (type === EV_DEADLINE) {
      // The deadline passed: a call in progress is cut loose through its error path; a request
      // elsewhere fails at its next call (and an answer delivered late counts as an error).
      if (req && !req.done && !req.ghost && req.inCall) this.runtimes[req.nodeIndex]!.abort?.(req, ErrorCode.deadline);
      return;
    }
    if (type === EV_CACHE_EVENT) {
      this.pendingEngineEvents--;
      const event = this.doc.events[aux]!;
      const targets = event.caches === null ? null : new Set(event.caches);
      this.doc.nodes.forEach((n, i) => {
        if (targets === null || targets.has(n.id)) this.runtimes[i]!.invalidate?.();
      });
      if (event.repeatEveryMs !== null && this.arrivals.openCount > 0) this.pushCacheEvent(this.now + event.repeatEveryMs, aux);
    }
  }

  private scheduleCacheEvents(): void {
    this.doc.events.forEach((e, i) => this.pushCacheEvent(e.atMs, i));
  }

  private pushCacheEvent(atMs: number, index: number): void {
    this.pendingEngineEvents++;
    this.queue.push(atMs, ENGINE, EV_CACHE_EVENT, null, index);
  }

  private visitSpan(req: SimRequest, node: number, port: number, now: number): void {
    const cacheHit = req.servedFromCache && nodeKind(this.doc.nodes[node]!.kind)!.group === 'caches';
    this.span(req, visitSpan(req, node, now, cacheHit ? 'cache_hit' : '', this.runtimes[node]!.spanNote?.(req, port) ?? ''));
  }
}
