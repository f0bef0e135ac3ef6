import type { MenuCommand } from '../platform/platform';
import { isDirty } from '../stores/document/document-store';
import { serializeDocument } from '../stores/document/editable-document';
import type { AppServices } from './app-context';

/** How long after the last edit the recovery slot is written. */
const AUTOSAVE_DELAY_MS = 800;

/**
 * Behaviour that follows the stores rather than a click: window title, autosave to the recovery
 * slot, showing results when a run finishes, and the native menu. Returns a function that undoes it.
 */
export function wireAppBehaviour(s: AppServices): () => void {
  const { documents, platform, runs, ui } = s;
  const stops: Array<() => void> = [];

  const title = () => {
    const state = documents.getState();
    platform.setTitle(`${state.file.name} — Preflight`, isDirty(state));
  };
  title();
  stops.push(documents.subscribe((state, prev) => {
    if (state.file !== prev.file || state.past !== prev.past || state.savedEntryId !== prev.savedEntryId) title();
  }));

  let autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  stops.push(documents.subscribe((state, prev) => {
    if (state.doc === prev.doc && state.savedEntryId === prev.savedEntryId) return;
    clearTimeout(autosaveTimer);
    if (!isDirty(state)) {
      // Saved, undone back to the saved state, or changes discarded: the recovery slot is obsolete.
      // (A clean load over a clean document, as at startup, must leave it for the restore offer.)
      if (isDirty(prev)) void platform.clearAutosave().catch(() => undefined);
      return;
    }
    autosaveTimer = setTimeout(() => {
      const now = documents.getState();
      if (!isDirty(now)) return;
      platform.writeAutosave({ text: serializeDocument(now.doc), documentPath: now.file.path }).catch((e: unknown) => ui.getState().toast('error', e instanceof Error ? e.message : String(e)));
    }, AUTOSAVE_DELAY_MS);
  }));

  stops.push(runs.subscribe((state, prev) => {
    if (state.status === prev.status) return;
    if (state.status === 'done') ui.getState().setView('results');
    if (state.status === 'failed') ui.getState().toast('error', `The run failed: ${state.error?.message ?? 'unknown error'}`);
    if (state.status === 'cancelled') ui.getState().toast('info', 'Run cancelled.');
  }));

  stops.push(platform.onMenuCommand((command) => menuCommand(s, command)));
  return () => {
    clearTimeout(autosaveTimer);
    for (const stop of stops) stop();
  };
}

/** A focused text field handles the menu's edit commands itself (its own undo, select all…). */
function textFieldCommand(command: MenuCommand): boolean {
  const el = document.activeElement as HTMLElement | null;
  const typing = !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
  const native: Record<string, string> = { 'edit.undo': 'undo', 'edit.redo': 'redo', 'edit.selectAll': 'selectAll', 'edit.delete': 'delete' };
  if (!typing || !native[command]) return false;
  // execCommand is deprecated but remains the only way to drive a field's own undo stack from outside.
  document.execCommand(native[command]);
  return true;
}

export function menuCommand(s: AppServices, command: MenuCommand): void {
  const a = s.actions;
  const ui = s.ui.getState();
  if (textFieldCommand(command)) return;
  if (command.startsWith('file.openRecent:')) {
    void a.openRecent(command.slice('file.openRecent:'.length));
    return;
  }
  const table: Record<string, () => void> = {
    'file.new': () => ui.openDialog({ type: 'new' }),
    'file.open': () => void a.open(),
    'file.save': () => void a.save(false),
    'file.saveAs': () => void a.save(true),
    'file.exportReport': a.openReportDialog,
    'edit.undo': a.undo,
    'edit.redo': a.redo,
    'edit.selectAll': a.selectAll,
    'edit.delete': a.deleteSelection,
    'view.fit': () => ui.requestView('fit'),
    'view.autoLayout': () => ui.requestView('layout'),
    'view.toggleMinimap': ui.toggleMinimap,
    'run.start': a.run,
    'run.cancel': a.cancelRun,
    'help.docs': () => ui.openDialog({ type: 'help' }),
    'help.about': () => ui.openDialog({ type: 'help' }),
  };
  table[command]?.();
}
