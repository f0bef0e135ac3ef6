import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type MenuCommand } from '../../electron/contract/api';
import { createPreflightApi, isMenuCommand, type IpcRendererLike } from '../../electron/preload/bridge';
import { fakeElectron } from './helpers/fake-electron';

vi.mock('electron', async () => (await import('./helpers/fake-electron')).fakeElectron);

function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc = {
    invoke: vi.fn(async (..._args: unknown[]) => 'answer'),
    send: vi.fn(),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
    }),
  } satisfies IpcRendererLike;
  const emit = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((listener) => listener({ sender: 'ipcRenderer!' }, ...args));
  return { ipc, emit, listeners };
}

describe('window.preflight (preload bridge)', () => {
  it('has exactly one function per channel, nothing generic', () => {
    const api = createPreflightApi(fakeIpc().ipc);
    const expected = [...Object.keys(CHANNELS).filter((key) => key !== 'menuCommand'), 'onMenuCommand'].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('invokes each channel with its argument', async () => {
    const { ipc } = fakeIpc();
    const api = createPreflightApi(ipc);
    await api.openPipeline();
    await api.savePipeline({ path: '/a.json', text: '{}' });
    await api.printToPdf({ html: '<p>' });
    expect(ipc.invoke.mock.calls).toEqual([[CHANNELS.openPipeline], [CHANNELS.savePipeline, { path: '/a.json', text: '{}' }], [CHANNELS.printToPdf, { html: '<p>' }]]);
  });

  it('sends setTitle without waiting for an answer', () => {
    const { ipc } = fakeIpc();
    createPreflightApi(ipc).setTitle({ title: 'x', dirty: true });
    expect(ipc.send).toHaveBeenCalledWith(CHANNELS.setTitle, { title: 'x', dirty: true });
  });

  it('passes menu commands (not the IPC event) to listeners, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const received: MenuCommand[] = [];
    const unsubscribe = createPreflightApi(ipc).onMenuCommand((command) => received.push(command));
    emit(CHANNELS.menuCommand, 'run.start');
    emit(CHANNELS.menuCommand, 'file.openRecent:/a.json');
    emit(CHANNELS.menuCommand, 'rm -rf');
    emit(CHANNELS.menuCommand, { command: 'run.start' });
    expect(received).toEqual(['run.start', 'file.openRecent:/a.json']);
    unsubscribe();
    expect(listeners.get(CHANNELS.menuCommand)?.size).toBe(0);
  });

  it('recognises menu commands', () => {
    expect(isMenuCommand('help.about')).toBe(true);
    expect(isMenuCommand('file.openRecent:')).toBe(false);
    expect(isMenuCommand(42)).toBe(false);
  });

  it('exposes the bridge as window.preflight through contextBridge', async () => {
    await import('../../electron/preload/index');
    const exposed = fakeElectron.contextBridge.exposed.get('preflight') as Record<string, unknown>;
    expect(Object.keys(exposed)).toContain('onMenuCommand');
  });
});
