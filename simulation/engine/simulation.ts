import type { Catalog } from '../catalog/catalog';
import type { PipelineDocument } from '../model/document-schema';
import { nodeKind } from '../nodes/registry';
import { Metrics } from '../metrics/metrics';
import { StreamFactory, type RandomStream } from '../random/streams';
import { EventQueue } from './event-queue';
import type { EngineApi, NodeRuntime, Outcome } from './engine-api';
import { ErrorCode } from './errors';
import { QuotaRuntime } from './quota';
import { SimRequest, type Span } from './request';
import { CompiledTraffic } from './traffic';
import { TraceCollector } from '../metrics/traces';
import { GrowableArray } from '../metrics/growable-array';

/** Run settings; anything left out comes from the document's `run` section. */
export interface RunOptions {
  seed?: number;
  durationMs?: number;
  /** Stop after this many measured requests instead of after the duration. */
  requests?: number | null;
  warmupMs?: number;
  drain?: boolean;
  traceSampleRate?: number;
  maxTraces?: number;
}

export interface ResolvedRunOptions {
  seed: number;
  durationMs: number;
  requests: number | null;
  warmupMs: number;
  drain: boolean;
  traceSampleRate: number;
  maxTraces: number;
}

export interface RunProgress {
  /** 0..1 of the arrival horizon (draining shows as 1 until done). */
  fraction: number;
  phase: 'arrivals' | 'draining' | 'done';
  simulatedMs: number;
  requestsArrived: number;
  events: number;
}

const MAX_PORTS = 8;
const ARRIVAL = -1;
const TRAFFIC_ID = '$traffic';

/** Caches implement this so the engine can store answers when a missed request is served. */
export interface Fillable {
  fill(req: SimRequest): void;
}

/**
 * The discrete-event engine for one run of one pipeline. Create it, call `advance()` until it returns
 * true (the app's worker does this in slices to stay cancellable; `runPipeline` in one go), then read
 * `results()` via the results builder.
 */
export class Simulation implements EngineApi {
  now = 0;
  readonly options: ResolvedRunOptions;
  readonly traffic: CompiledTraffic;
  readonly metrics: Metrics;
  readonly quotas: QuotaRuntime[];
  readonly runtimes: NodeRuntime[];
  readonly traces: TraceCollector;
  /** Per minute of the run: served and failed requests (all, by completion time) for downtime minutes. */
  readonly minuteServed = new GrowableArray();
  readonly minuteFailed = new GrowableArray();
  private readonly queue = new EventQueue<SimRequest>();
  private readonly wiring: Int32Array;
  /** Nodes that get one span per visit in traces (call nodes record one per attempt; sources none). */
  private readonly visitSpanNodes: boolean[];
  private readonly sourceIndices: number[];
  private readonly sourceCumulative: Float64Array;
  private readonly rngArrivals: RandomStream;
  private readonly rngSource: RandomStream;
  private readonly rngClass: RandomStream;
  private readonly rngQuery: RandomStream;
  private readonly rngQueryTokens: RandomStream;
  private readonly rngTraceSample: RandomStream;
  private readonly classBase: number;
  /** Query popularity is drawn only when some node reads query keys (Zipf sampling is not free). */
  private readonly drawQueryKeys: boolean;
  readonly arrivalsEndMs: number;
  private arrivalsOpen = true;
  private nextRequestId = 0;
  requestsArrived = 0;
  requestsFinished = 0;
  measuredInFlight = 0;
  events = 0;
  drainCutOff = false;
  finished = false;
  private readonly drainLimitMs: number;

