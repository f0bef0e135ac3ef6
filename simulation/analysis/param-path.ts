import type { Catalog } from '../catalog/catalog';
import type { PipelineDocument } from '../model/document-schema';

/**
 * Addresses one numeric parameter of a pipeline for what-ifs, e.g.
 *   traffic.rps
 *   nodes[llm].params.maxTokens            (a node by id)
 *   nodes[tier].params.routes[0].weight    (array by index)
 *   quotas[openai].tpm                     (a quota by id)
 *   models[gpt-4.1].inputUsdPerToken       (a price: the catalog entry is copied into the pipeline)
 *   fixedCosts[Vector database].monthlyUsd (a fixed cost by name)
 */
export type ParamPath = string;

type Segment = { key: string } | { select: string };

export function parsePath(path: ParamPath): Segment[] {
  const segments: Segment[] = [];
  const re = /([A-Za-z_$][A-Za-z0-9_$]*)|\[([^\]]+)\]|\./gy;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while (re.lastIndex < path.length) {
    const at = re.lastIndex;
    m = re.exec(path);
    if (!m || m.index !== at) throw new Error(`cannot read parameter path "${path}" at character ${at + 1}`);
    if (m[1] !== undefined) segments.push({ key: m[1] });
    else if (m[2] !== undefined) segments.push({ select: m[2] });
  }
  if (segments.length === 0) throw new Error('empty parameter path');
  return segments;
}

function select(array: unknown[], selector: string, path: string): number {
  if (/^\d+$/.test(selector)) {
    const i = Number(selector);
    if (i >= array.length) throw new Error(`${path}: index ${i} is past the end (${array.length} items)`);
    return i;
  }
  const i = array.findIndex((x) => x && typeof x === 'object' && ((x as { id?: unknown }).id === selector || (x as { name?: unknown }).name === selector));
  if (i < 0) throw new Error(`${path}: no item with id or name "${selector}"`);
  return i;
}

/** The current value at `path`. */
export function getParam(doc: PipelineDocument, path: ParamPath, catalog?: Catalog): number {
  const segs = parsePath(path);
  if (catalog && segs[0] && 'key' in segs[0] && segs[0].key === 'models') {
    const id = segs[1] && 'select' in segs[1] ? segs[1].select : '';
    const entry = doc.models.find((m) => m.id === id) ?? catalog.get(id);
    const field = segs[2] && 'key' in segs[2] ? segs[2].key : '';
    const value = entry ? (entry as unknown as Record<string, unknown>)[field] : undefined;
    if (typeof value !== 'number') throw new Error(`${path}: not a numeric model field`);
    return value;
  }
  let cur: unknown = doc;
  for (const s of segs) {
    if ('key' in s) cur = (cur as Record<string, unknown>)?.[s.key];
    else if (Array.isArray(cur)) cur = cur[select(cur, s.select, path)];
    else throw new Error(`${path}: [${s.select}] does not select from a list`);
  }
  if (typeof cur !== 'number') throw new Error(`${path}: is ${cur === undefined ? 'not a parameter' : typeof cur}, not a number`);
  return cur;
}

/** The current text at `path`, for a categorical what-if (a node's model, a router's strategy). */
export function getParamText(doc: PipelineDocument, path: ParamPath): string {
  let cur: unknown = doc;
  for (const s of parsePath(path)) {
    if ('key' in s) cur = (cur as Record<string, unknown>)?.[s.key];
    else if (Array.isArray(cur)) cur = cur[select(cur, s.select, path)];
    else throw new Error(`${path}: [${s.select}] does not select from a list`);
  }
  if (typeof cur !== 'string') throw new Error(`${path}: is ${cur === undefined ? 'not a parameter' : typeof cur}, not text`);
  return cur;
}

/** A copy of the document with the text parameter at `path` (a model id, a strategy) set to `value`. */
export function setParamText(doc: PipelineDocument, path: ParamPath, value: string): PipelineDocument {
  getParamText(doc, path);
  return setAt(doc, path, value);
}

/** A copy of the document with `path` set to `value` (prices copy the catalog entry into doc.models first). */
export function setParam(doc: PipelineDocument, path: ParamPath, value: number, catalog?: Catalog): PipelineDocument {
  const segs = parsePath(path);
  const copy = JSON.parse(JSON.stringify(doc)) as PipelineDocument;
  if (segs[0] && 'key' in segs[0] && segs[0].key === 'models' && segs[1] && 'select' in segs[1] && catalog) {
    const id = segs[1].select;
    if (!copy.models.some((m) => m.id === id)) {
      const entry = catalog.get(id);
      if (!entry) throw new Error(`${path}: no model "${id}" in the catalog`);
      copy.models.push({ ...entry, note: `${entry.note} (what-if copy)`.trim() });
    }
  }
  return setAt(copy, path, value, true);
}

/** Sets `path` in a copy (numeric: only where a number or null was). */
function setAt(doc: PipelineDocument, path: ParamPath, value: number | string, copied = false): PipelineDocument {
  const segs = parsePath(path);
  const copy = copied ? doc : (JSON.parse(JSON.stringify(doc)) as PipelineDocument);
  let cur: unknown = copy;
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i]!;
    if ('key' in s) cur = (cur as Record<string, unknown>)[s.key];
    else if (Array.isArray(cur)) cur = cur[select(cur, s.select, path)];
    if (cur === undefined || cur === null || typeof cur !== 'object') throw new Error(`${path}: no such parameter`);
  }
  const last = segs[segs.length - 1]!;
  if ('key' in last) {
    const holder = cur as Record<string, unknown>;
    if (typeof value === 'number' && typeof holder[last.key] !== 'number' && holder[last.key] !== null) throw new Error(`${path}: is not a numeric parameter`);
    holder[last.key] = value;
  } else if (Array.isArray(cur)) cur[select(cur, last.select, path)] = value;
  return copy;
}
