import { runReplications, type ReplicatedResults } from '../analysis/replications';
import { runPipeline } from '../run';
import type { RunResults } from '../results/types';
import type { CommonArgs } from './args';
import type { LoadedFile } from './load-file';
import { runReplicationsParallel } from './parallel';

/** One run, or replications (on worker threads when --workers is given) — the same results either way. */
export async function simulate(file: LoadedFile, args: CommonArgs): Promise<{ single: RunResults | null; replicated: ReplicatedResults | null; results: RunResults }> {
  if (!args.plan) {
    const single = runPipeline(file.doc, file.catalog, args.run);
    return { single, replicated: null, results: single };
  }
  const baseSeed = args.run.seed ?? file.doc.run.seed;
  const replicated =
    args.workers !== null && args.workers > 1
      ? await runReplicationsParallel(file.text, args.run, args.plan, baseSeed, args.workers)
      : runReplications(file.doc, file.catalog, { ...args.run, seed: baseSeed }, args.plan);
  return { single: null, replicated, results: replicated.representative };
}
