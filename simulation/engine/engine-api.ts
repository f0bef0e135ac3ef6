import type { SimRequest, Span } from './request';
import type { FaultSchedule } from './faults';

/** Event types shared by node runtimes (a node may define more from 100 up). */
export const EV_DONE = 1;
export const EV_TIMEOUT = 2;
export const EV_RETRY = 3;
export const EV_SLOT_GRANTED = 4;
export const EV_DELAY_DONE = 5;

/** Node-specific figures a runtime adds to the results (caches, breakers, …). */
export type NodeReport = Record<string, number | string | boolean | null | number[] | Record<string, number>>;

/** The behaviour of one node in a run. */
export interface NodeRuntime {
  /** A request arrives at the node (the engine has set `req.nodeIndex` and `req.enteredNodeMs`). */
  enter(req: SimRequest): void;
  /** An event this node scheduled fires. */
  onEvent(type: number, req: SimRequest, aux: number): void;
  report?(): NodeReport;
  /** Called once after every node exists (e.g. a breaker registers as observer of the call it protects). */
  attach?(engine: EngineApi): void;
  /** A request that went through this node has ended (finish hooks: gateway limiters). */
  onRequestFinished?(req: SimRequest, served: boolean): void;
  /** The final outcome of a call at an observed node (breakers). */
  onObservedOutcome?(node: number, req: SimRequest, ok: boolean, durationMs: number): void;
  /** The request's deadline passed while it was here: a call node cuts it loose by its error path. */
  abort?(req: SimRequest, errorCode: number): void;
  /** Knowledge-base update or model change (caches drop their entries). */
  invalidate?(): void;
  /** A note for the trace span of a pass-through node's visit, leaving by `port` (why it went that way). */
  spanNote?(req: SimRequest, port: number): string;
  /** Would a call entering now be let through (breakers: not open)? Routers skip routes that say no. */
  acceptsCalls?(now: number): boolean;
  /**
   * Router retries: the call `req` was routed to failed for good with `code` (and the Retry-After of
   * its last 429, or 0). True when the router takes the request back to route it again.
   */
  retryFailedCall?(req: SimRequest, code: number, retryAfterMs: number): boolean;
  /** Per-bucket series this node adds to the results timeline (breaker state). */
  series?(): Record<string, number[]>;
}

export type Outcome = 'served' | 'error' | 'escalated';

/** What node runtimes may ask of the engine. */
export interface EngineApi {
  /** Simulated time, ms since the run started. */
  readonly now: number;
  readonly faults: FaultSchedule;
  schedule(atMs: number, node: number, type: number, req: SimRequest, aux: number): void;
  /** The request leaves `node` by output port `port` (records the node's latency, moves on). */
  emit(req: SimRequest, node: number, port: number): void;
  /** The request ends here. */
  finish(req: SimRequest, outcome: Outcome, node: number): void;
  /** Adds a span to the request's trace when it is sampled. */
  span(req: SimRequest, span: Span): void;
  /**
   * Detaches the user's request from a call in flight: `req` becomes a ghost that finishes the call
   * for its bookkeeping only; the returned copy carries the user's request on. A sampled trace gets
   * a 408 span for the abandoned call with `note` saying why it was abandoned.
   */
  detach(req: SimRequest, note: string): SimRequest;
  /** A shadow copy of `req` (new id), counted only in shadow metrics. */
  shadowCopy(req: SimRequest): SimRequest;
  /** Index of the node wired to `node`'s output `port`, or −1. */
  targetOf(node: number, port: string): number;
  /** Registers `observer` for the final outcomes of calls at `node`. */
  observe(node: number, observer: number): void;
  /** Whether anyone observes `node`'s call outcomes (skip `reportOutcome` when not). */
  isObserved(node: number): boolean;
  /** A call node reports a call's final outcome (after retries) to its observers. */
  reportOutcome(node: number, req: SimRequest, ok: boolean, durationMs: number): void;
  /** Asks the engine to tell `node` when `req` ends. */
  addFinishHook(req: SimRequest, node: number): void;
  /** Series bucket clock (for nodes keeping their own timelines). */
  readonly bucketOf: (timeMs: number) => number;
  /** Index of the node with this id, or −1. */
  nodeIndexOf(id: string): number;
  /** Id of the node at this index. */
  nodeIdOf(index: number): string;
  /** The runtime of a node (for nodes that read another's state, e.g. a stale-cache reader). */
  runtime(index: number): NodeRuntime;
  /** Start of the measured window (end of warm-up). */
  readonly warmupEndMs: number;
}
