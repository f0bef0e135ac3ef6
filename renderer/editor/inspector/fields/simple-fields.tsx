import { useEffect, useState } from 'react';
import { nodeKind } from '../../../../simulation/index';
import type { Json } from '../../../stores/document/json-ops';
import { FieldShell } from '../FieldShell';
import { useForm } from '../form-context';
import { fieldId, fieldValue, isSet, unitHint } from '../form-values';
import { NumberInput } from '../NumberInput';
import type { FieldSpec } from '../schema-fields';

/**
 * A text draft and its refusal. A new value from outside — an undo, or ↺ back to the default, which
 * may show the same value — replaces both, so a red field never outlives the value it refused.
 */
function useDraft(shown: string, set: boolean) {
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(shown);
    setError(null);
  }, [shown, set]);
  /** Enter commits; Esc puts the applied value back and drops the refusal. */
  const onKeyDown = (commit: () => void) => (e: { key: string }) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') {
      setDraft(shown);
      setError(null);
    }
  };
  return { draft, setDraft, error, setError, onKeyDown };
}

export function NumberField({ spec }: { spec: FieldSpec }) {
  const form = useForm();
  const [error, setError] = useState<string | null>(null);
  const value = fieldValue(form, spec);
  return (
    <FieldShell spec={spec} error={error} hint={unitHint(value, spec.unit)}>
      <NumberInput
        // ↺ can leave the shown value as it was (a default equal to the set value): a new input drops the refused draft.
        key={String(isSet(form, spec.path))}
        id={fieldId(form, spec.path)}
        value={typeof value === 'number' ? value : null}
        constraints={spec}
        onError={setError}
        onCommit={(v) => form.commit(spec.path, v, spec.label)}
      />
    </FieldShell>
  );
}

export function TextField({ spec }: { spec: FieldSpec }) {
  const form = useForm();
  const value = fieldValue(form, spec);
  const shown = typeof value === 'string' ? value : '';
  const { draft, setDraft, error, setError, onKeyDown } = useDraft(shown, isSet(form, spec.path));
  const commit = () => {
    if (draft === shown) return setError(null);
    setError(form.commit(spec.path, spec.nullable && draft === '' ? null : draft, spec.label));
  };
  return (
    <FieldShell spec={spec} error={error}>
      <input id={fieldId(form, spec.path)} value={draft} aria-invalid={error ? true : undefined} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={onKeyDown(commit)} />
    </FieldShell>
  );
}

export function BooleanField({ spec }: { spec: FieldSpec }) {
  const form = useForm();
  const [error, setError] = useState<string | null>(null);
  return (
    <FieldShell spec={spec} error={null} notice={error}>
      <input id={fieldId(form, spec.path)} type="checkbox" checked={fieldValue(form, spec) === true} onChange={(e) => setError(form.commit(spec.path, e.target.checked, spec.label))} />
    </FieldShell>
  );
}

