import type { ReportJob, ReportOutbound } from './report-protocol';

/** A report being computed; `cancel` stops it at once (the worker is terminated). */
export interface ReportTask {
  cancel(): void;
}

export type StartReport = (job: ReportJob, listener: (message: ReportOutbound) => void) => ReportTask;

/**
 * Runs one report job in its own worker and ends the worker with the job. A fresh worker per report
 * costs a few milliseconds, and terminating it is the only way to stop the synchronous max-load
 * search mid-way.
 */
export function startReportWorker(job: ReportJob, listener: (message: ReportOutbound) => void, makeWorker: () => Worker = defaultWorker): ReportTask {
  const worker = makeWorker();
  let finished = false;
  const finish = () => {
    finished = true;
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<ReportOutbound>) => {
    if (finished) return;
    const message = event.data;
    if (message.type === 'rejected') {
      finish();
      listener({ type: 'failed', message: message.message, problems: [] });
      return;
    }
    if (message.type !== 'progress') finish();
    listener(message);
  };
  worker.onerror = (event) => {
    if (finished) return;
    finish();
    listener({ type: 'failed', message: `the report worker crashed: ${event.message || 'unknown error'}`, problems: [] });
  };
  worker.postMessage(job);
  return { cancel: () => !finished && finish() };
}

function defaultWorker(): Worker {
  return new Worker(new URL('./report-worker.ts', import.meta.url), { type: 'module', name: 'preflight-report' });
}
