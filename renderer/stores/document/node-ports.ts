import { nodeKind, type PortDefinition } from '../../../simulation/index';
import type { EditorNode } from './editable-document';

/**
 * Output ports of a node. Most kinds have fixed ports; kinds whose ports come from their params
 * (a router's named routes) define `outputsFor`, which is given the node's parsed params.
 */
export function portsOfNode(node: Pick<EditorNode, 'kind' | 'params'>): readonly PortDefinition[] {
  const def = nodeKind(node.kind);
  if (!def) return [];
  const dynamic = (def as { outputsFor?: (params: unknown) => PortDefinition[] }).outputsFor;
  if (dynamic) {
    const parsed = def.params.safeParse(node.params ?? {});
    if (parsed.success) {
      try {
        return dynamic(parsed.data);
      } catch {
        return def.outputs;
      }
    }
  }
  return def.outputs;
}
