import { canConnect, nodeKind } from '../../../simulation/index';
import { edgeKey, type EditableDocument, type EditorEdge, type EditorNode } from './editable-document';
import { idProblem, uniqueId } from './ids';
import { getAt, setOp, type Json, type JsonOp, type JsonPath } from './json-ops';
import { portsOfNode } from './node-ports';

/** An edit before it enters the history: a label for the Undo tooltip and its operations. */
export interface Command {
  label: string;
  ops: JsonOp[];
  /** Consecutive commands with the same key within a second form one undo step (arrow-key nudges). */
  mergeKey?: string;
}
export type Refusal = { ok: false; reason: string };

const json = (value: unknown) => value as Json;

export function addNode(doc: EditableDocument, kind: string, position: { x: number; y: number }, connectFrom?: string): { command: Command; nodeId: string } | Refusal {
  const def = nodeKind(kind);
  if (!def) return { ok: false, reason: `unknown node kind "${kind}"` };
  const taken = new Set(doc.nodes.map((n) => n.id));
  const id = uniqueId(kind, taken);
  const node: EditorNode = { id, kind, name: def.title, position: { x: Math.round(position.x), y: Math.round(position.y) }, params: {} };
  const ops: JsonOp[] = [{ op: 'insert', path: ['nodes'], index: doc.nodes.length, value: json(node) }];
  const from = connectFrom ? doc.nodes.find((n) => n.id === connectFrom) : undefined;
  if (from) {
    const nodes = [...doc.nodes, node];
    const port = portsOfNode(from).find((p) => !p.isError && canConnect(nodes, doc.edges, from.id, p.name, id).ok);
    if (port) ops.push({ op: 'insert', path: ['edges'], index: doc.edges.length, value: json({ from: from.id, port: port.name, to: id }) });
  }
  return { command: { label: `Add ${def.title}`, ops }, nodeId: id };
}

/** Removes nodes (with every edge touching them) and edges, highest index first so indices stay valid. */
export function removeElements(doc: EditableDocument, nodeIds: readonly string[], edgeKeys: readonly string[]): Command | null {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeKeys);
  const ops: JsonOp[] = [];
  for (let i = doc.edges.length - 1; i >= 0; i--) {
    const e = doc.edges[i]!;
    if (edges.has(edgeKey(e)) || nodes.has(e.from) || nodes.has(e.to)) ops.push({ op: 'remove', path: ['edges'], index: i, value: json(e) });
  }
  let removedNodes = 0;
  for (let i = doc.nodes.length - 1; i >= 0; i--) {
    if (nodes.has(doc.nodes[i]!.id)) {
      ops.push({ op: 'remove', path: ['nodes'], index: i, value: json(doc.nodes[i]) });
      removedNodes++;
    }
  }
  if (!ops.length) return null;
  const label = removedNodes ? `Delete ${removedNodes} node${removedNodes > 1 ? 's' : ''}` : 'Delete connection';
  return { label, ops };
}

export function connect(doc: EditableDocument, from: string, port: string, to: string): Command | Refusal {
  const check = canConnect(doc.nodes, doc.edges, from, port, to);
  if (!check.ok) return check;
  return { label: `Connect ${from}.${port} → ${to}`, ops: [{ op: 'insert', path: ['edges'], index: doc.edges.length, value: json({ from, port, to }) }] };
}

/** Points output `port` of `from` at `to` (replacing its current edge), or disconnects it when `to` is null. */
export function rewire(doc: EditableDocument, from: string, port: string, to: string | null): Command | Refusal {
  const index = doc.edges.findIndex((e) => e.from === from && e.port === port);
  const ops: JsonOp[] = index >= 0 ? [{ op: 'remove', path: ['edges'], index, value: json(doc.edges[index]) }] : [];
  if (to === null) return ops.length ? { label: `Disconnect ${from}.${port}`, ops } : { ok: false, reason: `output '${port}' of '${from}' is not connected` };
  const edges = doc.edges.filter((_, i) => i !== index);
  const check = canConnect(doc.nodes, edges, from, port, to);
  if (!check.ok) return check;
  ops.push({ op: 'insert', path: ['edges'], index: edges.length, value: json({ from, port, to }) });
  return { label: `Connect ${from}.${port} → ${to}`, ops };
}

export function moveNodes(doc: EditableDocument, positions: Record<string, { x: number; y: number }>, label = 'Move', mergeKey?: string): Command | null {
  const ops: JsonOp[] = [];
  doc.nodes.forEach((n, i) => {
    const p = positions[n.id];
    if (!p) return;
    const op = setOp(doc, ['nodes', i, 'position'], { x: Math.round(p.x), y: Math.round(p.y) });
    if (op) ops.push(op);
  });
  return ops.length ? { label, ops, ...(mergeKey ? { mergeKey } : {}) } : null;
}

