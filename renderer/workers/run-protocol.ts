import { z } from 'zod';
import type { Problem, RunProgress, RunResults } from '../../simulation/index';

/**
 * Messages between the UI and the simulation worker. The worker validates what it receives (a
 * message is data from another context, and a malformed one must fail loudly, not half-run).
 */
export const RunOptionsSchema = z
  .object({
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    durationMs: z.number().positive().optional(),
    requests: z.number().int().min(1).nullable().optional(),
  })
  .strict();
export type RunRequestOptions = z.infer<typeof RunOptionsSchema>;

export const RunMessageSchema = z
  .object({
    type: z.literal('run'),
    runId: z.number().int().min(1),
    /** The pipeline document as JSON (the editor's document; the worker validates it again). */
    document: z.unknown(),
    options: RunOptionsSchema,
    /** Events per slice between progress reports and cancel checks. */
    sliceEvents: z.number().int().min(1000).max(10_000_000).optional(),
  })
  .strict();

export const CancelMessageSchema = z.object({ type: z.literal('cancel'), runId: z.number().int().min(1) }).strict();

export const WorkerInboundSchema = z.discriminatedUnion('type', [RunMessageSchema, CancelMessageSchema]);
export type WorkerInbound = z.infer<typeof WorkerInboundSchema>;

export type WorkerOutbound =
  | { type: 'progress'; runId: number; progress: RunProgress }
  | { type: 'done'; runId: number; results: RunResults; elapsedMs: number }
  | { type: 'cancelled'; runId: number }
  /** The document did not validate in the worker (problems) or the run threw (message). */
  | { type: 'failed'; runId: number; message: string; problems: Problem[] }
  | { type: 'rejected'; message: string };
