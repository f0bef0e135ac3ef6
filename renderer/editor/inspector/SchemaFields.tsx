import { useState } from 'react';
import { Icon } from '../../app/icons';
import { getAt, type Json } from '../../stores/document/json-ops';
import { problemText } from '../../stores/validation';
import { FieldShell } from './FieldShell';
import { useForm } from './form-context';
import { fieldValue } from './form-values';
import { DistributionField } from './fields/DistributionField';
import { ModelField } from './fields/ModelField';
import { NumberTableField } from './fields/NumberTableField';
import { BooleanField, EnumField, JsonField, NodeRefField, NumberField, NumberListField, QuotaRefField, StringListField, TextField } from './fields/simple-fields';
import { templateFor, type FieldSpec } from './schema-fields';
import { visibleFields } from './variant-groups';

/** Renders each field with the editor for its kind; nested objects and lists recurse. */
export function SchemaFields({ fields }: { fields: FieldSpec[] }) {
  const form = useForm();
  return (
    <>
      {visibleFields(fields, (spec) => fieldValue(form, spec)).map(({ spec, selectedBy }) => (
        <Field key={spec.path.join('.')} spec={spec} selectedBy={selectedBy} />
      ))}
    </>
  );
}

function Field({ spec, selectedBy }: { spec: FieldSpec; selectedBy: FieldSpec | null }) {
  switch (spec.kind) {
    case 'number':
      return <NumberField spec={spec} />;
    case 'string':
      return <TextField spec={spec} />;
    case 'boolean':
      return <BooleanField spec={spec} />;
    case 'enum':
      return <EnumField spec={spec} />;
    case 'quotaRef':
      return <QuotaRefField spec={spec} />;
    case 'nodeRef':
      return <NodeRefField spec={spec} />;
    case 'model':
      return <ModelField spec={spec} />;
    case 'distribution':
      return <DistributionField spec={spec} />;
    case 'numberList':
      return <NumberListField spec={spec} />;
    case 'numberTable':
      return <NumberTableField spec={spec} />;
    case 'stringList':
      return <StringListField spec={spec} />;
    case 'object':
      return <ObjectField spec={spec} selectedBy={selectedBy} />;
    case 'objectList':
      return <ObjectListField spec={spec} />;
    case 'json':
      return <JsonField spec={spec} />;
  }
}

/** A nested object (retry policy, popularity) as a collapsible group; the selected flavour's settings open. */
function ObjectField({ spec, selectedBy }: { spec: FieldSpec; selectedBy: FieldSpec | null }) {
  const form = useForm();
  const problems = form.problems(spec.path);
  return (
    <details className="field-group" open={selectedBy !== null || problems.length > 0 || undefined}>
      <summary>
        {spec.label}
        {spec.description && <span className="faint"> — {spec.description}</span>}
        {selectedBy && <span className="faint"> — the selected {selectedBy.label.toLowerCase()}'s settings</span>}
      </summary>
      {problems.map((p, i) => (
        <div key={i} className={`field-error ${p.severity}`}>
          {problemText(p)}
        </div>
      ))}
      <SchemaFields fields={spec.children} />
    </details>
  );
}

/** Item fields are described relative to the item; place them (and their nested fields) under it. */
function prefixed(fields: FieldSpec[], prefix: Array<string | number>): FieldSpec[] {
  return fields.map((f) => ({ ...f, path: [...prefix, ...f.path], children: f.kind === 'object' ? prefixed(f.children, prefix) : f.children }));
}

/** A list of objects (query classes, fixed costs): one card per item, add and remove. */
function ObjectListField({ spec }: { spec: FieldSpec }) {
  const form = useForm();
  const [error, setError] = useState<string | null>(null);
  const value = fieldValue(form, spec);
  const items = Array.isArray(value) ? value : [];
  const raw = getAt(form.raw, spec.path);
  const base = Array.isArray(raw) ? raw : items;
  const canRemove = spec.minItems === null || items.length > spec.minItems;
  const add = () => {
    if (!spec.itemSchema) return;
    // A new item may need values only the user knows (a fault's target node): it is added as is and
    // its missing fields show as problems right where they are filled in.
    setError(form.commit(spec.path, [...base, templateFor(spec.itemSchema, form.json, items.length) as Json] as Json, spec.label, { unchecked: true }));
  };
  const remove = (index: number) => setError(form.commit(spec.path, base.filter((_, i) => i !== index) as Json, spec.label));
  return (
    <FieldShell spec={spec} error={null} notice={error} wide>
      <div className="object-list">
        {items.map((item, index) => {
          const name = item && typeof item === 'object' && 'name' in item ? String((item as { name: unknown }).name) : `#${index + 1}`;
          return (
            <fieldset key={index} className="object-item">
              <legend>
                {name}
                <button type="button" className="icon-btn small" aria-label={`Remove ${spec.label} ${name}`} disabled={!canRemove} onClick={() => remove(index)}>
                  <Icon name="trash" size={12} />
                </button>
              </legend>
              <SchemaFields fields={prefixed(spec.children, [...spec.path, index])} />
            </fieldset>
          );
        })}
        <button type="button" className="btn small" onClick={add} disabled={spec.maxItems !== null && items.length >= spec.maxItems}>
          <Icon name="plus" size={12} /> Add {spec.label.toLowerCase().replace(/s$/, '')}
        </button>
      </div>
    </FieldShell>
  );
}
