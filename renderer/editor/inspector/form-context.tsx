import { createContext, useContext } from 'react';
import type { z } from 'zod';
import type { Catalog, Problem } from '../../../simulation/index';
import type { Json, JsonPath } from '../../stores/document/json-ops';
import type { JsonSchema } from './schema-fields';

/**
 * What every field of one generated form shares: the form's schemas, its raw and effective values,
 * where it lives in the document, and how to commit a value (validated first; refused values are
 * returned as a message and never written).
 */
export interface FormContextValue {
  zod: z.ZodType;
  json: JsonSchema;
  /** The root value as written in the document (defaults not filled in). */
  raw: unknown;
  /** The root value with defaults applied (the raw value where it does not parse). */
  effective: unknown;
  docPath: JsonPath;
  idPrefix: string;
  catalog: Catalog;
  quotaIds: string[];
  /** The document's nodes, for node references. */
  nodes: ReadonlyArray<{ id: string; kind: string; name?: string }>;
  /**
   * Validates and applies; returns the message when the value is refused. `unchecked` applies a new
   * list item whose required fields still need the user (its problems then show at those fields).
   */
  commit(path: JsonPath, value: Json | undefined, label: string, options?: { unchecked?: boolean }): string | null;
  /** Document problems (from validation) at this field. */
  problems(path: JsonPath): Problem[];
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useForm(): FormContextValue {
  const form = useContext(FormContext);
  if (!form) throw new Error('field outside a <SchemaForm>');
  return form;
}
