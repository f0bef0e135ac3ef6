import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DocumentStore } from './document/document-store';
import { withRefused, type RefusedValue } from './refused-values';
import { validateDocument, withRefusedValues, type DocumentValidation } from './validation';

export interface ValidationState {
  /** Document revision the validation belongs to. */
  revision: number;
  /** The document's problems and the fields' refused values: what Problems lists and what blocks Run. */
  validation: DocumentValidation;
  /** An edit is waiting for the debounce; the Run button waits too. */
  pending: boolean;
}

export type ValidationStore = StoreApi<ValidationState> & {
  /** Validates the current document now (before a run, a save, or in tests). */
  flush(): DocumentValidation;
  /** A field shows a value it refused (added, or replaced by field id). */
  reportRefused(value: RefusedValue): void;
  /** The field's refused value is gone (corrected, reset, or the field left the screen); returns it, if there was one. */
  withdrawRefused(fieldId: string): RefusedValue | null;
  dispose(): void;
};

/**
 * Re-validates the document shortly after each change (validation takes a few ms, but typing or
 * dragging should not pay it on every event). Refused values are kept apart from the document's
 * problems and merged into every validation at once, without waiting, so Run is disabled in the same
 * frame as the red field appears.
 */
export function createValidationStore(documents: DocumentStore, debounceMs = 120): ValidationStore {
  const first = documents.getState();
  const store = createStore<ValidationState>()(() => ({ revision: first.revision, validation: validateDocument(first.doc), pending: false }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refused = () => store.getState().validation.refused;
  const flush = () => {
    clearTimeout(timer);
    const { doc, revision } = documents.getState();
    const current = store.getState();
    if (current.revision === revision && !current.pending) return current.validation;
    const validation = withRefusedValues(validateDocument(doc), refused());
    store.setState({ revision, validation, pending: false });
    return validation;
  };
  const setRefused = (list: readonly RefusedValue[]) => {
    if (list !== refused()) store.setState({ validation: withRefusedValues(store.getState().validation, list) });
  };
  const unsubscribe = documents.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    store.setState({ pending: true });
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });
  return Object.assign(store, {
    flush,
    reportRefused: (value: RefusedValue) => setRefused(withRefused(refused(), value)),
    withdrawRefused(fieldId: string) {
      const gone = refused().find((r) => r.fieldId === fieldId) ?? null;
      if (gone) setRefused(refused().filter((r) => r !== gone));
      return gone;
    },
    dispose() {
      clearTimeout(timer);
      unsubscribe();
    },
  });
}
