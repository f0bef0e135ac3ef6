import { useEffect, useMemo, useRef, useState } from 'react';
import { describeDistribution, type DistributionSpec } from '../../../../simulation/index';
import type { Json } from '../../../stores/document/json-ops';
import { FieldShell } from '../FieldShell';
import { useForm } from '../form-context';
import { fieldId, fieldValue, isSet } from '../form-values';
import { NumberInput } from '../NumberInput';
import { useInputErrors } from '../use-input-errors';
import { fieldsOf, resolveRef, type FieldSpec, type JsonSchema } from '../schema-fields';
import { convertDistribution } from './distribution-convert';

interface Variant {
  type: string;
  params: FieldSpec[];
}

/** The distribution shapes as the schema defines them (constant, lognormal, …) and their parameters. */
function variantsOf(spec: FieldSpec, root: JsonSchema): Variant[] {
  const union = resolveRef(spec.schema, root);
  return (union.oneOf ?? union.anyOf ?? [])
    .map((v) => resolveRef(v, root))
    .map((v) => ({ type: String(v.properties?.type?.const ?? ''), params: fieldsOf(v, root).filter((f) => f.key !== 'type') }))
    .filter((v) => v.type);
}

function describe(value: unknown, unit: string | null): string {
  try {
    return describeDistribution(value as DistributionSpec, unit && unit !== 'share' ? unit : '');
  } catch {
    return '';
  }
}

/** A latency or token distribution: its shape and that shape's parameters, validated as a whole. */
export function DistributionField({ spec }: { spec: FieldSpec }) {
  const form = useForm();
  // Each parameter's box keeps its own refused draft; a refused shape change is a message (the select shows the applied shape).
  const { error, report } = useInputErrors();
  const [notice, setNotice] = useState<string | null>(null);
  const variants = useMemo(() => variantsOf(spec, form.json), [spec, form.json]);
  const value = fieldValue(form, spec) as Record<string, Json> | null;
  const type = value && typeof value === 'object' ? String(value.type) : '';
  const variant = variants.find((v) => v.type === type);
  const commit = (next: Json | null) => form.commit(spec.path, next, spec.label);
  const setType = (t: string) => {
    const converted = t === '' ? null : convertDistribution(value, t, 1);
    if (t === '' || converted) setNotice(commit(converted as unknown as Json));
  };
  return (
    <FieldShell spec={spec} error={error} notice={notice} wide>
      {/* ↺ can leave every parameter as shown (defaults equal to the set values): new boxes drop their refused drafts. */}
      <div className="dist" key={String(isSet(form, spec.path))}>
        <select id={fieldId(form, spec.path)} aria-label={`${spec.label} distribution`} value={type} onChange={(e) => setType(e.target.value)}>
          {spec.nullable && <option value="">none</option>}
          {variants.map((v) => (
            <option key={v.type} value={v.type}>
              {v.type}
            </option>
          ))}
        </select>
        {variant?.params.map((p) =>
          p.kind === 'number' ? (
            <label key={p.key} className="dist-param">
              <span>{p.key}</span>
              <NumberInput
                id={`${fieldId(form, spec.path)}-${p.key}`}
                ariaLabel={`${spec.label} ${p.key}`}
                value={typeof value?.[p.key] === 'number' ? (value[p.key] as number) : null}
                constraints={{ ...p, label: `${spec.label} ${p.key}`, nullable: !p.required }}
                placeholder={p.required ? '' : 'unset'}
                width={76}
                onError={(message) => report(p.key, message)}
                onCommit={(v) => {
                  const next: Record<string, Json> = { ...(value ?? {}) };
                  if (v === null) delete next[p.key];
                  else next[p.key] = v;
                  return commit(next);
                }}
              />
            </label>
          ) : (
            <QuantileTable key={p.key} label={`${spec.label} ${p.key}`} value={value?.[p.key]} onCommit={(v) => commit({ ...(value ?? {}), [p.key]: v })} onError={(message) => report(p.key, message)} />
          ),
        )}
      </div>
      {value && <div className="dist-summary">{describe(value, spec.unit)}</div>}
    </FieldShell>
  );
}

/** Empirical quantiles as "probability value" lines; a refused table stays in the box, reported like a refused number. */
function QuantileTable(props: { label: string; value: unknown; onCommit(value: Json): string | null; onError(message: string | null): void }) {
  const shown = Array.isArray(props.value) ? (props.value as Array<[number, number]>).map(([p, v]) => `${p} ${v}`).join('\n') : '';
  const [draft, setDraft] = useState(shown);
  const onError = useRef(props.onError);
  onError.current = props.onError;
  useEffect(() => {
    setDraft(shown);
    onError.current(null);
  }, [shown]);
  useEffect(() => () => onError.current(null), []);
  return (
    <textarea
      aria-label={props.label}
      rows={Math.min(8, shown.split('\n').length + 1)}
      value={draft}
      placeholder={'0 100\n0.5 200\n1 900'}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        if (draft === shown) return props.onError(null);
        const rows = draft.split('\n').map((l) => l.trim().split(/[\s,;]+/).map(Number)).filter((r) => r.length === 2 && r.every(Number.isFinite));
        props.onError(props.onCommit(rows as unknown as Json));
      }}
    />
  );
}
