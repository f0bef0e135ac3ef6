import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Problem, RunProgress, RunResults } from '../../simulation/index';
import type { RunRequestOptions } from '../workers/run-protocol';
import type { SimulationClient } from '../workers/simulation-client';

export type RunStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

/** A finished run, kept to compare what-ifs side by side (the full results of the last run only). */
export interface RunSummary {
  runId: number;
  pipelineName: string;
  seed: number;
  requestsMeasured: number;
  durationMs: number;
  headline: RunResults['headline'];
}

const MAX_HISTORY = 8;

export interface RunState {
  status: RunStatus;
  runId: number | null;
  progress: RunProgress | null;
  results: RunResults | null;
  /** Document revision the results were computed from (stale once the document changes). */
  resultsRevision: number | null;
  /** Wall-clock time of the finished run, ms. */
  elapsedMs: number | null;
  error: { message: string; problems: Problem[] } | null;
  /** Finished runs, newest first. */
  history: RunSummary[];
  start(document: unknown, revision: number, options?: RunRequestOptions): void;
  cancel(): void;
  clear(): void;
}

export type RunStore = StoreApi<RunState>;

export function createRunStore(client: SimulationClient, sliceEvents?: number): RunStore {
  return createStore<RunState>()((set, get) => ({
    status: 'idle',
    runId: null,
    progress: null,
    results: null,
    resultsRevision: null,
    elapsedMs: null,
    error: null,
    history: [],
    start(document, revision, options = {}) {
      if (get().status === 'running') return;
      const runId = client.start({ document, options, ...(sliceEvents ? { sliceEvents } : {}) }, (message) => {
        if (get().runId !== runId) return; // a message of an earlier run
        switch (message.type) {
          case 'progress':
            set({ progress: message.progress });
            break;
          case 'done': {
            const r = message.results;
            const summary: RunSummary = { runId, pipelineName: r.pipeline.name, seed: r.run.seed, requestsMeasured: r.run.requestsMeasured, durationMs: r.run.durationMs, headline: r.headline };
            set({ status: 'done', results: r, resultsRevision: revision, elapsedMs: message.elapsedMs, progress: null, history: [summary, ...get().history].slice(0, MAX_HISTORY) });
            break;
          }
          case 'cancelled':
            set({ status: 'cancelled', progress: null });
            break;
          case 'failed':
            set({ status: 'failed', error: { message: message.message, problems: message.problems }, progress: null });
            break;
        }
      });
      // Earlier results stay visible while the new run works; they are replaced when it finishes.
      set({ status: 'running', runId, progress: null, error: null });
    },
    cancel() {
      const { status, runId } = get();
      if (status === 'running' && runId !== null) client.cancel(runId);
    },
    clear() {
      set({ status: 'idle', results: null, resultsRevision: null, progress: null, error: null, elapsedMs: null });
    },
  }));
}
