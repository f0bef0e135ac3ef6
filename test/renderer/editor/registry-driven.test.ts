import { describe, expect, it } from 'vitest';
import { builtinCatalog, NODE_GROUPS, NODE_KINDS, paramsJsonSchema } from '../../../simulation/index';
import { nodeData } from '../../../renderer/editor/flow-mapping';
import { fieldsOf, type FieldSpec, type JsonSchema } from '../../../renderer/editor/inspector/schema-fields';
import { addNode } from '../../../renderer/stores/document/commands';
import { blankDocument } from '../../../renderer/stores/document/editable-document';

function allFields(fields: FieldSpec[]): FieldSpec[] {
  return fields.flatMap((f) => [f, ...allFields(f.children)]);
}

/**
 * Every kind in the registry gets a palette entry, a node and an inspector form with no renderer
 * change: these run over whatever NODE_KINDS holds today, so a kind the lead adds is covered too.
 */
describe.each(NODE_KINDS.map((k) => [k.kind, k] as const))('kind %s', (kind, def) => {
  it('belongs to a palette group', () => {
    expect(NODE_GROUPS.map((g) => g.group)).toContain(def.group);
  });

  it('is added with default params and drawn with its title, summary and ports', () => {
    const added = addNode(blankDocument(), kind, { x: 0, y: 0 });
    if ('ok' in added) throw new Error(added.reason);
    const node = (added.command.ops[0] as unknown as { value: never }).value;
    const data = nodeData(node, { doc: { ...blankDocument(), nodes: [node] }, catalog: builtinCatalog(), byNode: {}, results: null, resultsStale: false, selectedNodes: new Set() });
    expect(data.kindTitle).toBe(def.title);
    const parses = def.params.safeParse({}).success;
    // Defaults that parse give the kind's own figures; otherwise the node says what it needs first.
    if (parses) expect(data.summary.join(' ')).not.toMatch(/^(needs|invalid)/);
    else expect(data.summary[0]).toMatch(/^(needs \w|invalid \w|set )/);
    const dynamic = 'outputsFor' in def;
    if (dynamic) expect(data.ports.length).toBeGreaterThan(0);
    else expect(data.ports.map((p) => p.name)).toEqual(def.outputs.map((p) => p.name));
  });

  it('has an inspector form: every field has a label and an editor', () => {
    const json = paramsJsonSchema(kind) as JsonSchema;
    const fields = allFields(fieldsOf(json));
    for (const f of fields) {
      expect(f.label, `${kind}.${f.path.join('.')}`).toMatch(/\S/);
      expect(['number', 'string', 'boolean', 'enum', 'distribution', 'quotaRef', 'nodeRef', 'model', 'object', 'numberList', 'numberTable', 'stringList', 'objectList', 'json']).toContain(f.kind);
    }
  });
});
