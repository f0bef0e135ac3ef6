import type { z } from 'zod';
import type { Problem } from '../nodes/kind';
import { preview, toJsonPath, valueAt } from './json-path';

/**
 * Turns zod issues into problems that name the JSON path, the bad value and what is allowed, e.g.
 *   $.nodes[3].params.topK: got -1, expected an integer ≥ 1
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown, schema: z.ZodType): Problem[] {
  return issues.map((issue) => {
    const path = toJsonPath(issue.path);
    const value = valueAt(input, issue.path);
    return { severity: 'error' as const, path, nodeId: nodeIdAt(input, issue.path), message: `${path}: ${describe(issue, value, input, schema)}` };
  });
}

function nodeIdAt(input: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'nodes' || typeof path[1] !== 'number') return undefined;
  const id = valueAt(input, ['nodes', path[1], 'id']);
  return typeof id === 'string' ? id : undefined;
}

function got(value: unknown): string {
  return value === undefined ? 'missing' : `got ${preview(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
  literal: 'a fixed value',
};

function describe(issue: z.core.$ZodIssue, value: unknown, input: unknown, schema: z.ZodType): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (issue.expected === 'int' && typeof value === 'number') return `got ${preview(value)}, expected an integer`;
      return `${got(value)}, expected ${expected}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      // An empty pipeline is where every new document starts: say what to add, not only the count.
      if (issue.origin === 'array' && issue.path.length === 1 && issue.path[0] === 'nodes' && Array.isArray(value) && value.length === 0) return 'got 0 nodes, expected at least 1: a pipeline starts with a traffic source, its steps (embedding, retrieval, an LLM …) and a Response terminal';
      if (issue.origin === 'array') return `${Array.isArray(value) ? `got ${value.length} item${value.length === 1 ? '' : 's'}` : got(value)}, expected ${issue.exact ? 'exactly' : 'at least'} ${min}`;
      if (issue.origin === 'string') return `${got(value)}, expected at least ${min} character${min === 1 ? '' : 's'}`;
      return `${got(value)}, expected a number ${issue.inclusive ? '≥' : '>'} ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `${Array.isArray(value) ? `got ${value.length} items` : got(value)}, expected ${issue.exact ? 'exactly' : 'at most'} ${max}`;
      if (issue.origin === 'string') return `${got(value)}, expected at most ${max} characters`;
      return `${got(value)}, expected a number ${issue.inclusive ? '≤' : '<'} ${max}`;
    }
    case 'invalid_value':
      return `${got(value)}, expected ${issue.values.length === 1 ? preview(issue.values[0]) : `one of ${issue.values.map((v) => preview(v)).join(', ')}`}`;
    case 'invalid_union': {
      const disc = (issue as { discriminator?: string; options?: unknown[] }).options;
      if (disc && disc.length) return `${got(value)}, expected one of ${disc.map((v) => preview(v)).join(', ')}`;
      return `${got(value)} does not match any allowed form`;
    }
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schema, issue.path, input);
      const keys = issue.keys.map((k) => `'${k}'`).join(', ');
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}${allowed ? `; allowed fields: ${allowed.join(', ')}` : ''}`;
    }
    case 'invalid_format':
      return `${got(value)}, expected ${issue.message.startsWith('Invalid') ? `the ${issue.format} format` : issue.message}`;
    case 'custom':
      return issue.message;
    default:
      return `${got(value)}: ${issue.message}`;
  }
}

// --- Walking a zod schema along a path, to list the fields an object allows. -------------------

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  options?: unknown[];
  discriminator?: string;
  in?: unknown;
}

function defOf(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } })?._zod?.def;
}

function unwrap(schema: unknown): unknown {
  let cur = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(cur);
    if (!def) return cur;
    if (['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch'].includes(def.type)) cur = def.innerType;
    else if (def.type === 'pipe') cur = def.in;
    else return cur;
  }
  return cur;
}

function pickUnionOption(schema: unknown, value: unknown): unknown {
  const def = defOf(schema);
  if (!def || def.type !== 'union' || !def.options) return schema;
  if (def.discriminator && value && typeof value === 'object') {
    const tag = (value as Record<string, unknown>)[def.discriminator];
    for (const option of def.options) {
      const shape = defOf(unwrap(option))?.shape;
      const lit = shape ? defOf(shape[def.discriminator]) : undefined;
      const values = (lit as unknown as { values?: unknown[] })?.values;
      if (values?.includes(tag)) return option;
    }
  }
  return schema;
}

/** The keys allowed by the object schema at `path` (null if it cannot be resolved). */
export function allowedKeys(schema: unknown, path: readonly PropertyKey[], input: unknown): string[] | null {
  let cur = unwrap(schema);
  let value: unknown = input;
  for (const seg of path) {
    cur = unwrap(pickUnionOption(cur, value));
    const def = defOf(cur);
    if (!def) return null;
    if (def.type === 'object' && def.shape && typeof seg === 'string') cur = def.shape[seg];
    else if (def.type === 'array' && typeof seg === 'number') cur = def.element;
    else return null;
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[seg] : undefined;
    cur = unwrap(cur);
  }
  cur = unwrap(pickUnionOption(unwrap(cur), value));
  const shape = defOf(cur)?.shape;
  return shape ? Object.keys(shape) : null;
}
