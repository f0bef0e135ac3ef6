import { z } from 'zod';
import type { Headline, LoadSearchResult, MaturityRun, Problem, RunResults, SweepResult, TornadoBar } from '../../simulation/index';
import { RunOptionsSchema } from './run-protocol';

/**
 * Messages between the UI and an analysis worker. One job is one unit of work a worker finishes on
 * its own (a replication, a maturity level at one seed, a sweep point, a tornado bar, a load search);
 * the UI splits an analysis into jobs, spreads them over a pool and combines the answers with the
 * simulation's own functions, so the result equals the sequential one. Validated like the run
 * protocol: a message is data from another context.
 */
const jobBase = {
  jobId: z.number().int().min(1),
  /** The pipeline document as JSON; the worker validates it with loadPipeline, as the CLI does. */
  document: z.unknown(),
  options: RunOptionsSchema,
};

const seed = z.number().int().min(0).max(2 ** 31 - 1);
const paramPath = z.string().min(1).max(300);
const limit = z.number().nonnegative().nullable().optional();

/** One whole run with the given seed (a replication: the seed comes from replicationSeed). */
export const RunJobSchema = z.object({ type: z.literal('run'), ...jobBase, seed, sliceEvents: z.number().int().min(1000).max(10_000_000).optional() }).strict();

/** runMaturityLevel: a fault-free run and a run with the fault scenario, same seed. */
export const MaturityJobSchema = z.object({ type: z.literal('maturity'), ...jobBase, seed }).strict();

/** sweep() over the given axes (the UI sends one point per job); `plan`: replications per point. */
export const SweepJobSchema = z
  .object({
    type: z.literal('sweep'),
    ...jobBase,
    // `labels`: a categorical axis (a node's model); its values are indices into them.
    axes: z
      .array(
        z
          .object({ path: paramPath, values: z.array(z.number().finite()).min(1).max(400), labels: z.array(z.string().min(1).max(200)).min(1).max(100).optional() })
          .strict()
          .refine((a) => !a.labels || a.values.every((v) => Number.isInteger(v) && v >= 0 && v < a.labels!.length), { message: 'values of a categorical axis are indices into its labels' }),
      )
      .min(1)
      .max(2),
    plan: z.object({ replications: z.number().int().min(1).max(50), confidence: z.number().gt(0.5).lt(1) }).strict().optional(),
  })
  .strict();

/**
 * tornado() over the given paths (the UI sends one path per job). `skipBase`: only the bars
 * (tornadoBar), base null — the base run is the same for every bar, so one job runs it.
 */
export const TornadoJobSchema = z.object({ type: z.literal('tornado'), ...jobBase, paths: z.array(paramPath).min(1).max(60), spread: z.number().gt(0).lt(1), skipBase: z.boolean().optional() }).strict();

export const LoadCriteriaSchema = z.object({ p99Ms: limit, p95Ms: limit, ttftP50Ms: limit, errorRate: limit, rateLimitedShare: limit }).strict();

/**
 * Most runs per load point: the search is one sequential job (each step depends on the last), so
 * its ~12 points × N runs all run in one worker; 20 keeps that to minutes at the default run length.
 */
export const LOAD_SEARCH_MAX_REPLICATIONS = 20;

/**
 * searchMaxLoad: bisection on a traffic multiplier with one seed, or with `plan` the mean of
 * `replications` seeds per point (the same seeds at every load) and half-widths at `confidence`.
 */
export const LoadSearchJobSchema = z
  .object({
    type: z.literal('load-search'),
    ...jobBase,
    criteria: LoadCriteriaSchema,
    tolerance: z.number().gt(0).lt(1).optional(),
    plan: z.object({ replications: z.number().int().min(1).max(LOAD_SEARCH_MAX_REPLICATIONS), confidence: z.number().gt(0.5).lt(1) }).strict().optional(),
  })
  .strict();

export const AnalysisCancelSchema = z.object({ type: z.literal('cancel'), jobId: z.number().int().min(1) }).strict();

export const AnalysisInboundSchema = z.discriminatedUnion('type', [RunJobSchema, MaturityJobSchema, SweepJobSchema, TornadoJobSchema, LoadSearchJobSchema, AnalysisCancelSchema]);
export type AnalysisInbound = z.infer<typeof AnalysisInboundSchema>;
export type AnalysisJob = Exclude<AnalysisInbound, { type: 'cancel' }>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A job before the pool gives it an id. */
export type AnalysisJobSpec = DistributiveOmit<AnalysisJob, 'jobId'>;

export type AnalysisJobResult =
  | { kind: 'run'; results: RunResults }
  | { kind: 'maturity'; run: MaturityRun }
  | { kind: 'sweep'; sweep: SweepResult }
  | { kind: 'tornado'; tornado: { base: Headline | null; bars: TornadoBar[] } }
  | { kind: 'load-search'; search: LoadSearchResult };

export type AnalysisOutbound =
  /**
   * 0..1 of the job (runs report between slices, the load search after each load point; other jobs
   * when they finish). The load search adds its runs: done, and its running estimate of the total.
   */
  | { type: 'progress'; jobId: number; fraction: number; runs?: { done: number; estimated: number } }
  | { type: 'done'; jobId: number; result: AnalysisJobResult }
  | { type: 'cancelled'; jobId: number }
  | { type: 'failed'; jobId: number; message: string; problems: Problem[] }
  | { type: 'rejected'; message: string };