/** Sets (or with `undefined` removes, restoring the default) a value anywhere in the document. */
export function setValue(doc: EditableDocument, path: JsonPath, value: Json | undefined, label: string): Command | null {
  const op = setOp(doc, path, value);
  return op ? { label, ops: [op] } : null;
}

export function renameNode(doc: EditableDocument, oldId: string, newId: string): Command | Refusal | null {
  if (oldId === newId) return null;
  const index = doc.nodes.findIndex((n) => n.id === oldId);
  if (index < 0) return { ok: false, reason: `no node '${oldId}'` };
  const problem = idProblem(newId, new Set(doc.nodes.map((n) => n.id)));
  if (problem) return { ok: false, reason: problem };
  const ops: JsonOp[] = [{ op: 'set', path: ['nodes', index, 'id'], value: newId, prev: oldId }];
  doc.edges.forEach((e, i) => {
    if (e.from === oldId) ops.push({ op: 'set', path: ['edges', i, 'from'], value: newId, prev: oldId });
    if (e.to === oldId) ops.push({ op: 'set', path: ['edges', i, 'to'], value: newId, prev: oldId });
  });
  return { label: `Rename ${oldId} → ${newId}`, ops };
}

function quotaList(doc: EditableDocument): Array<{ id?: unknown }> {
  return Array.isArray(doc.quotas) ? (doc.quotas as Array<{ id?: unknown }>) : [];
}

export function addQuota(doc: EditableDocument): { command: Command; quotaId: string } {
  const quotas = quotaList(doc);
  const id = uniqueId('quota', new Set(quotas.map((q) => String(q.id))));
  const quota = { id, name: '', rpm: 5000, tpm: 2_000_000 };
  return { command: { label: `Add quota ${id}`, ops: [{ op: 'insert', path: ['quotas'], index: quotas.length, value: json(quota) }] }, quotaId: id };
}

export function removeQuota(doc: EditableDocument, index: number): Command | null {
  const quotas = quotaList(doc);
  if (!quotas[index]) return null;
  return { label: `Delete quota ${String(quotas[index].id)}`, ops: [{ op: 'remove', path: ['quotas'], index, value: json(quotas[index]) }] };
}

/** Renames a quota and every node parameter that refers to it, in one undoable step. */
export function renameQuota(doc: EditableDocument, index: number, newId: string): Command | Refusal | null {
  const quotas = quotaList(doc);
  const oldId = quotas[index]?.id;
  if (typeof oldId !== 'string' || oldId === newId) return null;
  const problem = idProblem(newId, new Set(quotas.map((q) => String(q.id))), 'quota');
  if (problem) return { ok: false, reason: problem };
  const ops: JsonOp[] = [{ op: 'set', path: ['quotas', index, 'id'], value: newId, prev: oldId }];
  doc.nodes.forEach((n, i) => {
    if (n.params?.quota === oldId) ops.push({ op: 'set', path: ['nodes', i, 'params', 'quota'], value: newId, prev: oldId });
  });
  return { label: `Rename quota ${oldId} → ${newId}`, ops };
}

export interface Clip {
  nodes: EditorNode[];
  edges: EditorEdge[];
}

/** The selected nodes and the edges between them, for the clipboard. */
export function copySelection(doc: EditableDocument, nodeIds: readonly string[]): Clip | null {
  const ids = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  if (!nodes.length) return null;
  return { nodes, edges: doc.edges.filter((e) => ids.has(e.from) && ids.has(e.to)) };
}

/** Pastes a clip with fresh ids, shifted by `offset`; returns the new node ids for selection. */
export function paste(doc: EditableDocument, clip: Clip, offset: { x: number; y: number }): { command: Command; nodeIds: string[] } | null {
  if (!clip.nodes.length) return null;
  const taken = new Set(doc.nodes.map((n) => n.id));
  const rename = new Map<string, string>();
  const ops: JsonOp[] = [];
  clip.nodes.forEach((n, i) => {
    const id = uniqueId(n.id, taken);
    taken.add(id);
    rename.set(n.id, id);
    const position = { x: Math.round((n.position?.x ?? 0) + offset.x), y: Math.round((n.position?.y ?? 0) + offset.y) };
    ops.push({ op: 'insert', path: ['nodes'], index: doc.nodes.length + i, value: json({ ...n, id, position }) });
  });
  clip.edges.forEach((e, i) => {
    ops.push({ op: 'insert', path: ['edges'], index: doc.edges.length + i, value: json({ ...e, from: rename.get(e.from)!, to: rename.get(e.to)! }) });
  });
  return { command: { label: `Paste ${clip.nodes.length} node${clip.nodes.length > 1 ? 's' : ''}`, ops }, nodeIds: [...rename.values()] };
}

/** Value at a path, typed loosely for callers that only read. */
export function readAt(doc: EditableDocument, path: JsonPath): unknown {
  return getAt(doc, path);
}
