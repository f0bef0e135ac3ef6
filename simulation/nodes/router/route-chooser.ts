import type { SimRequest } from '../../engine/request';
import type { CompiledClass, CompiledTraffic } from '../../engine/traffic';
import type { RandomStream } from '../../random/streams';
import { LowestLatency } from './lowest-latency';
import { routeForClass, type RouterParamsOut } from './params';

const LATENCY_SAMPLES = 10;

/**
 * A router's strategy: which route a request takes. With a health filter (skip routes in cooldown)
 * the choice is made among healthy candidates only; when none is healthy, among all of them (the
 * request then meets the open breaker, like LiteLLM's "no deployments available").
 */
export class RouteChooser {
  private readonly strategy: RouterParamsOut['strategy'];
  private readonly weights: Float64Array;
  private readonly cumulativeWeights: Float64Array;
  /** by-class: route per query class. */
  private readonly classRoute: Int32Array;
  private readonly inFlight: Float64Array;
  private readonly latencies: Float64Array[];
  private readonly latencyCount: Float64Array;
  private readonly all: number[];
  private readonly healthyScratch: number[] = [];
  /** usage-based: tokens of successful calls and requests sent per route this minute (LiteLLM's per-minute keys). */
  private usageMinute = -1;
  private readonly minuteTokens: Float64Array;
  private readonly minuteRequests: Float64Array;
  private readonly tpmLimit: Float64Array;
  private readonly rpmLimit: Float64Array;
  private readonly ties: number[] = [];
  private readonly classStreams: boolean[];
  /** latency-based with a call node on every route: LiteLLM's per-call lowest-latency lists; null otherwise. */
  private lowest: LowestLatency | null = null;

  constructor(
    params: RouterParamsOut,
    traffic: CompiledTraffic,
    private readonly rng: RandomStream,
  ) {
    const routes = params.routes;
    this.strategy = params.strategy;
    this.weights = Float64Array.from(routes, (r) => r.weight);
    const total = routes.reduce((s, r) => s + r.weight, 0) || 1;
    let acc = 0;
    this.cumulativeWeights = Float64Array.from(routes, (r) => (acc += r.weight / total));
    this.classRoute = Int32Array.from(traffic.classes, (c: CompiledClass) => routeForClass(routes, c.name));
    this.inFlight = new Float64Array(routes.length);
    this.latencies = routes.map(() => new Float64Array(LATENCY_SAMPLES));
    this.latencyCount = new Float64Array(routes.length);
    this.all = routes.map((_, i) => i);
    this.minuteTokens = new Float64Array(routes.length);
    this.minuteRequests = new Float64Array(routes.length);
    this.tpmLimit = Float64Array.from(routes, (r) => r.tpm ?? Infinity);
    this.rpmLimit = Float64Array.from(routes, (r) => r.rpm ?? Infinity);
    this.classStreams = traffic.classes.map((c) => c.stream);
  }

  /** latency-based ranks routes by their calls, as LiteLLM does (every route leads to a call node). */
  rankByCalls(buffer: number): LowestLatency {
    this.lowest = new LowestLatency(this.all.length, buffer, this.rng);
    return this.lowest;
  }

  /** Routes the strategy may pick for `req` (by-class: only its class's route). */
  candidates(req: SimRequest): number[] {
    if (this.strategy === 'by-class') return [Math.max(0, this.classRoute[req.classIndex]!)];
    if (this.strategy === 'weighted') return this.all.filter((i) => this.weights[i]! > 0);
    return this.all;
  }

  /**
   * The route for `req`, or −1 when usage-based routing finds no route with room this minute.
   * `inputTokens(route)`: what the request would send down that route (usage-based only).
   */
  choose(req: SimRequest, healthy: ((route: number) => boolean) | null, now: number, inputTokens: (route: number) => number): number {
    if (this.strategy === 'by-class') return Math.max(0, this.classRoute[req.classIndex]!);
    const pool = healthy === null ? null : this.healthyPool(healthy);
    switch (this.strategy) {
      case 'weighted':
        return pool === null ? this.weightedAll() : this.weightedAmong(pool);
      case 'least-busy':
        return this.leastBusy(pool ?? this.all);
      case 'latency-based':
        if (this.lowest === null) return this.fastest(pool ?? this.all);
        this.rollMinute(now);
        return this.lowest.choose(pool ?? this.all, this.classStreams[req.classIndex] ?? false, (i) => this.minuteTokens[i]! + inputTokens(i) <= this.tpmLimit[i]! && this.minuteRequests[i]! + 1 <= this.rpmLimit[i]!);
      case 'usage-based':
        return this.leastUsed(pool ?? this.all, now, inputTokens);
    }
  }

