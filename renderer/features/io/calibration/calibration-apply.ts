import { applyCalibration, describeDistribution, paramsJsonSchema, type ApplyCalibrationOptions, type DistributionSpec, type ModelCalibration, type PipelineDocument } from '../../../../simulation/index';
import { humanize } from '../../../editor/inspector/schema-fields';
import type { Command } from '../../../stores/document/commands';
import type { EditableDocument } from '../../../stores/document/editable-document';
import { setOp, type Json, type JsonOp } from '../../../stores/document/json-ops';
import type { CalibrationTarget } from './calibration-view';

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

function describe(value: unknown, unit: string | undefined): string {
  if (value === undefined || value === null) return 'not set';
  if (typeof value === 'object' && 'type' in (value as object)) return describeDistribution(value as DistributionSpec, unit === 'ms' ? 'ms' : '');
  return `${String(value)}${unit === 'ms' ? ' ms' : ''}`;
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
    changes.push({ key, label: schema.title ?? humanize(key), before: describe(before[key] ?? schema.default, schema.unit), after: describe(after[key], schema.unit) });
  }
  if (ops.length === 0) return { ok: false, reason: `'${node.name ?? nodeId}' already has this calibration` };
  return { ok: true, command: { label: `Calibrate ${node.name ?? nodeId} from ${calibration.model}`, ops }, changes };
}
