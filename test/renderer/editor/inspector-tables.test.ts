import { describe, expect, it } from 'vitest';
import { paramsJsonSchema } from '../../../simulation/index';
import { interpolateCurve } from '../../../simulation/nodes/curve';
import { interpolateRow, newRow, previewGeometry, siblingThreshold, tableColumns } from '../../../renderer/editor/inspector/fields/number-table';
import { fieldsOf, type JsonSchema } from '../../../renderer/editor/inspector/schema-fields';
import { visibleFields } from '../../../renderer/editor/inspector/variant-groups';
import type { EditableDocument } from '../../../renderer/stores/document/editable-document';
import { applyOps, setOp, type JsonOp } from '../../../renderer/stores/document/json-ops';
import { edgesFollowingPortRename } from '../../../renderer/stores/document/port-rename';

const field = (kind: string, key: string) => fieldsOf(paramsJsonSchema(kind) as JsonSchema).find((f) => f.key === key)!;

describe('threshold curves as tables', () => {
  it('are a table, with the columns the schema names', () => {
    const curve = field('semantic_cache', 'curve');
    expect(curve.kind).toBe('numberTable');
    expect(tableColumns(curve).map((c) => c.label)).toEqual(['Similarity threshold', 'Near-duplicate hit share', 'False hit share']);
    expect(tableColumns(curve)[1]).toMatchObject({ min: 0, max: 1, integer: false });
    expect(field('confidence_gate', 'curve').kind).toBe('numberTable');
    expect(tableColumns(field('confidence_gate', 'curve')).map((c) => c.label)).toEqual(['Confidence threshold', 'P(escalate | wrong)', 'P(escalate | right)']);
    // Without the meta, the description's "Rows [a, b, c]" names them.
    const bare = { ...curve, schema: { ...curve.schema, columns: undefined } };
    expect(tableColumns(bare).map((c) => c.label)).toEqual(['Threshold', 'Share of near-duplicates that hit', 'Share of unrelated queries that falsely hit']);
  });

  it('are read at the node\'s threshold the way the engine reads them', () => {
    const rows = [[0.8, 0.95, 0.08], [0.9, 0.85, 0.02], [0.95, 0.6, 0.005], [0.98, 0.3, 0.001]];
    for (const x of [0.5, 0.8, 0.93, 0.95, 0.99]) expect(interpolateRow(rows, x)).toEqual(interpolateCurve(rows, x));
    expect(interpolateRow([[0.9, 0.8, 0.1], [0.5, 0.4, 0.02]], 0.7)[0]).toBeCloseTo(0.6, 9);
  });

  it('find the threshold beside the curve', () => {
    expect(siblingThreshold({ similarityThreshold: 0.95, curve: [] }, { path: ['curve'] })).toEqual({ key: 'similarityThreshold', value: 0.95 });
    expect(siblingThreshold({ curve: [] }, { path: ['curve'] })).toBeNull();
  });

  it('add a valid row between the last two, and draw one line per value column', () => {
    expect(newRow([[0.8, 0.9, 0.1], [0.9, 0.5, 0.02]], 3)).toEqual([0.85, 0.7, 0.06]);
    expect(newRow([], 3)).toEqual([0, 0, 0]);
    const g = previewGeometry([[0.8, 1, 0], [1, 0, 0]], 100, 50, 0.9);
    expect(g.lines).toEqual(['0.0,0.0 100.0,50.0', '0.0,50.0 100.0,50.0']);
    expect([g.xMin, g.xMax, g.yMax]).toEqual([0.8, 1, 1]);
  });
});

describe('a breaker\'s flavour options', () => {
  it('show only the selected flavour\'s settings', () => {
    const fields = fieldsOf(paramsJsonSchema('circuit_breaker') as JsonSchema);
    const shown = (flavour: string) => visibleFields(fields, (f) => (f.key === 'flavour' ? flavour : undefined)).map((v) => v.spec.key);
    expect(shown('opossum')).toEqual(['flavour', 'opossum']);
    expect(shown('litellm')).toEqual(['flavour', 'litellm']);
    expect(visibleFields(fields, () => 'resilience4j').find((v) => v.spec.key === 'resilience4j')?.selectedBy?.key).toBe('flavour');
  });
});

describe('renaming a router\'s route', () => {
  const doc = {
    nodes: [
      { id: 'src', kind: 'source' },
      { id: 'r', kind: 'router', params: { routes: [{ name: 'a' }, { name: 'b' }] } },
      { id: 'x', kind: 'response' },
    ],
    edges: [{ from: 'src', port: 'out', to: 'r' }, { from: 'r', port: 'a', to: 'x' }, { from: 'r', port: 'b', to: 'x' }],
  } as unknown as EditableDocument;

  it('moves the route\'s connection to the new port name', () => {
    const after = applyOps(doc, [setOp(doc, ['nodes', 1, 'params', 'routes', 0, 'name'], 'fast') as JsonOp]);
    expect(edgesFollowingPortRename(doc, after, 1)).toEqual([{ op: 'set', path: ['edges', 1, 'port'], value: 'fast', prev: 'a' }]);
  });

  it('leaves connections alone when ports are added or removed rather than renamed', () => {
    const added = applyOps(doc, [setOp(doc, ['nodes', 1, 'params', 'routes', 2], { name: 'c' }) as JsonOp]);
    expect(edgesFollowingPortRename(doc, added, 1)).toEqual([]);
  });
});
