import { serializeDocument } from '../stores/document/editable-document';
import type { AppServices } from './app-context';
import { STARTUP_TEMPLATE } from './templates';

/**
 * Opens what the window starts with: the desktop's startup file if any, otherwise the optimized RAG
 * example, so a first-time user sees a pipeline at once. An autosave that differs from it means the
 * last session ended with unsaved changes (a crash or a closed tab): offer to restore them.
 */
export async function startApp(s: AppServices): Promise<void> {
  s.actions.openText({ path: null, name: STARTUP_TEMPLATE.fileName, text: JSON.stringify(STARTUP_TEMPLATE.document) });
  const [startup, autosave] = await Promise.all([s.platform.startupDocument().catch(() => null), s.platform.readAutosave().catch(() => null)]);
  if (startup) s.actions.openText(startup);
  if (autosave && autosave.text !== serializeDocument(s.documents.getState().doc)) {
    s.ui.getState().openDialog({ type: 'recovery', entry: autosave });
  }
}
