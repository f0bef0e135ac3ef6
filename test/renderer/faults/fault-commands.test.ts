import { describe, expect, it } from 'vitest';
import { addEvent, addFault, moveEvent, removeEvent, removeFault, setFaultTarget, setFaultType, setFaultWindow } from '../../../renderer/editor/panels/faults/fault-commands';
import type { Command, Refusal } from '../../../renderer/stores/document/commands';
import { createDocumentStore } from '../../../renderer/stores/document/document-store';
import type { EditableDocument } from '../../../renderer/stores/document/editable-document';
import { exampleDocument } from '../helpers';

const MIN = 60_000;

function ok<T>(result: T | Refusal | null): T {
  if (result === null) throw new Error('nothing to do');
  if (typeof result === 'object' && 'ok' in (result as object)) throw new Error((result as Refusal).reason);
  return result as T;
}

function store(doc: EditableDocument, now = () => 0) {
  return createDocumentStore(doc, { path: null, name: 'x.preflight.json' }, now);
}

describe('fault commands', () => {
  it('add a fault with a unique id; undo removes the faults list the file did not have', () => {
    const s = store(exampleDocument('naive-rag'));
    const before = s.getState().doc;
    expect(before.faults).toBeUndefined();
    const { command, index } = ok(addFault(before, 'outage', 'llm', 20 * MIN, 10 * MIN));
    s.getState().execute(command);
    expect(index).toBe(0);
    expect(s.getState().doc.faults).toEqual([{ id: 'llm-outage', type: 'outage', target: 'llm', startMs: 20 * MIN, durationMs: 10 * MIN }]);
    s.getState().execute(ok(addFault(s.getState().doc, 'outage', 'llm', 0, MIN)).command);
    expect((s.getState().doc.faults as Array<{ id: string }>)[1]!.id).toBe('llm-outage-2');
    s.getState().undo();
    s.getState().undo();
    expect(s.getState().doc).toEqual(before);
    expect('faults' in s.getState().doc).toBe(false);
  });

  it('refuse a fault its target cannot take', () => {
    const doc = exampleDocument('naive-rag');
    expect(addFault(doc, 'limit-cut', 'llm', 0, MIN)).toMatchObject({ ok: false, reason: expect.stringContaining('pick a quota') });
    expect(addFault(doc, 'prompt-growth', 'search', 0, MIN)).toMatchObject({ ok: false });
    expect('command' in addFault(doc, 'limit-cut', 'openai', 0, MIN)).toBe(true);
  });

  it('move and resize in one undo step, moving to another lane too', () => {
    const s = store(exampleDocument('fallback-chain'));
    const before = s.getState().doc;
    s.getState().execute(setFaultWindow(before, 0, { startMs: 25 * MIN, durationMs: 5 * MIN, target: 'gpt35' }));
    expect((s.getState().doc.faults as unknown[])[0]).toMatchObject({ startMs: 25 * MIN, durationMs: 5 * MIN, target: 'gpt35' });
    expect(s.getState().past).toHaveLength(1);
    s.getState().undo();
    expect(s.getState().doc).toEqual(before);
    expect(setFaultWindow(before, 0, { startMs: 20 * MIN, durationMs: 10 * MIN })).toBeNull();
  });

  it('merge arrow-key nudges into one undo step', () => {
    let t = 0;
    const s = store(exampleDocument('fallback-chain'), () => (t += 100));
    for (let i = 1; i <= 3; i++) s.getState().execute(setFaultWindow(s.getState().doc, 0, { startMs: (20 + i) * MIN, durationMs: 10 * MIN }, 'fault-0-keys') as Command);
    expect(s.getState().past).toHaveLength(1);
    s.getState().undo();
    expect((s.getState().doc.faults as Array<{ startMs: number }>)[0]!.startMs).toBe(20 * MIN);
  });

  it('retarget when the new type needs another kind of target', () => {
    const doc = { ...exampleDocument('naive-rag'), faults: [{ id: 'f', type: 'outage', target: 'llm', startMs: 0, durationMs: MIN }] } as EditableDocument;
    const cut = ok(setFaultType(doc, 0, 'limit-cut'));
    expect(cut.ops.map((o) => o.path.join('.'))).toEqual(['faults.0.type', 'faults.0.target']);
    expect(cut.ops[1]).toMatchObject({ value: 'openai', prev: 'llm' });
    expect(ok(setFaultType(doc, 0, 'latency')).ops).toHaveLength(1);
    expect(setFaultType(exampleDocument('fallback-chain'), 0, 'limit-cut')).toMatchObject({ ok: false, reason: expect.stringContaining('add a quota first') });
    expect(setFaultTarget(doc, 0, 'openai')).toMatchObject({ ok: false });
    expect(ok(setFaultTarget(doc, 0, 'search')).label).toBe('Point fault f at search');
  });

  it('delete a fault, and undo puts it back where it was', () => {
    const s = store(exampleDocument('maturity/level-4'));
    const before = s.getState().doc;
    s.getState().execute(removeFault(before, 0));
    expect((s.getState().doc.faults as Array<{ id: string }>).map((f) => f.id)).toEqual(['provider-outage']);
    s.getState().undo();
    expect(s.getState().doc).toEqual(before);
  });
});

describe('event commands', () => {
  it('add, move and delete cache events with undo', () => {
    const s = store(exampleDocument('fallback-chain'));
    const before = s.getState().doc;
    const { command, index } = addEvent(before, 'kb-update', 30 * MIN);
    s.getState().execute(command);
    expect(s.getState().doc.events).toEqual([{ type: 'kb-update', atMs: 30 * MIN }]);
    s.getState().execute(moveEvent(s.getState().doc, index, -5));
    expect((s.getState().doc.events as Array<{ atMs: number }>)[0]!.atMs).toBe(0);
    s.getState().execute(removeEvent(s.getState().doc, index));
    expect(s.getState().doc.events).toEqual([]);
    s.getState().undo();
    s.getState().undo();
    s.getState().undo();
    expect(s.getState().doc).toEqual(before);
  });
});
