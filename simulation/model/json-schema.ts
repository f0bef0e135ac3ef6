import { z } from 'zod';
import { PipelineDocumentSchema } from './document-schema';

/**
 * The JSON Schema of the pipeline file format, generated from the zod schema (the single source).
 * Shipped as schema/pipeline.schema.json so editors can validate `.preflight.json` files; a test
 * fails when the shipped file and the code disagree (`npm run schema` regenerates it).
 */
export function pipelineJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PipelineDocumentSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://preflight.dev/schema/pipeline.schema.json',
    title: 'Preflight pipeline',
    description: 'An LLM/RAG pipeline for the Preflight simulator (file format version 1). Every field is described in docs/pipeline-format.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
