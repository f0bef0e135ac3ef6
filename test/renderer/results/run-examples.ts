import { loadPipeline, runPipeline, type RunResults } from '../../../simulation/index';
import { exampleText } from '../helpers';

const cache = new Map<string, RunResults>();

/** Runs an example (or any document) once per test file and keeps its results. */
export function runExample(name: string, options: { durationMs?: number } = {}): RunResults {
  const key = `${name}:${options.durationMs ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const results = runDocument(JSON.parse(exampleText(name)), options);
  cache.set(key, results);
  return results;
}

export function runDocument(doc: unknown, options: { durationMs?: number; warmupMs?: number } = {}): RunResults {
  const loaded = loadPipeline(doc);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return runPipeline(loaded.doc, loaded.catalog, options);
}
