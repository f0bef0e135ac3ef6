import { describe, expect, it } from 'vitest';
import { placeNewNode } from '../../../renderer/editor/placement';
import { exampleDocument } from '../helpers';

describe('placing a node added by click', () => {
  it('goes right of the node it is connected from, below anything already there', () => {
    const doc = exampleDocument('optimized-rag');
    // Right of "llm" (880, 120) is "answer" (1100, 120) and below it "failed" (1100, 300).
    expect(placeNewNode(doc, 'llm', { x: 0, y: 0 })).toEqual({ x: 1120, y: 540 });
  });

  it('goes to the centre of the view when nothing is selected, moved down off other nodes', () => {
    const doc = exampleDocument('optimized-rag');
    expect(placeNewNode(doc, null, { x: 5000, y: 5000 })).toEqual({ x: 4905, y: 4950 });
    const p = placeNewNode(doc, null, { x: 535, y: 170 });
    expect(doc.nodes.some((n) => Math.abs(n.position!.x - p.x) < 210 && Math.abs(n.position!.y - p.y) < 140)).toBe(false);
  });
});
