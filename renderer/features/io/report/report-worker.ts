import { handleReportJob } from './report-handler';
import type { ReportOutbound } from './report-protocol';

/**
 * The report worker: replications, max-load search and the report HTML off the UI thread. `self` is
 * typed locally so the renderer's tsconfig stays DOM-only (as in the simulation worker).
 */
interface WorkerScope {
  postMessage(message: ReportOutbound): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) =>
  void handleReportJob(event.data, {
    post: (message) => scope.postMessage(message),
    // A macrotask: lets progress messages out between slices.
    yieldControl: () => new Promise((resolve) => setTimeout(resolve, 0)),
    now: () => performance.now(),
  });
