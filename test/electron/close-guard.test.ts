import { describe, expect, it, vi } from 'vitest';
import { CloseGuard, type GuardedWindow } from '../../electron/main/close-guard';
import { closeChoiceFor, SAVE_CHANGES_BUTTONS, type CloseChoice } from '../../electron/main/dialogs';

vi.mock('electron', async () => (await import('./helpers/fake-electron')).fakeElectron);

class Window implements GuardedWindow {
  closes = 0;
  destroyed = false;
  close(): void {
    this.closes += 1;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function setup(choice: CloseChoice) {
  const actions = {
    ask: vi.fn(async () => choice),
    requestSave: vi.fn(),
    discardRecovery: vi.fn(async () => undefined),
    closedAfterPrompt: vi.fn(),
    cancelled: vi.fn(),
  };
  const guard = new CloseGuard<Window>(actions);
  const window = new Window();
  const close = () => {
    const event = { preventDefault: vi.fn() };
    guard.onClose(window, event);
    return event;
  };
  return { guard, window, actions, close };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('closing with unsaved changes', () => {
  it('closes a clean window without asking', () => {
    const { actions, close } = setup('save');
    expect(close().preventDefault).not.toHaveBeenCalled();
    expect(actions.ask).not.toHaveBeenCalled();
  });

  it('Save: asks the renderer to save, closes once it reports clean', async () => {
    const { guard, window, actions, close } = setup('save');
    guard.setDirty(window, true);
    expect(close().preventDefault).toHaveBeenCalled();
    await settle();
    expect(actions.requestSave).toHaveBeenCalledWith(window);
    expect(window.closes).toBe(0);
    guard.setDirty(window, false);
    expect(window.closes).toBe(1);
    expect(close().preventDefault).not.toHaveBeenCalled();
    expect(actions.closedAfterPrompt).toHaveBeenCalledOnce();
  });

  it('Save, then Save As cancelled: stays open, and a later save does not close it', async () => {
    const { guard, window, close } = setup('save');
    guard.setDirty(window, true);
    close();
    await settle();
    guard.saveAbandoned(window);
    guard.setDirty(window, false);
    expect(window.closes).toBe(0);
  });

  it("Don't Save: clears the recovery slot and closes", async () => {
    const { guard, window, actions, close } = setup('discard');
    guard.setDirty(window, true);
    close();
    await settle();
    expect(actions.discardRecovery).toHaveBeenCalled();
    expect(window.closes).toBe(1);
    expect(close().preventDefault).not.toHaveBeenCalled();
  });

  it('Cancel: stays open and says so (an interrupted quit stops)', async () => {
    const { guard, window, actions, close } = setup('cancel');
    guard.setDirty(window, true);
    close();
    await settle();
    expect(window.closes).toBe(0);
    expect(actions.cancelled).toHaveBeenCalled();
    expect(guard.isDirty(window)).toBe(true);
  });

  it('asks once even if close is requested again while the box is open', async () => {
    const { guard, window, actions, close } = setup('cancel');
    guard.setDirty(window, true);
    close();
    close();
    await settle();
    expect(actions.ask).toHaveBeenCalledOnce();
  });

  it('maps the buttons: Save, Don’t Save, Cancel (Escape = Cancel)', () => {
    expect(SAVE_CHANGES_BUTTONS.map(([label]) => label)).toEqual(['Save', "Don't Save", 'Cancel']);
    expect([0, 1, 2, 7].map(closeChoiceFor)).toEqual(['save', 'discard', 'cancel', 'cancel']);
  });
});
