import type { JsonPath } from './document/json-ops';

/**
 * JSON paths in the simulation's problem format: `["nodes", 3, "params", "topK"]` ⇄
 * `$.nodes[3].params.topK` (keys that are not identifiers are quoted: `$["a b"]`).
 */
export function toPathString(path: JsonPath): string {
  let out = '$';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg)) out += `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

const SEGMENT = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** The segments of a path string, or null if it is not in the format above. */
export function parsePathString(text: string): Array<string | number> | null {
  if (!text.startsWith('$')) return null;
  const out: Array<string | number> = [];
  SEGMENT.lastIndex = 1;
  while (SEGMENT.lastIndex < text.length) {
    const m = SEGMENT.exec(text);
    if (!m) return null;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]!) as string);
  }
  return out;
}

/** True when `path` is `prefix` or lies inside it. */
export function isWithin(path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);
}
