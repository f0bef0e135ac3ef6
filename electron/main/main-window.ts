import { BrowserWindow, type BaseWindow } from 'electron';
import { CHANNELS, type MenuCommand } from '../contract/api';
import { APP_ENTRY_URL } from './app-protocol';
import { mainWindowOptions, type MainWindowSettings } from './window-options';

export interface MainWindowHooks {
  /** The close guard's listener (asks about unsaved changes). */
  onClose(window: BrowserWindow, event: { preventDefault(): void }): void;
}

/** Creates the document window and loads the renderer from the app:// scheme (never remote content). */
export function createMainWindow(settings: MainWindowSettings, hooks: MainWindowHooks): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(settings));
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => hooks.onClose(window, event));
  // The title comes from the renderer's setTitle (with the dirty marker), not from <title>.
  window.on('page-title-updated', (event) => event.preventDefault());
  // The close guard has already asked about unsaved work; a beforeunload handler left in the page
  // (the web build uses one) must not silently block closing or reloading.
  window.webContents.on('will-prevent-unload', (event) => event.preventDefault());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function deliver(window: BrowserWindow, command: MenuCommand): void {
  const send = () => {
    if (!window.isDestroyed()) window.webContents.send(CHANNELS.menuCommand, command);
  };
  // A window that is still loading has no listener yet: deliver once the page is up.
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
  else send();
}

/**
 * The app's document windows (one today). Menu commands go to the window the menu was used in, else
 * the focused one, else the main one; with no window at all (macOS) a new one is opened for them.
 */
export class DocumentWindows {
  private main: BrowserWindow | null = null;

  constructor(private readonly create: () => BrowserWindow) {}

  current(): BrowserWindow | null {
    const focused = BrowserWindow.getFocusedWindow();
    if (focused && !focused.isDestroyed()) return focused;
    return this.main && !this.main.isDestroyed() ? this.main : null;
  }

  ensure(): BrowserWindow {
    const existing = this.current();
    if (existing) return existing;
    const window = this.create();
    this.main = window;
    window.on('closed', () => {
      if (this.main === window) this.main = null;
    });
    return window;
  }

  send(command: MenuCommand, target?: BaseWindow): void {
    const window = target instanceof BrowserWindow && !target.isDestroyed() ? target : this.ensure();
    deliver(window, command);
  }

  focus(): void {
    const window = this.ensure();
    if (window.isMinimized()) window.restore();
    window.focus();
  }
}
