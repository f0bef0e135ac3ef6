import { useServices, type AppServices } from '../../app/app-context';
import { createWorkerPool } from '../../workers/analysis-client';
import type { AnalysisPool } from '../../workers/analysis-pool';
import { createAnalysisActions, type AnalysisActions } from './analysis-actions';
import { analysisStoreFor } from './analysis-registry';
import type { AnalysisStore } from './analysis-store';

export interface AnalysisServices {
  store: AnalysisStore;
  actions: AnalysisActions;
  /** Workers the pool runs at most at once (shown next to replications). */
  poolSize(): number;
}

const registry = new WeakMap<AppServices, AnalysisServices>();

/** The workspace's actions, one set per window; the worker pool starts with the first analysis. */
export function analysisFor(services: AppServices, makePool: () => AnalysisPool = createWorkerPool): AnalysisServices {
  const known = registry.get(services);
  if (known) return known;
  const store = analysisStoreFor(services);
  let pool: AnalysisPool | null = null;
  const getPool = () => (pool ??= makePool());
  const made: AnalysisServices = { store, actions: createAnalysisActions(services, store, getPool), poolSize: () => getPool().size };
  registry.set(services, made);
  return made;
}

export function useAnalysisServices(): AnalysisServices {
  return analysisFor(useServices());
}

export { useAnalysis } from './analysis-registry';
