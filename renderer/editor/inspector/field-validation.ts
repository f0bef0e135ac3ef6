import type { z } from 'zod';
import { parseDurationMs } from '../../../simulation/index';
import { applyOp, getAt, type Json, type JsonPath } from '../../stores/document/json-ops';
import { isWithin } from '../../stores/json-path';
import { allowedText, type FieldSpec } from './schema-fields';

/**
 * Checks one edited value against the schema of the whole form it belongs to (node params, traffic,
 * a quota…), keeping only the problems at or under that field. Rules that span fields (class shares
 * summing to 1) are not the field's fault: the edit is applied and they show as document problems.
 */
export function fieldError(schema: z.ZodType, root: unknown, path: JsonPath, value: Json | undefined, label: string): string | null {
  const candidate = applyOp((root ?? {}) as Json, { op: 'set', path, value, prev: undefined });
  const result = schema.safeParse(candidate);
  if (result.success) return null;
  const issue = result.error.issues.find((i) => isWithin(i.path as Array<string | number>, path));
  if (!issue) return null;
  const inner = (issue.path as Array<string | number>).slice(path.length);
  const where = inner.length ? `${inner.join('.')}: ` : '';
  return `${label}: ${where}${describeIssue(issue, getAt(candidate, issue.path as Array<string | number>))}`;
}

function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const got = value === undefined ? 'missing' : `got ${preview(value)}`;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `${got}, expected at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `${got}, expected a number ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `${got}, expected at most ${String(issue.maximum)} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `${got}, expected a number ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}`;
    case 'invalid_type':
      return issue.expected === 'int' ? `${got}, expected a whole number` : `${got}, expected ${issue.expected}`;
    case 'invalid_value':
      return `${got}, expected one of ${issue.values.map((v) => preview(v)).join(', ')}`;
    case 'invalid_union':
      return `${got} does not match any allowed form`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    case 'custom':
      return issue.message;
    default:
      return `${got}: ${issue.message}`;
  }
}

export type ParsedInput = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * Reads what was typed into a number field. Accepts "1,000" and "1_000", "2e6", a duration such as
 * "30s" or "1h" in millisecond fields and "0.5 %" in share fields; refuses anything else by name.
 */
export function parseNumberText(text: string, spec: Pick<FieldSpec, 'label' | 'unit' | 'nullable' | 'integer' | 'min' | 'max' | 'exclusiveMin' | 'exclusiveMax'>): ParsedInput {
  const trimmed = text.trim();
  const allowed = allowedText(spec as FieldSpec);
  if (trimmed === '' || trimmed.toLowerCase() === 'none' || trimmed.toLowerCase() === 'null') {
    return spec.nullable ? { ok: true, value: null } : { ok: false, message: `${spec.label}: a value is required (${allowed})` };
  }
  const clean = trimmed.replace(/[,_\s](?=\d)/g, '');
  let value: number | undefined = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(clean) ? Number(clean) : undefined;
  if (value === undefined && spec.unit === 'ms') value = parseDurationMs(clean);
  if (value === undefined && spec.unit === 'share' && /^[-+]?\d+(\.\d+)?%$/.test(clean)) value = Number(clean.slice(0, -1)) / 100;
  if (value === undefined || !Number.isFinite(value)) {
    const hint = spec.unit === 'ms' ? ' (milliseconds, or a duration such as 30s or 5m)' : spec.unit === 'share' ? ' (a share such as 0.25 or 25%)' : '';
    return { ok: false, message: `${spec.label}: got "${trimmed}", expected ${allowed}${hint}` };
  }
  const tooLow = spec.min !== null && (spec.exclusiveMin ? value <= spec.min : value < spec.min);
  const tooHigh = spec.max !== null && (spec.exclusiveMax ? value >= spec.max : value > spec.max);
  if ((spec.integer && !Number.isInteger(value)) || tooLow || tooHigh) return { ok: false, message: `${spec.label}: got ${value}, expected ${allowed}` };
  return { ok: true, value };
}
