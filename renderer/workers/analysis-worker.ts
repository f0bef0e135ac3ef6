import { createAnalysisHandler } from './analysis-handler';
import type { AnalysisOutbound } from './analysis-protocol';

/**
 * An analysis worker of the pool: replications, maturity levels, sweep points, tornado bars, load
 * searches. `self` is typed locally so the renderer's tsconfig can stay DOM-only.
 */
interface WorkerScope {
  postMessage(message: AnalysisOutbound): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const handle = createAnalysisHandler({
  post: (message) => scope.postMessage(message),
  // A macrotask, not a microtask: only a macrotask lets a queued cancel message be delivered.
  yieldControl: () => new Promise((resolve) => setTimeout(resolve, 0)),
});

scope.onmessage = (event) => void handle(event.data);
