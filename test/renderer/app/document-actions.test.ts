import { describe, expect, it } from 'vitest';
import { formatMs, loadPipeline, runPipeline } from '../../../simulation/index';
import { suggestedFileName } from '../../../renderer/app/document-actions';
import { headlineCards } from '../../../renderer/features/results/headline-cards';
import { isDirty } from '../../../renderer/stores/document/document-store';
import { setValue } from '../../../renderer/stores/document/commands';
import { exampleText } from '../helpers';
import { runFinished, testServices } from './services';

describe('document operations', () => {
  it('opens a valid file clean, with its path and name', () => {
    const s = testServices();
    expect(s.actions.openText({ path: '/x/rag.preflight.json', name: 'rag.preflight.json', text: exampleText('optimized-rag') })).toBe(true);
    expect(s.documents.getState().file).toEqual({ path: '/x/rag.preflight.json', name: 'rag.preflight.json' });
    expect(isDirty(s.documents.getState())).toBe(false);
    expect(s.validation.getState().validation.ok).toBe(true);
  });

  it('opens a file with validation errors in the editor, with its problems and a notice', () => {
    const s = testServices();
    const doc = JSON.parse(exampleText('optimized-rag'));
    doc.nodes[2].params.topK = 0;
    expect(s.actions.openText({ path: null, name: 'bad.preflight.json', text: JSON.stringify(doc) })).toBe(true);
    expect(s.documents.getState().doc.nodes).toHaveLength(7);
    expect(s.validation.getState().validation.byNode.search?.[0]?.message).toContain('got 0');
    expect(s.ui.getState().toasts[0]?.text).toContain('opened with 1 problem');
    expect(s.ui.getState().problemsOpen).toBe(true);
  });

  it('refuses text that is not JSON with line and column, keeping the current document', () => {
    const s = testServices();
    s.actions.openText({ path: null, name: 'a.preflight.json', text: exampleText('optimized-rag') });
    const before = s.documents.getState().doc;
    expect(s.actions.openText({ path: null, name: 'b.json', text: '{\n  "nodes": [1,,2]\n}' })).toBe(false);
    const dialog = s.ui.getState().dialog;
    expect(dialog?.type === 'open-error' && dialog.problems[0]?.message).toBe('$: not valid JSON at line 2, column 15: expected a value, found ","');
    expect(s.documents.getState().doc).toBe(before);
  });

  it('refuses JSON the canvas cannot draw, saying which part', () => {
    const s = testServices();
    expect(s.actions.openText({ path: null, name: 'c.json', text: '{"nodes": [{"kind": "llm"}]}' })).toBe(false);
    const dialog = s.ui.getState().dialog;
    expect(dialog?.type === 'open-error' && dialog.reason).toBe('$.nodes[0]: every node needs a string "id" and "kind" to be drawn');
  });

  it('save writes the document text, marks it clean and clears the recovery slot', async () => {
    const s = testServices();
    s.actions.openText({ path: null, name: 'optimized-rag.preflight.json', text: exampleText('optimized-rag') });
    s.documents.getState().execute(setValue(s.documents.getState().doc, ['traffic', 'rps'], 9, 'rps'));
    s.platform.autosave = { text: 'draft', documentPath: null };
    expect(await s.actions.save()).toBe(true);
    expect(s.platform.saved[0]?.suggestedName).toBe('optimized-rag-retrieve-20-rerank-to-5.preflight.json');
    expect(JSON.parse(s.platform.saved[0]!.text).traffic.rps).toBe(9);
    expect(isDirty(s.documents.getState())).toBe(false);
    expect(s.documents.getState().file.path).toBe('/files/optimized-rag-retrieve-20-rerank-to-5.preflight.json');
    expect(s.platform.autosave).toBeNull();
  });

  it('New over unsaved changes asks first, and only proceeds when confirmed', () => {
    const s = testServices();
    s.actions.openText({ path: null, name: 'a.preflight.json', text: exampleText('optimized-rag') });
    s.documents.getState().execute(setValue(s.documents.getState().doc, ['traffic', 'rps'], 9, 'rps'));
    s.actions.newDocument('naive-rag');
    const dialog = s.ui.getState().dialog;
    expect(dialog?.type).toBe('confirm-discard');
    expect(s.documents.getState().file.name).toBe('a.preflight.json');
    if (dialog?.type === 'confirm-discard') dialog.proceed();
    expect(s.documents.getState().file.name).toBe('naive-rag.preflight.json');
    expect(s.documents.getState().doc.$schema).toBeUndefined();
  });

  it('suggests a file name from the pipeline name', () => {
    expect(suggestedFileName('Optimized RAG (retrieve 20, rerank to 5)')).toBe('optimized-rag-retrieve-20-rerank-to-5.preflight.json');
    expect(suggestedFileName('???')).toBe('pipeline.preflight.json');
  });
});

describe('running from the app', () => {
  it('runs the document through the worker path; the cards show runPipeline\'s figures', async () => {
    const s = testServices();
    const text = exampleText('optimized-rag');
    s.actions.openText({ path: null, name: 'a.preflight.json', text });
    s.documents.getState().execute(setValue(s.documents.getState().doc, ['run', 'durationMs'], 600_000, 'duration'));
    s.actions.run();
    expect(s.runs.getState().status).toBe('running');
    await runFinished(s);
    const results = s.runs.getState().results!;
    const loaded = loadPipeline(s.documents.getState().doc);
    if (!loaded.ok) throw new Error('invalid');
    const direct = runPipeline(loaded.doc, loaded.catalog);
    expect(JSON.stringify(results)).toBe(JSON.stringify(direct));
    expect(headlineCards(results).find((c) => c.key === 'p99Ms')?.value).toBe(formatMs(direct.headline.p99Ms));
    expect(s.runs.getState().resultsRevision).toBe(s.documents.getState().revision);
    expect(s.runs.getState().history).toEqual([expect.objectContaining({ seed: 1, headline: direct.headline, pipelineName: direct.pipeline.name })]);
  });

  it('will not run a document with errors, and says why', () => {
    const s = testServices();
    s.actions.newDocument(null);
    s.actions.run();
    expect(s.runs.getState().status).toBe('idle');
    expect(s.ui.getState().toasts.at(-1)?.text).toMatch(/^Cannot run: 1 problem must be fixed first/);
  });

  it('cancel stops a run between slices', async () => {
    const s = testServices();
    s.actions.openText({ path: null, name: 'a.preflight.json', text: exampleText('optimized-rag') });
    s.actions.run();
    await new Promise((r) => setTimeout(r, 20));
    s.actions.cancelRun();
    await runFinished(s);
    expect(s.runs.getState().status).toBe('cancelled');
    expect(s.runs.getState().results).toBeNull();
  });
});
