import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { CHANNELS } from '../../electron/contract/api';
import { createMainWindow, DocumentWindows } from '../../electron/main/main-window';
import { mainWindowOptions, printWindowOptions } from '../../electron/main/window-options';
import { windowTitleFor } from '../../electron/main/window-title';
import { FakeBrowserWindow } from './helpers/fake-electron';

vi.mock('electron', async () => (await import('./helpers/fake-electron')).fakeElectron);

beforeEach(() => {
  FakeBrowserWindow.created = [];
  FakeBrowserWindow.focused = null;
});

describe('window options', () => {
  it('isolates and sandboxes the page, with Node off everywhere', () => {
    const prefs = mainWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs', isDev: false }).webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      preload: '/app/dist-electron/preload.cjs',
      devTools: false,
    });
  });

  it('allows DevTools only in development', () => {
    expect(mainWindowOptions({ preloadPath: 'p', isDev: true }).webPreferences?.devTools).toBe(true);
  });

  it('renders reports with JavaScript off, no preload, in its own session', () => {
    const session = {} as Session;
    const prefs = printWindowOptions(session).webPreferences!;
    expect(prefs).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, session });
    expect(prefs.preload).toBeUndefined();
    expect(printWindowOptions(session).show).toBe(false);
  });
});

describe('createMainWindow', () => {
  const settings = { preloadPath: '/app/preload.cjs', isDev: false };

  it('loads only the app:// entry page, never remote content or file://', () => {
    const window = createMainWindow(settings, { onClose: vi.fn() }) as unknown as FakeBrowserWindow;
    expect(window.loadedUrls).toEqual(['app://preflight/index.html']);
    expect(window.loadedFiles).toEqual([]);
    expect(window.options).toMatchObject({ show: false });
  });

  it('keeps the title from setTitle and never lets beforeunload block a close', () => {
    const window = createMainWindow(settings, { onClose: vi.fn() }) as unknown as FakeBrowserWindow;
    const titleEvent = { preventDefault: vi.fn() };
    window.emit('page-title-updated', titleEvent, 'from <title>');
    expect(titleEvent.preventDefault).toHaveBeenCalled();
    const unloadEvent = { preventDefault: vi.fn() };
    window.webContents.emit('will-prevent-unload', unloadEvent);
    expect(unloadEvent.preventDefault).toHaveBeenCalled();
  });

  it('routes close to the close guard', () => {
    const onClose = vi.fn();
    const window = createMainWindow(settings, { onClose }) as unknown as FakeBrowserWindow;
    const event = { preventDefault: vi.fn() };
    window.emit('close', event);
    expect(onClose).toHaveBeenCalledWith(window, event);
  });
});

describe('DocumentWindows', () => {
  it('sends menu commands to the window, waiting for a page that is still loading', () => {
    const windows = new DocumentWindows(() => createMainWindow({ preloadPath: 'p', isDev: false }, { onClose: vi.fn() }));
    const window = windows.ensure() as unknown as FakeBrowserWindow;
    window.webContents.loading = true;
    windows.send('run.start');
    expect(window.webContents.sent).toEqual([]);
    window.webContents.emit('did-finish-load');
    expect(window.webContents.sent).toEqual([[CHANNELS.menuCommand, 'run.start']]);
  });

  it('opens a window when there is none (macOS keeps running without windows)', () => {
    const windows = new DocumentWindows(() => createMainWindow({ preloadPath: 'p', isDev: false }, { onClose: vi.fn() }));
    windows.send('file.open');
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(FakeBrowserWindow.created[0]!.webContents.sent).toEqual([[CHANNELS.menuCommand, 'file.open']]);
  });
});

describe('window title', () => {
  it('marks unsaved documents the platform way', () => {
    expect(windowTitleFor('rag.preflight.json — Preflight', true, 'linux')).toEqual({ title: '• rag.preflight.json — Preflight', documentEdited: false });
    expect(windowTitleFor('rag.preflight.json — Preflight', true, 'darwin')).toEqual({ title: 'rag.preflight.json — Preflight', documentEdited: true });
    expect(windowTitleFor('x', false, 'win32')).toEqual({ title: 'x', documentEdited: false });
    expect(windowTitleFor('  ', false, 'linux').title).toBe('Preflight');
  });
});
