import type { Catalog } from './catalog/catalog';
import { Simulation, type RunOptions, type RunProgress } from './engine/simulation';
import type { PipelineDocument } from './model/document-schema';
import { buildResults } from './results/build';
import type { RunResults } from './results/types';

export interface RunHooks {
  /** Called every `progressEveryEvents` events (default 250,000). */
  onProgress?: (progress: RunProgress) => void;
  progressEveryEvents?: number;
  /** Polled between slices; return true to stop (the run then throws RunCancelled). */
  isCancelled?: () => boolean;
}

export class RunCancelled extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'RunCancelled';
  }
}

/**
 * Runs a validated pipeline to completion and returns its results. The single run path shared by the
 * CLI, the app's worker and the tests; same document + seed → byte-identical JSON.
 */
export function runPipeline(doc: PipelineDocument, catalog: Catalog, options: RunOptions = {}, hooks: RunHooks = {}): RunResults {
  const sim = new Simulation(doc, catalog, options);
  const slice = hooks.progressEveryEvents ?? 250_000;
  while (!sim.advance(slice)) {
    if (hooks.isCancelled?.()) throw new RunCancelled();
    hooks.onProgress?.(sim.progress);
  }
  hooks.onProgress?.(sim.progress);
  return buildResults(sim);
}

/** Runs in slices, yielding between them (for a worker that must stay responsive to cancel). */
export async function runPipelineAsync(
  doc: PipelineDocument,
  catalog: Catalog,
  options: RunOptions,
  hooks: RunHooks & { yieldControl: () => Promise<void> },
): Promise<RunResults> {
  const sim = new Simulation(doc, catalog, options);
  const slice = hooks.progressEveryEvents ?? 250_000;
  while (!sim.advance(slice)) {
    hooks.onProgress?.(sim.progress);
    await hooks.yieldControl();
    if (hooks.isCancelled?.()) throw new RunCancelled();
  }
  hooks.onProgress?.(sim.progress);
  return buildResults(sim);
}
