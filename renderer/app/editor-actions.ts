import { addNode, copySelection, paste, removeElements, type Clip, type Command, type Refusal } from '../stores/document/commands';
import { edgeKey } from '../stores/document/editable-document';
import type { AppServices } from './app-context';
import { commitFocusedField } from './commit-focused-field';

export interface EditorActions {
  /** Applies a command, or shows why it was refused; optionally selects nodes afterwards. */
  execute(result: Command | Refusal | null, select?: string[]): boolean;
  undo(): void;
  redo(): void;
  addNodeAt(kind: string, position: { x: number; y: number }, connectFrom?: string): void;
  deleteSelection(): void;
  copy(): void;
  paste(): void;
  selectAll(): void;
  run(): void;
  cancelRun(): void;
  /** Why Run is disabled right now, or null when it can run. */
  runBlocker(): string | null;
}

type Services = Omit<AppServices, 'actions'>;

const PASTE_OFFSET = 40;

export function createEditorActions(s: Services): EditorActions {
  const { documents, ui, runs, validation } = s;
  let clipboard: Clip | null = null;
  let pasteCount = 0;

  const execute: EditorActions['execute'] = (result, select) => {
    if (result && 'ok' in result) {
      ui.getState().toast('error', result.reason);
      return false;
    }
    const applied = documents.getState().execute(result as Command | null);
    if (applied && select) ui.getState().select(select);
    return applied;
  };

  const runBlocker = () => {
    if (runs.getState().status === 'running') return 'A run is in progress.';
    const v = validation.getState();
    // Counts refused values too: a field showing a value it refused would make the run differ from the screen.
    if (v.validation.errorCount > 0) return `${v.validation.errorCount} problem${v.validation.errorCount > 1 ? 's' : ''} must be fixed first (see Problems).`;
    return null;
  };

  return {
    execute,
    runBlocker,
    undo: () => documents.getState().undo(),
    redo: () => documents.getState().redo(),
    addNodeAt(kind, position, connectFrom) {
      const result = addNode(documents.getState().doc, kind, position, connectFrom);
      if ('ok' in result) execute(result);
      else execute(result.command, [result.nodeId]);
    },
    deleteSelection() {
      const { nodes, edges } = ui.getState().selection;
      if (execute(removeElements(documents.getState().doc, nodes, edges))) ui.getState().select([]);
    },
    copy() {
      const clip = copySelection(documents.getState().doc, ui.getState().selection.nodes);
      if (!clip) return;
      clipboard = clip;
      pasteCount = 0;
      ui.getState().toast('info', `Copied ${clip.nodes.length} node${clip.nodes.length > 1 ? 's' : ''}`);
    },
    paste() {
      if (!clipboard) return;
      pasteCount++;
      const result = paste(documents.getState().doc, clipboard, { x: PASTE_OFFSET * pasteCount, y: PASTE_OFFSET * pasteCount });
      if (result) execute(result.command, result.nodeIds);
    },
    selectAll() {
      const { doc } = documents.getState();
      ui.getState().select(
        doc.nodes.map((n) => n.id),
        doc.edges.map(edgeKey),
      );
    },
    run() {
      // The focused field's draft first (Ctrl+Enter while typing), then the latest edit validated now rather than after the debounce.
      commitFocusedField();
      const check = validation.flush();
      const blocker = runBlocker();
      if (blocker || !check.ok) {
        ui.getState().setProblemsOpen(true);
        ui.getState().toast('error', `Cannot run: ${blocker ?? 'the pipeline has problems.'}`);
        return;
      }
      // No option overrides: seed and horizon are the document's own `run` settings (the toolbar edits
      // them), so the saved file run by the CLI gives the same figures.
      const { doc, revision } = documents.getState();
      runs.getState().start(doc, revision, {});
    },
    cancelRun: () => runs.getState().cancel(),
  };
}
