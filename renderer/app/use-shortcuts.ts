import { useEffect } from 'react';
import { useServices } from './app-context';

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/**
 * Window keyboard shortcuts. Editing shortcuts (undo, copy, select all) leave text fields alone so
 * their native behaviour works; document shortcuts (save, open, run) work everywhere.
 */
export function useShortcuts(): void {
  const { actions, ui } = useServices();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !ui.getState().dialog && !typingIn(e.target)) actions.cancelRun();
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const key = e.key.toLowerCase();
      const global: Record<string, () => void> = {
        s: () => void actions.save(e.shiftKey),
        o: () => void actions.open(),
        n: () => ui.getState().openDialog({ type: 'new' }),
        enter: () => actions.run(),
      };
      // The desktop menu's Export Report… accelerator, in the browser build too.
      if (key === 'e' && e.shiftKey) {
        e.preventDefault();
        actions.openReportDialog();
        return;
      }
      if (global[key]) {
        e.preventDefault();
        global[key]();
        return;
      }
      if (typingIn(e.target) || ui.getState().dialog) return;
      const editing: Record<string, () => void> = {
        z: () => (e.shiftKey ? actions.redo() : actions.undo()),
        y: () => actions.redo(),
        c: () => actions.copy(),
        v: () => actions.paste(),
        a: () => actions.selectAll(),
        l: () => ui.getState().requestView('layout'),
        '0': () => ui.getState().requestView('fit'),
      };
      if (editing[key] && ui.getState().view === 'editor') {
        e.preventDefault();
        editing[key]();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, ui]);
}
