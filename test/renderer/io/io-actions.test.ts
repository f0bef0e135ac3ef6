import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headlineCsv, nodesCsv, runReplications, sha256Hex, type RunResults } from '../../../simulation/index';
import { documentTextForHash } from '../../../renderer/features/io/report/report-job';
import type { IoDialog } from '../../../renderer/features/io/io-dialog';
import { createWebPlatform } from '../../../renderer/platform/web-platform';
import { loadPipeline } from '../../../simulation/index';
import { exampleText } from '../helpers';
import { runFinished, testServices } from '../app/services';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;

/** Services with the optimized RAG example open (short horizon) and every saved export recorded. */
function services() {
  const s = testServices();
  const exports: Array<{ suggestedName: string; data: string | Uint8Array; mime: string }> = [];
  s.platform.saveExport = async (file) => {
    exports.push(file);
    return { path: `/exports/${file.suggestedName}` };
  };
  const doc = JSON.parse(exampleText('optimized-rag')) as { run: Record<string, unknown> };
  doc.run = { ...doc.run, durationMs: 300_000, warmupMs: 30_000, traceSampleRate: 0.05 };
  s.actions.openText({ path: '/p/optimized-rag.preflight.json', name: 'optimized-rag.preflight.json', text: JSON.stringify(doc) });
  return { s, exports };
}

function ioDialog(s: ReturnType<typeof testServices>): IoDialog {
  const d = s.ui.getState().dialog;
  if (d?.type !== 'io') throw new Error(`expected an io dialog, got ${JSON.stringify(d)?.slice(0, 200)}`);
  return d.io;
}

describe('data exports', () => {
  it('need results, then export the latest run under the pipeline\'s stem', async () => {
    const { s, exports } = services();
    expect(s.actions.dataSource()).toBeNull();
    await s.actions.exportData('headline-csv');
    expect(exports).toHaveLength(0);
    expect(s.ui.getState().toasts.at(-1)?.text).toMatch(/Run the pipeline first/);

    s.actions.run();
    await runFinished(s);
    const results = s.runs.getState().results!;
    await s.actions.exportData('headline-csv');
    await s.actions.exportData('nodes-csv');
    await s.actions.exportData('otlp-json');
    expect(exports.map((e) => e.suggestedName)).toEqual(['optimized-rag.seed-1.headline.csv', 'optimized-rag.seed-1.nodes.csv', 'optimized-rag.seed-1.traces.otlp.json']);
    expect(exports[0]!.data).toBe(headlineCsv(results, null));
    expect(exports[1]!.data).toBe(nodesCsv(results));
    const otlp = JSON.parse(exports[2]!.data as string) as { resourceSpans: Array<{ scopeSpans: Array<{ scope: { version: string }; spans: unknown[] }> }> };
    expect(otlp.resourceSpans[0]!.scopeSpans[0]!.spans.length).toBeGreaterThan(0);
    expect(otlp.resourceSpans[0]!.scopeSpans[0]!.scope.version).toBe(JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version);
    expect(s.ui.getState().toasts.at(-1)?.text).toBe('Downloaded optimized-rag.seed-1.traces.otlp.json');
  });

  it('carry the intervals of a launch report made from the same document; an edit makes the run stale', async () => {
    const { s, exports } = services();
    s.actions.run();
    await runFinished(s);
    const loaded = loadPipeline(s.documents.getState().doc);
    if (!loaded.ok) throw new Error('not ok');
    const replicated = runReplications(loaded.doc, loaded.catalog, {}, { replications: 2, confidence: 0.95, stopping: null });
    s.actions.rememberReport(s.documents.getState().revision, replicated.representative, replicated);
    expect(s.actions.dataSource()).toMatchObject({ replicated, stale: false });
    await s.actions.exportData('headline-csv');
    expect(exports[0]).toMatchObject({ suggestedName: 'optimized-rag.seed-1.2-replications.headline.csv', data: headlineCsv(replicated.representative, replicated) });

    s.documents.getState().execute({ label: 'rename', ops: [{ op: 'set', path: ['pipeline', 'name'], value: 'Renamed', prev: 'Optimized RAG (retrieve 20, rerank to 5)' }] });
    expect(s.actions.dataSource()).toMatchObject({ replicated: null, stale: true });
  });

  it('say so when the run kept no traces', async () => {
    const { s, exports } = services();
    const doc = s.documents.getState().doc as unknown as { run: Record<string, unknown> };
    s.documents.getState().execute({ label: 'no traces', ops: [{ op: 'set', path: ['run', 'traceSampleRate'], value: 0, prev: doc.run.traceSampleRate as number }, { op: 'set', path: ['run', 'traceSlowest'], value: 0, prev: undefined }, { op: 'set', path: ['run', 'traceFailed'], value: 0, prev: undefined }] });
    s.actions.run();
    await runFinished(s);
    expect((s.runs.getState().results as RunResults).traces).toHaveLength(0);
    await s.actions.exportData('otlp-json');
    expect(exports).toHaveLength(0);
    expect(s.ui.getState().toasts.at(-1)?.text).toMatch(/kept no sampled traces: raise the trace sample rate/);
  });
});