  constructor(
    readonly doc: PipelineDocument,
    readonly catalog: Catalog,
    options: RunOptions = {},
  ) {
    const run = doc.run;
    this.options = {
      seed: options.seed ?? run.seed,
      durationMs: options.durationMs ?? run.durationMs,
      requests: options.requests !== undefined ? options.requests : run.requests,
      warmupMs: options.warmupMs ?? run.warmupMs,
      drain: options.drain ?? run.drain,
      traceSampleRate: options.traceSampleRate ?? run.traceSampleRate,
      maxTraces: options.maxTraces ?? run.maxTraces,
    };
    const o = this.options;
    this.arrivalsEndMs = o.requests !== null ? Infinity : o.warmupMs + o.durationMs;
    this.drainLimitMs = 3_600_000 + (o.requests !== null ? 0 : o.warmupMs + o.durationMs);
    const streams = new StreamFactory(o.seed);
    this.traffic = new CompiledTraffic(doc.traffic);
    this.classBase = doc.traffic.popularity.distinctQueries;
    this.drawQueryKeys = doc.nodes.some((n) => nodeKind(n.kind)?.usesQueryKeys?.(n.params as never) ?? false);
    this.metrics = new Metrics(doc.nodes.length, this.traffic.classes.length);
    this.traces = new TraceCollector(o.maxTraces);
    this.rngArrivals = streams.stream(TRAFFIC_ID, 'arrivals');
    this.rngSource = streams.stream(TRAFFIC_ID, 'source');
    this.rngClass = streams.stream(TRAFFIC_ID, 'class');
    this.rngQuery = streams.stream(TRAFFIC_ID, 'query');
    this.rngQueryTokens = streams.stream(TRAFFIC_ID, 'query-tokens');
    this.rngTraceSample = streams.stream('$traces', 'sample');

    this.quotas = doc.quotas.map((q, i) => new QuotaRuntime({ ...q, name: q.name || q.id }, i, this));
    const quotaById = new Map(this.quotas.map((q) => [q.spec.id, q]));
    const indexById = new Map(doc.nodes.map((n, i) => [n.id, i]));

    this.visitSpanNodes = doc.nodes.map((n) => !nodeKind(n.kind)!.callNode && n.kind !== 'source');
    this.wiring = new Int32Array(doc.nodes.length * MAX_PORTS).fill(-1);
    doc.nodes.forEach((n, i) => {
      const ports = nodeKind(n.kind)!.outputs;
      for (const e of doc.edges) {
        if (e.from !== n.id) continue;
        const p = ports.findIndex((d) => d.name === e.port);
        this.wiring[i * MAX_PORTS + p] = indexById.get(e.to)!;
      }
    });

    this.runtimes = doc.nodes.map((n, i) => {
      const kind = nodeKind(n.kind)!;
      const ports = kind.outputs;
      return kind.create({
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
        port: (name) => {
          const p = ports.findIndex((d) => d.name === name);
          if (p < 0) throw new Error(`node kind ${n.kind} has no port ${name}`);
          return p;
        },
      });
    });

    this.sourceIndices = [];
    const shares: number[] = [];
    doc.nodes.forEach((n, i) => {
      if (n.kind === 'source') {
        this.sourceIndices.push(i);
        shares.push(n.params.share);
      }
    });
    const total = shares.reduce((s, x) => s + x, 0);
    let acc = 0;
    this.sourceCumulative = Float64Array.from(shares, (s) => (acc += s / total));
    this.scheduleNextArrival(0);
  }

  // ---- EngineApi ------------------------------------------------------------------------------

  schedule(atMs: number, node: number, type: number, req: SimRequest, aux: number): void {
    this.queue.push(atMs, node, type, req, aux);
  }

  emit(req: SimRequest, node: number, port: number): void {
    const now = this.now;
    if (req.counted) this.metrics.nodeLatency[node]!.record(now - req.enteredNodeMs);
    if (req.spans !== null && this.visitSpanNodes[node]) this.visitSpan(req, node, now);
    const target = this.wiring[node * MAX_PORTS + port]!;
    if (target < 0) {
      // Only error ports may be unwired (validation): the request ends as an Error here.
      if (req.errorCode === ErrorCode.none) req.errorCode = ErrorCode.unavailable;
      this.finish(req, 'error', node);
      return;
    }
    req.nodeIndex = target;
    req.enteredNodeMs = now;
    if (req.counted) this.metrics.nodeEntered[target]!++;
    this.runtimes[target]!.enter(req);
  }

  finish(req: SimRequest, outcome: Outcome, node: number): void {
    const now = this.now;
    this.requestsFinished++;
    if (req.counted) this.measuredInFlight--;
    const minute = Math.floor(now / 60_000);
    if (outcome === 'served') {
      this.metrics.recordServed(req, now);
      this.minuteServed.add(minute, 1);
      if (req.cacheFills !== null && (req.answeredBy >= 0 || req.servedFromCache)) {
        for (const idx of req.cacheFills) (this.runtimes[idx] as unknown as Fillable).fill(req);
      }
    } else if (outcome === 'error') {
      this.metrics.recordFailed(req, node, now);
      this.minuteFailed.add(minute, 1);
    } else {
      this.metrics.recordEscalated(req, now);
      this.minuteServed.add(minute, 1);
    }
    if (req.spans !== null) this.traces.add(req, outcome, now, node);
  }

  span(req: SimRequest, span: Span): void {
    if (req.spans !== null && req.spans.length < 64) req.spans.push(span);
  }

  // ---- Run loop -------------------------------------------------------------------------------

