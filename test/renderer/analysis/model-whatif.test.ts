import { describe, expect, it } from 'vitest';
import { loadPipeline, sweep, type SweepResult } from '../../../simulation/index';
import { parseSweepAxis } from '../../../simulation/cli/sweep-axis';
import { analysisFor } from '../../../renderer/features/analysis/analysis-context';
import { createAnalysisStore, type AnalysisStore } from '../../../renderer/features/analysis/analysis-store';
import { modelChoiceError } from '../../../renderer/features/analysis/whatif/AxisEditor';
import { orderedModels } from '../../../renderer/features/analysis/whatif/ModelChoice';
import { axisLabel, axisValueText, modelAxes, modelAxisNote } from '../../../renderer/features/analysis/whatif/model-axes';
import { axisFlagValue, sweepCommand } from '../../../renderer/features/analysis/whatif/sweep-command';
import { extrasFromAnalysis } from '../../../renderer/features/io/report/analysis-extras';
import { sweepPoints } from '../../../renderer/workers/analysis-client';
import { SweepJobSchema } from '../../../renderer/workers/analysis-protocol';
import { testServices } from '../app/services';
import { exampleText } from '../helpers';
import { inProcessPool } from './pool-helpers';

const text = exampleText('optimized-rag');
const loaded = loadPipeline(text);
if (!loaded.ok) throw new Error('example invalid');
const { doc, catalog } = loaded;
const llm = { path: 'nodes[llm].params.model', values: [0, 1], labels: ['gpt-5.4-mini', 'gpt-4.1'] };

