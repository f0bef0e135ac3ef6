/**
 * A small builder for importer-made pipelines: unique ids, one edge per output port, no cycles
 * (the document validator refuses both), and a left-to-right layered layout so the app shows a
 * readable graph.
 */
export interface BuiltNode {
  id: string;
  kind: string;
  name: string;
  position: { x: number; y: number };
  params: Record<string, unknown>;
}

export interface BuiltEdge {
  from: string;
  port: string;
  to: string;
}

const COLUMN_PX = 280;
const ROW_PX = 140;

export class PipelineGraph {
  readonly nodes: BuiltNode[] = [];
  readonly edges: BuiltEdge[] = [];
  private readonly ids = new Set<string>();
  private readonly wired = new Set<string>();
  private readonly out = new Map<string, string[]>();

  /** Adds a node with an id made from `base` (made valid and unique) and returns that id. */
  add(kind: string, base: string, name: string, params: Record<string, unknown> = {}): string {
    const id = uniqueId(safeId(base), this.ids);
    this.ids.add(id);
    this.nodes.push({ id, kind, name, position: { x: 0, y: 0 }, params });
    return id;
  }

  isWired(from: string, port: string): boolean {
    return this.wired.has(`${from}\u0000${port}`);
  }

  /** True when `to` can be reached from `from` along the edges so far. */
  reaches(from: string, to: string): boolean {
    const seen = new Set<string>([from]);
    const stack = [from];
    while (stack.length) {
      const at = stack.pop()!;
      if (at === to) return true;
      for (const next of this.out.get(at) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  }

  /** Wires `from.port → to`; refuses (returns false) when the port is taken or the edge would close a cycle. */
  connect(from: string, port: string, to: string): boolean {
    if (this.isWired(from, port) || this.reaches(to, from)) return false;
    this.wired.add(`${from}\u0000${port}`);
    this.edges.push({ from, port, to });
    this.out.set(from, [...(this.out.get(from) ?? []), to]);
    return true;
  }

  /**
   * Places each node in the column of its longest path from a node without inputs, rows in the
   * order nodes were added: sources on the left, terminals on the right.
   */
  layout(): void {
    const column = new Map<string, number>(this.nodes.map((n) => [n.id, 0]));
    const indegree = new Map<string, number>(this.nodes.map((n) => [n.id, 0]));
    for (const e of this.edges) indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
    const ready = this.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
    while (ready.length) {
      const id = ready.shift()!;
      for (const next of this.out.get(id) ?? []) {
        column.set(next, Math.max(column.get(next)!, column.get(id)! + 1));
        indegree.set(next, indegree.get(next)! - 1);
        if (indegree.get(next) === 0) ready.push(next);
      }
    }
    const rows = new Map<number, number>();
    for (const node of this.nodes) {
      const c = column.get(node.id)!;
      const r = rows.get(c) ?? 0;
      rows.set(c, r + 1);
      node.position = { x: c * COLUMN_PX, y: r * ROW_PX };
    }
  }
}

/** A node id: a letter, then letters, digits, "_", "." or "-" (at most 64 characters). */
export function safeId(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z]+/, '').replace(/-+$/, '');
  return (cleaned || 'node').slice(0, 56);
}

/** A router route name: a lower-case letter, then lower-case letters, digits, "_" or "-" (≤ 32). */
export function safeRouteName(text: string, taken: Set<string>): string {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9_-]+/g, '_').replace(/^[^a-z]+/, '').replace(/[_-]+$/, '');
  const base = (cleaned || 'route').slice(0, 28);
  const name = uniqueId(base, taken);
  taken.add(name);
  return name;
}

function uniqueId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
