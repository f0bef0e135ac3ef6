import type { EditableDocument } from '../stores/document/editable-document';

const STEP_X = 240;
const STEP_Y = 140;

function occupied(doc: EditableDocument, x: number, y: number): boolean {
  // A node is about 190 × 110 px; keep a margin so new nodes never cover an existing one.
  return doc.nodes.some((n) => n.position && Math.abs(n.position.x - x) < 210 && Math.abs(n.position.y - y) < 140);
}

/**
 * Where a node added by click goes: right of the node it will be connected from (below any node
 * already there), or at the centre of the view.
 */
export function placeNewNode(doc: EditableDocument, afterNodeId: string | null, viewCentre: { x: number; y: number }): { x: number; y: number } {
  const after = afterNodeId ? doc.nodes.find((n) => n.id === afterNodeId) : undefined;
  if (after?.position) {
    const x = after.position.x + STEP_X;
    let y = after.position.y;
    for (let i = 0; i < 20 && occupied(doc, x, y); i++) y += STEP_Y;
    return { x, y };
  }
  const x = viewCentre.x - 95;
  let y = viewCentre.y - 50;
  for (let i = 0; i < 30 && occupied(doc, x, y); i++) y += STEP_Y;
  return { x, y };
}
