import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { acceptReplications, replicationSeed, summarizeReplications, type ReplicatedResults, type ReplicationPlan } from '../analysis/replications';
import type { RunOptions } from '../engine/run-options';
import type { RunResults } from '../results/types';

/**
 * Replications on worker threads. Runs are started in seed order, collected by seed index and
 * accepted exactly as the sequential runner does, so the answer is the same whatever the number of
 * workers (only faster).
 */
export async function runReplicationsParallel(text: string, options: RunOptions, plan: ReplicationPlan, baseSeed: number, workerCount = Math.max(1, availableParallelism() - 0)): Promise<ReplicatedResults> {
  const max = plan.stopping ? plan.stopping.maxReplications : plan.replications;
  const workers = Array.from({ length: Math.min(workerCount, max) }, () => new Worker(new URL('./replication-worker.mjs', import.meta.url)));
  const results: RunResults[] = [];
  let next = 0;
  try {
    for (;;) {
      const batch = Array.from({ length: Math.min(workers.length, max - next) }, (_, k) => next + k);
      if (batch.length === 0) break;
      const done = await Promise.all(batch.map((i, k) => runOne(workers[k]!, i, text, options, replicationSeed(baseSeed, i))));
      done.forEach((r, k) => (results[batch[k]!] = r));
      next += batch.length;
      const accepted = acceptReplications(results, plan);
      if (accepted.done) return { ...summarizeReplications(accepted.kept, plan.confidence), stoppingMet: accepted.met };
    }
    const accepted = acceptReplications(results, plan);
    return { ...summarizeReplications(accepted.kept, plan.confidence), stoppingMet: accepted.met };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function runOne(worker: Worker, id: number, text: string, options: RunOptions, seed: number): Promise<RunResults> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { id: number; results?: RunResults; error?: string }) => {
      if (msg.id !== id) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      if (msg.error) reject(new Error(msg.error));
      else resolve(msg.results!);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.postMessage({ id, text, options, seed });
  });
}
