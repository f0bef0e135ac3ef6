import type { Edge, Node } from '@xyflow/react';
import { formatMs, nodeKind, formatShare, type Catalog, type Problem, type RunResults } from '../../simulation/index';
import { edgeKey, type EditableDocument, type EditorNode } from '../stores/document/editable-document';
import { portsOfNode } from '../stores/document/node-ports';
import { problemText } from '../stores/validation';

export interface PortView {
  name: string;
  description: string;
  isError: boolean;
  required: boolean;
  connected: boolean;
}

/** Everything the generic node component draws; derived from the document, validation and results. */
export type PipelineNodeData = {
  nodeId: string;
  kind: string;
  kindTitle: string;
  group: string;
  name: string;
  summary: string[];
  acceptsInput: boolean;
  ports: PortView[];
  errors: string[];
  warnings: string[];
  /** The node's own figures from the last run (null before a run, or for a node the run did not have). */
  figures: { p95: string; costShare: string; stale: boolean } | null;
  unknownKind: boolean;
};

export type FlowNode = Node<PipelineNodeData, 'pipeline'>;

const GRID = 220;
const summaryCache = new WeakMap<object, { catalog: Catalog; lines: string[] }>();

/** The kind's own 1–2 key figures; an invalid params object says so instead. */
export function summarizeNode(node: EditorNode, catalog: Catalog): string[] {
  const def = nodeKind(node.kind);
  if (!def) return [];
  const params = node.params ?? {};
  const cached = summaryCache.get(params);
  if (cached && cached.catalog === catalog) return cached.lines;
  const parsed = def.params.safeParse(params);
  let lines: string[];
  try {
    lines = parsed.success ? def.summarize(parsed.data, catalog).slice(0, 2) : [needs(parsed.error.issues[0])];
  } catch {
    lines = ['invalid parameters'];
  }
  summaryCache.set(params, { catalog, lines });
  return lines;
}

/** What an unparsable params object needs first, in a few words: "needs cache", "set at least one of…". */
function needs(issue: { path: PropertyKey[]; message: string; code: string } | undefined): string {
  if (!issue) return 'invalid parameters';
  const field = issue.path.map(String).join('.');
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message) && field) return `needs ${field}`;
  return field ? `invalid ${field}` : issue.message;
}

export interface FlowInputs {
  doc: EditableDocument;
  catalog: Catalog;
  byNode: Record<string, Problem[]>;
  results: RunResults | null;
  resultsStale: boolean;
  selectedNodes: ReadonlySet<string>;
}

export function nodeData(node: EditorNode, inputs: FlowInputs): PipelineNodeData {
  const def = nodeKind(node.kind);
  const problems = inputs.byNode[node.id] ?? [];
  const wired = new Set(inputs.doc.edges.filter((e) => e.from === node.id).map((e) => e.port));
  const result = inputs.results?.nodes.find((n) => n.id === node.id && n.kind === node.kind);
  return {
    nodeId: node.id,
    kind: node.kind,
    kindTitle: def?.title ?? `Unknown kind "${node.kind}"`,
    group: def?.group ?? 'unknown',
    name: node.name || node.id,
    summary: summarizeNode(node, inputs.catalog),
    acceptsInput: def?.acceptsInput ?? true,
    ports: portsOfNode(node).map((p) => ({ name: p.name, description: p.description, isError: !!p.isError, required: p.required, connected: wired.has(p.name) })),
    errors: problems.filter((p) => p.severity === 'error').map(problemText),
    warnings: problems.filter((p) => p.severity === 'warning').map(problemText),
    figures:
      result && node.kind !== 'source' && node.kind !== 'response' && node.kind !== 'error'
        ? { p95: result.latency.count > 0 ? formatMs(result.latency.p95) : '—', costShare: formatShare(result.costShare), stale: inputs.resultsStale }
        : null,
    unknownKind: !def,
  };
}

/**
 * xyflow nodes for the document. Keeps the previous node object when nothing it shows changed (so
 * React skips it) and carries over xyflow's measured size, which the canvas needs for edges and fit.
 */
export function toFlowNodes(inputs: FlowInputs, previous: readonly FlowNode[]): FlowNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return inputs.doc.nodes.map((node, i) => {
    const data = nodeData(node, inputs);
    const position = node.position && Number.isFinite(node.position.x) && Number.isFinite(node.position.y) ? node.position : { x: (i % 6) * GRID, y: Math.floor(i / 6) * 160 };
    const selected = inputs.selectedNodes.has(node.id);
    const old = before.get(node.id);
    if (old && old.selected === selected && old.position.x === position.x && old.position.y === position.y && JSON.stringify(old.data) === JSON.stringify(data)) return old;
    return {
      id: node.id,
      type: 'pipeline' as const,
      position,
      data,
      selected,
      ariaLabel: `${data.kindTitle} node ${data.name}${data.errors.length ? `, ${data.errors.length} problem${data.errors.length > 1 ? 's' : ''}` : ''}`,
      ...(old?.measured ? { measured: old.measured } : {}),
    };
  });
}

export function toFlowEdges(doc: EditableDocument, selectedEdges: ReadonlySet<string>, byPath: Record<string, Problem[]>): Edge[] {
  return doc.edges.map((e, i) => {
    const from = doc.nodes.find((n) => n.id === e.from);
    const port = from ? portsOfNode(from).find((p) => p.name === e.port) : undefined;
    const broken = (byPath[`$.edges[${i}]`] ?? byPath[`$.edges[${i}].port`] ?? byPath[`$.edges[${i}].to`] ?? byPath[`$.edges[${i}].from`] ?? []).length > 0;
    const key = edgeKey(e);
    const classes = [port?.isError ? 'edge-error-port' : '', broken ? 'edge-broken' : ''].filter(Boolean).join(' ');
    return {
      id: key,
      source: e.from,
      sourceHandle: e.port,
      target: e.to,
      targetHandle: 'in',
      selected: selectedEdges.has(key),
      ...(classes ? { className: classes } : {}),
      ...(port && (port.isError || e.port !== (portsOfNode(from!)[0]?.name ?? '')) ? { label: e.port } : {}),
      ariaLabel: `Connection from ${e.from} output ${e.port} to ${e.to}`,
    };
  });
}
