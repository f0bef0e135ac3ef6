import { builtinCatalog } from '../../simulation/catalog/catalog';
import type { PipelineDocument } from '../../simulation/model/document-schema';
import { loadPipelineOrThrow } from '../../simulation/model/load';
import { runPipeline } from '../../simulation/run';
import type { RunOptions } from '../../simulation/engine/simulation';
import type { RunResults } from '../../simulation/results/types';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Step {
  id?: string;
  kind: string;
  params?: Record<string, unknown>;
}

/** A linear pipeline: source → steps… → response (call nodes' error ports left unwired). */
export function chain(steps: Step[], extra: Record<string, unknown> = {}): PipelineDocument {
  const nodes: Record<string, unknown>[] = [{ id: 'src', kind: 'source' }];
  const edges: Record<string, unknown>[] = [];
  let prev = 'src';
  let port = 'out';
  const caches: string[] = [];
  steps.forEach((s, i) => {
    const id = s.id ?? `n${i}`;
    if (s.kind === 'exact_cache') caches.push(id);
    nodes.push({ id, kind: s.kind, params: s.params ?? {} });
    edges.push({ from: prev, port, to: id });
    prev = id;
    port = s.kind === 'exact_cache' ? 'miss' : 'ok';
  });
  nodes.push({ id: 'done', kind: 'response' });
  edges.push({ from: prev, port, to: 'done' });
  for (const id of caches) edges.push({ from: id, port: 'hit', to: 'done' });
  return loadPipelineOrThrow({ version: 1, pipeline: { name: 'test' }, nodes, edges, ...extra });
}

export function run(doc: PipelineDocument, options: RunOptions = {}): RunResults {
  return runPipeline(doc, builtinCatalog(), options);
}

export const constant = (value: number) => ({ type: 'constant', value });
export const exponential = (mean: number) => ({ type: 'exponential', mean });

export function example(name: string): PipelineDocument {
  return loadPipelineOrThrow(readFileSync(fileURLToPath(new URL(`../../examples/${name}.preflight.json`, import.meta.url)), 'utf8'));
}

export function exampleText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../examples/${name}.preflight.json`, import.meta.url)), 'utf8');
}
