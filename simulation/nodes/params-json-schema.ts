import { z } from 'zod';
import { nodeKind } from './registry';

/**
 * JSON Schema (input side: defaults shown, optional fields optional) of a kind's params, with the
 * metadata the inspector renders: title, description, unit, default, minimum/maximum, and the
 * markers `distribution`, `quotaRef` and `catalogMode` for special editors.
 */
export function paramsJsonSchema(kind: string): Record<string, unknown> {
  const def = nodeKind(kind);
  if (!def) throw new Error(`unknown node kind ${kind}`);
  return z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
