import { describe, expect, it } from 'vitest';
import { problemLocation, problemText, validateDocument } from '../../../renderer/stores/validation';
import { createDocumentStore } from '../../../renderer/stores/document/document-store';
import { setValue } from '../../../renderer/stores/document/commands';
import { createValidationStore } from '../../../renderer/stores/validation-store';
import { blankDocument } from '../../../renderer/stores/document/editable-document';
import { parsePathString, toPathString } from '../../../renderer/stores/json-path';
import { exampleDocument } from '../helpers';

describe('validation mapping', () => {
  it('a valid example has no errors and a parsed document with defaults', () => {
    const v = validateDocument(exampleDocument('optimized-rag'));
    expect(v.ok).toBe(true);
    expect(v.errorCount).toBe(0);
    expect(v.parsed?.slo.p99Ms).toBe(5000);
  });

  it('maps a schema problem to its node and field path', () => {
    const doc = exampleDocument('optimized-rag');
    const bad = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'search' ? { ...n, params: { ...n.params, topK: -3 } } : n)) };
    const v = validateDocument(bad);
    expect(v.ok).toBe(false);
    expect(v.byNode.search?.[0]?.path).toBe('$.nodes[2].params.topK');
    expect(v.byPath['$.nodes[2].params.topK']?.[0]?.message).toContain('-3');
    expect(problemLocation(bad, v.byNode.search![0]!)).toBe('Vector search › params.topK');
  });

  it('maps a graph problem (unwired required port) to the node without a nodeId-less path lookup', () => {
    const doc = exampleDocument('optimized-rag');
    const cut = { ...doc, edges: doc.edges.filter((e) => !(e.from === 'rerank' && e.port === 'ok')) };
    const v = validateDocument(cut);
    const messages = (v.byNode.rerank ?? []).map(problemText);
    expect(messages.some((m) => m.includes("output 'ok' leads nowhere"))).toBe(true);
    // The LLM is now unreachable: its own problem.
    expect((v.byNode.llm ?? []).some((p) => p.message.includes('unreachable'))).toBe(true);
  });

  it('a blank document explains what is missing', () => {
    const v = validateDocument(blankDocument());
    expect(v.ok).toBe(false);
    expect(v.problems[0]?.path).toBe('$.nodes');
  });

  it('errors come before warnings', () => {
    const doc = exampleDocument('optimized-rag');
    const v = validateDocument({ ...doc, quotas: [...(doc.quotas as object[]), { id: 'spare', rpm: 10 }], edges: doc.edges.slice(1) });
    const severities = v.problems.map((p) => p.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
  });

  it('paths round-trip between segments and strings', () => {
    for (const segs of [['nodes', 3, 'params', 'topK'], ['traffic', 'classes', 0, 'share'], ['weird key', 2]]) {
      expect(parsePathString(toPathString(segs))).toEqual(segs);
    }
  });
});

describe('validation store', () => {
  it('revalidates after an edit once flushed, and reports pending meanwhile', () => {
    const docs = createDocumentStore(exampleDocument('optimized-rag'));
    const store = createValidationStore(docs, 10_000);
    expect(store.getState().validation.ok).toBe(true);
    docs.getState().execute(setValue(docs.getState().doc, ['nodes', 2, 'params', 'topK'], 0, 'Top k'));
    expect(store.getState().pending).toBe(true);
    const v = store.flush();
    expect(v.ok).toBe(false);
    expect(store.getState()).toMatchObject({ pending: false, revision: docs.getState().revision });
    store.dispose();
  });
});
