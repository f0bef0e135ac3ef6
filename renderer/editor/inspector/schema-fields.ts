import { humanize } from '../../../simulation/units/humanize';
import type { JsonPath } from '../../stores/document/json-ops';

/**
 * Turns a JSON Schema (from `paramsJsonSchema` or `z.toJSONSchema`) into field descriptions the
 * inspector renders. Nothing here knows a node kind: new kinds get a form from their schema alone.
 */
export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  unit?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  /** Tuple cells (a curve row [threshold, a, b]). */
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  distribution?: boolean;
  quotaRef?: boolean;
  /** The id of another node; `true` for any kind, or the kinds allowed. */
  nodeRef?: boolean | string[];
  catalogMode?: 'chat' | 'embedding' | 'rerank';
  /** Column titles of a number table (a curve's row layout). */
  columns?: string[];
};

export type FieldKind = 'number' | 'string' | 'boolean' | 'enum' | 'distribution' | 'quotaRef' | 'nodeRef' | 'model' | 'object' | 'numberList' | 'numberTable' | 'stringList' | 'objectList' | 'json';

export interface FieldSpec {
  key: string;
  /** Path from the form's root value. */
  path: JsonPath;
  label: string;
  description: string;
  unit: string | null;
  kind: FieldKind;
  nullable: boolean;
  integer: boolean;
  hasDefault: boolean;
  defaultValue: unknown;
  required: boolean;
  min: number | null;
  max: number | null;
  exclusiveMin: boolean;
  exclusiveMax: boolean;
  options: string[];
  catalogMode: 'chat' | 'embedding' | 'rerank' | null;
  /** Kinds a node reference may point at (empty: any kind). */
  nodeKinds: string[];
  /** Fields of an object, or of one item of an object list. */
  children: FieldSpec[];
  itemSchema: JsonSchema | null;
  minItems: number | null;
  maxItems: number | null;
  /** The resolved schema (distribution variants, templates for new list items). */
  schema: JsonSchema;
}

/** Numbers this large are zod's "no maximum" (Number.MAX_SAFE_INTEGER), not a real limit. */
const NO_LIMIT = 9e15;

export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(/^#\/\$defs\//, '');
  const target = root.$defs?.[name];
  return target ? { ...target, ...withoutRef(schema) } : schema;
}

function withoutRef(schema: JsonSchema): JsonSchema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

/** Splits `anyOf: [X, {type: null}]` / `type: [X, 'null']` into X and a nullable flag. */
function unwrapNullable(schema: JsonSchema, root: JsonSchema): { inner: JsonSchema; nullable: boolean } {
  const variants = schema.anyOf ?? null;
  if (variants) {
    const nonNull = variants.filter((v) => v.type !== 'null');
    if (nonNull.length === 1 && nonNull.length < variants.length) {
      const { anyOf: _a, ...meta } = schema;
      return { inner: { ...resolveRef(nonNull[0]!, root), ...meta }, nullable: true };
    }
  }
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    const types = schema.type.filter((t) => t !== 'null');
    return { inner: { ...schema, type: types.length === 1 ? types[0]! : types }, nullable: true };
  }
  return { inner: resolveRef(schema, root), nullable: false };
}

function kindOf(s: JsonSchema, isDistribution: boolean): FieldKind {
  if (isDistribution) return 'distribution';
  if (s.quotaRef) return 'quotaRef';
  if (s.nodeRef) return 'nodeRef';
  if (s.catalogMode) return 'model';
  if (s.enum && s.enum.every((v) => typeof v === 'string')) return 'enum';
  if (s.type === 'number' || s.type === 'integer') return 'number';
  if (s.type === 'string') return 'string';
  if (s.type === 'boolean') return 'boolean';
  if (s.type === 'object' && s.properties) return 'object';
  if (s.type === 'array' && s.items && (s.items.type === 'number' || s.items.type === 'integer')) return 'numberList';
  if (s.type === 'array' && s.items && s.items.type === 'string' && !s.items.enum) return 'stringList';
  if (s.type === 'array' && s.items && s.items.type === 'object' && s.items.properties) return 'objectList';
  // Rows of numbers of a fixed width (threshold curves): a table editor.
  if (s.type === 'array' && s.items?.type === 'array' && s.items.prefixItems?.length && s.items.prefixItems.every((c) => c.type === 'number' || c.type === 'integer')) return 'numberTable';
  return 'json';
}

