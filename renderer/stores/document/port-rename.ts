import type { EditableDocument } from './editable-document';
import type { JsonOp } from './json-ops';
import { portsOfNode } from './node-ports';

/**
 * When an edit renames one output port of a node (a router's route "a" → "fast"), the connection
 * leaving that port follows the new name instead of dangling. Only an unambiguous rename counts:
 * exactly one port gone and one port new.
 */
export function edgesFollowingPortRename(before: EditableDocument, after: EditableDocument, nodeIndex: number): JsonOp[] {
  const a = before.nodes[nodeIndex];
  const b = after.nodes[nodeIndex];
  if (!a || !b || a.id !== b.id) return [];
  const oldPorts = portsOfNode(a).map((p) => p.name);
  const newPorts = portsOfNode(b).map((p) => p.name);
  const gone = oldPorts.filter((p) => !newPorts.includes(p));
  const added = newPorts.filter((p) => !oldPorts.includes(p));
  if (gone.length !== 1 || added.length !== 1) return [];
  const ops: JsonOp[] = [];
  after.edges.forEach((e, i) => {
    if (e.from === b.id && e.port === gone[0]) ops.push({ op: 'set', path: ['edges', i, 'port'], value: added[0]!, prev: e.port });
  });
  return ops;
}
