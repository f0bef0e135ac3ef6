import {
  acceptReplications,
  loadPipeline,
  maturityRoi,
  incidentScenarioCut,
  replicationSeed,
  sortTornadoBars,
  summarizeReplications,
  type Headline,
  type LevelRoiWithIntervals,
  type LoadCriteria,
  type LoadSearchResult,
  type MaturityInput,
  type MaturityRun,
  type ReplicatedResults,
  type ReplicationPlan,
  type RoiAssumptions,
  type RunResults,
  type SweepAxis,
  type SweepPlan,
  type SweepResult,
  type TornadoBar,
} from '../../simulation/index';
import { createAnalysisPool, defaultPoolSize, JobCancelled, JobFailed, type AnalysisPool, type PoolTask } from './analysis-pool';
import type { AnalysisJobResult, AnalysisJobSpec } from './analysis-protocol';
import type { RunRequestOptions } from './run-protocol';

/** How far an analysis is: jobs finished of the planned total, and 0..1 including jobs under way. */
export interface AnalysisProgress {
  done: number;
  total: number;
  fraction: number;
  /** The total is a running estimate (the load search: how many more points bisection needs is not known ahead). */
  estimated?: boolean;
}

export interface AnalysisTask<T> {
  promise: Promise<T>;
  cancel(): void;
}

type PickAnswer<T> = (result: AnalysisJobResult) => T;

/**
 * Runs jobs 0..total−1 with at most `pool.size` under way, started in index order. After each
 * finished job, `isDone` sees the contiguous prefix of answers (by index) and may end the batch
 * early (the stopping rule). Answers are collected by index, so the order of completion never
 * changes the result.
 */
export function schedule<T>(pool: AnalysisPool, total: number, spec: (i: number) => AnalysisJobSpec, pick: PickAnswer<T>, onProgress: (p: AnalysisProgress) => void, isDone: (prefix: T[]) => boolean = () => false): AnalysisTask<T[]> {
  const answers: Array<T | undefined> = [];
  const running = new Map<number, { task: PoolTask; fraction: number }>();
  let next = 0;
  let finished = false;
  let settle!: { resolve(v: T[]): void; reject(e: Error): void };
  const promise = new Promise<T[]>((resolve, reject) => (settle = { resolve, reject }));

  const report = () => {
    const done = answers.filter((a) => a !== undefined).length;
    const partial = [...running.values()].reduce((s, r) => s + r.fraction, 0);
    onProgress({ done, total, fraction: total ? Math.min(1, (done + partial) / total) : 1 });
  };
  const stopAll = () => {
    finished = true;
    for (const r of running.values()) r.task.cancel();
    running.clear();
  };
  const prefix = () => {
    const out: T[] = [];
    for (const a of answers) {
      if (a === undefined) break;
      out.push(a);
    }
    return out;
  };
  const launch = () => {
    while (!finished && running.size < pool.size && next < total) {
      const i = next++;
      const slot = { task: null as unknown as PoolTask, fraction: 0 };
      slot.task = pool.submit(spec(i), (f) => {
        slot.fraction = f;
        report();
      });
      running.set(i, slot);
      slot.task.promise.then(
        (result) => {
          if (finished) return;
          running.delete(i);
          answers[i] = pick(result);
          report();
          const got = prefix();
          if (got.length === total || isDone(got)) {
            stopAll();
            settle.resolve(got);
          } else launch();
        },
        (error: Error) => {
          if (finished) return;
          stopAll();
          settle.reject(error);
        },
      );
    }
  };
  if (total === 0) settle.resolve([]);
  else {
    report();
    launch();
  }
  return {
    promise,
    cancel() {
      if (finished) return;
      stopAll();
      settle.reject(new JobCancelled());
    },
  };
}

const then = <A, B>(task: AnalysisTask<A>, f: (a: A) => B): AnalysisTask<B> => ({ promise: task.promise.then(f), cancel: task.cancel });
const failed = <T>(error: Error): AnalysisTask<T> => ({ promise: Promise.reject(error), cancel: () => undefined });

