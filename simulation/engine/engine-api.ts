import type { SimRequest, Span } from './request';

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
}

export type Outcome = 'served' | 'error' | 'escalated';

/** What node runtimes may ask of the engine. */
export interface EngineApi {
  /** Simulated time, ms since the run started. */
  readonly now: number;
  schedule(atMs: number, node: number, type: number, req: SimRequest, aux: number): void;
  /** The request leaves `node` by output port `port` (records the node's latency, moves on). */
  emit(req: SimRequest, node: number, port: number): void;
  /** The request ends here. */
  finish(req: SimRequest, outcome: Outcome, node: number): void;
  /** Adds a span to the request's trace when it is sampled. */
  span(req: SimRequest, span: Span): void;
}
