import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Platform } from '../platform/platform';
import type { DocumentState, DocumentStore } from '../stores/document/document-store';
import type { RunState, RunStore } from '../stores/run-store';
import type { UiState, UiStore } from '../stores/ui-store';
import type { ValidationState, ValidationStore } from '../stores/validation-store';
import type { AppActions } from './app-actions';

/** The stores and services of one window, provided once at the root (stores are factories, so tests make their own). */
export interface AppServices {
  platform: Platform;
  documents: DocumentStore;
  validation: ValidationStore;
  runs: RunStore;
  ui: UiStore;
  actions: AppActions;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useServices outside <AppContext.Provider>');
  return services;
}

export function useDocument<T>(selector: (state: DocumentState) => T): T {
  return useStore(useServices().documents, selector);
}

export function useValidation<T>(selector: (state: ValidationState) => T): T {
  return useStore(useServices().validation, selector);
}

export function useRun<T>(selector: (state: RunState) => T): T {
  return useStore(useServices().runs, selector);
}

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useServices().ui, selector);
}

export function useActions(): AppActions {
  return useServices().actions;
}
