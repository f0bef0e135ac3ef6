import { loadPipeline, runMaturityLevel, runPipelineAsync, RunCancelled, searchMaxLoad, sweep, tornado, tornadoBar } from '../../simulation/index';
import { AnalysisInboundSchema, type AnalysisJob, type AnalysisJobResult, type AnalysisOutbound } from './analysis-protocol';

export interface AnalysisHandlerDeps {
  post(message: AnalysisOutbound): void;
  /** Lets queued messages (cancel) in; a macrotask in the worker. */
  yieldControl(): Promise<void>;
}

/** Events per slice of a replication run: short enough that cancel is felt at once. */
const SLICE_EVENTS = 50_000;

/**
 * An analysis worker's message handler, free of worker globals so tests drive it in Node. Every job
 * validates its document with `loadPipeline` and calls the same simulation functions as the CLI
 * (runPipelineAsync, runMaturityLevel, sweep, tornado, searchMaxLoad), so a split analysis is the
 * sequential analysis, only spread out.
 */
export function createAnalysisHandler(deps: AnalysisHandlerDeps): (raw: unknown) => Promise<void> {
  const cancelled = new Set<number>();
  return async (raw) => {
    const parsed = AnalysisInboundSchema.safeParse(raw);
    if (!parsed.success) {
      deps.post({ type: 'rejected', message: `analysis worker: malformed message: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ')}` });
      return;
    }
    const message = parsed.data;
    if (message.type === 'cancel') {
      cancelled.add(message.jobId);
      return;
    }
    const { jobId } = message;
    const loaded = loadPipeline(message.document);
    if (!loaded.ok) {
      deps.post({ type: 'failed', jobId, message: `the pipeline has ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}: ${loaded.problems[0]?.message ?? ''}`, problems: loaded.problems });
      return;
    }
    try {
      // A cancel sent right after the job must win before a long synchronous job starts.
      await deps.yieldControl();
      if (cancelled.has(jobId)) throw new RunCancelled();
      const result = await runJob(message, loaded.doc, loaded.catalog, deps, () => cancelled.has(jobId));
      deps.post({ type: 'progress', jobId, fraction: 1 });
      deps.post({ type: 'done', jobId, result });
    } catch (e) {
      if (e instanceof RunCancelled) deps.post({ type: 'cancelled', jobId });
      else deps.post({ type: 'failed', jobId, message: e instanceof Error ? e.message : String(e), problems: [] });
    } finally {
      cancelled.delete(jobId);
    }
  };
}

type Loaded = Extract<ReturnType<typeof loadPipeline>, { ok: true }>;

async function runJob(job: AnalysisJob, doc: Loaded['doc'], catalog: Loaded['catalog'], deps: AnalysisHandlerDeps, isCancelled: () => boolean): Promise<AnalysisJobResult> {
  switch (job.type) {
    case 'run': {
      const results = await runPipelineAsync(doc, catalog, { ...job.options, seed: job.seed }, {
        progressEveryEvents: job.sliceEvents ?? SLICE_EVENTS,
        onProgress: (p) => deps.post({ type: 'progress', jobId: job.jobId, fraction: p.fraction }),
        yieldControl: deps.yieldControl,
        isCancelled,
      });
      return { kind: 'run', results };
    }
    case 'maturity':
      return { kind: 'maturity', run: runMaturityLevel(doc, catalog, job.seed, job.options) };
    case 'sweep':
      return { kind: 'sweep', sweep: sweep(doc, catalog, job.axes, job.options, job.plan) };
    case 'tornado':
      return { kind: 'tornado', tornado: job.skipBase ? { base: null, bars: job.paths.map((p) => tornadoBar(doc, catalog, p, job.spread, job.options)) } : tornado(doc, catalog, job.paths, job.spread, job.options) };
    case 'load-search':
      // Synchronous: a cancel cannot arrive mid-search, so the pool stops it by terminating the worker.
      return {
        kind: 'load-search',
        search: searchMaxLoad(doc, catalog, job.criteria, { ...job.options, ...(job.tolerance ? { tolerance: job.tolerance } : {}), ...(job.plan ?? {}) }, {
          // Runs are points × replications; the total is the search's estimate, refined at each step.
          onStep: (s) => deps.post({ type: 'progress', jobId: job.jobId, fraction: Math.min(0.99, s.runs / s.estimatedRuns), runs: { done: s.runs, estimated: s.estimatedRuns } }),
        }),
      };
  }
}
