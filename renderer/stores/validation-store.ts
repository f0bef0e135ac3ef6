import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DocumentStore } from './document/document-store';
import { validateDocument, type DocumentValidation } from './validation';

export interface ValidationState {
  /** Document revision the validation belongs to. */
  revision: number;
  validation: DocumentValidation;
  /** An edit is waiting for the debounce; the Run button waits too. */
  pending: boolean;
}

export type ValidationStore = StoreApi<ValidationState> & {
  /** Validates the current document now (before a run, a save, or in tests). */
  flush(): DocumentValidation;
  dispose(): void;
};

/**
 * Re-validates the document shortly after each change (validation takes a few ms, but typing or
 * dragging should not pay it on every event).
 */
export function createValidationStore(documents: DocumentStore, debounceMs = 120): ValidationStore {
  const first = documents.getState();
  const store = createStore<ValidationState>()(() => ({ revision: first.revision, validation: validateDocument(first.doc), pending: false }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    const { doc, revision } = documents.getState();
    const current = store.getState();
    if (current.revision === revision && !current.pending) return current.validation;
    const validation = validateDocument(doc);
    store.setState({ revision, validation, pending: false });
    return validation;
  };
  const unsubscribe = documents.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    store.setState({ pending: true });
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });
  return Object.assign(store, {
    flush,
    dispose() {
      clearTimeout(timer);
      unsubscribe();
    },
  });
}
