import type { PipelineDocument } from '../../model/document-schema';
import { nodeKind, nodeOutputs } from '../../nodes/registry';
import type { Catalog } from '../../catalog/catalog';
import { esc } from '../html-escape';

const GROUP_COLORS: Record<string, string> = { traffic: '#2f6fed', retrieval: '#13a4b4', models: '#945ecf', caches: '#19a979', reliability: '#e8743b', services: '#6b7280', terminals: '#374151' };
const W = 150;
const H = 52;

/** Depth of each node from the sources (longest path), for a top-down layout of wide pipelines. */
function depths(doc: PipelineDocument): Map<string, number> {
  const depth = new Map<string, number>(doc.nodes.filter((n) => n.kind === 'source').map((n) => [n.id, 0]));
  for (let pass = 0; pass < doc.nodes.length; pass++) {
    for (const e of doc.edges) {
      const d = depth.get(e.from);
      if (d !== undefined && (depth.get(e.to) ?? -1) < d + 1) depth.set(e.to, d + 1);
    }
  }
  return depth;
}

/**
 * The pipeline as a diagram: the editor's positions when they fit the page at a readable size,
 * otherwise a top-down layout by depth (a long pipeline reads down the page instead of shrinking).
 */
export function pipelineDiagram(doc: PipelineDocument, catalog: Catalog, width = 760): string {
  const xs = doc.nodes.map((n) => n.position.x);
  const ys = doc.nodes.map((n) => n.position.y);
  const spanX = Math.max(...xs) - Math.min(...xs) + W;
  const fits = (width - 20) / spanX >= 0.8;
  const pos = new Map<string, { x: number; y: number }>();
  let scale = 1;
  let vertical = false;
  if (fits) {
    scale = Math.min(1, (width - 20) / spanX);
    for (const n of doc.nodes) pos.set(n.id, { x: 10 + (n.position.x - Math.min(...xs)) * scale, y: 10 + (n.position.y - Math.min(...ys)) * scale });
  } else {
    vertical = true;
    const depth = depths(doc);
    const rows = new Map<number, string[]>();
    for (const n of [...doc.nodes].sort((a, b) => a.position.y - b.position.y)) {
      const d = depth.get(n.id) ?? 0;
      rows.set(d, [...(rows.get(d) ?? []), n.id]);
    }
    for (const [d, ids] of rows) {
      const rowWidth = ids.length * W + (ids.length - 1) * 20;
      ids.forEach((id, k) => pos.set(id, { x: Math.max(10, (width - rowWidth) / 2) + k * (W + 20), y: 10 + d * (H + 26) }));
    }
  }
  const w = W * scale;
  const h = H * scale;
  const height = Math.max(...[...pos.values()].map((p) => p.y)) + h + 14;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height.toFixed(0)}" viewBox="0 0 ${width} ${height.toFixed(0)}" role="img" aria-label="Pipeline diagram"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#9ca3af"/></marker></defs>`];
  for (const e of doc.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    const from = doc.nodes.find((n) => n.id === e.from)!;
    const ports = nodeOutputs(from.kind, from.params);
    const k = Math.max(0, ports.findIndex((p) => p.name === e.port));
    const isError = ports[k]?.isError;
    const stroke = `stroke="${isError ? '#ef4444' : '#9ca3af'}" stroke-width="1.2"${isError ? ' stroke-dasharray="4 3"' : ''}`;
    let d: string;
    let lx: number;
    let ly: number;
    if (vertical) {
      const sx = a.x + (w * (k + 1)) / (ports.length + 1);
      const sy = a.y + h;
      const tx = b.x + w / 2;
      const ty = b.y;
      d = b.y > a.y ? `M${sx},${sy} C${sx},${sy + 24} ${tx},${ty - 24} ${tx},${ty - 2}` : `M${a.x + w},${a.y + h / 2} C${a.x + w + 40},${a.y} ${b.x + w + 40},${b.y} ${b.x + w},${b.y + h / 2}`;
      lx = sx + 3;
      ly = sy + 11;
    } else {
      const sy = a.y + (h * (k + 1)) / (ports.length + 1);
      const mid = (a.x + w + b.x) / 2;
      d = `M${a.x + w},${sy} C${mid},${sy} ${mid},${b.y + h / 2} ${b.x - 2},${b.y + h / 2}`;
      lx = a.x + w + 3;
      ly = sy - 3;
    }
    parts.push(`<path d="${d}" fill="none" ${stroke} marker-end="url(#arrow)"/>`);
    if (ports.length > 1) parts.push(`<text x="${lx}" y="${ly}" font-size="9" fill="${isError ? '#b91c1c' : '#6b7280'}" font-family="Helvetica, Arial, sans-serif">${esc(e.port)}</text>`);
  }
  const fs = Math.max(8, 11 * scale);
  for (const n of doc.nodes) {
    const p = pos.get(n.id)!;
    const kind = nodeKind(n.kind)!;
    const color = GROUP_COLORS[kind.group] ?? '#6b7280';
    const summary = kind.summarize(n.params as never, catalog)[0] ?? '';
    parts.push(
      `<g><rect x="${p.x}" y="${p.y}" width="${w}" height="${h}" rx="6" fill="#ffffff" stroke="${color}" stroke-width="1.5"/><rect x="${p.x}" y="${p.y}" width="4" height="${h}" rx="2" fill="${color}"/>`,
      `<text x="${p.x + 10}" y="${p.y + fs + 4}" font-size="${fs}" font-weight="600" fill="#111827" font-family="Helvetica, Arial, sans-serif">${esc(truncate(n.name || n.id, 22))}</text>`,
      `<text x="${p.x + 10}" y="${p.y + 2 * fs + 7}" font-size="${fs * 0.85}" fill="#6b7280" font-family="Helvetica, Arial, sans-serif">${esc(kind.title)}</text>`,
      `<text x="${p.x + 10}" y="${p.y + 3 * fs + 9}" font-size="${fs * 0.85}" fill="#374151" font-family="Helvetica, Arial, sans-serif">${esc(truncate(summary, 27))}</text></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
