import type { PipelineDocument } from '../model/document-schema';
import { formatUsd } from '../units/format';

/** One input that differs between two pipeline documents, by its JSON path in parameter-path style. */
export interface InputChange {
  /** Where: `traffic.rps`, `nodes[llm].params.model`, `quotas[openai].tpm`, `fixedCosts[Vector database]`. */
  path: string;
  /** The value before, as people read it; null when the item was added. */
  before: string | null;
  /** The value after; null when the item was removed. */
  after: string | null;
}

/** Not inputs of the simulation: where a node sits on the canvas, the editor's schema hint, prose. */
const IGNORED = new Set(['$schema', 'pipeline.description', 'position']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The key an array item is matched by across the two sides: its id, else its name. */
function keyOf(item: Json): string | null {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return null;
  const id = item.id ?? item.name;
  return typeof id === 'string' && id !== '' ? id : null;
}

function show(value: Json | undefined): string {
  if (value === undefined || value === null) return 'none';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'boolean') return String(value);
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** An item added or removed whole, by what it is: `reranker "Rerank 20 → 5"`, a fault by its type. */
function item(value: Json): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const what = value.kind ?? value.type;
    const name = value.name || value.id;
    if (typeof what === 'string') return typeof name === 'string' && name ? `${what} "${name}"` : what;
    // A fixed cost: its name and what it costs.
    if (typeof name === 'string' && name) return typeof value.monthlyUsd === 'number' ? `"${name}" (${formatUsd(value.monthlyUsd)}/month)` : `"${name}"`;
  }
  return show(value);
}

function walk(before: Json | undefined, after: Json | undefined, path: string, out: InputChange[]): void {
  const last = path.slice(path.lastIndexOf('.') + 1);
  if (IGNORED.has(path) || IGNORED.has(last)) return;
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (before === undefined || after === undefined) {
    out.push({ path, before: before === undefined ? null : item(before), after: after === undefined ? null : item(after) });
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    // Matched by id or name only when those are unique on each side (two fixed costs may share a name).
    const unique = (xs: Json[]) => new Set(xs.map(keyOf)).size === xs.length;
    const keyed = [...before, ...after].every((x) => keyOf(x) !== null) && unique(before) && unique(after);
    if (keyed) {
      const b = new Map(before.map((x) => [keyOf(x)!, x]));
      const a = new Map(after.map((x) => [keyOf(x)!, x]));
      for (const k of new Set([...b.keys(), ...a.keys()])) walk(b.get(k), a.get(k), `${path}[${k}]`, out);
      return;
    }
    // Edges: said as the connections added and removed.
    if (path === 'edges') {
      const text = (e: Json) => (e && typeof e === 'object' && !Array.isArray(e) ? `${String(e.from)}.${String(e.port)} → ${String(e.to)}` : show(e));
      const b = new Set(before.map(text));
      const a = new Set(after.map(text));
      for (const e of b) if (!a.has(e)) out.push({ path: 'edges', before: e, after: null });
      for (const e of a) if (!b.has(e)) out.push({ path: 'edges', before: null, after: e });
      return;
    }
    out.push({ path, before: show(before), after: show(after) });
    return;
  }
  const isObject = (x: Json) => x !== null && typeof x === 'object' && !Array.isArray(x);
  // A distribution or other small object whose kind changed reads better whole than field by field.
  if (isObject(before) && isObject(after) && (before as { type?: Json }).type === (after as { type?: Json }).type) {
    const b = before as Record<string, Json>;
    const a = after as Record<string, Json>;
    for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) walk(b[k], a[k], path ? `${path}.${k}` : k, out);
    return;
  }
  out.push({ path, before: show(before), after: show(after) });
}

/**
 * Every input that differs between two loaded documents (defaults filled, so a default written out
 * and one left implicit are the same), in document order: what a reviewer of a diff needs beside the
 * figures. Nodes, quotas, classes and faults are matched by id or name, edges as connections.
 */
export function inputChanges(before: PipelineDocument, after: PipelineDocument): InputChange[] {
  const out: InputChange[] = [];
  walk(JSON.parse(JSON.stringify(before)) as Json, JSON.parse(JSON.stringify(after)) as Json, '', out);
  return out;
}
