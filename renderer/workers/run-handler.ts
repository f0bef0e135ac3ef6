import { loadPipeline, runPipelineAsync, RunCancelled } from '../../simulation/index';
import { WorkerInboundSchema, type WorkerOutbound } from './run-protocol';

export interface RunHandlerDeps {
  post(message: WorkerOutbound): void;
  /** Lets queued messages (cancel) in between slices; a macrotask in the worker. */
  yieldControl(): Promise<void>;
  now(): number;
}

/** Events per slice: about 20–50 ms of simulation, so cancel and progress feel immediate. */
export const DEFAULT_SLICE_EVENTS = 50_000;

/**
 * The worker's message handler, free of worker globals so tests can drive it in Node. It runs the
 * document through the very functions the CLI uses (`loadPipeline` then `runPipelineAsync`), so the
 * app's figures are the CLI's figures for the same file and seed.
 */
export function createRunHandler(deps: RunHandlerDeps): (raw: unknown) => Promise<void> {
  const cancelled = new Set<number>();
  return async (raw) => {
    const parsed = WorkerInboundSchema.safeParse(raw);
    if (!parsed.success) {
      deps.post({ type: 'rejected', message: `simulation worker: malformed message: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ')}` });
      return;
    }
    const message = parsed.data;
    if (message.type === 'cancel') {
      cancelled.add(message.runId);
      return;
    }
    const { runId } = message;
    const loaded = loadPipeline(message.document);
    if (!loaded.ok) {
      deps.post({ type: 'failed', runId, message: `the pipeline has ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}`, problems: loaded.problems });
      return;
    }
    const started = deps.now();
    try {
      const results = await runPipelineAsync(loaded.doc, loaded.catalog, message.options, {
        progressEveryEvents: message.sliceEvents ?? DEFAULT_SLICE_EVENTS,
        onProgress: (progress) => deps.post({ type: 'progress', runId, progress: { ...progress } }),
        yieldControl: deps.yieldControl,
        isCancelled: () => cancelled.has(runId),
      });
      deps.post({ type: 'done', runId, results, elapsedMs: deps.now() - started });
    } catch (e) {
      if (e instanceof RunCancelled) deps.post({ type: 'cancelled', runId });
      else deps.post({ type: 'failed', runId, message: e instanceof Error ? e.message : String(e), problems: [] });
    } finally {
      cancelled.delete(runId);
    }
  };
}
