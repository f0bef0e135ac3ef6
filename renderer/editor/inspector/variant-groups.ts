import type { FieldSpec } from './schema-fields';

/**
 * Settings groups chosen by a sibling option: an object field named after one of an enum field's
 * values holds that value's settings (a circuit breaker's `flavour` with its `opossum`,
 * `resilience4j` and `litellm` option groups). Only the selected value's group is shown; the others
 * stay in the file untouched but would only confuse.
 */
export function visibleFields(fields: FieldSpec[], valueOf: (spec: FieldSpec) => unknown): Array<{ spec: FieldSpec; selectedBy: FieldSpec | null }> {
  const selectors = fields.filter((f) => f.kind === 'enum' && fields.some((g) => g.kind === 'object' && f.options.includes(g.key)));
  return fields.flatMap((spec): Array<{ spec: FieldSpec; selectedBy: FieldSpec | null }> => {
    const selector = spec.kind === 'object' ? selectors.find((s) => s.options.includes(spec.key)) : undefined;
    if (!selector) return [{ spec, selectedBy: null }];
    return valueOf(selector) === spec.key ? [{ spec, selectedBy: selector }] : [];
  });
}
