import { z } from 'zod';
import { FixedCostSchema, PipelineDocumentSchema, QuotaSchema, RunSchema, SloSchema, TrafficSchema } from '../../../simulation/index';
import type { JsonSchema } from '../inspector/schema-fields';

/** The document sections edited in their own panels, each with its zod schema and JSON Schema. */
function section(schema: z.ZodType) {
  return { zod: schema, json: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema };
}

const FixedCostsRoot = z.object({ fixedCosts: z.array(FixedCostSchema).default([]).meta({ title: 'Fixed monthly costs', description: 'Infrastructure billed per month whatever the traffic (vector DB, compute, storage).' }) });

/** Sections with their own panel or control (faults, events, operations: the Faults tab); every other top-level section is edited generically. */
const HANDLED = new Set(['$schema', 'version', 'pipeline', 'traffic', 'quotas', 'nodes', 'edges', 'slo', 'run', 'fixedCosts', 'faults', 'events', 'operations']);

/**
 * The document's other sections (faults, events, operations, model prices…), each as a one-key root
 * so the generic form edits it in place. Sections the lead adds to the file format appear here.
 */
export function extraSections(): Array<{ key: string; zod: z.ZodType; json: JsonSchema }> {
  const shape = PipelineDocumentSchema.shape as Record<string, z.ZodType>;
  return Object.keys(shape)
    .filter((key) => !HANDLED.has(key))
    .map((key) => ({ key, ...section(z.object({ [key]: shape[key]! })) }));
}

export const SECTIONS = {
  traffic: section(TrafficSchema),
  quota: section(QuotaSchema),
  slo: section(SloSchema),
  run: section(RunSchema),
  pipeline: section(PipelineDocumentSchema.shape.pipeline),
  /** Fixed costs are a top-level array; a wrapper object lets the generic form edit it in place. */
  fixedCosts: section(FixedCostsRoot),
};
