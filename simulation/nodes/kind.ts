import type { z } from 'zod';
import type { Catalog } from '../catalog/catalog';
import type { SimRequest } from '../engine/request';
import type { EngineApi, NodeRuntime } from '../engine/engine-api';
import type { RandomStream } from '../random/streams';
import type { QuotaRuntime } from '../engine/quota';
import type { CompiledTraffic } from '../engine/traffic';
import type { Metrics } from '../metrics/metrics';

/** Where a kind sits in the editor's palette. */
export type NodeGroup = 'traffic' | 'retrieval' | 'models' | 'caches' | 'reliability' | 'services' | 'terminals';

export interface PortDefinition {
  name: string;
  description: string;
  /** A required port must be wired (e.g. a call's `ok`); an unwired `error` port ends the request as an Error. */
  required: boolean;
  /** The port a request takes when the node fails (unwired → the request ends as an Error). */
  isError?: boolean;
}

/** A problem found in a document: errors block a run, warnings do not. */
export interface Problem {
  severity: 'error' | 'warning';
  /** JSON path of the offending value, e.g. `$.nodes[2].params.model`. */
  path: string;
  /** Node the problem belongs to (for highlighting on the canvas). */
  nodeId?: string;
  message: string;
}

/** What a kind's semantic checks may read. */
export interface ValidationInput<P> {
  nodeId: string;
  path: string;
  params: P;
  catalog: Catalog;
  quotaIds: ReadonlySet<string>;
  /** Names of the traffic's query classes. */
  classNames: readonly string[];
  /** Ids and kinds of every node (for kinds that reference another node). */
  nodes: ReadonlyArray<{ id: string; kind: string }>;
}

/** What a node runtime is built from. */
export interface BuildContext<P> {
  index: number;
  id: string;
  name: string;
  params: P;
  engine: EngineApi;
  catalog: Catalog;
  traffic: CompiledTraffic;
  metrics: Metrics;
  stream(purpose: string): RandomStream;
  quota(id: string | null | undefined): QuotaRuntime | null;
  /** Team/key label of each node that is a traffic source ('' for other nodes), by node index. */
  sourceLabels: string[];
  /** Index of one of this node's output ports. */
  port(name: string): number;
}

/** Mean behaviour of a node for the pre-run load estimate (SEMANTICS §12). */
export interface LoadProfile {
  /** Mean time a call holds a concurrency slot, ms. */
  meanServiceMs: number;
  /** Mean tokens one call counts against TPM (input + output), or 0. */
  meanTokensPerCall: number;
  /** Mean input tokens of one call (Anthropic ITPM), defaults to meanTokensPerCall. */
  meanInputTokensPerCall?: number;
  /** Mean tokens one call reserves at admission (OpenAI: input + max_tokens). */
  meanReservedTokensPerCall?: number;
  /** Probability of leaving by each output port (sums to 1). */
  portShares: Record<string, number>;
  quotaId: string | null;
}

export interface LoadContext {
  catalog: Catalog;
  traffic: CompiledTraffic;
  /** Mean retrieved chunks and chunk tokens reaching this node (from upstream retrieval/rerank). */
  upstreamChunks: number;
  upstreamChunkTokens: number;
}

export interface NodeKindDefinition<S extends z.ZodType = z.ZodType, K extends string = string> {
  kind: K;
  title: string;
  group: NodeGroup;
  description: string;
  params: S;
  /** Output ports. Kinds whose ports depend on their params (a router's named routes) also give `outputsFor`. */
  outputs: readonly PortDefinition[];
  outputsFor?(params: z.output<S>): PortDefinition[];
  acceptsInput: boolean;
  terminal?: 'response' | 'error' | 'escalation';
  /** A call node talks to an external service: it has `ok`/`error` ports, retries and a timeout. */
  callNode: boolean;
  /** One or two key figures for the canvas, e.g. ["gpt-5.4-mini", "$0.75 / $4.50 per 1M"]. */
  summarize(params: z.output<S>, catalog: Catalog): string[];
  validate?(input: ValidationInput<z.output<S>>): Problem[];
  quotaRefs?(params: z.output<S>): string[];
  /** The longest a request may legitimately stay in this node (batch lanes): draining waits for it. */
  maxHoldMs?(params: z.output<S>): number;
  /** True when the node reads the request's query key (caches): the run then draws query popularity. */
  usesQueryKeys?(params: z.output<S>): boolean;
  load?(params: z.output<S>, ctx: LoadContext): LoadProfile & { chunksOut?: number; chunkTokensOut?: number };
  create(ctx: BuildContext<z.output<S>>): NodeRuntime;
}

/** Identity helper that keeps each kind's params type. */
export function defineNodeKind<S extends z.ZodType, const K extends string>(def: NodeKindDefinition<S, K>): NodeKindDefinition<S, K> {
  return def;
}

export type { SimRequest };
export type { NodeReport } from '../engine/engine-api';