describe('a node’s model as a what-if axis', () => {
  it('is offered for every param the node kinds mark as a catalog model, with its mode and today’s model', () => {
    expect(modelAxes(doc).map((a) => [a.path, a.mode, a.today])).toEqual([
      ['nodes[embed].params.model', 'embedding', 'text-embedding-3-small'],
      ['nodes[rerank].params.model', 'rerank', 'voyage/rerank-2.5'],
      ['nodes[llm].params.model', 'chat', 'gpt-5.4-mini'],
    ]);
    expect(axisLabel('nodes[llm].params.model', doc)).toBe('model of Answer (gpt-5.4-mini) (llm)');
    expect(axisLabel('traffic.rps', doc)).toBe('traffic · arrival rate');
    expect(axisValueText(llm, 1)).toBe('gpt-4.1');
    expect(axisValueText({ path: 'traffic.rps' }, 5)).toBe('5 req/s');
  });

  it("says what the CLI says an LLM's model change leaves alone; for a reranker, its own latency parameters", () => {
    // The one note (simulation/analysis/model-note.ts) that preflight sweep prints.
    expect(modelAxisNote([llm], doc)).toBe("Changing nodes[llm].params.model changes prices and context window only: llm's ttftMs, timePerOutputTokenMs and quality are its own parameters. Sweep them as well, or calibrate them from the new model's traces (preflight calibrate), before reading latency or quality from this table.");
    expect(modelAxisNote([{ path: 'nodes[rerank].params.model', labels: ['cohere/rerank-v3.5'] }], doc)).toBe(
      "Changing nodes[rerank].params.model changes prices and context window only: rerank's latencyMs and latencyMsPerDocument are its own parameters. Sweep them as well, or calibrate them from the new model's traces (preflight calibrate), before reading latency from this table.",
    );
    expect(modelAxisNote([{ path: 'traffic.rps' }], doc)).toBeNull();
  });

  it('runs today’s model first, then the catalog’s order, and needs two models', () => {
    expect(orderedModels(['gpt-4.1', 'gpt-5.4-mini', 'claude-haiku-4-5'], 'gpt-5.4-mini', ['gpt-5.5', 'gpt-5.4-mini', 'gpt-4.1', 'claude-haiku-4-5'])).toEqual(['gpt-5.4-mini', 'gpt-4.1', 'claude-haiku-4-5']);
    expect(orderedModels(['gpt-4.1'], 'gpt-5.4-mini', ['gpt-5.4-mini', 'gpt-4.1'])).toEqual(['gpt-4.1']);
    expect(modelChoiceError(['gpt-5.4-mini'])).toContain('tick at least two models');
    expect(modelChoiceError(['gpt-5.4-mini', 'gpt-4.1'])).toBeNull();
  });

  it('the "same as" line is the preflight sweep command that reads back to the same axes', () => {
    const result = { axes: [llm], replications: 1, confidence: 0.95 };
    const command = sweepCommand('my pipeline.preflight.json', result);
    expect(command).toBe("npx preflight sweep 'my pipeline.preflight.json' --param 'nodes[llm].params.model=gpt-5.4-mini,gpt-4.1'");
    expect(parseSweepAxis('--param', axisFlagValue(llm), doc)).toEqual(llm);
    const numeric = { path: 'models[gpt-5.4-mini].inputUsdPerToken', values: [3.75e-7, 7.5e-7] };
    expect(parseSweepAxis('--param', axisFlagValue(numeric), doc)).toEqual(numeric);
    expect(sweepCommand('rag.preflight.json', { axes: [numeric, { path: 'traffic.rps', values: [5, 10] }], replications: 3, confidence: 0.9 })).toBe(
      "npx preflight sweep rag.preflight.json --param 'models[gpt-5.4-mini].inputUsdPerToken=3.75e-7,7.5e-7' --param traffic.rps=5,10 --replications 3 --confidence 90%",
    );
    // The launch report's command gives the model ids too, not their indices.
    const done = { status: 'done' as const, progress: null, result: { ...result, base: [0], points: [], seed: 1 } as unknown as SweepResult, error: null, basis: { revision: 1, seed: 1, pipelineName: 'p' }, elapsedMs: 1 };
    expect(extrasFromAnalysis({ ...createAnalysisStore().getState().jobs, sweep: done }, 1)!.cliFlags).toEqual(['--param', 'nodes[llm].params.model=gpt-5.4-mini,gpt-4.1']);
  });

  it('runs through the worker pool as sweep() runs it, model by model; the protocol refuses an index past the models', async () => {
    const options = { durationMs: 300_000 };
    const pooled = await sweepPoints(inProcessPool(2), { document: JSON.parse(text), options, axes: [llm] }, () => undefined).promise;
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(sweep(doc, catalog, [llm], options)));
    expect(pooled.base).toEqual([0]);
    expect(pooled.points[1]!.headline.costPerQueryUsd).toBeGreaterThan(pooled.points[0]!.headline.costPerQueryUsd);
    const job = { type: 'sweep', jobId: 1, document: {}, options: {}, axes: [{ ...llm, values: [2] }] };
    expect(SweepJobSchema.safeParse(job).success).toBe(false);
    expect(SweepJobSchema.safeParse({ ...job, axes: [llm] }).success).toBe(true);
  });

  it('the Run sweep action sends the ticked models as a categorical axis, and refuses fewer than two', async () => {
    const s = testServices();
    const short = JSON.parse(text);
    short.run.durationMs = 300_000;
    s.actions.openText({ path: null, name: 'rag.preflight.json', text: JSON.stringify(short) });
    const a = analysisFor(s, () => inProcessPool(2));
    a.store.getState().setInputs('whatif', { axes: [{ path: 'nodes[llm].params.model', valuesText: '', models: ['gpt-5.4-mini'] }] });
    a.actions.runSweep();
    expect(a.store.getState().jobs.sweep.status).toBe('idle');
    expect(s.ui.getState().toasts.at(-1)?.text).toBe('Tick at least two models to compare.');
    a.store.getState().setInputs('whatif', { axes: [{ path: 'nodes[llm].params.model', valuesText: '', models: ['gpt-5.4-mini', 'gpt-4.1'] }] });
    a.actions.runSweep();
    await settled(a.store);
    expect(a.store.getState().jobs.sweep.result!.axes).toEqual([llm]);
  });
});

const settled = (store: AnalysisStore) =>
  new Promise<void>((resolve) => {
    const stop = store.subscribe((state) => {
      if (state.jobs.sweep.status !== 'running') {
        stop();
        resolve();
      }
    });
  });
