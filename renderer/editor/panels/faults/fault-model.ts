import { z } from 'zod';
import { nodeKind, PipelineDocumentSchema } from '../../../../simulation/index';
import type { JsonSchema } from '../../inspector/schema-fields';
import type { EditableDocument } from '../../../stores/document/editable-document';

/** The file format's fault, event and operations schemas (the document schema's own items). */
const shape = PipelineDocumentSchema.shape;
export const FaultSchema = shape.faults.unwrap().element;
export const EventSchema = shape.events.unwrap().element;
export const OperationsSchema = shape.operations.unwrap();

export type FaultType = z.output<typeof FaultSchema>['type'];
export type FaultValues = z.output<typeof FaultSchema>;
export type EventValues = z.output<typeof EventSchema>;

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
export const FAULT_JSON = jsonSchema(FaultSchema);
export const EVENT_JSON = jsonSchema(EventSchema);
export const OPERATIONS_JSON = jsonSchema(OperationsSchema);

export interface FaultTypeInfo {
  type: FaultType;
  title: string;
  /** What it does, for the form's header. */
  effect: string;
  /** The parameters that matter for this type (the rest of the fault's fields are ignored by the engine). */
  fields: string[];
}

export const FAULT_TYPES: FaultTypeInfo[] = [
  { type: 'outage', title: 'Outage', effect: 'every call to the node fails (fast with a status, or hanging until its timeout)', fields: ['status', 'failureMode', 'errorLatencyMs'] },
  { type: 'error-spike', title: 'Error-rate spike', effect: 'calls fail with the given probability, on top of the node\'s own error rate', fields: ['errorProbability', 'status', 'errorLatencyMs'] },
  { type: 'latency', title: 'Latency multiplier', effect: 'calls take this many times longer', fields: ['latencyMultiplier'] },
  { type: 'limit-cut', title: 'Limit cut', effect: 'the quota\'s RPM, TPM and concurrency limits shrink to this share', fields: ['limitFactor'] },
  { type: 'prompt-growth', title: 'Prompt growth (cost runaway)', effect: 'input tokens grow by this factor: cost and TPM use rise', fields: ['tokenMultiplier'] },
];

export function faultTypeInfo(type: string): FaultTypeInfo | undefined {
  return FAULT_TYPES.find((t) => t.type === type);
}

/** A row of the timeline: a call node or a quota a fault can target. */
export interface Lane {
  /** `node:<id>` or `quota:<id>` (a node and a quota may share an id). */
  key: string;
  target: string;
  scope: 'node' | 'quota' | 'missing';
  label: string;
  sub: string;
  /** Fault types allowed on this lane (none for a target that no longer exists). */
  types: FaultType[];
}

const NODE_TYPES: FaultType[] = ['outage', 'error-spike', 'latency'];
/** Prompt growth multiplies input tokens, which only token-billed calls have (SEMANTICS §10). */
const TOKEN_KINDS = new Set(['llm', 'embedding']);

export function laneKeyOf(fault: { type?: unknown; target?: unknown }): string {
  return `${fault.type === 'limit-cut' ? 'quota' : 'node'}:${String(fault.target ?? '')}`;
}

function rawFaults(doc: EditableDocument): Array<Record<string, unknown>> {
  return Array.isArray(doc.faults) ? (doc.faults as Array<Record<string, unknown>>) : [];
}

/** Call nodes in document order, then quotas, then a lane for each fault target that does not exist. */
export function faultLanes(doc: EditableDocument): Lane[] {
  const lanes: Lane[] = [];
  for (const n of doc.nodes) {
    const def = nodeKind(n.kind);
    if (!def?.callNode) continue;
    const model = typeof n.params?.model === 'string' ? ` · ${n.params.model}` : '';
    lanes.push({ key: `node:${n.id}`, target: n.id, scope: 'node', label: n.name || n.id, sub: `${def.title}${model}`, types: TOKEN_KINDS.has(n.kind) ? [...NODE_TYPES, 'prompt-growth'] : NODE_TYPES });
  }
  const quotas = Array.isArray(doc.quotas) ? (doc.quotas as Array<{ id?: unknown; name?: unknown }>) : [];
  for (const q of quotas) {
    if (typeof q.id !== 'string') continue;
    lanes.push({ key: `quota:${q.id}`, target: q.id, scope: 'quota', label: q.id, sub: `quota${typeof q.name === 'string' && q.name ? ` · ${q.name}` : ''}`, types: ['limit-cut'] });
  }
  for (const f of rawFaults(doc)) {
    const key = laneKeyOf(f);
    if (lanes.some((l) => l.key === key)) continue;
    const target = String(f.target ?? '');
    lanes.push({ key, target, scope: 'missing', label: target || '(no target)', sub: f.type === 'limit-cut' ? 'no such quota' : 'not a call node of this pipeline', types: [] });
  }
  return lanes;
}

/** The fault as written, with the schema's defaults for what is not written (raw values where it does not parse). */
export function faultValues(raw: Record<string, unknown>): FaultValues {
  const parsed = FaultSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const defaults = FaultSchema.safeParse({ type: 'outage', target: 'x', startMs: 0, durationMs: 1 }).data!;
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  return {
    ...defaults,
    id: typeof raw.id === 'string' ? raw.id : '',
    type: faultTypeInfo(String(raw.type)) ? (raw.type as FaultType) : 'outage',
    target: String(raw.target ?? ''),
    startMs: Math.max(0, num(raw.startMs, 0)),
    durationMs: Math.max(0, num(raw.durationMs, 60_000)),
    mitigable: raw.mitigable === undefined ? defaults.mitigable : raw.mitigable === true,
  };
}

export { rawFaults };
