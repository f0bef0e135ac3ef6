import { applyCalibration, describeDistribution, paramsJsonSchema, type ApplyCalibrationOptions, type DistributionSpec, type ModelCalibration, type PipelineDocument } from '../../../../simulation/index';
import { humanize } from '../../../../simulation/units/humanize';
import type { Command } from '../../../stores/document/commands';
import type { EditableDocument } from '../../../stores/document/editable-document';
import { setOp, type Json, type JsonOp } from '../../../stores/document/json-ops';
import { formatFitMs, type CalibrationTarget } from './calibration-view';

type PropSchema = { default?: unknown; title?: string; unit?: string; catalogMode?: string };

function paramSchemas(kind: string): Record<string, PropSchema> | null {
  try {
    return (paramsJsonSchema(kind).properties ?? {}) as Record<string, PropSchema>;
  } catch {
    return null;
  }
}

/** Nodes calibration can write to: their kind has a TTFT and a time per output token (no kind is named). */
export function calibrationTargets(doc: EditableDocument): CalibrationTarget[] {
  return doc.nodes.flatMap((n) => {
    const props = paramSchemas(n.kind);
    if (!props?.ttftMs || !props.timePerOutputTokenMs) return [];
    const modelKey = Object.keys(props).find((k) => props[k]!.catalogMode === 'chat');
    const model = modelKey ? (n.params?.[modelKey] ?? props[modelKey]!.default) : null;
    return [{ id: n.id, name: n.name ?? n.id, model: typeof model === 'string' ? model : null }];
  });
}

export interface ParamChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

/**
 * A parameter value as a person reads it: fitted values carry six significant digits in the document
 * (enough to reproduce a run), but "median 497 ms, σ 0.20" is what the change list and toast show.
 */
export function describeValue(value: unknown, unit: string | undefined): string {
  if (value === undefined || value === null) return 'not set';
  const fmt = (v: number) => (unit === 'ms' ? formatFitMs(v) : `${Number(v.toPrecision(3))}${unit ? ` ${unit}` : ''}`);
  if (typeof value === 'number') return fmt(value);
  if (typeof value !== 'object' || !('type' in value)) return String(value);
  const spec = value as DistributionSpec;
  if (spec.type === 'lognormal') return `lognormal(median ${fmt(spec.median)}, ${spec.p99 !== undefined ? `p99 ${fmt(spec.p99)}` : `σ ${(spec.sigma ?? 0).toFixed(2)}`})`;
  if (spec.type === 'empirical' && spec.quantiles.length > 1) return `measured quantiles (${spec.quantiles.length} points, ${fmt(spec.quantiles[0]![1])} to ${fmt(spec.quantiles[spec.quantiles.length - 1]![1])})`;
  return describeDistribution(spec, unit ?? '');
}

/**
 * The undoable command that writes a calibration into node `nodeId`. The simulation's
 * `applyCalibration` decides what changes; only the parameters it changed are written into the
 * editor's document (which keeps what the user wrote and no filled-in defaults). It reads nothing
 * but the node's kind and params, so the editor document is handed to it as it is, even when other
 * parts of the pipeline still have problems.
 */
export function calibrationCommand(doc: EditableDocument, nodeId: string, calibration: ModelCalibration, opts: ApplyCalibrationOptions): { ok: true; command: Command; changes: ParamChange[] } | { ok: false; reason: string } {
  const index = doc.nodes.findIndex((n) => n.id === nodeId);
  if (index < 0) return { ok: false, reason: `no node '${nodeId}' in the pipeline` };
  const node = doc.nodes[index]!;
  let applied: PipelineDocument;
  try {
    // applyCalibration writes into the node's params object, so a node written without one gets it.
    const input = node.params === undefined ? { ...doc, nodes: doc.nodes.map((n, i) => (i === index ? { ...n, params: {} } : n)) } : doc;
    applied = applyCalibration(input as unknown as PipelineDocument, nodeId, calibration, opts);
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const props = paramSchemas(node.kind) ?? {};
  const before = (node.params ?? {}) as Record<string, unknown>;
  const after = applied.nodes[index]!.params as Record<string, unknown>;
  const changed = Object.keys(after).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]));
  // A node written without params gets the object first, so undo removes it again.
  const ops: JsonOp[] = node.params === undefined && changed.length ? [{ op: 'set', path: ['nodes', index, 'params'], value: {}, prev: undefined }] : [];
  const changes: ParamChange[] = [];
  for (const key of changed) {
    const op = setOp(doc, ['nodes', index, 'params', key], after[key] as Json);
    if (op) ops.push(op);
    const schema = props[key] ?? {};
    changes.push({ key, label: schema.title ?? humanize(key), before: describeValue(before[key] ?? schema.default, schema.unit), after: describeValue(after[key], schema.unit) });
  }
  if (ops.length === 0) return { ok: false, reason: `'${node.name ?? nodeId}' already has this calibration` };
  return { ok: true, command: { label: `Calibrate ${node.name ?? nodeId} from ${calibration.model}`, ops }, changes };
}
