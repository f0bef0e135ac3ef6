/**
 * Edits of a JSON document as small operations that know their own inverse (Langflow-style history):
 * undo applies the inverse operations in reverse order, so the history stores edits, not snapshots.
 * Every apply is immutable: containers along the path are copied, everything else is shared.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonPath = ReadonlyArray<string | number>;

export type JsonOp =
  /** Replace the value at `path`; `undefined` means the key is absent (set = delete, prev = added). */
  | { op: 'set'; path: JsonPath; value: Json | undefined; prev: Json | undefined }
  /** Insert `value` into the array at `path` before `index`. */
  | { op: 'insert'; path: JsonPath; index: number; value: Json }
  /** Remove the item at `index` from the array at `path` (`value` is kept for the inverse). */
  | { op: 'remove'; path: JsonPath; index: number; value: Json };

export function invertOp(op: JsonOp): JsonOp {
  switch (op.op) {
    case 'set':
      return { op: 'set', path: op.path, value: op.prev, prev: op.value };
    case 'insert':
      return { op: 'remove', path: op.path, index: op.index, value: op.value };
    case 'remove':
      return { op: 'insert', path: op.path, index: op.index, value: op.value };
  }
}

/** The inverse of a sequence: each op inverted, in reverse order. */
export function invertOps(ops: readonly JsonOp[]): JsonOp[] {
  return ops.map(invertOp).reverse();
}

export function getAt(root: unknown, path: JsonPath): Json | undefined {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur as Json | undefined;
}

/** Copies the container at each level of `path` and lets `change` edit the innermost copy. */
function updateIn<T>(root: T, path: JsonPath, change: (container: Json) => Json): T {
  if (path.length === 0) return change(root as Json) as T;
  const [head, ...rest] = path;
  const parent = root as unknown;
  if (parent === null || typeof parent !== 'object') throw new Error(`cannot edit inside a ${parent === null ? 'null' : typeof parent} at '${String(head)}'`);
  const child = (parent as Record<string | number, Json>)[head!];
  const next = updateIn(child === undefined ? ({} as Json) : child, rest, change);
  if (Array.isArray(parent)) {
    const copy = parent.slice();
    copy[head as number] = next;
    return copy as T;
  }
  return { ...(parent as Record<string, Json>), [head!]: next } as T;
}

export function applyOp<T>(root: T, op: JsonOp): T {
  switch (op.op) {
    case 'set': {
      const parentPath = op.path.slice(0, -1);
      const key = op.path[op.path.length - 1];
      if (key === undefined) return op.value as T;
      return updateIn(root, parentPath, (container) => {
        if (Array.isArray(container)) {
          const copy = container.slice();
          copy[key as number] = op.value as Json;
          return copy;
        }
        const copy = { ...(container as Record<string, Json>) };
        if (op.value === undefined) delete copy[key];
        else copy[key] = op.value;
        return copy;
      });
    }
    case 'insert':
      return updateIn(root, op.path, (container) => {
        const list = Array.isArray(container) ? container.slice() : [];
        list.splice(op.index, 0, op.value);
        return list;
      });
    case 'remove':
      return updateIn(root, op.path, (container) => {
        if (!Array.isArray(container)) throw new Error(`remove: no array at ${op.path.join('.')}`);
        const list = container.slice();
        list.splice(op.index, 1);
        return list;
      });
  }
}

export function applyOps<T>(root: T, ops: readonly JsonOp[]): T {
  return ops.reduce((doc, op) => applyOp(doc, op), root);
}

/** A set-operation that records the current value as `prev` (null when the value would not change). */
export function setOp(root: unknown, path: JsonPath, value: Json | undefined): JsonOp | null {
  const prev = getAt(root, path);
  if (jsonEqual(prev, value)) return null;
  return { op: 'set', path, value, prev };
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