const answer = <K extends AnalysisJobResult['kind']>(kind: K) => (r: AnalysisJobResult): Extract<AnalysisJobResult, { kind: K }> => {
  if (r.kind !== kind) throw new JobFailed(`expected a ${kind} answer, got ${r.kind}`);
  return r as Extract<AnalysisJobResult, { kind: K }>;
};

export interface DocumentRequest {
  /** The pipeline document as JSON (the editor's document). */
  document: unknown;
  options: RunRequestOptions;
}

/**
 * Replications spread over the pool: replication i runs with replicationSeed(baseSeed, i), answers
 * are accepted in seed order by acceptReplications and summarised by summarizeReplications, so the
 * result is exactly runReplications' (only faster).
 */
export function replicate(pool: AnalysisPool, req: DocumentRequest & { plan: ReplicationPlan; baseSeed: number }, onProgress: (p: AnalysisProgress) => void): AnalysisTask<ReplicatedResults> {
  const total = req.plan.stopping ? req.plan.stopping.maxReplications : req.plan.replications;
  const task = schedule(pool, total, (i) => ({ type: 'run', document: req.document, options: req.options, seed: replicationSeed(req.baseSeed, i) }), (r) => answer('run')(r).results, onProgress, (runs: RunResults[]) => acceptReplications(runs, req.plan).done);
  return then(task, (runs) => {
    const accepted = acceptReplications(runs, req.plan);
    return { ...summarizeReplications(accepted.kept, req.plan.confidence), stoppingMet: accepted.met };
  });
}

export interface MaturityLevelRequest {
  document: unknown;
  oneTimeInvestmentUsd: number;
  monthlyInvestmentUsd: number;
}

/**
 * Maturity ROI: every (level, replication) pair is a job with the seed runMaturityRoi gives it; the
 * runs are put back in [level][replication] order and combined by maturityRoi.
 */
export function maturity(pool: AnalysisPool, req: { levels: MaturityLevelRequest[]; assumptions: RoiAssumptions; replications: number; options: RunRequestOptions }, onProgress: (p: AnalysisProgress) => void): AnalysisTask<{ roi: LevelRoiWithIntervals[]; runs: MaturityRun[][] }> {
  const levels: MaturityInput[] = [];
  for (const [k, level] of req.levels.entries()) {
    const loaded = loadPipeline(level.document);
    if (!loaded.ok) return failed(new JobFailed(`level ${k + 1} has ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}: ${loaded.problems[0]?.message ?? ''}`, loaded.problems));
    levels.push({ doc: loaded.doc, oneTimeInvestmentUsd: level.oneTimeInvestmentUsd, monthlyInvestmentUsd: level.monthlyInvestmentUsd });
  }
  if (levels.length === 0) return failed(new JobFailed('no levels to compare'));
  const n = req.replications;
  const seed0 = req.options.seed ?? levels[0]!.doc.run.seed;
  const task = schedule(pool, levels.length * n, (j) => ({ type: 'maturity', document: req.levels[Math.floor(j / n)]!.document, options: req.options, seed: replicationSeed(seed0, j % n) }), (r) => answer('maturity')(r).run, onProgress);
  return then(task, (flat) => {
    const runs = levels.map((_, k) => flat.slice(k * n, (k + 1) * n));
    // A horizon that ends before a level's fault scenario would understate its downtime: no ROI then.
    const cut = incidentScenarioCut(levels, runs);
    if (cut) throw new JobFailed(cut);
    return { roi: maturityRoi(levels, runs, req.assumptions), runs };
  });
}

/**
 * Every combination of one or two axes, one point per job (with its replications, if planned); the
 * same points sweep() returns, in its order. Progress is in runs: points × replications.
 */
