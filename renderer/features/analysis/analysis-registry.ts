import { useStore } from 'zustand';
import { useServices, type AppServices } from '../../app/app-context';
import { createAnalysisStore, MAX_SCENARIOS, type AnalysisState, type AnalysisStore } from './analysis-store';
import { persistScenarios } from './compare/scenario-persistence';
import { indexedDbScenarioStorage } from './compare/scenario-storage';

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
    // IndexedDB where there is one (the app); none in Node tests, which keep scenarios per session.
    const ui = services.ui;
    persistScenarios(store, indexedDbScenarioStorage(), { notify: (tone, text) => ui.getState().toast(tone, text), warn: (m) => console.warn(m) }, MAX_SCENARIOS);
  }
  return store;
}

export function useAnalysis<T>(selector: (state: AnalysisState) => T): T {
  return useStore(analysisStoreFor(useServices()), selector);
}