  /** Processes up to `maxEvents` events; true when the run is over. */
  advance(maxEvents: number): boolean {
    if (this.finished) return true;
    const queue = this.queue;
    const runtimes = this.runtimes;
    const drain = this.options.drain;
    for (let n = 0; n < maxEvents; n++) {
      const nextTime = queue.peekTime();
      if (nextTime === Infinity) return this.end();
      if (!this.arrivalsOpen) {
        if (!drain && nextTime > this.arrivalsStopMs) {
          this.now = Math.max(this.now, this.arrivalsStopMs);
          return this.end();
        }
        if (nextTime > this.arrivalsStopMs + this.drainLimitMs) {
          this.drainCutOff = true;
          return this.end();
        }
      }
      queue.pop();
      this.now = queue.time;
      this.events++;
      const target = queue.target;
      if (target === ARRIVAL) this.arrive();
      else runtimes[target]!.onEvent(queue.type, queue.payload!, queue.aux);
    }
    return false;
  }

  get progress(): RunProgress {
    const o = this.options;
    let fraction: number;
    if (this.finished) fraction = 1;
    else if (o.requests !== null) fraction = Math.min(1, this.metrics.measured / o.requests);
    else fraction = Math.min(1, this.now / this.arrivalsEndMs);
    return {
      fraction,
      phase: this.finished ? 'done' : this.arrivalsOpen ? 'arrivals' : 'draining',
      simulatedMs: this.now,
      requestsArrived: this.requestsArrived,
      events: this.events,
    };
  }

  /** When arrivals stopped: warm-up + duration, or the arrival of the last measured request. */
  get horizonMs(): number {
    return this.arrivalsOpen ? this.now : this.arrivalsStopMs;
  }

  /** Requests (measured) still in flight when the run ended. */
  get unfinishedMeasured(): number {
    return this.measuredInFlight;
  }

  private arrivalsStopMs = 0;

  private end(): boolean {
    this.finished = true;
    const endMs = this.now;
    for (const q of this.quotas) q.finish(endMs);
    return true;
  }

  private scheduleNextArrival(fromMs: number): void {
    const t = this.traffic.nextArrival(fromMs, this.rngArrivals);
    if (t >= this.arrivalsEndMs || t === Infinity) {
      this.closeArrivals(fromMs);
      return;
    }
    this.queue.push(t, ARRIVAL, 0, null, 0);
  }

  private closeArrivals(atMs: number): void {
    this.arrivalsOpen = false;
    this.arrivalsStopMs = Math.min(atMs, this.arrivalsEndMs);
    if (this.arrivalsEndMs !== Infinity) this.arrivalsStopMs = this.arrivalsEndMs;
  }

  private arrive(): void {
    const now = this.now;
    const o = this.options;
    const counted = now >= o.warmupMs;
    const classIndex = this.traffic.classes.length === 1 ? 0 : this.traffic.pickClass(this.rngClass);
    const cls = this.traffic.classes[classIndex]!;
    const queryKey = this.drawQueryKeys ? classIndex * this.classBase + this.traffic.zipf.sample(this.rngQuery) : 0;
    const queryTokens = Math.max(1, Math.round(cls.queryTokens.sample(this.rngQueryTokens)));
    const sourceIndex = this.pickSource();
    const req = new SimRequest(this.nextRequestId++, now, counted, classIndex, sourceIndex, queryKey, queryTokens);
    this.requestsArrived++;
    if (counted) {
      this.measuredInFlight++;
      if (this.traces.wantsSample(this.rngTraceSample, o.traceSampleRate)) req.spans = [];
    }
    this.metrics.arrival(req);
    if (o.requests !== null && this.metrics.measured >= o.requests) this.closeArrivals(now);
    else this.scheduleNextArrival(now);
    const node = this.sourceIndices[sourceIndex]!;
    req.nodeIndex = node;
    req.enteredNodeMs = now;
    if (counted) this.metrics.nodeEntered[node]!++;
    this.runtimes[node]!.enter(req);
  }

  private pickSource(): number {
    const cum = this.sourceCumulative;
    if (cum.length === 1) return 0;
    const u = this.rngSource.uniform();
    for (let i = 0; i < cum.length - 1; i++) if (u < cum[i]!) return i;
    return cum.length - 1;
  }

  private visitSpan(req: SimRequest, node: number, now: number): void {
    this.span(req, {
      nodeIndex: node,
      attempt: 0,
      startMs: req.enteredNodeMs,
      endMs: now,
      status: 200,
      inputTokens: 0,
      cachedInputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      finishReason: req.servedFromCache && nodeKind(this.doc.nodes[node]!.kind)!.group === 'caches' ? 'cache_hit' : '',
      note: '',
    });
  }
}