export function sweepPoints(pool: AnalysisPool, req: DocumentRequest & { axes: SweepAxis[]; plan?: SweepPlan }, onProgress: (p: AnalysisProgress) => void): AnalysisTask<SweepResult> {
  const [a, b] = req.axes;
  if (!a || req.axes.length > 2) return failed(new JobFailed('a sweep has one or two axes'));
  const combos: number[][] = b ? a.values.flatMap((x) => b.values.map((y) => [x, y])) : a.values.map((x) => [x]);
  // Progress counts runs: a point's job runs its replications (the same seeds at every point).
  const runsPerPoint = Math.max(1, req.plan?.replications ?? 1);
  const task = schedule(pool, combos.length, (i) => ({ type: 'sweep', document: req.document, options: req.options, axes: req.axes.map((axis, j) => ({ path: axis.path, values: [combos[i]![j]!], ...(axis.labels ? { labels: axis.labels } : {}) })), ...(req.plan ? { plan: req.plan } : {}) }), (r) => answer('sweep')(r).sweep, (p) => onProgress({ done: p.done * runsPerPoint, total: p.total * runsPerPoint, fraction: p.fraction }));
  return then(task, (parts) => ({ axes: req.axes, base: parts[0]!.base, seed: parts[0]!.seed, replications: parts[0]!.replications, confidence: parts[0]!.confidence, points: parts.map((p) => p.points[0]!) }));
}

/**
 * One tornado bar per job, sorted as tornado() sorts them; the first job also makes the base run
 * (the others skip it: it is the same run), so n bars cost 2n + 1 runs as in tornado().
 */
export function tornadoBars(pool: AnalysisPool, req: DocumentRequest & { paths: string[]; spread: number }, onProgress: (p: AnalysisProgress) => void): AnalysisTask<{ base: Headline; bars: TornadoBar[]; spread: number }> {
  if (req.paths.length === 0) return failed(new JobFailed('pick at least one parameter'));
  const task = schedule(pool, req.paths.length, (i) => ({ type: 'tornado', document: req.document, options: req.options, paths: [req.paths[i]!], spread: req.spread, skipBase: i > 0 }), (r) => answer('tornado')(r).tornado, onProgress);
  return then(task, (parts) => ({ base: parts[0]!.base!, bars: sortTornadoBars(parts.flatMap((p) => p.bars)), spread: req.spread }));
}

/** Runs per load point and the confidence of their half-widths (absent: one seed per point). */
export interface LoadSearchPlan {
  replications: number;
  confidence: number;
}

/**
 * The max-load search is one bisection (each step depends on the last), so it is one job. Progress
 * is in runs (points × replications) of the search's own running estimate, from its first point on.
 */
export function loadSearch(pool: AnalysisPool, req: DocumentRequest & { criteria: LoadCriteria; tolerance?: number; plan?: LoadSearchPlan }, onProgress: (p: AnalysisProgress) => void): AnalysisTask<LoadSearchResult> {
  const spec: AnalysisJobSpec = { type: 'load-search', document: req.document, options: req.options, criteria: req.criteria, ...(req.tolerance ? { tolerance: req.tolerance } : {}), ...(req.plan ? { plan: req.plan } : {}) };
  // The job's own progress carries its runs; schedule (kept for its immediate cancel) only counts jobs.
  const counted: AnalysisPool = {
    size: 1,
    submit: (s) => pool.submit(s, (fraction, runs) => runs && onProgress({ done: runs.done, total: runs.estimated, fraction, estimated: true })),
    // The app's shared pool outlives this search: not this wrapper's to dispose.
    dispose: () => undefined,
  };
  const task = schedule(counted, 1, () => spec, (r) => answer('load-search')(r).search, () => undefined);
  return then(task, (r) => r[0]!);
}

/** The app's pool: Web Workers running analysis-worker.ts. */
export function createWorkerPool(size = defaultPoolSize(navigator.hardwareConcurrency)): AnalysisPool {
  let n = 0;
  return createAnalysisPool((onMessage, onCrash) => {
    const worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module', name: `preflight-analysis-${++n}` });
    worker.onmessage = (event: MessageEvent<Parameters<typeof onMessage>[0]>) => onMessage(event.data);
    worker.onerror = (event) => onCrash(event.message || 'unknown error');
    return { post: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
  }, size);
}
