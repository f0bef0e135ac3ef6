import { batchKind } from './batch/batch';
import { budgetGateKind } from './budget-gate/budget-gate';
import { circuitBreakerKind } from './circuit-breaker/circuit-breaker';
import { confidenceGateKind } from './confidence-gate/confidence-gate';
import { embeddingKind } from './embedding/embedding';
import { exactCacheKind } from './exact-cache/exact-cache';
import type { NodeGroup, NodeKindDefinition, PortDefinition } from './kind';
import { llmKind } from './llm';
import { rateLimiterKind } from './rate-limiter/rate-limiter';
import { rerankerKind } from './reranker/reranker';
import { retrievalKind } from './retrieval/retrieval';
import { routerKind } from './router/router';
import { semanticCacheKind } from './semantic-cache/semantic-cache';
import { serviceKind } from './service/service';
import { sourceKind } from './source/source';
import { staleCacheKind } from './stale-cache/stale-cache';
import { staticAnswerKind } from './static-answer/static-answer';
import { errorKind, escalationKind, responseKind } from './terminals/terminals';
import { shadowKind, trafficSplitKind } from './traffic-split/traffic-split';

/** Every node kind Preflight knows, in palette order. Adding a kind = one folder + one line here. */
export const NODE_KINDS = [
  sourceKind,
  embeddingKind,
  retrievalKind,
  rerankerKind,
  llmKind,
  batchKind,
  exactCacheKind,
  semanticCacheKind,
  staleCacheKind,
  circuitBreakerKind,
  routerKind,
  confidenceGateKind,
  budgetGateKind,
  rateLimiterKind,
  staticAnswerKind,
  trafficSplitKind,
  shadowKind,
  serviceKind,
  responseKind,
  errorKind,
  escalationKind,
] as const;

export type NodeKindName = (typeof NODE_KINDS)[number]['kind'];

const BY_KIND = new Map<string, NodeKindDefinition>(NODE_KINDS.map((k) => [k.kind, k as unknown as NodeKindDefinition]));

export function nodeKind(kind: string): NodeKindDefinition | undefined {
  return BY_KIND.get(kind);
}

export function nodeKindNames(): string[] {
  return NODE_KINDS.map((k) => k.kind);
}

/** Palette order of the groups. */
export const NODE_GROUPS: Array<{ group: NodeGroup; title: string }> = [
  { group: 'traffic', title: 'Traffic' },
  { group: 'retrieval', title: 'Retrieval' },
  { group: 'models', title: 'Models' },
  { group: 'caches', title: 'Caches' },
  { group: 'reliability', title: 'Reliability' },
  { group: 'services', title: 'Services' },
  { group: 'terminals', title: 'Terminals' },
];

/**
 * The output ports of a node: its kind's ports, or for kinds with configurable outputs (a router's
 * routes) the ports its params define. Always use this rather than `kind.outputs`.
 */
export function nodeOutputs(kind: string, params?: unknown): readonly PortDefinition[] {
  const def = nodeKind(kind);
  if (!def) return [];
  if (def.outputsFor && params !== undefined) {
    // Raw params (an editor's document) are parsed first so defaults apply; invalid ones fall back.
    const parsed = def.params.safeParse(params);
    if (!parsed.success) return def.outputs;
    try {
      return def.outputsFor(parsed.data as never);
    } catch {
      return def.outputs;
    }
  }
  return def.outputs;
}

/** Output port names of a node. */
export function outputPorts(kind: string, params?: unknown): string[] {
  return nodeOutputs(kind, params).map((p) => p.name);
}
