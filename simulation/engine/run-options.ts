import type { PipelineDocument } from '../model/document-schema';

/** Run settings; anything left out comes from the document's `run` section. */
export interface RunOptions {
  seed?: number;
  durationMs?: number;
  /** Stop after this many measured requests instead of after the duration. */
  requests?: number | null;
  warmupMs?: number;
  drain?: boolean;
  traceSampleRate?: number;
  maxTraces?: number;
  traceSlowest?: number;
  traceFailed?: number;
}

export interface ResolvedRunOptions {
  seed: number;
  durationMs: number;
  requests: number | null;
  warmupMs: number;
  drain: boolean;
  traceSampleRate: number;
  maxTraces: number;
  traceSlowest: number;
  traceFailed: number;
}

export interface RunProgress {
  /** 0..1 of the arrival horizon (draining shows as 1 until done). */
  fraction: number;
  phase: 'arrivals' | 'draining' | 'done';
  simulatedMs: number;
  requestsArrived: number;
  events: number;
}

export function resolveRunOptions(doc: PipelineDocument, options: RunOptions): ResolvedRunOptions {
  const run = doc.run;
  return {
    seed: options.seed ?? run.seed,
    durationMs: options.durationMs ?? run.durationMs,
    requests: options.requests !== undefined ? options.requests : run.requests,
    warmupMs: options.warmupMs ?? run.warmupMs,
    drain: options.drain ?? run.drain,
    traceSampleRate: options.traceSampleRate ?? run.traceSampleRate,
    maxTraces: options.maxTraces ?? run.maxTraces,
    traceSlowest: options.traceSlowest ?? run.traceSlowest,
    traceFailed: options.traceFailed ?? run.traceFailed,
  };
}