  /** usage-based: a request is sent down `route` (LiteLLM's pre-call rpm increment). */
  countRequest(route: number, now: number): void {
    this.rollMinute(now);
    this.minuteRequests[route]!++;
  }

  /** usage-based: a call down `route` succeeded with `tokens` in all (LiteLLM adds usage.total_tokens on success). */
  countTokens(route: number, now: number, tokens: number): void {
    this.rollMinute(now);
    this.minuteTokens[route]! += tokens;
  }

  /** A request took `route` (least-busy: one more in flight). */
  routed(route: number): void {
    this.inFlight[route]!++;
  }

  /** A request no longer counts as in flight on `route` (its call ended, it was routed again, or it ended). */
  moved(route: number): void {
    this.inFlight[route]!--;
  }

  /** A request routed to `route` ended; served ones feed the latency window. */
  finished(route: number, served: boolean, latencyMs: number): void {
    if (!served) return;
    const n = this.latencyCount[route]!;
    this.latencies[route]![n % LATENCY_SAMPLES] = latencyMs;
    this.latencyCount[route] = n + 1;
  }

  /** Healthy routes, or null when all are healthy or none is (then the plain choice applies). */
  private healthyPool(healthy: (route: number) => boolean): number[] | null {
    const pool = this.healthyScratch;
    pool.length = 0;
    for (const i of this.all) if (healthy(i)) pool.push(i);
    if (pool.length === this.all.length) return null;
    if (this.strategy === 'weighted' && !pool.some((i) => this.weights[i]! > 0)) return null;
    return pool.length === 0 ? null : pool;
  }

  private weightedAll(): number {
    const u = this.rng.uniform();
    const cum = this.cumulativeWeights;
    for (let i = 0; i < cum.length - 1; i++) if (u < cum[i]!) return i;
    return cum.length - 1;
  }

  private weightedAmong(pool: number[]): number {
    let total = 0;
    for (const i of pool) total += this.weights[i]!;
    let u = this.rng.uniform() * total;
    let last = pool[0]!;
    for (const i of pool) {
      if (this.weights[i]! <= 0) continue;
      last = i;
      u -= this.weights[i]!;
      if (u < 0) return i;
    }
    return last;
  }

  /**
   * LiteLLM usage-based-routing-v2 (lowest_tpm_rpm_v2.py): skip a route when this minute's tokens plus
   * the request's input would pass its tpm, or when its requests + 1 reach its rpm (LiteLLM's `>=`, so
   * a deployment with rpm 1 is never picked); of the rest, the fewest tokens this minute, ties at random.
   */
  private leastUsed(pool: number[], now: number, inputTokens: (route: number) => number): number {
    this.rollMinute(now);
    const ties = this.ties;
    ties.length = 0;
    let lowest = Infinity;
    for (const i of pool) {
      const tokens = this.minuteTokens[i]!;
      if (tokens + inputTokens(i) > this.tpmLimit[i]!) continue;
      if (this.minuteRequests[i]! + 1 >= this.rpmLimit[i]!) continue;
      if (tokens < lowest) {
        lowest = tokens;
        ties.length = 0;
      }
      if (tokens === lowest) ties.push(i);
    }
    if (ties.length <= 1) return ties.length === 1 ? ties[0]! : -1;
    return ties[Math.min(ties.length - 1, Math.floor(this.rng.uniform() * ties.length))]!;
  }

  private rollMinute(now: number): void {
    const minute = Math.floor(now / 60_000);
    if (minute === this.usageMinute) return;
    this.usageMinute = minute;
    this.minuteTokens.fill(0);
    this.minuteRequests.fill(0);
  }

  private leastBusy(pool: number[]): number {
    let best = pool[0]!;
    for (const i of pool) if (this.inFlight[i]! < this.inFlight[best]!) best = i;
    return best;
  }

  /** Lowest mean latency of the last 10 served requests; an untried route first. */
  private fastest(pool: number[]): number {
    let best = pool[0]!;
    let bestMean = Infinity;
    for (const i of pool) {
      const n = Math.min(LATENCY_SAMPLES, this.latencyCount[i]!);
      if (n === 0) return i;
      let sum = 0;
      for (let k = 0; k < n; k++) sum += this.latencies[i]![k]!;
      if (sum / n < bestMean) {
        bestMean = sum / n;
        best = i;
      }
    }
    return best;
  }
}
