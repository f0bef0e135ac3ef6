import { EV_RETRY, type EngineApi, type NodeReport, type NodeRuntime } from '../../engine/engine-api';
import { ErrorCode, statusOf } from '../../engine/errors';
import type { SimRequest } from '../../engine/request';
import { backoffDelayMs, retryWithinBudget } from '../../engine/retry';
import type { Metrics } from '../../metrics/metrics';
import type { RandomStream } from '../../random/streams';
import { CallNodeRuntime } from '../call-node';
import { LlmRuntime } from '../llm/llm';
import { defineNodeKind, type BuildContext, type PortDefinition } from '../kind';
import { NO_CAPACITY_PORT, RouterParams, routeForClass, type RouterParamsOut } from './params';
import type { LowestLatency } from './lowest-latency';
import { RouteChooser } from './route-chooser';

/**
 * Sends each request down one of its named routes (SEMANTICS §9), and — with router retries on —
 * routes a failed call again, as LiteLLM's Router does with `num_retries` (SEMANTICS §6): the failure
 * comes back here (after the call node's own retries and after the breaker observed it, so a deployment
 * that just went into cooldown counts as unhealthy), and the request is routed anew: at once while
 * another route is healthy (litellm policy), else after the backoff.
 */
class RouterRuntime implements NodeRuntime {
  private readonly engine: EngineApi;
  private readonly metrics: Metrics;
  private readonly index: number;
  private readonly params: RouterParamsOut;
  private readonly chooser: RouteChooser;
  private readonly retryOn: Set<number>;
  private readonly retryRng: RandomStream;
  /** Per route: the call node router retries apply to (the target, or the call behind its breaker), −1 for none. */
  private readonly routeCall: Int32Array;
  /** Per route: its first node (whose `acceptsCalls` tells whether the route is healthy). */
  private readonly routeTarget: Int32Array;
  /** least-busy / latency-based: each request's latest route, when it took it, and whether it still counts as in flight there. */
  private readonly routedAt = new Map<number, { route: number; atMs: number; inFlight: boolean }>();
  private readonly tracksFinish: boolean;
  readonly routed: Float64Array;
  private readonly usageBased: boolean;
  private readonly noCapacityPort: number;
  /** latency-based over call nodes: LiteLLM's per-call latency lists (null otherwise). */
  private lowest: LowestLatency | null = null;
  private readonly classStreams: boolean[];
  retries = 0;
  retriesWithoutWait = 0;
  /** usage- and latency-based: routing decisions that found no route with room (LiteLLM's "No deployments available"). */
  noCapacity = 0;

  constructor(ctx: BuildContext<RouterParamsOut>) {
    this.engine = ctx.engine;
    this.metrics = ctx.metrics;
    this.index = ctx.index;
    this.params = ctx.params;
    const routes = ctx.params.routes;
    this.chooser = new RouteChooser(ctx.params, ctx.traffic, ctx.stream('route'));
    this.retryOn = new Set(ctx.params.retry.retryOn);
    this.retryRng = ctx.stream('router-retry-backoff');
    this.routeCall = new Int32Array(routes.length).fill(-1);
    this.routeTarget = new Int32Array(routes.length).fill(-1);
    this.tracksFinish = ctx.params.strategy === 'least-busy' || ctx.params.strategy === 'latency-based';
    this.routed = new Float64Array(routes.length);
    this.usageBased = ctx.params.strategy === 'usage-based';
    this.classStreams = ctx.traffic.classes.map((c) => c.stream);
    this.noCapacityPort = this.usageBased || ctx.params.strategy === 'latency-based' ? ctx.port(NO_CAPACITY_PORT) : -1;
  }

  attach(engine: EngineApi): void {
    this.params.routes.forEach((r, i) => {
      const target = engine.targetOf(this.index, r.name);
      this.routeTarget[i] = target;
      if (target < 0) return;
      const behind = engine.runtime(target) instanceof CallNodeRuntime ? target : engine.targetOf(target, 'pass');
      if (behind >= 0 && engine.runtime(behind) instanceof CallNodeRuntime) this.routeCall[i] = behind;
    });
    // usage-based routing counts the tokens of each successful call down a route; least-busy counts
    // calls in flight, so it needs to know when a route's call ends (LiteLLM: pre-call +1, outcome −1).
    // latency-based ranks by output tokens, as LiteLLM does, when every route leads to an LLM call.
    if (this.params.strategy === 'latency-based' && this.routeCall.every((c) => c >= 0 && engine.runtime(c) instanceof LlmRuntime)) this.lowest = this.chooser.rankByCalls(this.params.lowestLatencyBuffer);
    if (this.usageBased || this.lowest !== null || this.params.strategy === 'least-busy') for (const call of new Set(this.routeCall)) if (call >= 0) engine.observe(call, this.index);
  }

