import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../electron/contract/api';
import { createFakeElectron, FakeWebContents, type FakeBrowserWindow } from './helpers/fake-electron';

// vi.mock factories are cached for the whole file; each boot installs its own fake with vi.doMock.

const originalArgv = process.argv;

afterEach(() => {
  process.argv = originalArgv;
});

/** Loads main/index.ts afresh against a fresh fake Electron, as `electron . [args]` would. */
async function boot(options: { withWebBuild: boolean; args?: string[] }) {
  vi.resetModules();
  const electron = createFakeElectron();
  vi.doMock('electron', () => electron);
  const appPath = mkdtempSync(path.join(tmpdir(), 'preflight-app-'));
  if (options.withWebBuild) {
    mkdirSync(path.join(appPath, 'dist-web'));
    writeFileSync(path.join(appPath, 'dist-web', 'index.html'), '<!doctype html>');
  }
  electron.app.appPath = appPath;
  electron.app.paths.appData = path.join(appPath, 'appData');
  electron.BrowserWindow.created = [];
  process.argv = ['electron', '.', ...(options.args ?? [])];
  await import('../../electron/main/index');
  return electron;
}

describe('main process lifecycle', () => {
  it('before ready: registers the app scheme as privileged, enforces the sandbox, guards all web contents', async () => {
    const electron = await boot({ withWebBuild: true });
    expect(electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(electron.app.getPath('userData')).toBe(path.join(electron.app.paths.appData!, 'Preflight'));

    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    const navigation = { preventDefault: vi.fn() };
    contents.emit('will-navigate', navigation, 'https://evil.example/');
    expect(navigation.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('on ready: serves app://, locks the session, answers IPC, sets the menu and opens the window', async () => {
    const electron = await boot({ withWebBuild: true, args: ['--open', 'examples/optimized-rag.preflight.json'] });
    electron.app.becomeReady();
    await vi.waitFor(() => expect(electron.BrowserWindow.created).toHaveLength(1));

    expect([...electron.protocol.handlers.keys()]).toEqual(['app']);
    expect(electron.session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(electron.ipcMain.handlers.size + electron.ipcMain.listeners.size).toBe(Object.keys(CHANNELS).length - 1);
    expect(electron.Menu.applied.length).toBeGreaterThan(0);

    const window = electron.BrowserWindow.created[0] as FakeBrowserWindow;
    expect(window.loadedUrls).toEqual(['app://preflight/index.html']);
    expect(window.options).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });

    const frame = { sender: window.webContents, senderFrame: { url: 'app://preflight/index.html' } };
    const startup = await electron.ipcMain.handlers.get(CHANNELS.startupDocument)!(frame);
    expect(startup).toMatchObject({ name: 'optimized-rag.preflight.json', path: path.resolve('examples/optimized-rag.preflight.json') });
  });

  it('setTitle marks the window dirty, so closing asks first', async () => {
    const electron = await boot({ withWebBuild: true });
    electron.app.becomeReady();
    await vi.waitFor(() => expect(electron.BrowserWindow.created).toHaveLength(1));
    const window = electron.BrowserWindow.created[0] as FakeBrowserWindow;
    const frame = { sender: window.webContents, senderFrame: { url: 'app://preflight/index.html' } };
    electron.ipcMain.listeners.get(CHANNELS.setTitle)!(frame, { title: 'rag.preflight.json — Preflight', dirty: true });
    expect(window.title).toBe(process.platform === 'darwin' ? 'rag.preflight.json — Preflight' : '• rag.preflight.json — Preflight');
    const close = { preventDefault: vi.fn() };
    window.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
  });

  it('without the renderer build, says what to run and quits', async () => {
    const electron = await boot({ withWebBuild: false });
    const errorBox = vi.spyOn(electron.dialog, 'showErrorBox');
    electron.app.becomeReady();
    await vi.waitFor(() => expect(electron.app.quitCalls).toBe(1));
    expect(errorBox.mock.calls[0]?.[1]).toMatch(/npm run build:web/);
    expect(electron.BrowserWindow.created).toHaveLength(0);
  });
});
