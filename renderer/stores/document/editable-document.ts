import type { Json } from './json-ops';

/**
 * The document the editor holds: the pipeline file's JSON exactly as written (defaults are NOT filled
 * in, so saving writes back what the user wrote plus their edits). Only the shape the canvas needs
 * is guaranteed: `nodes` and `edges` are arrays of objects with string ids. Everything else is
 * checked by `loadPipeline` and shown as problems, never silently repaired.
 */
export type JsonObject = { [key: string]: Json };
export interface EditorNode {
  id: string;
  kind: string;
  name?: string;
  position?: { x: number; y: number };
  params?: JsonObject;
}
export interface EditorEdge {
  from: string;
  port: string;
  to: string;
}
export type EditableDocument = { nodes: EditorNode[]; edges: EditorEdge[] } & { [key: string]: unknown };

export type ToEditableResult = { ok: true; doc: EditableDocument } | { ok: false; reason: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * Accepts any parsed JSON whose nodes and edges the canvas can draw; missing `nodes`/`edges` become
 * empty arrays (their schema default). Anything the canvas cannot draw is refused with the reason.
 */
export function toEditable(raw: unknown): ToEditableResult {
  if (!isObject(raw)) return { ok: false, reason: `$: got ${describeType(raw)}, expected a pipeline object with "nodes" and "edges"` };
  const nodes = raw.nodes ?? [];
  const edges = raw.edges ?? [];
  if (!Array.isArray(nodes)) return { ok: false, reason: `$.nodes: got ${describeType(nodes)}, expected an array of nodes` };
  if (!Array.isArray(edges)) return { ok: false, reason: `$.edges: got ${describeType(edges)}, expected an array of edges` };
  for (const [i, n] of nodes.entries()) {
    if (!isObject(n) || typeof n.id !== 'string' || typeof n.kind !== 'string') {
      return { ok: false, reason: `$.nodes[${i}]: every node needs a string "id" and "kind" to be drawn` };
    }
    if (n.params !== undefined && !isObject(n.params)) return { ok: false, reason: `$.nodes[${i}].params: got ${describeType(n.params)}, expected an object` };
  }
  for (const [i, e] of edges.entries()) {
    if (!isObject(e) || typeof e.from !== 'string' || typeof e.to !== 'string' || typeof e.port !== 'string') {
      return { ok: false, reason: `$.edges[${i}]: every edge needs string "from", "port" and "to"` };
    }
  }
  return { ok: true, doc: { ...raw, nodes, edges } as EditableDocument };
}

/** A new, empty pipeline: traffic, SLOs and run settings take their documented defaults. */
export function blankDocument(name = 'Untitled pipeline'): EditableDocument {
  return { version: 1, pipeline: { name, description: '' }, nodes: [], edges: [] };
}

/** The document as file text (two-space JSON, trailing newline, like the examples). */
export function serializeDocument(doc: EditableDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function pipelineName(doc: EditableDocument): string {
  const p = doc.pipeline;
  return isObject(p) && typeof p.name === 'string' && p.name ? p.name : 'Untitled pipeline';
}

export function nodeIndex(doc: EditableDocument, id: string): number {
  return doc.nodes.findIndex((n) => n.id === id);
}

export function edgeKey(e: EditorEdge): string {
  return `${e.from}:${e.port}->${e.to}`;
}
