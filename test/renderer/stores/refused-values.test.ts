import { describe, expect, it } from 'vitest';
import { setValue } from '../../../renderer/stores/document/commands';
import { createDocumentStore } from '../../../renderer/stores/document/document-store';
import { appliedText, discardWorthSaying, nodeIdAt, refusedText, type RefusedValue } from '../../../renderer/stores/refused-values';
import { validateDocument } from '../../../renderer/stores/validation';
import { createValidationStore } from '../../../renderer/stores/validation-store';
import { testServices } from '../app/services';
import { exampleDocument, exampleText } from '../helpers';

/** The LLM node's max_tokens typed as −5 in the Inspector: refused, so the document keeps 1,024. */
const maxTokens: RefusedValue = {
  fieldId: 'p-llm-maxTokens',
  path: '$.nodes[4].params.maxTokens',
  message: 'max_tokens: got -5, expected a whole number ≥ 1',
  applied: 'the default (1,024)',
  nodeId: 'llm',
  generation: 0,
};

describe('refused values in the validation', () => {
  it('a refused value is an error: listed, counted, and the document no longer ok to run', () => {
    const docs = createDocumentStore(exampleDocument('optimized-rag'));
    const store = createValidationStore(docs, 10_000);
    expect(store.getState().validation).toMatchObject({ ok: true, errorCount: 0 });
    store.reportRefused(maxTokens);
    expect(store.getState().validation).toMatchObject({ ok: false, errorCount: 1, refused: [maxTokens] });
    // The document's own problems are unchanged: the refused value was never applied.
    expect(store.getState().validation.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(store.withdrawRefused(maxTokens.fieldId)).toEqual(maxTokens);
    expect(store.getState().validation).toMatchObject({ ok: true, errorCount: 0, refused: [] });
    expect(store.withdrawRefused(maxTokens.fieldId)).toBeNull();
    store.dispose();
  });

  it('reporting the same field again replaces its entry; the list survives re-validation of an edit', () => {
    const docs = createDocumentStore(exampleDocument('optimized-rag'));
    const store = createValidationStore(docs, 10_000);
    store.reportRefused(maxTokens);
    store.reportRefused({ ...maxTokens, message: 'max_tokens: got 0, expected a whole number ≥ 1' });
    expect(store.getState().validation.refused.map((r) => r.message)).toEqual(['max_tokens: got 0, expected a whole number ≥ 1']);
    // Another field's edit re-validates the document: the refused value still blocks, on top of the document's errors.
    docs.getState().execute(setValue(docs.getState().doc, ['nodes', 2, 'params', 'topK'], 0, 'Top k'));
    const v = store.flush();
    expect(v.refused).toHaveLength(1);
    expect(v.errorCount).toBe(v.problems.filter((p) => p.severity === 'error').length + 1);
    store.dispose();
  });

  it('Run refuses while a field shows a refused value, and says why', () => {
    const s = testServices();
    s.actions.openText({ path: null, name: 'a.preflight.json', text: exampleText('optimized-rag') });
    s.validation.reportRefused(maxTokens);
    expect(s.actions.runBlocker()).toBe('1 problem must be fixed first (see Problems).');
    s.actions.run();
    expect(s.runs.getState().status).toBe('idle');
    expect(s.ui.getState().toasts.at(-1)?.text).toBe('Cannot run: 1 problem must be fixed first (see Problems).');
    s.validation.withdrawRefused(maxTokens.fieldId);
    expect(s.actions.runBlocker()).toBeNull();
  });
});

describe('refused value helpers', () => {
  it('name the node a path is under', () => {
    const doc = exampleDocument('optimized-rag');
    expect(nodeIdAt(doc, '$.nodes[4].params.maxTokens')).toBe('llm');
    expect(nodeIdAt(doc, '$.traffic.rps')).toBeUndefined();
  });

  it('say what the pipeline still has, as a field shows it', () => {
    expect(appliedText(1024)).toBe('1,024');
    expect(appliedText(0.25)).toBe('0.25');
    expect(appliedText(undefined)).toBe('the default');
    expect(appliedText(null)).toBe('none');
    expect(appliedText('llm')).toBe('"llm"');
    expect(refusedText(maxTokens)).toBe('max_tokens: got -5, expected a whole number ≥ 1; the pipeline still has the default (1,024)');
  });

  it('a draft dropped unseen is said, unless its node or its document went with it', () => {
    const doc = exampleDocument('optimized-rag');
    expect(discardWorthSaying(maxTokens, doc, 0)).toBe(true);
    expect(discardWorthSaying(maxTokens, { ...doc, nodes: doc.nodes.filter((n) => n.id !== 'llm') }, 0)).toBe(false);
    expect(discardWorthSaying(maxTokens, doc, 1)).toBe(false);
    const { nodeId: _node, ...traffic } = { ...maxTokens, path: '$.traffic.rps' };
    expect(discardWorthSaying(traffic, doc, 0)).toBe(true);
  });
});

describe('graph checks after schema errors', () => {
  it('says when loadPipeline stopped at the schema, so wiring problems are still to come', () => {
    const doc = exampleDocument('optimized-rag');
    const schemaBroken = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'search' ? { ...n, params: { ...n.params, topK: -3 } } : n)) };
    expect(validateDocument(schemaBroken).graphChecked).toBe(false);
    const graphBroken = { ...doc, edges: [...doc.edges, { from: 'users', port: 'out', to: 'nowhere' }] };
    expect(validateDocument(graphBroken)).toMatchObject({ ok: false, graphChecked: true });
    expect(validateDocument(doc).graphChecked).toBe(true);
  });
});
