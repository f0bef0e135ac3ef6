import { describe, expect, it } from 'vitest';
import { addNode, connect, copySelection, moveNodes, paste, removeElements, renameNode, renameQuota, rewire, setValue } from '../../../renderer/stores/document/commands';
import { createDocumentStore, isDirty } from '../../../renderer/stores/document/document-store';
import { blankDocument, type EditableDocument } from '../../../renderer/stores/document/editable-document';
import { exampleDocument } from '../helpers';

function storeWith(doc: EditableDocument = exampleDocument('optimized-rag')) {
  return createDocumentStore(doc, { path: null, name: 'optimized-rag.preflight.json' });
}

function ok<T>(result: T | { ok: false; reason: string }): T {
  if (result && typeof result === 'object' && 'ok' in result && result.ok === false) throw new Error(result.reason);
  return result as T;
}

describe('document history', () => {
  it('undo restores exactly the document before an edit, redo reapplies it', () => {
    const store = storeWith();
    const before = store.getState().doc;
    const { command } = ok(addNode(before, 'llm', { x: 10.4, y: 20.6 }));
    store.getState().execute(command);
    const after = store.getState().doc;
    expect(after.nodes).toHaveLength(before.nodes.length + 1);
    expect(after.nodes.at(-1)).toMatchObject({ id: 'llm-2', kind: 'llm', name: 'LLM', position: { x: 10, y: 21 }, params: {} });
    store.getState().undo();
    expect(store.getState().doc).toEqual(before);
    store.getState().redo();
    expect(store.getState().doc).toEqual(after);
  });

  it('a new edit clears the redo stack', () => {
    const store = storeWith();
    store.getState().execute(setValue(store.getState().doc, ['nodes', 2, 'params', 'topK'], 30, 'Top K'));
    store.getState().undo();
    expect(store.getState().future).toHaveLength(1);
    store.getState().execute(setValue(store.getState().doc, ['nodes', 2, 'params', 'topK'], 10, 'Top K'));
    expect(store.getState().future).toHaveLength(0);
  });

  it('stores operations, not snapshots: an entry holds only what changed', () => {
    const store = storeWith();
    store.getState().execute(setValue(store.getState().doc, ['nodes', 2, 'params', 'topK'], 30, 'Top K'));
    expect(store.getState().past[0]!.ops).toEqual([{ op: 'set', path: ['nodes', 2, 'params', 'topK'], value: 30, prev: 20 }]);
  });

  it('a no-op edit is not recorded', () => {
    const store = storeWith();
    expect(store.getState().execute(setValue(store.getState().doc, ['nodes', 2, 'params', 'topK'], 20, 'Top K'))).toBe(false);
    expect(store.getState().past).toHaveLength(0);
  });

  it('setting undefined removes the key (back to the default) and undo puts it back', () => {
    const store = storeWith();
    const before = store.getState().doc;
    store.getState().execute(setValue(before, ['nodes', 4, 'params', 'maxTokens'], undefined, 'Reset'));
    expect('maxTokens' in store.getState().doc.nodes[4]!.params!).toBe(false);
    store.getState().undo();
    expect(store.getState().doc).toEqual(before);
  });
});

