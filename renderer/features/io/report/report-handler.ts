import { loadPipeline, replicationSeed, reportHtml, runPipelineAsync, searchMaxLoad, summarizeReplications, type RunResults } from '../../../../simulation/index';
import { buildReportInput } from './report-input';
import { ReportJobSchema, type ReportExtras, type ReportOutbound } from './report-protocol';

export interface ReportHandlerDeps {
  post(message: ReportOutbound): void;
  /** A macrotask between slices, so progress messages leave the worker while it works. */
  yieldControl(): Promise<void>;
  now(): number;
}

/** About 20–50 ms of simulation per slice: progress moves smoothly. */
const DEFAULT_SLICE_EVENTS = 50_000;
/** The confidence of the CLI's intervals (its --confidence default). */
const CONFIDENCE = 0.95;

/**
 * The report worker's whole logic, free of worker globals so tests run it in Node. It does what
 * `preflight report` does for a file with no run flags: the replications (`replicationSeed` from the
 * document's seed, one after another, summarised with `summarizeReplications`, which is
 * `runReplications` for a fixed plan), then `searchMaxLoad` on the document's P99 and error-rate SLOs
 * with a 1 % rate-limited share, then `reportHtml`. Same file, same figures.
 */
export async function handleReportJob(raw: unknown, deps: ReportHandlerDeps): Promise<void> {
  const parsed = ReportJobSchema.safeParse(raw);
  if (!parsed.success) {
    deps.post({ type: 'rejected', message: `report worker: malformed message: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ')}` });
    return;
  }
  const job = parsed.data;
  const loaded = loadPipeline(job.document);
  if (!loaded.ok) {
    deps.post({ type: 'failed', message: `the pipeline has ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}; fix them in the editor first`, problems: loaded.problems });
    return;
  }
  const { doc, catalog } = loaded;
  const started = deps.now();
  const n = job.replications;
  try {
    const runs: RunResults[] = [];
    for (let i = 0; i < n; i++) {
      const progress = (fraction: number) => deps.post({ type: 'progress', progress: { stage: 'replications', replication: i + 1, replications: n, fraction: (i + fraction) / n } });
      progress(0);
      runs.push(
        await runPipelineAsync(doc, catalog, { seed: replicationSeed(doc.run.seed, i) }, { progressEveryEvents: job.sliceEvents ?? DEFAULT_SLICE_EVENTS, onProgress: (p) => progress(p.fraction), yieldControl: deps.yieldControl }),
      );
    }
    const replicated = { ...summarizeReplications(runs, CONFIDENCE), stoppingMet: null };
    let capacity = null;
    if (job.capacity) {
      deps.post({ type: 'progress', progress: { stage: 'capacity', replication: n, replications: n, fraction: 1 } });
      // Let the progress message leave before the long synchronous search.
      await deps.yieldControl();
      capacity = searchMaxLoad(doc, catalog, { p99Ms: doc.slo.p99Ms, errorRate: doc.slo.errorRate, rateLimitedShare: 0.01 }, {});
    }
    deps.post({ type: 'progress', progress: { stage: 'writing', replication: n, replications: n, fraction: 1 } });
    const extras = { roi: job.roi, whatIfs: job.whatIfs } as ReportExtras;
    const html = reportHtml(buildReportInput({ doc, catalog, replicated, capacity, extras, meta: job.meta }));
    deps.post({ type: 'done', outcome: { html, results: replicated.representative, replicated, capacity }, elapsedMs: deps.now() - started });
  } catch (e) {
    deps.post({ type: 'failed', message: e instanceof Error ? e.message : String(e), problems: [] });
  }
}
