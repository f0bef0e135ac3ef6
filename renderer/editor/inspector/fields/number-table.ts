import { getAt } from '../../../stores/document/json-ops';
import type { FieldSpec } from '../schema-fields';

/**
 * Tables of number rows (a semantic cache's or a confidence gate's threshold curve: rows of
 * [threshold, share a, share b]) edited as a table with a preview, not as JSON.
 */

export interface TableColumn {
  label: string;
  min: number | null;
  max: number | null;
  integer: boolean;
}

/**
 * Column names from the schema's `columns` meta; else from the description when it names the row
 * layout as "Rows [a, b, c]"; else "Column 1…".
 */
export function tableColumns(spec: Pick<FieldSpec, 'description' | 'itemSchema'> & { schema?: FieldSpec['schema'] }): TableColumn[] {
  const cells = spec.itemSchema?.prefixItems ?? [];
  const fromDescription = /Rows \[([^\]]+)\]/.exec(spec.description)?.[1]?.split(',').map((s) => s.trim()) ?? [];
  const named = spec.schema?.columns?.length === cells.length ? spec.schema.columns : fromDescription;
  return cells.map((c, i) => ({
    label: named.length === cells.length ? named[i]!.charAt(0).toUpperCase() + named[i]!.slice(1) : `Column ${i + 1}`,
    min: c.minimum ?? c.exclusiveMinimum ?? null,
    max: c.maximum ?? c.exclusiveMaximum ?? null,
    integer: c.type === 'integer',
  }));
}

/** Linear interpolation in rows sorted by their first number, clamped at both ends (as the engine reads the curve). */
export function interpolateRow(rows: ReadonlyArray<readonly number[]>, x: number): number[] {
  const sorted = [...rows].filter((r) => r.every(Number.isFinite)).sort((a, b) => a[0]! - b[0]!);
  if (!sorted.length) return [];
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (x <= first[0]!) return first.slice(1);
  if (x >= last[0]!) return last.slice(1);
  const hi = sorted.findIndex((r) => r[0]! >= x);
  const a = sorted[hi - 1]!;
  const b = sorted[hi]!;
  const t = (x - a[0]!) / (b[0]! - a[0]! || 1);
  return a.slice(1).map((v, k) => v + t * (b[k + 1]! - v));
}

/**
 * The number the curve is read at: a sibling field whose name says "threshold" (similarityThreshold,
 * confidenceThreshold), from the form's effective values.
 */
export function siblingThreshold(effective: unknown, spec: Pick<FieldSpec, 'path'>): { key: string; value: number } | null {
  const parentPath = spec.path.slice(0, -1);
  const parent = parentPath.length ? getAt(effective, parentPath) : effective;
  if (!parent || typeof parent !== 'object') return null;
  const entry = Object.entries(parent as Record<string, unknown>).find(([k, v]) => /threshold/i.test(k) && typeof v === 'number');
  return entry ? { key: entry[0], value: entry[1] as number } : null;
}

/** A new row between the last two (or after the last), so an added row is valid at once. */
export function newRow(rows: ReadonlyArray<readonly number[]>, width: number): number[] {
  const last = rows[rows.length - 1];
  const before = rows[rows.length - 2];
  if (!last) return Array.from({ length: width }, () => 0);
  if (!before) return [...last];
  return last.map((v, i) => Number(((v + before[i]!) / 2).toPrecision(6)));
}

export interface PreviewGeometry {
  xMin: number;
  xMax: number;
  yMax: number;
  /** One polyline per value column, as SVG points in a 0..w × 0..h box (y down). */
  lines: string[];
}

export function previewGeometry(rows: ReadonlyArray<readonly number[]>, w: number, h: number, marker: number | null): PreviewGeometry {
  const sorted = [...rows].filter((r) => r.every(Number.isFinite)).sort((a, b) => a[0]! - b[0]!);
  const xs = sorted.map((r) => r[0]!).concat(marker === null ? [] : [marker]);
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const values = sorted.flatMap((r) => r.slice(1));
  const yMax = values.every((v) => v <= 1) ? 1 : Math.max(...values);
  const px = (x: number) => (xMax > xMin ? ((x - xMin) / (xMax - xMin)) * w : w / 2);
  const py = (y: number) => h - (yMax > 0 ? (y / yMax) * h : 0);
  const width = sorted[0]?.length ?? 1;
  const lines = Array.from({ length: width - 1 }, (_, k) => sorted.map((r) => `${px(r[0]!).toFixed(1)},${py(r[k + 1]!).toFixed(1)}`).join(' '));
  return { xMin, xMax, yMax, lines };
}
