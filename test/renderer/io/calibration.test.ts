import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitCalibration, loadPipeline, parseCalibrationInput, runPipeline, tracesToOtlpJson, type ObservationSet } from '../../../simulation/index';
import { calibrationCommand, calibrationTargets } from '../../../renderer/features/io/calibration/calibration-apply';
import { calibrationRows, calibrationSummary, defaultTarget, isPreflightExport, formatFitMs, modelMatchScore, observedValues, type FitKey } from '../../../renderer/features/io/calibration/calibration-view';
import { cdfChartModel, logTicks } from '../../../renderer/features/io/calibration/cdf-chart-model';
import { createDocumentStore } from '../../../renderer/stores/document/document-store';
import { exampleDocument } from '../helpers';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
const read = (path: string) => readFileSync(`${FIXTURES}${path}`, 'utf8');
const KEYS: FitKey[] = ['ttftMs', 'timePerOutputTokenMs', 'outputTokens'];

/** Traces exported from a run of the optimized RAG example, as the app's OTLP export writes them. */
function exportedTraces(): ObservationSet {
  const loaded = loadPipeline(exampleDocument('optimized-rag'));
  if (!loaded.ok) throw new Error('example does not load');
  const results = runPipeline(loaded.doc, loaded.catalog, { durationMs: 600_000, traceSampleRate: 0.05, maxTraces: 200 });
  return parseCalibrationInput(JSON.stringify(tracesToOtlpJson(results, { startTimeUnixNano: '1767225600000000000', catalog: loaded.catalog })));
}

describe('calibration view', () => {
  const sets: Array<[string, ObservationSet]> = [
    ['OTLP fixture', parseCalibrationInput(read('otlp/genai-traces.json'))],
    ['spend logs', parseCalibrationInput(read('litellm/spend-logs.json'))],
    ['exported run', exportedTraces()],
  ];

  it.each(sets)('draws every fit from exactly the values it was fitted to (%s)', (_name, set) => {
    const report = fitCalibration(set);
    expect(report.models.length).toBeGreaterThan(0);
    for (const m of report.models) {
      for (const key of KEYS) {
        const fit = m[key];
        const values = observedValues(set, m.model, key);
        if (!fit) continue;
        expect(values.length).toBe(fit.n);
        expect(values[0]).toBeCloseTo(fit.min, 9);
        expect(values.at(-1)).toBeCloseTo(fit.max, 9);
        // The gap the chart marks is the D the table reports.
        expect(cdfChartModel(values, fit).gap.d).toBeCloseTo(fit.ks.d, 12);
      }
    }
  });

  it('rows show calls, cache hits, and each fit with its KS D and p-value; a p below 0.05 is a poor fit', () => {
    const report = fitCalibration(sets[0]![1]);
    const [row] = calibrationRows(report.models);
    expect(row!.model).toBe('gpt-4o-mini');
    expect(calibrationSummary(report)).toBe('8 calls of gpt-4o-mini (OTLP/JSON traces); 1 record skipped (reasons below). Click a fit to see it against the data.');
    expect(row!.calls).toBe('8');
    expect(row!.fits.ttftMs).toMatchObject({ median: '497 ms', n: 7, poor: false });
    expect(row!.fits.ttftMs!.d).toMatch(/^0\.\d{3}$/);
    expect(row!.fits.timePerOutputTokenMs!.median).toBe('13.2 ms');
    const poorly = calibrationRows([{ ...report.models[0]!, ttftMs: { ...report.models[0]!.ttftMs!, ks: { d: 0.4, pValue: 0.0004, method: '' } } }]);
    expect(poorly[0]!.fits.ttftMs).toMatchObject({ p: '< 0.001', poor: true });
    expect(formatFitMs(9.958)).toBe('9.96 ms');
    expect(formatFitMs(1390)).toBe('1.39 s');
  });

  it('picks the node whose model matches: same id, then without the provider prefix, then a dated snapshot', () => {
    expect(modelMatchScore('gpt-4o-mini', 'gpt-4o-mini')).toBe(3);
    expect(modelMatchScore('gpt-4o-mini', 'openai/gpt-4o-mini')).toBe(2);
    expect(modelMatchScore('gpt-4o-mini', 'gpt-4o-mini-2024-07-18')).toBe(1);
    expect(modelMatchScore('gpt-4o', 'gpt-4o-mini')).toBe(1);
    expect(modelMatchScore('claude-haiku-4-5', 'gpt-4o-mini')).toBe(0);
    const targets = [
      { id: 'a', name: 'A', model: 'gpt-4o' },
      { id: 'b', name: 'B', model: 'openai/gpt-4o-mini' },
    ];
    expect(defaultTarget(targets, 'gpt-4o-mini')).toEqual({ id: 'b', matched: true });
    expect(defaultTarget(targets, 'claude-haiku-4-5')).toEqual({ id: 'a', matched: false });
    expect(defaultTarget([], 'x')).toEqual({ id: null, matched: false });
  });

  it('recognises traces Preflight exported itself', () => {
    const loaded = loadPipeline(exampleDocument('optimized-rag'));
    if (!loaded.ok) throw new Error('example does not load');
    const results = runPipeline(loaded.doc, loaded.catalog, { durationMs: 120_000, traceSampleRate: 0.05 });
    expect(isPreflightExport(JSON.stringify(tracesToOtlpJson(results, { startTimeUnixNano: '0' })))).toBe(true);
    expect(isPreflightExport(JSON.stringify(tracesToOtlpJson(results, { startTimeUnixNano: '0' }), null, 2))).toBe(true);
    expect(isPreflightExport(read('otlp/genai-traces.json'))).toBe(false);
  });

  it('log axis ticks stay inside the range', () => {
    expect(logTicks(300, 900)).toEqual([300, 400, 500, 600, 700, 800, 900]);
    expect(logTicks(200, 2000)).toEqual([200, 300, 500, 700, 1000, 1500, 2000]);
    expect(logTicks(1, 100_000)).toEqual([1, 10, 100, 1000, 10_000, 100_000]);
    const flat = cdfChartModel([5, 5, 5, 5, 5], { mu: Math.log(5), sigma: 0 });
    expect(flat.xMin).toBeLessThan(5);
    expect(flat.xMax).toBeGreaterThan(5);
  });
});

