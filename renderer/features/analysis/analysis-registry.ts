import { useStore } from 'zustand';
import { useServices, type AppServices } from '../../app/app-context';
import { createAnalysisStore, type AnalysisState, type AnalysisStore } from './analysis-store';

/**
 * The analysis store of a window, hung off the window's services (a WeakMap): the app shell needs no
 * new wiring, tests get a fresh store with their services, and the Results view can read intervals
 * without loading the analysis workspace.
 */
const stores = new WeakMap<AppServices, AnalysisStore>();

export function analysisStoreFor(services: AppServices): AnalysisStore {
  let store = stores.get(services);
  if (!store) {
    store = createAnalysisStore();
    stores.set(services, store);
  }
  return store;
}

export function useAnalysis<T>(selector: (state: AnalysisState) => T): T {
  return useStore(analysisStoreFor(useServices()), selector);
}
