import { formatDurationMs, formatPercent } from '../../../simulation/index';
import { getAt, type JsonPath } from '../../stores/document/json-ops';
import { appliedText } from '../../stores/refused-values';
import type { FormContextValue } from './form-context';
import type { FieldSpec } from './schema-fields';

/** The value a field shows: what the document says, else the default the run will use. */
export function fieldValue(form: FormContextValue, spec: FieldSpec): unknown {
  const raw = getAt(form.raw, spec.path);
  if (raw !== undefined) return raw;
  const effective = getAt(form.effective, spec.path);
  return effective !== undefined ? effective : spec.defaultValue;
}

/** True when the document sets this field (false: the default applies). */
export function isSet(form: FormContextValue, path: JsonPath): boolean {
  return getAt(form.raw, path) !== undefined;
}

/** What the pipeline has at a field, for "not applied; the pipeline still has …": "1,024", "the default (1,024)". */
export function appliedFieldText(form: FormContextValue, spec: FieldSpec): string {
  const raw = getAt(form.raw, spec.path);
  if (raw !== undefined) return appliedText(raw);
  const effective = getAt(form.effective, spec.path) ?? spec.defaultValue;
  return effective === undefined ? 'the default' : `the default (${appliedText(effective)})`;
}

export function fieldId(form: FormContextValue, path: JsonPath): string {
  return `${form.idPrefix}-${path.join('-')}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** A human reading of a number in its unit: 86,400,000 ms → "1 d"; 0.003 share → "0.3 %". */
export function unitHint(value: unknown, unit: string | null): string | null {
  if (typeof value !== 'number') return null;
  if (unit === 'ms' && value >= 1000) return formatDurationMs(value);
  if (unit === 'share') return formatPercent(value, 2);
  if (value >= 10_000) return value.toLocaleString('en-US');
  return null;
}
