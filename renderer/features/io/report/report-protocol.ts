import { z } from 'zod';
import type { LoadSearchResult, Problem, ReplicatedResults, ReportInput, RunResults } from '../../../../simulation/index';

/**
 * Messages between the report dialog and its worker. One job per worker: the dialog starts a worker
 * for a report and terminates it when the report is done or cancelled (the max-load search is one
 * long synchronous call, so terminating is the only cancel that is immediate).
 */
export const MAX_REPORT_REPLICATIONS = 50;

export const ReportMetaSchema = z
  .object({
    appVersion: z.string().min(1).max(50),
    fileHash: z.string().regex(/^[0-9a-f]{64}$/),
    fileName: z.string().min(1).max(255),
    generatedAt: z.string().min(1).max(40),
    command: z.string().min(1).max(2000),
  })
  .strict();

export const ReportJobSchema = z
  .object({
    type: z.literal('report'),
    /** The editor's document as JSON; the worker validates it with loadPipeline, as the CLI does. */
    document: z.unknown(),
    /** As the CLI's --replications (at least 2: one run has no interval). */
    replications: z.number().int().min(2).max(MAX_REPORT_REPLICATIONS),
    /** Run the max sustainable load search (the CLI does unless --no-capacity). */
    capacity: z.boolean(),
    /** Maturity ROI and what-ifs computed in the Analysis workspace, passed through to the report. */
    roi: z.unknown().nullable(),
    whatIfs: z.unknown().nullable(),
    meta: ReportMetaSchema,
    /** Events per slice between progress reports. */
    sliceEvents: z.number().int().min(1000).max(10_000_000).optional(),
  })
  .strict();
export type ReportJob = z.infer<typeof ReportJobSchema>;

export type ReportStage = 'replications' | 'capacity' | 'writing';

export interface ReportProgress {
  stage: ReportStage;
  /** Replication being run (1-based) and how many; during later stages, all done. */
  replication: number;
  replications: number;
  /** 0..1 of the replications; the load search has no known length, so no fraction for it. */
  fraction: number;
}

export interface ReportOutcome {
  html: string;
  results: RunResults;
  replicated: ReplicatedResults;
  capacity: LoadSearchResult | null;
}

export type ReportOutbound =
  | { type: 'progress'; progress: ReportProgress }
  | { type: 'done'; outcome: ReportOutcome; elapsedMs: number }
  /** The document did not validate in the worker (problems) or a step threw (message). */
  | { type: 'failed'; message: string; problems: Problem[] }
  | { type: 'rejected'; message: string };

/** The extras of a report as the worker receives them (trusted: they come from this app's own analysis). */
export type ReportExtras = Pick<ReportInput, 'roi' | 'whatIfs'>;