describe('graph edits', () => {
  it('deleting a node deletes its edges; undo restores nodes and edges at their original indices', () => {
    const store = storeWith();
    const before = store.getState().doc;
    store.getState().execute(removeElements(before, ['search'], []));
    const doc = store.getState().doc;
    expect(doc.nodes.map((n) => n.id)).not.toContain('search');
    expect(doc.edges.some((e) => e.from === 'search' || e.to === 'search')).toBe(false);
    store.getState().undo();
    expect(store.getState().doc).toEqual(before);
  });

  it('connect uses the simulation rules and explains a refusal', () => {
    const doc = exampleDocument('optimized-rag');
    expect(connect(doc, 'llm', 'ok', 'search')).toMatchObject({ ok: false, reason: expect.stringContaining('already goes to') });
    expect(connect(doc, 'answer', 'out', 'llm')).toMatchObject({ ok: false, reason: expect.stringContaining('terminal') });
    const trimmed = { ...doc, edges: doc.edges.filter((e) => !(e.from === 'llm' && e.port === 'ok')) };
    expect(connect(trimmed, 'llm', 'ok', 'users')).toMatchObject({ ok: false, reason: expect.stringContaining('has no input') });
    expect(connect(trimmed, 'llm', 'ok', 'embed')).toMatchObject({ ok: false, reason: expect.stringContaining('cycle') });
    expect(ok(connect(trimmed, 'llm', 'ok', 'answer')).ops).toHaveLength(1);
  });

  it('adding a node while another is selected wires the selected node\'s first free output to it', () => {
    const store = createDocumentStore(blankDocument());
    const src = ok(addNode(store.getState().doc, 'source', { x: 0, y: 0 }));
    store.getState().execute(src.command);
    const embed = ok(addNode(store.getState().doc, 'embedding', { x: 200, y: 0 }, src.nodeId));
    store.getState().execute(embed.command);
    expect(store.getState().doc.edges).toEqual([{ from: 'source', port: 'out', to: 'embedding' }]);
    store.getState().undo();
    expect(store.getState().doc.edges).toEqual([]);
    expect(store.getState().doc.nodes).toHaveLength(1);
  });

  it('rewire replaces the edge of a port in one step', () => {
    const doc = exampleDocument('optimized-rag');
    const cmd = ok(rewire(doc, 'search', 'ok', 'llm'));
    const store = storeWith(doc);
    store.getState().execute(cmd);
    expect(store.getState().doc.edges.filter((e) => e.from === 'search' && e.port === 'ok')).toEqual([{ from: 'search', port: 'ok', to: 'llm' }]);
  });

  it('moving several nodes is one undo step', () => {
    const store = storeWith();
    store.getState().execute(moveNodes(store.getState().doc, { users: { x: 5, y: 5 }, embed: { x: 300.7, y: 9 } }));
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().doc.nodes[1]!.position).toEqual({ x: 301, y: 9 });
    store.getState().undo();
    expect(store.getState().doc.nodes[1]!.position).toEqual({ x: 220, y: 120 });
  });

  it('renaming a node renames its edges; an invalid or taken id is refused with the reason', () => {
    const doc = exampleDocument('optimized-rag');
    expect(renameNode(doc, 'llm', 'embed')).toMatchObject({ ok: false, reason: expect.stringContaining('already exists') });
    expect(renameNode(doc, 'llm', '9lives')).toMatchObject({ ok: false, reason: expect.stringContaining('not a valid id') });
    const store = storeWith(doc);
    store.getState().execute(ok(renameNode(doc, 'llm', 'answer-llm')));
    expect(store.getState().doc.edges.filter((e) => e.from === 'answer-llm' || e.to === 'answer-llm')).toHaveLength(3);
  });

  it('renaming a quota updates every node that refers to it', () => {
    const doc = exampleDocument('optimized-rag');
    const store = storeWith(doc);
    store.getState().execute(ok(renameQuota(doc, 0, 'openai-org')));
    const refs = store.getState().doc.nodes.filter((n) => n.params?.quota === 'openai-org').map((n) => n.id);
    expect(refs).toEqual(['embed', 'llm']);
  });

  it('copy and paste duplicates nodes and their inner edges with fresh ids', () => {
    const doc = exampleDocument('optimized-rag');
    const clip = copySelection(doc, ['search', 'rerank', 'users'])!;
    expect(clip.edges).toEqual([{ from: 'search', port: 'ok', to: 'rerank' }]);
    const pasted = paste(doc, clip, { x: 40, y: 40 })!;
    expect(pasted.nodeIds).toEqual(['users-2', 'search-2', 'rerank-2']);
    const store = storeWith(doc);
    store.getState().execute(pasted.command);
    expect(store.getState().doc.edges.at(-1)).toEqual({ from: 'search-2', port: 'ok', to: 'rerank-2' });
    expect(store.getState().doc.nodes.at(-1)!.position).toEqual({ x: 700, y: 160 });
  });
});

describe('merged steps', () => {
  it('arrow-key nudges within a second are one undo step; later ones start a new step', () => {
    let clock = 0;
    const store = createDocumentStore(exampleDocument('optimized-rag'), { path: null, name: 'x' }, () => clock);
    const nudge = (x: number) => store.getState().execute(moveNodes(store.getState().doc, { users: { x, y: 120 } }, 'Move with keys', 'keyboard-move'));
    nudge(5);
    clock = 400;
    nudge(10);
    clock = 800;
    nudge(15);
    expect(store.getState().past).toHaveLength(1);
    clock = 2000;
    nudge(20);
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().doc.nodes[0]!.position).toEqual({ x: 0, y: 120 });
  });

  it('never merges into the saved state, so the dirty marker stays truthful', () => {
    const store = createDocumentStore(exampleDocument('optimized-rag'), { path: null, name: 'x' }, () => 0);
    const nudge = (x: number) => store.getState().execute(moveNodes(store.getState().doc, { users: { x, y: 120 } }, 'Move with keys', 'keyboard-move'));
    nudge(5);
    store.getState().markSaved({ path: '/a', name: 'a' });
    nudge(10);
    expect(isDirty(store.getState())).toBe(true);
  });
});

describe('dirty tracking', () => {
  it('is clean after load, dirty after an edit, clean again when undone to the saved state', () => {
    const store = storeWith();
    expect(isDirty(store.getState())).toBe(false);
    store.getState().execute(setValue(store.getState().doc, ['traffic', 'rps'], 8, 'Arrival rate'));
    expect(isDirty(store.getState())).toBe(true);
    store.getState().undo();
    expect(isDirty(store.getState())).toBe(false);
  });

  it('saving moves the clean point; undoing past it is dirty again', () => {
    const store = storeWith();
    store.getState().execute(setValue(store.getState().doc, ['traffic', 'rps'], 8, 'Arrival rate'));
    store.getState().markSaved({ path: '/tmp/a.preflight.json', name: 'a.preflight.json' });
    expect(isDirty(store.getState())).toBe(false);
    store.getState().undo();
    expect(isDirty(store.getState())).toBe(true);
  });

  it('a restored autosave is dirty until saved', () => {
    const store = storeWith();
    store.getState().load(exampleDocument('naive-rag'), { path: null, name: 'naive-rag.preflight.json' }, { dirty: true });
    expect(isDirty(store.getState())).toBe(true);
    expect(store.getState().past).toHaveLength(0);
  });
});
