import type { Problem } from '../../simulation/index';
import type { AnalysisInbound, AnalysisJobResult, AnalysisJobSpec, AnalysisOutbound } from './analysis-protocol';

/** One worker as the pool sees it (a Web Worker in the app, the handler in-process in tests). */
export interface PoolPort {
  post(message: AnalysisInbound): void;
  terminate(): void;
}
export type PortFactory = (onMessage: (message: AnalysisOutbound) => void, onCrash: (reason: string) => void) => PoolPort;

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

export class JobFailed extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'JobFailed';
  }
}

export type ProgressListener = (fraction: number, runs?: { done: number; estimated: number }) => void;

export interface PoolTask {
  promise: Promise<AnalysisJobResult>;
  cancel(): void;
}

export interface AnalysisPool {
  /** Workers it runs at most at once. */
  readonly size: number;
  /** `onProgress` gets the job's fraction and, from a load search, its runs so far and estimated. */
  submit(spec: AnalysisJobSpec, onProgress?: ProgressListener): PoolTask;
  dispose(): void;
}

interface Entry {
  jobId: number;
  spec: AnalysisJobSpec;
  onProgress: ProgressListener;
  resolve(result: AnalysisJobResult): void;
  reject(error: Error): void;
}

interface Slot {
  port: PoolPort;
  busy: Entry | null;
}

/** Pool size for the app: one core stays with the UI and the main run; four is plenty for replications. */
export function defaultPoolSize(hardwareConcurrency: number | undefined): number {
  return Math.max(1, Math.min(4, (hardwareConcurrency ?? 2) - 1));
}

/**
 * A small pool of analysis workers: each runs one job at a time; jobs wait in submission order.
 * Workers start on first use. Cancel asks the worker to stop and, if a synchronous job does not
 * answer within the grace period, terminates it (the next job gets a fresh worker).
 */
export function createAnalysisPool(makePort: PortFactory, size: number, cancelGraceMs = 400): AnalysisPool {
  let nextJobId = 1;
  const slots: Slot[] = [];
  const queue: Entry[] = [];

  const release = (slot: Slot) => {
    slot.busy = null;
    pump();
  };
  const drop = (slot: Slot) => {
    slot.port.terminate();
    slots.splice(slots.indexOf(slot), 1);
    pump();
  };

  const newSlot = (): Slot => {
    const slot: Slot = { port: null as unknown as PoolPort, busy: null };
    slot.port = makePort(
      (message) => {
        const entry = slot.busy;
        if (!entry) return;
        if (message.type === 'rejected') {
          entry.reject(new JobFailed(message.message));
          return release(slot);
        }
        if (message.jobId !== entry.jobId) return; // a late message of a job given up on
        switch (message.type) {
          case 'progress':
            entry.onProgress(message.fraction, message.runs);
            return;
          case 'done':
            entry.resolve(message.result);
            return release(slot);
          case 'cancelled':
            entry.reject(new JobCancelled());
            return release(slot);
          case 'failed':
            entry.reject(new JobFailed(message.message, message.problems));
            return release(slot);
        }
      },
      (reason) => {
        slot.busy?.reject(new JobFailed(`the analysis worker crashed: ${reason}`));
        slot.busy = null;
        if (slots.includes(slot)) drop(slot);
      },
    );
    slots.push(slot);
    return slot;
  };

  function pump() {
    while (queue.length) {
      const slot = slots.find((s) => !s.busy) ?? (slots.length < size ? newSlot() : null);
      if (!slot) return;
      const entry = queue.shift()!;
      slot.busy = entry;
      slot.port.post({ ...entry.spec, jobId: entry.jobId } as AnalysisInbound);
    }
  }

  return {
    size,
    submit(spec, onProgress = () => undefined) {
      const jobId = nextJobId++;
      let entry!: Entry;
      const promise = new Promise<AnalysisJobResult>((resolve, reject) => {
        entry = { jobId, spec, onProgress, resolve, reject };
      });
      queue.push(entry);
      pump();
      return {
        promise,
        cancel() {
          const queued = queue.indexOf(entry);
          if (queued >= 0) {
            queue.splice(queued, 1);
            entry.reject(new JobCancelled());
            return;
          }
          const slot = slots.find((s) => s.busy === entry);
          if (!slot) return;
          slot.port.post({ type: 'cancel', jobId });
          setTimeout(() => {
            if (slot.busy !== entry) return;
            entry.reject(new JobCancelled());
            slot.busy = null;
            if (slots.includes(slot)) drop(slot);
          }, cancelGraceMs);
        },
      };
    },
    dispose() {
      for (const entry of queue.splice(0)) entry.reject(new JobCancelled());
      for (const slot of slots.splice(0)) {
        slot.busy?.reject(new JobCancelled());
        slot.port.terminate();
      }
    },
  };
}