export function EnumField({ spec }: { spec: FieldSpec }) {
  const form = useForm();
  const [error, setError] = useState<string | null>(null);
  const value = fieldValue(form, spec);
  return (
    <FieldShell spec={spec} error={null} notice={error}>
      <select id={fieldId(form, spec.path)} value={value === null || value === undefined ? '' : String(value)} onChange={(e) => setError(form.commit(spec.path, e.target.value === '' && spec.nullable ? null : e.target.value, spec.label))}>
        {spec.nullable && <option value="">none</option>}
        {!spec.options.includes(String(value)) && value !== null && value !== undefined && <option value={String(value)}>{String(value)} (not allowed)</option>}
        {spec.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A quota reference: the document's quota ids, or none. A dangling id stays visible and flagged. */
export function QuotaRefField({ spec }: { spec: FieldSpec }) {
  const form = useForm();
  const [error, setError] = useState<string | null>(null);
  const value = fieldValue(form, spec);
  const current = typeof value === 'string' ? value : '';
  return (
    <FieldShell spec={spec} error={null} notice={error}>
      <select id={fieldId(form, spec.path)} value={current} onChange={(e) => setError(form.commit(spec.path, e.target.value === '' ? null : e.target.value, spec.label))}>
        <option value="">none (no shared limit)</option>
        {current && !form.quotaIds.includes(current) && <option value={current}>{current} (not defined)</option>}
        {form.quotaIds.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** The id of another node of the allowed kinds (a stale cache names the cache it reads). */
export function NodeRefField({ spec }: { spec: FieldSpec }) {
  const form = useForm();
  const [error, setError] = useState<string | null>(null);
  const value = fieldValue(form, spec);
  const current = typeof value === 'string' ? value : '';
  const candidates = form.nodes.filter((n) => spec.nodeKinds.length === 0 || spec.nodeKinds.includes(n.kind));
  return (
    <FieldShell spec={spec} error={null} notice={error}>
      <select id={fieldId(form, spec.path)} value={current} onChange={(e) => setError(form.commit(spec.path, e.target.value === '' ? (spec.nullable ? null : undefined) : e.target.value, spec.label))}>
        <option value="">{candidates.length ? 'choose a node' : `add a ${spec.nodeKinds.map((k) => nodeKind(k)?.title ?? k).join(' or ') || 'node'} first`}</option>
        {current && !candidates.some((n) => n.id === current) && <option value={current}>{current} (not found)</option>}
        {candidates.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name || n.id} ({n.id})
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Words as a comma-separated list (a route's query classes). */
export function StringListField({ spec }: { spec: FieldSpec }) {
  const form = useForm();
  const value = fieldValue(form, spec);
  const shown = Array.isArray(value) ? (value as unknown[]).map(String).join(', ') : '';
  const { draft, setDraft, error, setError, onKeyDown } = useDraft(shown, isSet(form, spec.path));
  const commit = () => (draft === shown ? setError(null) : setError(form.commit(spec.path, draft.split(',').map((w) => w.trim()).filter(Boolean), spec.label)));
  return (
    <FieldShell spec={spec} error={error}>
      <input id={fieldId(form, spec.path)} value={draft} placeholder="comma-separated" aria-invalid={error ? true : undefined} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={onKeyDown(commit)} />
    </FieldShell>
  );
}

/** Numbers as a comma-separated list (hourly multipliers, retryable statuses). */
export function NumberListField({ spec }: { spec: FieldSpec }) {
  const form = useForm();
  const value = fieldValue(form, spec);
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  const shown = list.join(', ');
  const { draft, setDraft, error, setError, onKeyDown } = useDraft(shown, isSet(form, spec.path));
  const commit = () => {
    if (draft === shown) return setError(null);
    const parts = draft.split(/[\s,;]+/).filter(Boolean);
    const bad = parts.find((p) => !Number.isFinite(Number(p)));
    if (bad !== undefined) return setError(`${spec.label}: "${bad}" is not a number; give numbers separated by commas`);
    setError(form.commit(spec.path, parts.map(Number), spec.label));
  };
  const max = Math.max(...list.map(Number).filter(Number.isFinite), 0);
  return (
    <FieldShell spec={spec} error={error} wide>
      <div className="list-field">
        <input id={fieldId(form, spec.path)} value={draft} aria-invalid={error ? true : undefined} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={onKeyDown(commit)} />
        {list.length >= 7 && max > 0 && (
          <div className="sparkbars" aria-hidden>
            {list.map((v, i) => (
              <span key={i} style={{ height: `${(Number(v) / max) * 100}%` }} title={`${i}: ${String(v)}`} />
            ))}
          </div>
        )}
      </div>
    </FieldShell>
  );
}

/** Any shape the form has no editor for (a new kind's table, empirical quantiles): edited as JSON. */
export function JsonField({ spec }: { spec: FieldSpec }) {
  const form = useForm();
  const value = fieldValue(form, spec);
  const shown = value === undefined ? '' : JSON.stringify(value, null, 1);
  const { draft, setDraft, error, setError } = useDraft(shown, isSet(form, spec.path));
  const commit = () => {
    if (draft === shown) return setError(null);
    let parsed: Json;
    try {
      parsed = JSON.parse(draft) as Json;
    } catch (e) {
      return setError(`${spec.label}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    setError(form.commit(spec.path, parsed, spec.label));
  };
  return (
    <FieldShell spec={spec} error={error} wide>
      <textarea id={fieldId(form, spec.path)} rows={Math.min(8, shown.split('\n').length + 1)} value={draft} aria-invalid={error ? true : undefined} onChange={(e) => setDraft(e.target.value)} onBlur={commit} />
    </FieldShell>
  );
}
