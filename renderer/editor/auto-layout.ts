import type { ELK as ElkInstance } from 'elkjs/lib/elk-api';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

let elk: Promise<ElkInstance> | null = null;

/** ELK is large (≈ 1.4 MB); it is loaded on the first auto-layout, not with the app. */
function loadElk(): Promise<ElkInstance> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
  return elk;
}

/**
 * Left-to-right layered layout (ELK): sources on the left, terminals on the right, edges crossing
 * as little as possible. Returns top-left positions by node id.
 */
export async function layoutPositions(nodes: readonly LayoutNode[], edges: ReadonlyArray<{ from: string; to: string }>): Promise<Record<string, { x: number; y: number }>> {
  const ids = new Set(nodes.map((n) => n.id));
  const graph = await (await loadElk()).layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  });
  const out: Record<string, { x: number; y: number }> = {};
  for (const child of graph.children ?? []) out[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  return out;
}