describe('applying a calibration', () => {
  const report = fitCalibration(parseCalibrationInput(read('otlp/genai-traces.json')));
  const cal = report.models[0]!;

  it('writes only what applyCalibration changes into the LLM node, in one undoable step', () => {
    const doc = exampleDocument('optimized-rag');
    const targets = calibrationTargets(doc);
    expect(targets).toEqual([{ id: 'llm', name: 'Answer (gpt-5.4-mini)', model: 'gpt-5.4-mini' }]);
    const store = createDocumentStore(doc);
    const plan = calibrationCommand(doc, 'llm', cal, { use: 'lognormal' });
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.changes.map((c) => c.key).sort()).toEqual(['timePerOutputTokenMs', 'ttftMs', 'ttftMsPer1kInputTokens']);
    // Read as a person reads it; the document keeps the fit's six significant digits.
    expect(plan.changes.find((c) => c.key === 'ttftMs')).toMatchObject({ label: 'TTFT', before: 'lognormal(median 450 ms, p99 1.5 s)', after: 'lognormal(median 497 ms, σ 0.20)' });
    expect(plan.changes.find((c) => c.key === 'timePerOutputTokenMs')).toMatchObject({ before: 'lognormal(median 8 ms, σ 0.30)', after: 'lognormal(median 13.2 ms, σ 0.19)' });
    expect(plan.changes.find((c) => c.key === 'ttftMsPer1kInputTokens')).toMatchObject({ label: 'TTFT per 1K input tokens', before: '20 ms', after: '0 ms' });
    store.getState().execute(plan.command);
    const node = store.getState().doc.nodes.find((n) => n.id === 'llm')!;
    expect(node.params!.ttftMs).toEqual(cal.ttftMs!.lognormal);
    expect(node.params!.timePerOutputTokenMs).toEqual(cal.timePerOutputTokenMs!.lognormal);
    expect(node.params!.ttftMsPer1kInputTokens).toBe(0);
    expect(loadPipeline(store.getState().doc).ok).toBe(true);
    store.getState().undo();
    expect(store.getState().doc).toEqual(doc);
  });

  it('can use the measured quantiles and set output tokens; a node without params gets them and loses them on undo', () => {
    const doc = { nodes: [{ id: 'm', kind: 'llm', name: 'Model' }], edges: [] };
    const plan = calibrationCommand(doc, 'm', cal, { use: 'empirical', outputTokens: true });
    if (!plan.ok) throw new Error(plan.reason);
    const store = createDocumentStore(doc);
    store.getState().execute(plan.command);
    expect(store.getState().doc.nodes[0]!.params!.ttftMs).toEqual(cal.ttftMs!.empirical);
    expect(store.getState().doc.nodes[0]!.params!.outputTokens).toEqual(cal.outputTokens!.empirical);
    expect(plan.changes.find((c) => c.key === 'ttftMs')!.after).toMatch(/^measured quantiles \(11 points, \d+ ms to \d+ ms\)$/);
    store.getState().undo();
    expect(store.getState().doc).toEqual(doc);
  });

  it('refuses a node calibration cannot write to, or one that already has it, with the reason', () => {
    const doc = exampleDocument('optimized-rag');
    expect(calibrationCommand(doc, 'rerank', cal, {})).toMatchObject({ ok: false, reason: expect.stringContaining('reranker node') });
    expect(calibrationCommand(doc, 'nope', cal, {})).toMatchObject({ ok: false, reason: "no node 'nope' in the pipeline" });
    const plan = calibrationCommand(doc, 'llm', cal, {});
    if (!plan.ok) throw new Error(plan.reason);
    const store = createDocumentStore(doc);
    store.getState().execute(plan.command);
    expect(calibrationCommand(store.getState().doc, 'llm', cal, {})).toMatchObject({ ok: false, reason: expect.stringContaining('already has this calibration') });
  });
});
