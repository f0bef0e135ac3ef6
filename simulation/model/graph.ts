import { nodeKind, nodeOutputs } from '../nodes/registry';
import type { PortDefinition } from '../nodes/kind';

/** The minimal graph shape the connection rules need (the editor passes its own nodes and edges). */
export interface GraphNodeLike {
  id: string;
  kind: string;
  /** Needed for kinds whose outputs depend on params (routers). */
  params?: unknown;
}
export interface GraphEdgeLike {
  from: string;
  port: string;
  to: string;
}

export function portsOf(node: GraphNodeLike): readonly PortDefinition[] {
  return nodeOutputs(node.kind, node.params);
}

/** Node ids reachable from `start` along edges. */
export function reachableFrom(start: Iterable<string>, edges: readonly GraphEdgeLike[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.from);
    if (list) list.push(e.to);
    else next.set(e.from, [e.to]);
  }
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const to of next.get(id) ?? []) if (!seen.has(to)) stack.push(to);
  }
  return seen;
}

/** A cycle in the graph as a list of node ids (first = last), or null. */
export function findCycle(nodeIds: readonly string[], edges: readonly GraphEdgeLike[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of edges) (next.get(e.from) ?? next.set(e.from, []).get(e.from)!).push(e.to);
  const state = new Map<string, 1 | 2>(); // 1 = on stack, 2 = done
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 1);
    stack.push(id);
    for (const to of next.get(id) ?? []) {
      const s = state.get(to);
      if (s === 1) return [...stack.slice(stack.indexOf(to)), to];
      if (s === undefined) {
        const found = visit(to);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 2);
    return null;
  };
  for (const id of nodeIds) {
    if (!state.has(id)) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return null;
}

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

/**
 * May output `port` of node `fromId` connect to node `toId`? The editor calls this on every drag and
 * the validator applies the same rules to files, so the canvas and the CLI never disagree.
 */
export function canConnect(nodes: readonly GraphNodeLike[], edges: readonly GraphEdgeLike[], fromId: string, port: string, toId: string): ConnectionCheck {
  const from = nodes.find((n) => n.id === fromId);
  const to = nodes.find((n) => n.id === toId);
  if (!from) return { ok: false, reason: `no node '${fromId}'` };
  if (!to) return { ok: false, reason: `no node '${toId}'` };
  const ports = portsOf(from);
  if (!ports.some((p) => p.name === port)) {
    return { ok: false, reason: ports.length ? `'${fromId}' has no output '${port}'; its outputs are ${ports.map((p) => p.name).join(', ')}` : `'${fromId}' is a terminal and has no outputs` };
  }
  if (!nodeKind(to.kind)?.acceptsInput) return { ok: false, reason: `'${toId}' (${nodeKind(to.kind)?.title ?? to.kind}) has no input` };
  if (fromId === toId) return { ok: false, reason: 'a node cannot feed itself; use the node\'s retries instead' };
  const taken = edges.find((e) => e.from === fromId && e.port === port);
  if (taken) return { ok: false, reason: `output '${port}' of '${fromId}' already goes to '${taken.to}'; an output connects to one node (split traffic with a router)` };
  if (reachableFrom([toId], edges).has(fromId)) {
    return { ok: false, reason: `'${toId}' already leads back to '${fromId}': the edge would close a cycle; use retries or a fallback node instead` };
  }
  return { ok: true };
}