export function fieldSpec(key: string, raw: JsonSchema, root: JsonSchema, path: JsonPath, required: boolean): FieldSpec {
  const isDistribution = raw.distribution === true || raw.$ref === '#/$defs/Distribution' || (raw.anyOf ?? []).some((v) => v.$ref === '#/$defs/Distribution');
  const { inner, nullable } = unwrapNullable(raw, root);
  const s = inner;
  const kind = kindOf(s, isDistribution);
  const min = s.minimum ?? s.exclusiveMinimum ?? null;
  const max = s.maximum ?? s.exclusiveMaximum ?? null;
  const item = s.items ? resolveRef(s.items, root) : null;
  return {
    key,
    path,
    // The field's own title; a shared definition's title ("Distribution") would name every field alike.
    label: raw.title ?? humanize(key),
    description: raw.description ?? s.description ?? '',
    unit: raw.unit ?? s.unit ?? null,
    kind,
    nullable,
    integer: s.type === 'integer',
    hasDefault: 'default' in raw,
    defaultValue: raw.default,
    required,
    min: min !== null && Math.abs(min) < NO_LIMIT ? min : null,
    max: max !== null && Math.abs(max) < NO_LIMIT ? max : null,
    exclusiveMin: s.exclusiveMinimum !== undefined,
    exclusiveMax: s.exclusiveMaximum !== undefined,
    options: kind === 'enum' ? (s.enum as string[]) : [],
    catalogMode: s.catalogMode ?? null,
    nodeKinds: Array.isArray(s.nodeRef) ? s.nodeRef : [],
    children: kind === 'object' ? fieldsOf(s, root, path) : kind === 'objectList' && item ? fieldsOf(item, root, []) : [],
    itemSchema: item,
    minItems: s.minItems ?? null,
    maxItems: s.maxItems ?? null,
    schema: s,
  };
}

/** The fields of an object schema, in declaration order. */
export function fieldsOf(schema: JsonSchema, root: JsonSchema = schema, base: JsonPath = []): FieldSpec[] {
  const resolved = resolveRef(schema, root);
  const required = new Set(resolved.required ?? []);
  return Object.entries(resolved.properties ?? {})
    .filter(([key]) => key !== '$schema')
    .map(([key, prop]) => fieldSpec(key, prop, root, [...base, key], required.has(key)));
}

/** "a whole number from 1 to 20", "a number > 0", "a share from 0 to 1": what a field allows. */
export function allowedText(spec: FieldSpec): string {
  const what = spec.integer ? 'a whole number' : 'a number';
  const lo = spec.min === null ? null : `${spec.exclusiveMin ? '>' : '≥'} ${spec.min}`;
  const hi = spec.max === null ? null : `${spec.exclusiveMax ? '<' : '≤'} ${spec.max}`;
  let text = what;
  if (spec.min !== null && spec.max !== null && !spec.exclusiveMin && !spec.exclusiveMax) text += ` from ${spec.min} to ${spec.max}`;
  else if (lo && hi) text += ` ${lo} and ${hi}`;
  else if (lo) text += ` ${lo}`;
  else if (hi) text += ` ${hi}`;
  if (spec.nullable) text += ', or empty for none';
  return text;
}

/** A value for a new list item: defaults, and for required fields without one the smallest allowed value. */
export function templateFor(schema: JsonSchema, root: JsonSchema, index: number): unknown {
  const s = resolveRef(schema, root);
  if ('default' in s) return structuredClone(s.default);
  if (s.type === 'object' && s.properties) {
    const out: Record<string, unknown> = {};
    for (const key of s.required ?? []) {
      const prop = s.properties[key];
      if (!prop) continue;
      if (key === 'id') out[key] = `item-${index + 1}`;
      else if (key === 'name') out[key] = `Item ${index + 1}`;
      else out[key] = templateFor(prop, root, index);
    }
    return out;
  }
  if (s.enum) return s.enum[0];
  if (s.oneOf?.[0]) return templateFor(s.oneOf[0], root, index);
  if (s.const !== undefined) return s.const;
  switch (s.type) {
    case 'number':
    case 'integer':
      return Math.min(s.maximum ?? Infinity, s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0));
    case 'string':
      return '';
    case 'boolean':
      return false;
    case 'array':
      return [];
    default:
      return null;
  }
}
