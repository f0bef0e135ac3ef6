import { useMemo } from 'react';
import type { z } from 'zod';
import { useActions, useDocument, useServices, useValidation } from '../../app/app-context';
import { setValue } from '../../stores/document/commands';
import type { EditableDocument } from '../../stores/document/editable-document';
import { applyOps, type JsonOp, type JsonPath } from '../../stores/document/json-ops';
import { toPathString } from '../../stores/json-path';
import { fieldError } from './field-validation';
import { FormContext, type FormContextValue } from './form-context';
import { SchemaFields } from './SchemaFields';
import { fieldsOf, type JsonSchema } from './schema-fields';

export interface SchemaFormProps {
  /** The zod schema of the form's root value (validates each edit in context). */
  zod: z.ZodType;
  /** Its input-side JSON Schema (labels, units, help, defaults, special editors). */
  json: JsonSchema;
  /** Where the root value lives in the document, e.g. ['nodes', 3, 'params'] or ['traffic']. */
  docPath: JsonPath;
  idPrefix: string;
  /** Show only these top-level keys (in this order), when a panel splits one schema. */
  only?: string[];
  /** Edits that must go with a change, in the same undo step (connections following a renamed port). */
  followUp?(before: EditableDocument, after: EditableDocument): JsonOp[];
}

/**
 * A form generated from a schema. Each commit is checked against the whole root schema first; a
 * refused value comes back as a message for the field and the document is not touched.
 */
export function SchemaForm(props: SchemaFormProps) {
  const { documents } = useServices();
  const actions = useActions();
  const doc = useDocument((s) => s.doc);
  const validation = useValidation((s) => s.validation);
  const raw = useMemo(() => props.docPath.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), doc), [doc, props.docPath]);
  const fields = useMemo(() => {
    const all = fieldsOf(props.json);
    return props.only ? props.only.map((k) => all.find((f) => f.key === k)).filter((f) => f !== undefined) : all;
  }, [props.json, props.only]);

  const value: FormContextValue = useMemo(() => {
    const parsed = props.zod.safeParse(raw ?? {});
    const quotas = Array.isArray(doc.quotas) ? (doc.quotas as Array<{ id?: unknown }>) : [];
    return {
      zod: props.zod,
      json: props.json,
      raw: raw ?? {},
      effective: parsed.success ? parsed.data : (raw ?? {}),
      docPath: props.docPath,
      idPrefix: props.idPrefix,
      catalog: validation.catalog,
      quotaIds: quotas.map((q) => q.id).filter((id): id is string => typeof id === 'string'),
      nodes: doc.nodes,
      commit(path, v, label, options) {
        const currentRaw = props.docPath.reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string | number, unknown>)[k] : undefined), documents.getState().doc);
        const message = options?.unchecked ? null : fieldError(props.zod, currentRaw ?? {}, path, v, label);
        if (message) return message;
        const before = documents.getState().doc;
        const command = setValue(before, [...props.docPath, ...path], v, v === undefined ? `Reset ${label}` : `Set ${label}`);
        if (command && props.followUp) command.ops.push(...props.followUp(before, applyOps(before, command.ops)));
        actions.execute(command);
        return null;
      },
      problems: (path) => validation.byPath[toPathString([...props.docPath, ...path])] ?? [],
    };
  }, [props.zod, props.json, props.docPath, props.idPrefix, props.followUp, raw, doc.quotas, doc.nodes, validation, documents, actions]);

  return (
    <FormContext.Provider value={value}>
      <div className="schema-form">
        <SchemaFields fields={fields} />
      </div>
    </FormContext.Provider>
  );
}
