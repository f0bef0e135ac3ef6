import type { Problem } from '../nodes/kind';
import { nodeKind } from '../nodes/registry';
import { findCycle, portsOf, type GraphEdgeLike, type GraphNodeLike } from './graph';

export function kindTitle(kind: string): string {
  return nodeKind(kind)?.title ?? kind;
}

export interface Wiring {
  problems: Problem[];
  indexById: Map<string, number>;
  /** `from\0port` → the edge index that wires that output. */
  wired: Map<string, number>;
  /** The edges that passed every check: what reachability and cycles are computed on. */
  validEdges: GraphEdgeLike[];
}

/**
 * The checks that need only ids, kinds and edges (SEMANTICS §1): unique node ids, edge endpoints that
 * exist, ports the source node has, targets that take input, each output wired once, required outputs
 * wired, no cycle. validateGraph runs
 * it on a schema-valid document; loadPipeline also runs it when the schema check failed, so a file's
 * wiring errors are listed with its schema errors, not only after they are fixed. `skipPorts`: nodes
 * whose outputs depend on params that did not parse (a router's routes), whose ports are not checked.
 */
export function checkWiring(nodes: readonly GraphNodeLike[], edges: readonly GraphEdgeLike[], skipPorts: ReadonlySet<string> = new Set()): Wiring {
  const problems: Problem[] = [];
  const err = (path: string, message: string, nodeId?: string) => problems.push({ severity: 'error', path, message: `${path}: ${message}`, ...(nodeId ? { nodeId } : {}) });
  const indexById = new Map<string, number>();
  nodes.forEach((n, i) => {
    const first = indexById.get(n.id);
    if (first !== undefined) err(`$.nodes[${i}].id`, `duplicate id '${n.id}' (also at $.nodes[${first}]); node ids must be unique`, n.id);
    else indexById.set(n.id, i);
  });
  const nodeList = nodes.map((n) => n.id).join(', ');
  const wired = new Map<string, number>();
  const validEdges: GraphEdgeLike[] = [];
  edges.forEach((e, i) => {
    const path = `$.edges[${i}]`;
    const fromIdx = indexById.get(e.from);
    const toIdx = indexById.get(e.to);
    if (fromIdx === undefined) return err(`${path}.from`, `no node '${e.from}'; nodes are: ${nodeList}`);
    if (toIdx === undefined) return err(`${path}.to`, `no node '${e.to}'; nodes are: ${nodeList}`);
    const from = nodes[fromIdx]!;
    const to = nodes[toIdx]!;
    if (!skipPorts.has(from.id)) {
      const ports = portsOf(from);
      if (!ports.some((p) => p.name === e.port)) {
        return err(`${path}.port`, ports.length ? `node '${e.from}' (${kindTitle(from.kind)}) has no output '${e.port}'; its outputs are ${ports.map((p) => p.name).join(', ')}` : `node '${e.from}' is a ${kindTitle(from.kind)} terminal and has no outputs`, e.from);
      }
    }
    if (nodeKind(to.kind) && !nodeKind(to.kind)!.acceptsInput) return err(`${path}.to`, `node '${e.to}' (${kindTitle(to.kind)}) has no input; requests cannot be sent to it`, e.to);
    const key = `${e.from}\u0000${e.port}`;
    const earlier = wired.get(key);
    if (earlier !== undefined) return err(path, `output '${e.port}' of '${e.from}' is wired twice (also $.edges[${earlier}]); an output connects to one node — split traffic with a router`, e.from);
    wired.set(key, i);
    validEdges.push(e);
  });
  // Required ports: an output a request can leave by must lead somewhere.
  nodes.forEach((n, i) => {
    if (skipPorts.has(n.id)) return;
    for (const port of portsOf(n)) {
      if (port.required && !wired.has(`${n.id}\u0000${port.name}`)) err(`$.nodes[${i}]`, `node '${n.id}' (${kindTitle(n.kind)}): output '${port.name}' leads nowhere; connect it to the next step`, n.id);
    }
  });
  const cycle = findCycle(nodes.map((n) => n.id), validEdges);
  if (cycle) err('$.edges', `the edges form a cycle ${cycle.join(' → ')}; a request could loop forever. Use a node's retries or a fallback chain instead`, cycle[0]);
  return { problems, indexById, wired, validEdges };
}

/**
 * The wiring of a document the schema refused: its nodes and edges read as far as they are well
 * formed (an id and a known kind; from, port and to as text), ports unchecked for `skipPorts`.
 */
export function wiringOfRaw(raw: unknown, skipPorts: ReadonlySet<string>): Problem[] {
  const doc = raw as { nodes?: unknown; edges?: unknown } | null;
  if (!doc || !Array.isArray(doc.nodes) || !Array.isArray(doc.edges)) return [];
  const isText = (x: unknown): x is string => typeof x === 'string' && x !== '';
  const nodes = doc.nodes as Array<{ id?: unknown; kind?: unknown; params?: unknown }>;
  const edges = doc.edges as Array<{ from?: unknown; port?: unknown; to?: unknown }>;
  // A node without a readable id or kind is the schema's to report; the wiring is then not checked.
  if (!nodes.every((n) => n && isText(n.id) && isText(n.kind) && nodeKind(n.kind))) return [];
  if (!edges.every((e) => e && isText(e.from) && isText(e.port) && isText(e.to))) return [];
  const graphNodes = nodes.map((n) => ({ id: n.id as string, kind: n.kind as string, params: n.params }));
  return checkWiring(graphNodes, edges as GraphEdgeLike[], skipPorts).problems;
}
