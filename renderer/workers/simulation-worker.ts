import { createRunHandler } from './run-handler';
import type { WorkerOutbound } from './run-protocol';

/**
 * The simulation worker: runs pipelines off the UI thread. `self` is typed locally so the renderer's
 * tsconfig can stay DOM-only (no WebWorker lib, which conflicts with DOM).
 */
interface WorkerScope {
  postMessage(message: WorkerOutbound): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const handle = createRunHandler({
  post: (message) => scope.postMessage(message),
  // A macrotask, not a microtask: only a macrotask lets a queued cancel message be delivered.
  yieldControl: () => new Promise((resolve) => setTimeout(resolve, 0)),
  now: () => performance.now(),
});

scope.onmessage = (event) => void handle(event.data);
