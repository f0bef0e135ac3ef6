import { useLayoutEffect } from 'react';
import { useServices } from '../app/app-context';
import { discardWorthSaying, nodeIdAt } from '../stores/refused-values';
import { problemLocation } from '../stores/validation';

/**
 * Keeps the validation's refused values in step with one field: reported while the field shows a
 * value it refused (`message`), withdrawn when that clears or the field leaves the screen. Problems
 * lists it and Run stays disabled meanwhile, so a run never uses a value other than the one shown.
 * Layout effects: Run is disabled before the browser paints the red field (as useFieldError does).
 *
 * @param path the document value the field edits, as a problem path ("$.nodes[3].params.maxTokens")
 * @param applied what the pipeline still has there, as the field shows it ("1,024", "the default (1,024)")
 */
export function useRefusedValue(fieldId: string, path: string, message: string | null, applied: string): void {
  const { validation, documents, ui } = useServices();
  useLayoutEffect(() => {
    if (!message) {
      validation.withdrawRefused(fieldId);
      return;
    }
    const { doc, generation } = documents.getState();
    const nodeId = nodeIdAt(doc, path);
    validation.reportRefused({ fieldId, path, message, applied, generation, ...(nodeId ? { nodeId } : {}) });
  }, [validation, documents, fieldId, path, message, applied]);
  useLayoutEffect(
    () => () => {
      // The field left the screen (another node or tab): its draft goes with it. When that happened
      // unseen — the click that refused it also selected another node — a toast says it was not applied.
      const gone = validation.withdrawRefused(fieldId);
      const { doc, generation } = documents.getState();
      if (gone && discardWorthSaying(gone, doc, generation)) {
        const where = problemLocation(doc, { severity: 'error', path: gone.path, message: '' });
        ui.getState().toast('info', `Not applied: ${where} — ${gone.message}. It still has ${gone.applied}.`);
      }
    },
    [validation, documents, ui, fieldId],
  );
}
