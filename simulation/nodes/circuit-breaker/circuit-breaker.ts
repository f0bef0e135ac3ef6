import { ErrorCode } from '../../engine/errors';
import type { EngineApi, NodeReport, NodeRuntime } from '../../engine/engine-api';
import type { SimRequest } from '../../engine/request';
import { LevelSeries, SumSeries } from '../../metrics/series';
import type { Metrics } from '../../metrics/metrics';
import { defineNodeKind, type BuildContext } from '../kind';
import { nodeKind } from '../registry';
import { BreakerParams, type BreakerParamsOut } from './params';
import { breakerLogic, CLOSED, HALF_OPEN, OPEN, type BreakerLogic } from './state-machines';

const EV_CALL_TIMEOUT = 100;

/**
 * A circuit breaker in front of one call node (its `pass` port). It observes the final outcome of
 * every call at that node; while open it short-circuits requests to its `open` port (the degraded
 * path) without calling, which saves the money doomed calls would have cost. opossum's `timeout`
 * cuts a slow call loose: the request takes the open path at once and the call finishes as a ghost.
 */
class CircuitBreakerRuntime implements NodeRuntime {
  private readonly engine: EngineApi;
  private readonly metrics: Metrics;
  private readonly index: number;
  private readonly params: BreakerParamsOut;
  private readonly logic: BreakerLogic;
  private readonly passPort: number;
  private readonly openPort: number;
  private protectedNode = -1;
  /** Requests passed to the protected call and not yet decided, when opossum's timeout is on. */
  private readonly pending = new Set<number>();
  private readonly openLevel: LevelSeries;
  private readonly shortCircuitSeries: SumSeries;
  private lastState = CLOSED;
  private stateSinceMs = 0;
  shortCircuited = 0;
  timedOut = 0;
  opened = 0;
  timeOpenMs = 0;
  timeHalfOpenMs = 0;

  constructor(ctx: BuildContext<BreakerParamsOut>) {
    this.engine = ctx.engine;
    this.metrics = ctx.metrics;
    this.index = ctx.index;
    this.params = ctx.params;
    this.logic = breakerLogic(ctx.params);
    this.passPort = ctx.port('pass');
    this.openPort = ctx.port('open');
    this.openLevel = ctx.metrics.clock.register(new LevelSeries(ctx.metrics.clock));
    this.shortCircuitSeries = ctx.metrics.clock.register(new SumSeries(ctx.metrics.clock));
  }

  attach(engine: EngineApi): void {
    this.protectedNode = engine.targetOf(this.index, 'pass');
    if (this.protectedNode >= 0) engine.observe(this.protectedNode, this.index);
  }

  enter(req: SimRequest): void {
    const now = this.engine.now;
    const admitted = this.logic.admit(now);
    this.noteState(now);
    if (!admitted) {
      if (req.counted && !req.shadow) this.shortCircuited++;
      this.shortCircuitSeries.add(now, 1);
      this.metrics.seriesShortCircuited.add(now, 1);
      req.errorCode = ErrorCode.unavailable;
      this.engine.emit(req, this.index, this.openPort);
      return;
    }
    const timeout = this.params.flavour === 'opossum' ? this.params.opossum.timeout : null;
    if (timeout !== null) {
      this.pending.add(req.id);
      this.engine.schedule(now + timeout, this.index, EV_CALL_TIMEOUT, req, req.id);
    }
    this.engine.emit(req, this.index, this.passPort);
  }

  onEvent(_type: number, req: SimRequest): void {
    // opossum timeout: the call is still running; the request gives up on it and takes the open path.
    if (!this.pending.delete(req.id) || req.done || req.ghost) return;
    const now = this.engine.now;
    this.logic.record(now, false, now - req.enteredNodeMs);
    this.noteState(now);
    if (req.counted && !req.shadow) this.timedOut++;
    if (!req.inCall) return; // already past the call: nothing to cut
    const user = this.engine.detach(req, `cut loose by the breaker's ${this.params.opossum.timeout} ms timeout (opossum); the call finishes in the background`);
    user.inCall = false;
    user.errorCode = ErrorCode.timeout;
    // The wait belongs to the call's span; the breaker's own visit is the moment it gave up.
    user.enteredNodeMs = now;
    this.engine.emit(user, this.index, this.openPort);
  }

