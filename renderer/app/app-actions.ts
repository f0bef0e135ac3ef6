import type { AppServices } from './app-context';
import { createDocumentActions, type DocumentActions } from './document-actions';
import { createEditorActions, type EditorActions } from './editor-actions';
import { createIoActions, type IoActions } from '../features/io/io-actions';

export type AppActions = DocumentActions & EditorActions & IoActions;

export function createAppActions(services: Omit<AppServices, 'actions'>): AppActions {
  const documentActions = createDocumentActions(services);
  return { ...documentActions, ...createEditorActions(services), ...createIoActions(services, documentActions.openText) };
}