  onObservedOutcome(node: number, req: SimRequest, ok: boolean, durationMs: number): void {
    const entry = this.routedAt.get(req.id);
    if (entry !== undefined && entry.inFlight && this.routeCall[entry.route] === node) {
      entry.inFlight = false;
      this.chooser.moved(entry.route);
    }
    if (this.lowest !== null) this.noteLatency(node, req, ok, durationMs);
    if (!ok || !this.usageBased) return;
    const now = this.engine.now;
    this.routeCall.forEach((call, route) => {
      if (call === node) this.chooser.countTokens(route, now, req.callInputTokens + req.callOutputTokens);
    });
  }

  /** LiteLLM's latency logger: per-token latency of successes (and their minute's tokens and requests), 1,000 s for a timeout. */
  private noteLatency(node: number, req: SimRequest, ok: boolean, durationMs: number): void {
    const now = this.engine.now;
    const stream = this.classStreams[req.classIndex] ?? false;
    this.routeCall.forEach((call, route) => {
      if (call !== node) return;
      if (ok) {
        this.lowest!.success(route, durationMs, req.callOutputTokens, stream ? req.callTtftMs : null);
        this.chooser.countRequest(route, now);
        this.chooser.countTokens(route, now, req.callInputTokens + req.callOutputTokens);
      } else if (req.callFinalStatus === 408) this.lowest!.timeout(route);
    });
  }

  enter(req: SimRequest): void {
    req.routerRetries = 0;
    req.routerWaitedMs = 0;
    this.route(req);
  }

  onEvent(type: number, req: SimRequest): void {
    if (type === EV_RETRY && !req.done) this.route(req);
  }

  /**
   * A call reached through this router failed for good at its node (or no route had room). Returns true
   * when the router takes the request back to route it again after the wait its retry policy gives;
   * false leaves it to the failure's own port (fallbacks).
   */
  retryFailedCall(req: SimRequest, code: number, retryAfterMs: number): boolean {
    const spec = this.params.retry;
    const status = statusOf(code);
    if (req.routerRetries >= spec.numRetries || code === ErrorCode.deadline || !this.retryOn.has(status)) return false;
    const now = this.engine.now;
    const healthyAlternative = this.healthyAlternative(req, now);
    // LiteLLM (should_retry_this_error, checked on the first failure): with no healthy deployment left
    // the error is raised at once — to the fallbacks or the caller — whatever it was.
    if (spec.policy === 'litellm' && req.routerRetries === 0 && !this.anyHealthy(req, now)) return false;
    const waitMs = spec.policy === 'litellm' && healthyAlternative ? 0 : backoffDelayMs(spec, req.routerRetries, retryAfterMs, this.retryRng);
    if (now + waitMs >= req.deadlineMs || !retryWithinBudget(spec, req.routerWaitedMs, waitMs, retryAfterMs)) return false;
    req.routerRetries++;
    req.routerWaitedMs += waitMs;
    req.routerRetryWaitMs = waitMs;
    if (req.counted && !req.shadow) {
      this.retries++;
      if (waitMs === 0) this.retriesWithoutWait++;
      this.metrics.nodeRetries[this.index]!++;
      // A retry is another visit: the router's latency sample for it is the wait.
      this.metrics.nodeEntered[this.index]!++;
    }
    this.metrics.seriesRetries.add(now, 1);
    req.errorCode = ErrorCode.none;
    req.errorNode = -1;
    req.nodeIndex = this.index;
    req.enteredNodeMs = now;
    this.engine.schedule(now + waitMs, this.index, EV_RETRY, req, 0);
    return true;
  }

  onRequestFinished(req: SimRequest, served: boolean): void {
    const entry = this.routedAt.get(req.id);
    if (!entry) return;
    this.routedAt.delete(req.id);
    if (entry.inFlight) this.chooser.moved(entry.route);
    this.chooser.finished(entry.route, served, this.engine.now - entry.atMs);
  }

  spanNote(req: SimRequest, port: number): string {
    if (port === this.noCapacityPort) return 'no route has room under its tpm/rpm this minute (LiteLLM: "No deployments available", 429)';
    if (req.retryRouter !== this.index || req.routerRetries === 0) return '';
    const wait = req.routerRetryWaitMs === 0 ? 'no wait: another route was healthy (LiteLLM)' : `after a ${Math.round(req.routerRetryWaitMs)} ms backoff`;
    return `router retry ${req.routerRetries} of ${this.params.retry.numRetries}, ${wait}`;
  }

  report(): NodeReport {
    const out: NodeReport = { strategy: this.params.strategy, routed: Object.fromEntries(this.params.routes.map((r, i) => [r.name, this.routed[i]!])) };
    if (this.params.retry.numRetries > 0) Object.assign(out, { retries: this.retries, retriesWithoutWait: this.retriesWithoutWait });
    if (this.noCapacityPort >= 0) out.noRouteWithRoom = this.noCapacity;
    return out;
  }

