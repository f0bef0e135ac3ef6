import { describe, expect, it } from 'vitest';
import { loadPipeline, searchMaxLoad } from '../../../simulation/index';
import { parseNumberText } from '../../../renderer/editor/inspector/field-validation';
import { loadSearchPlan } from '../../../renderer/features/analysis/analysis-actions';
import { analysisFor } from '../../../renderer/features/analysis/analysis-context';
import { DEFAULT_INPUTS } from '../../../renderer/features/analysis/analysis-inputs';
import { capacityCommand, LOAD_REPLICATIONS_FIELD, loadReplicationsHint } from '../../../renderer/features/analysis/capacity/load-replications';
import { loadSearch, type AnalysisProgress } from '../../../renderer/workers/analysis-client';
import { createAnalysisHandler } from '../../../renderer/workers/analysis-handler';
import { exampleText } from '../helpers';
import { testServices } from '../app/services';
import { inProcessPool } from './pool-helpers';

const text = exampleText('optimized-rag');
const document = JSON.parse(text) as unknown;
const loaded = loadPipeline(text);
if (!loaded.ok) throw new Error('example invalid');
const { doc, catalog } = loaded;
// Short runs and a coarse bisection: the search's shape, not its precision, is under test.
const short = { durationMs: 300_000 };
const criteria = { p99Ms: 12_000, errorRate: 0.01, rateLimitedShare: 0.01 };
const same = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

describe('the max-load search’s replications per point', () => {
  // The constraints NumberField builds from these props: what the user can type.
  const field = { ...LOAD_REPLICATIONS_FIELD, unit: '', nullable: false, exclusiveMin: false, exclusiveMax: false };

  it('are 1 by default (one seed, as before), and 1 to 20 whole runs are accepted with the reason for a refusal', () => {
    expect(DEFAULT_INPUTS.capacity.replications).toBe(1);
    expect(parseNumberText('1', field)).toEqual({ ok: true, value: 1 });
    expect(parseNumberText('20', field)).toEqual({ ok: true, value: 20 });
    for (const refused of ['0', '21', '2.5']) expect(parseNumberText(refused, field)).toEqual({ ok: false, message: `Replications per point: got ${Number(refused)}, expected a whole number from 1 to 20` });
    expect(loadReplicationsHint(1, 0.95)).toBe('one seed per load (common random numbers): no interval');
    expect(loadReplicationsHint(3, 0.99)).toBe("the same 3 seeds at every load · 99 % interval (Confidence's setting)");
  });

  it("go to the worker with the app's confidence (the Confidence tool's fixed or stopping level); 1 sends no plan", () => {
    expect(loadSearchPlan(DEFAULT_INPUTS)).toEqual({});
    expect(loadSearchPlan({ ...DEFAULT_INPUTS, capacity: { ...DEFAULT_INPUTS.capacity, replications: 3 } })).toEqual({ plan: { replications: 3, confidence: 0.95 } });
    const stopping = { ...DEFAULT_INPUTS.confidence, mode: 'stopping' as const, stoppingConfidence: 0.99 };
    expect(loadSearchPlan({ ...DEFAULT_INPUTS, confidence: stopping, capacity: { ...DEFAULT_INPUTS.capacity, replications: 2 } })).toEqual({ plan: { replications: 2, confidence: 0.99 } });
  });

  it('are named in the CLI line that runs the same search (the CLI takes --replications from 2; --confidence when not 95 %)', () => {
    expect(capacityCommand(1, 0.99)).toBe('preflight capacity');
    expect(capacityCommand(2, 0.95)).toBe('preflight capacity --replications 2');
    expect(capacityCommand(5, 0.9)).toBe('preflight capacity --replications 5 --confidence 90%');
  });

  it('are validated at the worker boundary: a plan out of range is rejected, naming the field', async () => {
    const messages: Array<{ type: string; message?: string }> = [];
    const handle = createAnalysisHandler({ post: (m) => messages.push(m), yieldControl: () => Promise.resolve() });
    const job = (plan: unknown) => ({ type: 'load-search', jobId: 1, document, options: short, criteria, plan });
    for (const plan of [{ replications: 0, confidence: 0.95 }, { replications: 21, confidence: 0.95 }, { replications: 2.5, confidence: 0.95 }, { replications: 2, confidence: 1 }, { replications: 2, confidence: 0.95, seeds: [1] }]) {
      messages.length = 0;
      await handle(job(plan));
      expect(messages).toEqual([{ type: 'rejected', message: expect.stringMatching(/plan/) }]);
    }
  });

  it('run on the pool as searchMaxLoad does, with progress in runs (points × replications) of an estimated total', async () => {
    const plan = { replications: 2, confidence: 0.9 };
    const progress: AnalysisProgress[] = [];
    const pooled = await loadSearch(inProcessPool(1), { document, options: short, criteria, tolerance: 0.1, plan }, (p) => progress.push(p)).promise;
    same(pooled, searchMaxLoad(doc, catalog, criteria, { ...short, tolerance: 0.1, ...plan }));
    expect(pooled).toMatchObject({ replications: 2, confidence: 0.9 });
    expect(pooled.points.every((p) => p.replications === 2 && p.p99HalfWidthMs !== null && p.costPerQueryHalfWidthUsd !== null)).toBe(true);
    // One report per load point: 2, 4, 6 … runs, each with the search's estimate of the total.
    expect(progress.map((p) => p.done)).toEqual(pooled.points.map((_, i) => 2 * (i + 1)));
    expect(progress.every((p) => p.estimated && p.total >= p.done && p.fraction === Math.min(0.99, p.done / p.total))).toBe(true);
  });

  it('reach the search through the Search max load action', async () => {
    const s = testServices();
    const d = JSON.parse(text);
    d.run.durationMs = short.durationMs;
    s.actions.openText({ path: null, name: 'rag.preflight.json', text: JSON.stringify(d) });
    const a = analysisFor(s, () => inProcessPool(1));
    a.store.getState().setInputs('capacity', { replications: 2, tolerance: 0.1 });
    a.actions.searchLoad();
    await new Promise<void>((resolve) => {
      const stop = a.store.subscribe((state) => state.jobs.loadSearch.status !== 'running' && (stop(), resolve()));
    });
    const job = a.store.getState().jobs.loadSearch;
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ replications: 2, confidence: 0.95 });
  });
});
