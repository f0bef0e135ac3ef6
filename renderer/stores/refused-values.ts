import type { EditableDocument } from './document/editable-document';
import { parsePathString } from './json-path';

/**
 * A value a field refused (−5 for max_tokens): it stays in the field, in red, and is never applied.
 * While it is on screen the document the run would use differs from what the screen shows, so it is
 * a problem like the document's own: listed in Problems and blocking Run. It lives as long as its
 * field does — corrected, reset, Esc, or the field leaving the screen (another node selected, another
 * tab, the node deleted) withdraws it, and the field then shows the value the run uses.
 */
export interface RefusedValue {
  /** The field's DOM id: unique on screen, and what clicking the problem focuses. */
  fieldId: string;
  /** The document value the field edits, as a problem path: "$.nodes[3].params.maxTokens". */
  path: string;
  /** Why it was refused, naming the field, the value and what is allowed: "Max tokens: got -5, expected a whole number ≥ 1". */
  message: string;
  /** The value the pipeline still has there, as the field would show it ("1,024", "the default"). */
  applied: string;
  /** The node the field belongs to, when it is a node's. */
  nodeId?: string;
  /** The document load it was refused in (DocumentState.generation). */
  generation: number;
}

/** Adds or replaces (by field) one refused value; the same list back when nothing changed. */
export function withRefused(list: readonly RefusedValue[], value: RefusedValue): readonly RefusedValue[] {
  const at = list.findIndex((r) => r.fieldId === value.fieldId);
  if (at < 0) return [...list, value];
  const old = list[at]!;
  if (old.path === value.path && old.message === value.message && old.applied === value.applied && old.nodeId === value.nodeId && old.generation === value.generation) return list;
  return list.map((r, i) => (i === at ? value : r));
}

/** The node a document path is under (`$.nodes[2]…` → that node's id). */
export function nodeIdAt(doc: EditableDocument, path: string): string | undefined {
  const segs = parsePathString(path);
  if (!segs || segs[0] !== 'nodes' || typeof segs[1] !== 'number') return undefined;
  return doc.nodes[segs[1]]?.id;
}

/** The Problems panel's line (after its "not applied" tag): the refusal, then what the run would use instead. */
export function refusedText(r: Pick<RefusedValue, 'message' | 'applied'>): string {
  return `${r.message}; the pipeline still has ${r.applied}`;
}

/**
 * Whether dropping a refused value unseen deserves a word: its field left the screen while its
 * document and node are still there (another node selected, another tab). A deleted node or another
 * document takes it along silently.
 */
export function discardWorthSaying(r: RefusedValue, doc: EditableDocument, generation: number): boolean {
  if (r.generation !== generation) return false;
  return r.nodeId === undefined || doc.nodes.some((n) => n.id === r.nodeId);
}

/** A value as a field shows it, for "the pipeline still has …". */
export function appliedText(value: unknown): string {
  if (value === undefined) return 'the default';
  if (value === null) return 'none';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 12 });
  if (typeof value === 'string') return `"${value}"`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