  private route(req: SimRequest): void {
    const now = this.engine.now;
    const route = this.chooser.choose(req, this.params.skipOpenBreakers ? (i) => this.healthy(i, now) : null, now, (i) => this.inputTokens(i, req));
    if (route < 0) {
      this.noRoute(req);
      return;
    }
    if (this.usageBased) this.chooser.countRequest(route, now);
    if (req.counted && !req.shadow) this.routed[route]!++;
    if (this.tracksFinish) this.track(req, route, now);
    if (this.params.retry.numRetries > 0) {
      req.retryRouter = this.index;
      req.retryCall = this.routeCall[route]!;
    }
    this.engine.emit(req, this.index, route);
  }

  /**
   * least-busy / latency-based bookkeeping: the request counts as in flight on its latest route until
   * the route's call ends (routes that lead to a call node) or the request ends (other routes).
   */
  private track(req: SimRequest, route: number, now: number): void {
    const entry = this.routedAt.get(req.id);
    if (entry === undefined) {
      this.routedAt.set(req.id, { route, atMs: now, inFlight: true });
      this.engine.addFinishHook(req, this.index);
    } else {
      if (entry.inFlight) this.chooser.moved(entry.route);
      entry.route = route;
      entry.atMs = now;
      entry.inFlight = true;
    }
    this.chooser.routed(route);
  }

  /**
   * usage- or latency-based routing found no route with room: LiteLLM raises a 429 ("No deployments available",
   * Retry-After 60 s), which its Router retries like any 429 before the no_capacity port takes over.
   */
  private noRoute(req: SimRequest): void {
    if (req.counted && !req.shadow) this.noCapacity++;
    if (this.retryFailedCall(req, ErrorCode.rateLimited, 60_000)) return;
    req.errorCode = ErrorCode.rateLimited;
    req.errorNode = this.index;
    this.engine.emit(req, this.index, this.noCapacityPort);
  }

  private inputTokens(route: number, req: SimRequest): number {
    const call = this.routeCall[route]!;
    return call < 0 ? req.queryTokens : (this.engine.runtime(call) as CallNodeRuntime<never>).estimateInputTokens(req);
  }

  private healthy(route: number, now: number): boolean {
    const target = this.routeTarget[route]!;
    return target < 0 || (this.engine.runtime(target).acceptsCalls?.(now) ?? true);
  }

  /** LiteLLM retries at once when the group has more than one deployment and one of them is healthy. */
  private healthyAlternative(req: SimRequest, now: number): boolean {
    const candidates = this.chooser.candidates(req);
    return candidates.length > 1 && candidates.some((i) => this.healthy(i, now));
  }

  private anyHealthy(req: SimRequest, now: number): boolean {
    return this.chooser.candidates(req).some((i) => this.healthy(i, now));
  }
}

export const routerKind = defineNodeKind({
  kind: 'router',
  title: 'Router',
  group: 'reliability',
  description:
    'Splits traffic over named routes: by query class (model tiering), by weight, to the least busy route, to the fastest recently, or to the least used this minute within tpm/rpm (LiteLLM usage-based). Optionally skips routes in cooldown and retries failed calls through the router (LiteLLM Router).',
  params: RouterParams,
  outputs: [],
  outputsFor: (p): PortDefinition[] => [
    ...p.routes.map((r) => ({ name: r.name, description: `Route "${r.name}"`, required: true })),
    ...(p.strategy === 'usage-based' || p.strategy === 'latency-based'
      ? [{ name: NO_CAPACITY_PORT, description: 'No route has room under its tpm/rpm this minute (LiteLLM: "No deployments available", a 429); unwired, the request ends as an Error.', required: false, isError: true }]
      : []),
  ],
  acceptsInput: true,
  callNode: false,
  summarize: (p) => [
    p.strategy,
    p.routes.map((r) => (p.strategy === 'weighted' ? `${r.name} ${r.weight}` : r.name)).join(' · '),
    ...(p.retry.numRetries > 0 ? [`${p.retry.numRetries} router retries (${p.retry.policy})`] : []),
  ],
  validate: ({ params, path, nodeId, classNames }) => {
    if (params.strategy !== 'by-class') return [];
    return classNames
      .filter((c) => routeForClass(params.routes, c) < 0)
      .map((c) => ({ severity: 'error' as const, path: `${path}.params.routes`, nodeId, message: `query class '${c}' has no route: list it in a route's classes or leave one route's classes empty as the default` }));
  },
  load: (p, ctx) => {
    const total = p.routes.reduce((s, r) => s + r.weight, 0) || 1;
    const shares: Record<string, number> = Object.fromEntries(p.routes.map((r) => [r.name, p.strategy === 'weighted' ? r.weight / total : 0]));
    if (p.strategy === 'by-class') {
      const classTotal = ctx.traffic.classes.reduce((s, c) => s + c.share, 0);
      for (const c of ctx.traffic.classes) {
        const i = routeForClass(p.routes, c.name);
        if (i >= 0) shares[p.routes[i]!.name]! += c.share / classTotal;
      }
    } else if (p.strategy !== 'weighted') for (const r of p.routes) shares[r.name] = 1 / p.routes.length;
    return { meanServiceMs: 0, meanTokensPerCall: 0, portShares: shares, quotaId: null };
  },
  create: (ctx) => new RouterRuntime(ctx),
});