  onObservedOutcome(_node: number, req: SimRequest, ok: boolean, durationMs: number): void {
    // A ghost whose id is no longer pending was cut loose by our own timeout: already counted then.
    if (!this.pending.delete(req.id) && req.ghost) return;
    const now = this.engine.now;
    this.logic.record(now, ok, durationMs, ok ? 0 : req.callRetryAfterMs, ok ? 200 : req.callFinalStatus);
    this.noteState(now);
  }

  acceptsCalls(now: number): boolean {
    return this.logic.available(now);
  }

  spanNote(req: SimRequest, port: number): string {
    if (port === this.passPort) return this.logic.state === HALF_OPEN ? 'passed: half-open trial call' : 'passed: breaker closed';
    if (req.errorCode === ErrorCode.timeout) return 'cut loose: no answer within the timeout, took the open path';
    return 'short-circuited: breaker open, no call made';
  }

  report(): NodeReport {
    this.noteState(this.engine.now);
    return {
      flavour: this.params.flavour,
      // The protected node's id, as people read it in the per-node report (not its index).
      protects: this.protectedNode >= 0 ? this.engine.nodeIdOf(this.protectedNode) : null,
      state: ['closed', 'open', 'half-open'][this.logic.state]!,
      timesOpened: this.opened,
      timeOpenMs: this.timeOpenMs,
      timeHalfOpenMs: this.timeHalfOpenMs,
      shortCircuited: this.shortCircuited,
      timedOutCalls: this.timedOut,
    };
  }

  series(): Record<string, number[]> {
    this.openLevel.advance(this.engine.now);
    return { openShare: this.openLevel.toMeans(), shortCircuited: this.shortCircuitSeries.toArray() };
  }

  /** Tracks time spent open / half-open (measured window only) and the state timeline. */
  private noteState(now: number): void {
    const state = this.logic.state;
    if (state === this.lastState) return;
    const from = Math.max(this.stateSinceMs, this.engine.warmupEndMs);
    if (now > from) {
      if (this.lastState === OPEN) this.timeOpenMs += now - from;
      if (this.lastState === HALF_OPEN) this.timeHalfOpenMs += now - from;
    }
    if (state === OPEN && this.lastState === CLOSED) this.opened++;
    this.openLevel.set(now, state === CLOSED ? 0 : 1);
    this.lastState = state;
    this.stateSinceMs = now;
  }
}

export const circuitBreakerKind = defineNodeKind({
  kind: 'circuit_breaker',
  title: 'Circuit breaker',
  group: 'reliability',
  description: 'Watches the call on its pass port; when it fails too often, short-circuits requests to the open (degraded) path for a while. Flavours: opossum, resilience4j, LiteLLM cooldown.',
  params: BreakerParams,
  outputs: [
    { name: 'pass', description: 'The protected call (must be a call node).', required: true },
    { name: 'open', description: 'The degraded path while the breaker is open (a fallback); unwired → error.', required: false, isError: true },
  ],
  acceptsInput: true,
  callNode: false,
  summarize: (p) => {
    if (p.flavour === 'opossum') return ['opossum', `> ${p.opossum.errorThresholdPercentage} % errors → open ${p.opossum.resetTimeout / 1000} s`];
    if (p.flavour === 'resilience4j') return ['resilience4j', `≥ ${p.resilience4j.failureRateThreshold} % of ${p.resilience4j.slidingWindowSize} → open ${p.resilience4j.waitDurationInOpenState / 1000} s`];
    return ['LiteLLM cooldown', `> ${p.litellm.allowed_fails} fails/min → out ${p.litellm.cooldown_time} s`];
  },
  load: () => ({ meanServiceMs: 0, meanTokensPerCall: 0, portShares: { pass: 1, open: 0 }, quotaId: null }),
  create: (ctx) => new CircuitBreakerRuntime(ctx),
});

/** Validation: a breaker's pass port must lead to a call node. */
export function breakerTargetProblem(targetKind: string | undefined): string | null {
  if (targetKind === undefined) return null;
  return nodeKind(targetKind)?.callNode ? null : `a circuit breaker protects a call node (LLM, embedding, retrieval, reranker, service); its pass port leads to a ${nodeKind(targetKind)?.title ?? targetKind}`;
}
