import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../simulation/catalog/catalog';
import { loadPipelineOrThrow } from '../../simulation/model/load';
import { runPipeline } from '../../simulation/run';
import { exampleText } from '../helpers/pipelines';

/**
 * simulation/ must run anywhere JavaScript runs: bundle it and execute it in a bare V8 context that has
 * only the ECMAScript built-ins (no window, document, process, require, timers), then check it gives
 * byte-identical results to the Node run.
 */
describe('simulation/ is pure', () => {
  it('runs in a bare ECMAScript context with identical results', async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('../../simulation/index.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'Preflight',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      // seedrandom probes for Node's crypto inside a try/catch (only for auto-seeding, which we never use).
      external: ['crypto'],
      logLevel: 'silent',
    });
    const context = vm.createContext({});
    vm.runInContext(bundle.outputFiles[0]!.text, context);
    expect(vm.runInContext('typeof process + typeof window + typeof document + typeof setTimeout', context)).toBe('undefinedundefinedundefinedundefined');
    context.text = exampleText('optimized-rag');
    const inVm = vm.runInContext(
      `const r = Preflight.loadPipeline(text); JSON.stringify(Preflight.runPipeline(r.doc, r.catalog, { durationMs: 300000, warmupMs: 60000, seed: 3 }))`,
      context,
    ) as string;
    const inNode = JSON.stringify(runPipeline(loadPipelineOrThrow(exampleText('optimized-rag')), builtinCatalog(), { durationMs: 300_000, warmupMs: 60_000, seed: 3 }));
    expect(inVm).toBe(inNode);
  });
});
