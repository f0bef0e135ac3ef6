import type { Command, Refusal } from '../../../stores/document/commands';
import type { EditableDocument } from '../../../stores/document/editable-document';
import { uniqueId } from '../../../stores/document/ids';
import { setOp, type Json, type JsonOp } from '../../../stores/document/json-ops';
import { faultLanes, faultTypeInfo, rawFaults, type FaultType } from './fault-model';

/**
 * Edits of the document's `faults` and `events` as commands (JSON operations with inverses), so the
 * timeline's adds, drags and deletes undo and redo like every other edit.
 */

const json = (v: unknown) => v as Json;

/** Inserts into a top-level list; a list the file does not have yet is created (and removed again on undo). */
function insertInto(doc: EditableDocument, key: string, item: Json): { op: JsonOp; index: number } {
  const list = doc[key];
  if (!Array.isArray(list)) return { op: { op: 'set', path: [key], value: [item], prev: json(list) }, index: 0 };
  return { op: { op: 'insert', path: [key], index: list.length, value: item }, index: list.length };
}

export function addFault(doc: EditableDocument, type: FaultType, target: string, startMs: number, durationMs: number): { command: Command; index: number } | Refusal {
  const lane = faultLanes(doc).find((l) => l.target === target && l.types.includes(type));
  if (!lane) return { ok: false, reason: `${faultTypeInfo(type)?.title ?? type} cannot target '${target}': ${type === 'limit-cut' ? 'pick a quota' : 'pick a call node (LLM, embedding, retrieval, reranker, service)'}` };
  const taken = new Set(rawFaults(doc).map((f) => String(f.id ?? '')));
  const id = uniqueId(`${target}-${type}`, taken);
  const { op, index } = insertInto(doc, 'faults', json({ id, type, target, startMs: Math.round(startMs), durationMs: Math.round(durationMs) }));
  return { command: { label: `Add fault ${id}`, ops: [op] }, index };
}

export function removeFault(doc: EditableDocument, index: number): Command | null {
  const f = rawFaults(doc)[index];
  if (!f) return null;
  return { label: `Delete fault ${String(f.id || `#${index + 1}`)}`, ops: [{ op: 'remove', path: ['faults'], index, value: json(f) }] };
}

/** Moves or resizes a fault (and moves it to another lane); one undo step. */
export function setFaultWindow(doc: EditableDocument, index: number, window: { startMs: number; durationMs: number; target?: string }, mergeKey?: string): Command | null {
  const f = rawFaults(doc)[index];
  if (!f) return null;
  const ops = [setOp(doc, ['faults', index, 'startMs'], Math.round(window.startMs)), setOp(doc, ['faults', index, 'durationMs'], Math.round(window.durationMs))];
  if (window.target !== undefined) ops.push(setOp(doc, ['faults', index, 'target'], window.target));
  const real = ops.filter((o): o is JsonOp => o !== null);
  return real.length ? { label: `Move fault ${String(f.id || `#${index + 1}`)}`, ops: real, ...(mergeKey ? { mergeKey } : {}) } : null;
}

/** Changes a fault's type; when its target cannot take the new type, the first lane that can becomes the target. */
export function setFaultType(doc: EditableDocument, index: number, type: FaultType): Command | Refusal | null {
  const f = rawFaults(doc)[index];
  if (!f) return null;
  const lanes = faultLanes(doc).filter((l) => l.types.includes(type));
  const keep = lanes.some((l) => l.target === f.target);
  if (!keep && !lanes.length) return { ok: false, reason: type === 'limit-cut' ? 'add a quota first (Quotas tab): a limit cut shrinks a quota' : 'no call node in the pipeline can take this fault' };
  const ops = [setOp(doc, ['faults', index, 'type'], type), keep ? null : setOp(doc, ['faults', index, 'target'], lanes[0]!.target)].filter((o): o is JsonOp => o !== null);
  return ops.length ? { label: `Make fault ${String(f.id || `#${index + 1}`)} ${faultTypeInfo(type)?.title.toLowerCase() ?? type}`, ops } : null;
}

export function setFaultTarget(doc: EditableDocument, index: number, target: string): Command | Refusal | null {
  const f = rawFaults(doc)[index];
  if (!f) return null;
  const lane = faultLanes(doc).find((l) => l.target === target && l.types.includes(f.type as FaultType));
  if (!lane) return { ok: false, reason: `'${target}' cannot take a ${String(f.type)} fault` };
  const op = setOp(doc, ['faults', index, 'target'], target);
  return op ? { label: `Point fault ${String(f.id || `#${index + 1}`)} at ${target}`, ops: [op] } : null;
}

function rawEvents(doc: EditableDocument): Array<Record<string, unknown>> {
  return Array.isArray(doc.events) ? (doc.events as Array<Record<string, unknown>>) : [];
}

export function addEvent(doc: EditableDocument, type: 'kb-update' | 'model-change', atMs: number): { command: Command; index: number } {
  const { op, index } = insertInto(doc, 'events', json({ type, atMs: Math.round(atMs) }));
  return { command: { label: `Add ${type === 'kb-update' ? 'knowledge-base update' : 'model change'}`, ops: [op] }, index };
}

export function moveEvent(doc: EditableDocument, index: number, atMs: number, mergeKey?: string): Command | null {
  const op = rawEvents(doc)[index] ? setOp(doc, ['events', index, 'atMs'], Math.max(0, Math.round(atMs))) : null;
  return op ? { label: 'Move event', ops: [op], ...(mergeKey ? { mergeKey } : {}) } : null;
}

export function removeEvent(doc: EditableDocument, index: number): Command | null {
  const e = rawEvents(doc)[index];
  return e ? { label: 'Delete event', ops: [{ op: 'remove', path: ['events'], index, value: json(e) }] } : null;
}
