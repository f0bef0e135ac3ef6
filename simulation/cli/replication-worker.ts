import { parentPort } from 'node:worker_threads';
import { loadPipeline } from '../model/load';
import { runPipeline } from '../run';
import type { RunOptions } from '../engine/run-options';

/**
 * A worker thread that runs one replication at a time for the CLI: it receives the pipeline text,
 * run options and a seed, and answers with the results. Same code path as a sequential run.
 */
parentPort!.on('message', (msg: { id: number; text: string; options: RunOptions; seed: number }) => {
  const loaded = loadPipeline(msg.text);
  if (!loaded.ok) {
    parentPort!.postMessage({ id: msg.id, error: loaded.problems.map((p) => p.message).join('\n') });
    return;
  }
  const results = runPipeline(loaded.doc, loaded.catalog, { ...msg.options, seed: msg.seed });
  parentPort!.postMessage({ id: msg.id, results });
});
