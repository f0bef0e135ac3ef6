import type { CloseChoice } from './dialogs';

/** The part of a BrowserWindow the guard uses (a fake in tests). */
export interface GuardedWindow {
  close(): void;
  isDestroyed(): boolean;
}

export interface CloseGuardActions<W extends GuardedWindow> {
  /** The native "Save changes?" box. */
  ask(window: W): Promise<CloseChoice>;
  /** Sends the `file.save` menu command; the renderer saves as it would from the menu. */
  requestSave(window: W): void;
  /** After "Don't Save": the recovery slot must not offer the discarded work on the next start. */
  discardRecovery(): Promise<void>;
  /** After a close the guard allowed (lets an interrupted quit resume). */
  closedAfterPrompt?(window: W): void;
  /** The user chose Cancel (aborts an interrupted quit). */
  cancelled?(window: W): void;
}

interface WindowState {
  dirty: boolean;
  closeAfterSave: boolean;
  allowClose: boolean;
  asking: boolean;
}

/**
 * Closing a window with unsaved changes. The renderer reports "dirty" with every setTitle; main
 * keeps the last value. On close, if dirty: ask Save / Don't Save / Cancel.
 * - Save: send `file.save`; close when the renderer next reports `dirty: false` (saved). If the save
 *   is abandoned (Save As cancelled, write failed) the window stays open and the request lapses.
 * - Don't Save: clear the autosave slot and close.
 * - Cancel: stay open.
 * The renderer's own `beforeunload` is ignored in the desktop app (see main-window.ts).
 */
export class CloseGuard<W extends GuardedWindow> {
  private readonly states = new WeakMap<W, WindowState>();

  constructor(private readonly actions: CloseGuardActions<W>) {}

  private state(window: W): WindowState {
    let state = this.states.get(window);
    if (!state) {
      state = { dirty: false, closeAfterSave: false, allowClose: false, asking: false };
      this.states.set(window, state);
    }
    return state;
  }

  isDirty(window: W): boolean {
    return this.state(window).dirty;
  }

  /** From every setTitle. A clean report after "Save" was chosen completes the close. */
  setDirty(window: W, dirty: boolean): void {
    const state = this.state(window);
    state.dirty = dirty;
    if (!dirty && state.closeAfterSave) this.closeNow(window, state);
  }

  /** Save As cancelled or a write failed: forget the pending close. */
  saveAbandoned(window: W): void {
    this.state(window).closeAfterSave = false;
  }

  /** The window's 'close' listener. */
  onClose(window: W, event: { preventDefault(): void }): void {
    const state = this.state(window);
    if (!state.dirty || state.allowClose) return;
    event.preventDefault();
    if (state.asking) return;
    state.asking = true;
    void this.actions
      .ask(window)
      .then((choice) => this.apply(window, state, choice))
      .finally(() => {
        state.asking = false;
      });
  }

  private async apply(window: W, state: WindowState, choice: CloseChoice): Promise<void> {
    if (choice === 'save') {
      state.closeAfterSave = true;
      this.actions.requestSave(window);
    } else if (choice === 'discard') {
      await this.actions.discardRecovery().catch(() => undefined);
      this.closeNow(window, state);
    } else {
      this.actions.cancelled?.(window);
    }
  }

  private closeNow(window: W, state: WindowState): void {
    state.allowClose = true;
    state.closeAfterSave = false;
    if (window.isDestroyed()) return;
    window.close();
    this.actions.closedAfterPrompt?.(window);
  }
}
