import type { AppServices } from './app-context';
import { createDocumentActions, type DocumentActions } from './document-actions';
import { createEditorActions, type EditorActions } from './editor-actions';

export type AppActions = DocumentActions & EditorActions;

export function createAppActions(services: Omit<AppServices, 'actions'>): AppActions {
  return { ...createDocumentActions(services), ...createEditorActions(services) };
}
