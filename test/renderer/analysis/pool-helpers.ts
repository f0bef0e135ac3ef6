import { createAnalysisHandler } from '../../../renderer/workers/analysis-handler';
import { createAnalysisPool, type AnalysisPool } from '../../../renderer/workers/analysis-pool';

/**
 * A pool whose "workers" are analysis handlers in this process. Messages are structured-cloned and
 * delivered on later tasks, as between threads, so ordering and copying match the app.
 */
export function inProcessPool(size: number, cancelGraceMs = 400): AnalysisPool & { started: () => number } {
  let started = 0;
  const pool = createAnalysisPool((onMessage) => {
    started++;
    let alive = true;
    const handle = createAnalysisHandler({
      post: (m) => void setTimeout(() => alive && onMessage(structuredClone(m)), 0),
      yieldControl: () => new Promise((r) => setTimeout(r, 0)),
    });
    return {
      post: (m) => void setTimeout(() => alive && void handle(structuredClone(m)), 0),
      terminate: () => void (alive = false),
    };
  }, size, cancelGraceMs);
  return Object.assign(pool, { started: () => started });
}
