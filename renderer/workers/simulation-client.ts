import type { RunRequestOptions, WorkerOutbound } from './run-protocol';

export interface RunRequest {
  document: unknown;
  options: RunRequestOptions;
  sliceEvents?: number;
}

/** Starts runs somewhere off the UI thread and reports every message of a run to its listener. */
export interface SimulationClient {
  start(request: RunRequest, listener: (message: WorkerOutbound) => void): number;
  cancel(runId: number): void;
  dispose(): void;
}

/** If a cancelled run has not stopped by then (a slice that never ends), the worker is terminated. */
const CANCEL_GRACE_MS = 2000;

export function createWorkerClient(makeWorker: () => Worker = defaultWorker): SimulationClient {
  let worker: Worker | null = null;
  let nextRunId = 1;
  const listeners = new Map<number, (message: WorkerOutbound) => void>();

  const ensureWorker = () => {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (event: MessageEvent<WorkerOutbound>) => {
      const message = event.data;
      if (message.type === 'rejected') {
        console.error(message.message);
        return;
      }
      listeners.get(message.runId)?.(message);
      if (message.type !== 'progress') listeners.delete(message.runId);
    };
    w.onerror = (event) => {
      for (const [runId, listener] of listeners) listener({ type: 'failed', runId, message: `the simulation worker crashed: ${event.message || 'unknown error'}`, problems: [] });
      listeners.clear();
      w.terminate();
      worker = null;
    };
    worker = w;
    return w;
  };

  return {
    start(request, listener) {
      const runId = nextRunId++;
      listeners.set(runId, listener);
      ensureWorker().postMessage({ type: 'run', runId, ...request });
      return runId;
    },
    cancel(runId) {
      if (!listeners.has(runId) || !worker) return;
      worker.postMessage({ type: 'cancel', runId });
      const stuck = worker;
      setTimeout(() => {
        const listener = listeners.get(runId);
        if (!listener || worker !== stuck) return;
        stuck.terminate();
        worker = null;
        for (const [id, l] of listeners) l(id === runId ? { type: 'cancelled', runId } : { type: 'failed', runId: id, message: 'the run was stopped with the worker', problems: [] });
        listeners.clear();
      }, CANCEL_GRACE_MS);
    },
    dispose() {
      worker?.terminate();
      worker = null;
      listeners.clear();
    },
  };
}

function defaultWorker(): Worker {
  return new Worker(new URL('./simulation-worker.ts', import.meta.url), { type: 'module', name: 'preflight-simulation' });
}
