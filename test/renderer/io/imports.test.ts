import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinCatalog, importLiteLlmPriceMap, importLiteLlmProxyConfig, loadPipeline } from '../../../simulation/index';
import { addModelsCommand, modelsUsed, priceLine, pricePreview } from '../../../renderer/features/io/import/price-map-view';
import { importedPipelineFileName, proxyPreview } from '../../../renderer/features/io/import/proxy-config-view';
import { importerMessage, localDate, readJson, readJsonOrLines } from '../../../renderer/features/io/import/read-input';
import { createDocumentStore } from '../../../renderer/stores/document/document-store';
import { validateDocument } from '../../../renderer/stores/validation';
import { exampleDocument } from '../helpers';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
const SHARED = new URL('../../../../shared/fixtures/litellm/', import.meta.url).pathname;
const fixture = (path: string) => readFileSync(`${FIXTURES}${path}`, 'utf8');

describe('reading import files', () => {
  it('says where a JSON file breaks, with the line and a caret', () => {
    const r = readJson('{\n  "a": 1,\n  "b": 2 "c": 3\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^not JSON at line 3, column 10: /);
    expect(r.excerpt).toContain('^');
  });

  it('hands JSON lines on as text (the trace reader names a broken line itself); a broken document keeps its location', () => {
    const lines = '{"resourceSpans":[]}\n{"resourceSpans":[]}\n';
    expect(readJsonOrLines(lines)).toEqual({ ok: true, value: lines });
    expect(readJsonOrLines('[1, 2,\n 3,,]')).toMatchObject({ ok: false, message: expect.stringMatching(/^not JSON at line 2, column 4: expected a value/) });
  });

  it('turns an importer error into "not X: why", and dates imports in local time', () => {
    expect(importerMessage('a LiteLLM price map', new Error('$: expected an object; got an array'))).toBe('not a LiteLLM price map: expected an object; got an array');
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('LiteLLM price map preview', () => {
  const result = importLiteLlmPriceMap(JSON.parse(fixture('litellm/model-prices-edge-cases.json')), { recordedOn: '2026-11-27' });

  it('lists imported models by mode and every skipped key with its reason', () => {
    const keys = Object.keys(JSON.parse(fixture('litellm/model-prices-edge-cases.json')));
    const preview = pricePreview(result, builtinCatalog(), []);
    const shown = preview.byMode.flatMap((g) => g.entries.map((e) => e.entry.id));
    expect(shown.length + preview.skipped.length).toBe(keys.length);
    expect(new Set([...shown, ...preview.skipped.map((s) => s.key)])).toEqual(new Set(keys));
    expect(preview.byMode.map((g) => g.mode)).toEqual(['chat', 'embedding', 'rerank']);
    expect(preview.byMode.every((g) => g.entries.every((e) => e.status === 'new'))).toBe(true);
    expect(preview.skipped.every((s) => s.reason.length > 10)).toBe(true);
    expect(preview.skipReasons.reduce((n, r) => n + r.count, 0)).toBe(preview.skipped.length);
  });

  it('shows what happens to the models the pipeline uses (found by the kinds\' model markers)', () => {
    const doc = exampleDocument('optimized-rag');
    expect([...modelsUsed(doc.nodes).keys()].sort()).toEqual(['gpt-5.4-mini', 'text-embedding-3-small', 'voyage/rerank-2.5']);
    const catalog = validateDocument(doc).catalog;
    const cheaper = { ...catalog.get('gpt-5.4-mini')!, inputUsdPerToken: 1e-7 };
    const preview = pricePreview({ entries: [cheaper], skipped: [], notes: [] }, catalog, doc.nodes);
    const used = preview.used.find((u) => u.id === 'gpt-5.4-mini')!;
    expect(used.nodes).toEqual(['llm']);
    expect(used.after).toBe(cheaper);
    expect(preview.byMode[0]!.entries[0]!.status).toBe('changed');
    expect(preview.used.find((u) => u.id === 'voyage/rerank-2.5')!.after).toBeNull();
  });

  it('adds the models in one undoable step; the pipeline then prices with them (the model picker reads that catalog)', () => {
    const doc = exampleDocument('naive-rag');
    const store = createDocumentStore(doc);
    const command = addModelsCommand(doc, result.entries)!;
    expect(command.ops).toHaveLength(1);
    expect(store.getState().execute(command)).toBe(true);
    const after = validateDocument(store.getState().doc);
    expect(after.errorCount).toBe(0);
    for (const e of result.entries) expect(after.catalog.get(e.id)).toEqual(e);
    // Importing again replaces in place rather than duplicating.
    const again = addModelsCommand(store.getState().doc, [{ ...result.entries[0]!, note: 'second import' }])!;
    store.getState().execute(again);
    const models = store.getState().doc.models as Array<{ id: string; note: string }>;
    expect(models).toHaveLength(result.entries.length);
    expect(models[0]!.note).toBe('second import');
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().doc).toEqual(doc);
    expect(addModelsCommand(doc, [])).toBeNull();
  });

  it('prices read per 1M tokens, or per 1K searches for rerankers billed per query', () => {
    expect(priceLine(builtinCatalog().get('gpt-4o-mini')!)).toBe('$0.15 in · $0.60 out per 1M');
    const rerank = result.entries.find((e) => e.mode === 'rerank')!;
    expect(priceLine(rerank)).toMatch(/per 1K searches/);
  });

  it.runIf(existsSync(`${SHARED}model_prices_and_context_window.json`))('takes the real LiteLLM file: nothing dropped silently', () => {
    const json = JSON.parse(readFileSync(`${SHARED}model_prices_and_context_window.json`, 'utf8')) as Record<string, unknown>;
    const real = importLiteLlmPriceMap(json, { recordedOn: '2026-11-27' });
    const preview = pricePreview(real, builtinCatalog(), []);
    expect(preview.byMode.reduce((n, g) => n + g.entries.length, 0) + preview.skipped.length).toBe(Object.keys(json).length);
    expect(preview.byMode.find((g) => g.mode === 'chat')!.entries.length).toBeGreaterThan(50);
  });
});

describe('LiteLLM proxy config preview', () => {
  const text = fixture('litellm/proxy-config.yaml');
  const result = importLiteLlmProxyConfig(text, { catalog: builtinCatalog() });

  it('puts warnings first and counts the secrets it left out, without their values', () => {
    const preview = proxyPreview(result);
    const firstInfo = preview.notes.findIndex((n) => n.severity !== 'warning');
    expect(preview.warningCount).toBeGreaterThan(0);
    expect(firstInfo).toBe(preview.warningCount);
    expect(preview.notes.slice(firstInfo).every((n) => n.severity !== 'warning')).toBe(true);
    expect(preview.notes.some((n) => n.message.includes('wildcard'))).toBe(true);
    expect(preview.secretCount).toBeGreaterThanOrEqual(4);
    const everything = JSON.stringify({ preview, doc: result.doc });
    for (const secret of ['sk-test-placeholder-0000', 'hunter2-placeholder', 'sk-1234', 'user:pass', 'AZURE_EU_KEY']) expect(everything).not.toContain(secret);
    expect(preview.counts.nodes).toBe(result.doc.nodes!.length);
  });

  it('the imported pipeline is valid as it opens', () => {
    expect(loadPipeline(result.doc).ok).toBe(true);
    expect(importedPipelineFileName('proxy-config.yaml')).toBe('proxy-config.preflight.json');
    expect(importedPipelineFileName('my config.YML')).toBe('my-config.preflight.json');
  });

  it.runIf(existsSync(`${SHARED}proxy_server_config.yaml`))('takes LiteLLM\'s own proxy_server_config.yaml', () => {
    const real = importLiteLlmProxyConfig(readFileSync(`${SHARED}proxy_server_config.yaml`, 'utf8'), { catalog: builtinCatalog() });
    const preview = proxyPreview(real);
    expect(preview.notes.length).toBe(real.notes.length);
    expect(loadPipeline(real.doc).ok).toBe(true);
  });
});
