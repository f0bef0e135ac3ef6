import { readFileSync } from 'node:fs';
import { loadPipeline, runPipeline, type Catalog, type PipelineDocument, type RunResults } from '../../../simulation/index';
import { EXAMPLES, exampleText } from '../helpers';

const cache = new Map<string, { doc: PipelineDocument; catalog: Catalog; results: RunResults }>();

/** An example (or a maturity template) loaded and run once per test file. */
export function example(name: string, durationMs: number): { doc: PipelineDocument; catalog: Catalog; results: RunResults } {
  const key = `${name}:${durationMs}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const text = name.startsWith('maturity/') ? readFileSync(`${EXAMPLES}${name}.preflight.json`, 'utf8') : exampleText(name);
  const loaded = loadPipeline(text);
  if (!loaded.ok) throw new Error(`${name} is invalid`);
  const made = { doc: loaded.doc, catalog: loaded.catalog, results: runPipeline(loaded.doc, loaded.catalog, { durationMs }) };
  cache.set(key, made);
  return made;
}
