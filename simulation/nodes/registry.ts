import { embeddingKind } from './embedding/embedding';
import { exactCacheKind } from './exact-cache/exact-cache';
import type { NodeGroup, NodeKindDefinition } from './kind';
import { llmKind } from './llm';
import { rerankerKind } from './reranker/reranker';
import { retrievalKind } from './retrieval/retrieval';
import { serviceKind } from './service/service';
import { sourceKind } from './source/source';
import { errorKind, responseKind } from './terminals/terminals';

/** Every node kind Preflight knows. Adding a kind = one folder + one line here. */
export const NODE_KINDS = [sourceKind, embeddingKind, retrievalKind, rerankerKind, llmKind, exactCacheKind, serviceKind, responseKind, errorKind] as const;

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

/** Output port names of a kind. */
export function outputPorts(kind: string): string[] {
  return nodeKind(kind)?.outputs.map((p) => p.name) ?? [];
}