describe('imports', () => {
  it('name the file and what is wrong with it; the document is untouched', async () => {
    const { s } = services();
    const before = s.documents.getState().doc;
    s.platform.toImport = { name: 'prices.json', text: '{\n  "gpt": {\n    "mode": "chat",, \n  }\n}' };
    await s.actions.importPriceMap();
    expect(ioDialog(s)).toMatchObject({ kind: 'import-error', fileName: 'prices.json', message: expect.stringMatching(/^not JSON at line 3, column 20/) });
    s.platform.toImport = { name: 'prices.json', text: '[1, 2]' };
    await s.actions.importPriceMap();
    expect(ioDialog(s)).toMatchObject({ kind: 'import-error', message: expect.stringMatching(/^not a LiteLLM price map \(model name → price entry\): expected LiteLLM's price map, a JSON object/) });
    s.platform.toImport = { name: 'config.yaml', text: 'model_list:\n  - model_name: a\n   bad: [' };
    await s.actions.importProxyConfig();
    expect(ioDialog(s)).toMatchObject({ kind: 'import-error', fileName: 'config.yaml', message: expect.stringMatching(/^not valid YAML at line \d+, column \d+/) });
    s.platform.toImport = { name: 'traces.json', text: '{"resourceSpans": []}' };
    await s.actions.calibrateFromTraces();
    expect(ioDialog(s)).toMatchObject({ kind: 'import-error', message: expect.stringMatching(/^no model calls found/) });
    expect(s.documents.getState().doc).toBe(before);
  });

  it('a cancelled picker does nothing; good files open their previews', async () => {
    const { s } = services();
    s.platform.toImport = null;
    await s.actions.importPriceMap();
    expect(s.ui.getState().dialog).toBeNull();
    s.platform.toImport = { name: 'prices.json', text: readFileSync(`${FIXTURES}litellm/model-prices-edge-cases.json`, 'utf8') };
    await s.actions.importPriceMap();
    expect(ioDialog(s)).toMatchObject({ kind: 'price-map', fileName: 'prices.json' });
    s.platform.toImport = { name: 'genai-traces.json', text: readFileSync(`${FIXTURES}otlp/genai-traces.json`, 'utf8') };
    await s.actions.calibrateFromTraces();
    // Measured traces, not a Preflight export: no warning about simulated data.
    expect(ioDialog(s)).toMatchObject({ kind: 'calibration', report: { format: 'otlp-json' }, simulated: false });
  });

  it('open an imported proxy config as a new unsaved document, asking first when there are unsaved changes', async () => {
    const { s } = services();
    s.platform.toImport = { name: 'proxy-config.yaml', text: readFileSync(`${FIXTURES}litellm/proxy-config.yaml`, 'utf8') };
    await s.actions.importProxyConfig();
    const dialog = ioDialog(s);
    if (dialog.kind !== 'proxy-config') throw new Error(dialog.kind);
    s.documents.getState().execute({ label: 'edit', ops: [{ op: 'set', path: ['pipeline', 'description'], value: 'mine', prev: (s.documents.getState().doc.pipeline as { description: string }).description }] });
    s.actions.openImportedPipeline('proxy-config.yaml', dialog.result.doc);
    const confirm = s.ui.getState().dialog;
    expect(confirm).toMatchObject({ type: 'confirm-discard', action: 'open the imported pipeline' });
    expect(s.documents.getState().file.name).toBe('optimized-rag.preflight.json');
    if (confirm?.type !== 'confirm-discard') return;
    confirm.proceed();
    const state = s.documents.getState();
    expect(state.file).toEqual({ path: null, name: 'proxy-config.preflight.json' });
    expect(state.savedEntryId).not.toBe(0); // dirty: never saved
    expect(s.validation.flush().errorCount).toBe(0);
  });
});

describe('report file hash', () => {
  it('is of the file on disk while the document is that file, else of the text Save would write', async () => {
    const { s } = services();
    const disk = '{ "compact": "formatting", "nodes": [], "edges": [] }';
    s.platform.readRecent = async (path) => ({ path, name: 'a.json', text: disk });
    s.actions.openText({ path: '/p/a.json', name: 'a.json', text: disk });
    expect(await documentTextForHash(s)).toBe(disk);
    s.documents.getState().execute({ label: 'x', ops: [{ op: 'set', path: ['compact'], value: 'edited', prev: 'formatting' }] });
    expect(await documentTextForHash(s)).toBe('{\n  "compact": "edited",\n  "nodes": [],\n  "edges": []\n}\n');
    s.documents.getState().undo();
    s.platform.readRecent = async () => {
      throw new Error('gone');
    };
    expect(sha256Hex(await documentTextForHash(s))).toBe(sha256Hex('{\n  "compact": "formatting",\n  "nodes": [],\n  "edges": []\n}\n'));
  });
});

describe('web platform', () => {
  it('reads a picked import file as text with the accepted types', async () => {
    let accepted = '';
    const env = { storage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined }, pickFile: async (a: string) => ((accepted = a), new File(['model_list: []'], 'config.yaml')), download: () => undefined, setDocumentTitle: () => undefined, now: () => new Date() };
    expect(await createWebPlatform(env).openTextFile({ accept: ['.yaml', '.yml'] })).toEqual({ name: 'config.yaml', text: 'model_list: []' });
    expect(accepted).toBe('.yaml,.yml');
    expect(await createWebPlatform({ ...env, pickFile: async () => null }).openTextFile({ accept: ['.json'] })).toBeNull();
  });
});
