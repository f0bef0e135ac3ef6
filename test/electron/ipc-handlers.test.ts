import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow, IpcMain, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type AutosaveEntry } from '../../electron/contract/api';
import { writeFileAtomic } from '../../electron/main/atomic-write';
import { FileGrants } from '../../electron/main/file-grants';
import { createIpcHandlers, type IpcDependencies } from '../../electron/main/ipc-handlers';
import { registerIpcHandlers } from '../../electron/main/ipc-register';
import { readPipelineFile } from '../../electron/main/pipeline-files';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const APP_FRAME = { sender: {} as WebContents, senderFrame: { url: 'app://preflight/index.html' } };
const WINDOW = { id: 1 } as unknown as BrowserWindow;

let folder: string;
let deps: IpcDependencies;
let handlers: Map<string, Handler>;
let listeners: Map<string, Handler>;
let logged: string[];
let recentPaths: string[];
let chosenPath: string | null;

function setup() {
  handlers = new Map();
  listeners = new Map();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    on: (channel: string, listener: Handler) => void listeners.set(channel, listener),
  } as unknown as Pick<IpcMain, 'handle' | 'on'>;
  registerIpcHandlers(ipcMain, createIpcHandlers(deps), { windowFor: () => WINDOW, log: (m) => void logged.push(m) });
}

const invoke = (channel: string, ...args: unknown[]) => Promise.resolve(handlers.get(channel)!(APP_FRAME, ...args));

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'preflight-ipc-'));
  logged = [];
  recentPaths = [];
  chosenPath = null;
  let autosave: AutosaveEntry | null = null;
  deps = {
    dialogs: { openPipeline: async () => chosenPath, savePipeline: async () => chosenPath, saveExport: async () => chosenPath },
    files: { read: readPipelineFile, write: (p, data) => writeFileAtomic(p, data) },
    recent: {
      list: async () => recentPaths.map((p) => ({ path: p, name: path.basename(p), openedAt: '' })),
      add: async (p) => void recentPaths.unshift(p),
      contains: async (p) => recentPaths.includes(p),
    },
    grants: new FileGrants('linux'),
    autosave: {
      read: async () => autosave,
      write: async (entry) => void (autosave = { ...entry, savedAt: 'now' }),
      clear: async () => void (autosave = null),
    },
    startupDocumentPath: () => null,
    printToPdf: async () => new Uint8Array([1]),
    setTitle: vi.fn(),
    saveAbandoned: vi.fn(),
    log: (m) => void logged.push(m),
  };
  setup();
});

describe('IPC handler table', () => {
  it('answers every contract channel (menuCommand is main → renderer only)', () => {
    const answered = [...handlers.keys(), ...listeners.keys()].sort();
    const expected = Object.entries(CHANNELS).filter(([key]) => key !== 'menuCommand').map(([, channel]) => channel).sort();
    expect(answered).toEqual(expected);
    expect([...listeners.keys()]).toEqual([CHANNELS.setTitle]);
  });

  it.each([
    [CHANNELS.savePipeline, { path: '/x.json', text: 42 }, /text/],
    [CHANNELS.savePipeline, { text: '{}' }, /path/],
    [CHANNELS.readPipeline, { path: '' }, /path/],
    [CHANNELS.readPipeline, { path: '/x.json', extra: true }, /extra/],
    [CHANNELS.savePipelineAs, { suggestedName: '../../.bashrc', text: '' }, /suggestedName: a file name, not a path/],
    [CHANNELS.writeAutosave, { text: 'x' }, /documentPath/],
    [CHANNELS.saveExport, { suggestedName: 'r.csv', data: 'a', filters: [{ name: 'CSV', extensions: ['c s v'] }] }, /filters\.0\.extensions\.0/],
    [CHANNELS.printToPdf, { html: null }, /html/],
    [CHANNELS.readPipeline, 'just a string', /expected object/],
  ])('rejects bad arguments on %s, naming the field', async (channel, arg, message) => {
    await expect(invoke(channel, arg)).rejects.toThrow(message);
    await expect(invoke(channel, arg)).rejects.toThrow(`Invalid argument for ${channel}`);
  });

  it('refuses arguments on channels that take none, and extra positional arguments', async () => {
    await expect(invoke(CHANNELS.listRecent, { sneaky: 1 })).rejects.toThrow(/Invalid argument for recent:list/);
    await expect(invoke(CHANNELS.readAutosave, {}, {})).rejects.toThrow(/expected one argument, received 2/);
  });

  it('refuses calls from any frame that is not the app page', async () => {
    const foreign = { sender: {}, senderFrame: { url: 'https://evil.example/' } };
    await expect(Promise.resolve(handlers.get(CHANNELS.listRecent)!(foreign))).rejects.toThrow(/not the Preflight page/);
    await expect(Promise.resolve(handlers.get(CHANNELS.listRecent)!({ sender: {}, senderFrame: null }))).rejects.toThrow(/refused/);
  });

  it('drops (and logs) a setTitle with bad arguments instead of throwing', () => {
    listeners.get(CHANNELS.setTitle)!(APP_FRAME, { title: 'x', dirty: 'yes' });
    expect(deps.setTitle).not.toHaveBeenCalled();
    expect(logged.join('\n')).toMatch(/dirty/);
    listeners.get(CHANNELS.setTitle)!(APP_FRAME, { title: 'rag — Preflight', dirty: true });
    expect(deps.setTitle).toHaveBeenCalledWith(WINDOW, 'rag — Preflight', true);
  });
});

describe('file access', () => {
  it('opens a file chosen in the dialog, remembering it', async () => {
    const file = path.join(folder, 'rag.preflight.json');
    await writeFile(file, '{"version":1}');
    chosenPath = file;
    expect(await invoke(CHANNELS.openPipeline)).toEqual({ path: file, name: 'rag.preflight.json', text: '{"version":1}' });
    expect(recentPaths).toEqual([file]);
    expect(await invoke(CHANNELS.readPipeline, { path: file })).toMatchObject({ text: '{"version":1}' });
  });

  it('returns null when the open dialog is cancelled', async () => {
    expect(await invoke(CHANNELS.openPipeline)).toBeNull();
  });

  it('will not read or overwrite a path the user never chose', async () => {
    const secret = path.join(folder, 'id_rsa');
    await writeFile(secret, 'KEY');
    await expect(invoke(CHANNELS.readPipeline, { path: secret })).rejects.toThrow(/only reads and writes files you opened or saved/);
    await expect(invoke(CHANNELS.savePipeline, { path: secret, text: 'pwned' })).rejects.toThrow(/Save As/);
    expect(await readFile(secret, 'utf8')).toBe('KEY');
    expect(deps.saveAbandoned).toHaveBeenCalledWith(WINDOW);
  });

  it('reads files from the recent list (chosen in an earlier session), and refuses relative paths', async () => {
    const file = path.join(folder, 'old.preflight.json');
    await writeFile(file, '{}');
    recentPaths.push(file);
    expect(await invoke(CHANNELS.readPipeline, { path: file })).toMatchObject({ name: 'old.preflight.json' });
    await expect(invoke(CHANNELS.readPipeline, { path: 'old.preflight.json' })).rejects.toThrow(/absolute path/);
  });

  it('explains a vanished file in words', async () => {
    const gone = path.join(folder, 'gone.preflight.json');
    recentPaths.push(gone);
    await expect(invoke(CHANNELS.readPipeline, { path: gone })).rejects.toThrow(/"gone.preflight.json" no longer exists/);
  });

  it('saves as: dialog, atomic write, extension added when missing', async () => {
    chosenPath = path.join(folder, 'my-pipeline');
    const saved = await invoke(CHANNELS.savePipelineAs, { suggestedName: 'x.preflight.json', text: '{"a":1}' });
    const expected = path.join(folder, 'my-pipeline.preflight.json');
    expect(saved).toEqual({ path: expected, name: 'my-pipeline.preflight.json' });
    expect(await readFile(expected, 'utf8')).toBe('{"a":1}');
    // Now granted: plain Save to the same path works.
    expect(await invoke(CHANNELS.savePipeline, { path: expected, text: '{"a":2}' })).toEqual({ path: expected });
    expect(await readFile(expected, 'utf8')).toBe('{"a":2}');
  });

  it('reports a cancelled Save As to the close guard', async () => {
    expect(await invoke(CHANNELS.savePipelineAs, { suggestedName: 'x.preflight.json', text: '{}' })).toBeNull();
    expect(deps.saveAbandoned).toHaveBeenCalledWith(WINDOW);
  });

  it('exports text and bytes where the user chose', async () => {
    chosenPath = path.join(folder, 'report.pdf');
    const filters = [{ name: 'PDF', extensions: ['pdf'] }];
    expect(await invoke(CHANNELS.saveExport, { suggestedName: 'report.pdf', data: new Uint8Array([37, 80]), filters })).toEqual({ path: chosenPath });
    expect([...(await readFile(chosenPath))]).toEqual([37, 80]);
  });

  it('gives the startup document (and allows saving back to it), or null', async () => {
    expect(await invoke(CHANNELS.startupDocument)).toBeNull();
    const file = path.join(folder, 'start.preflight.json');
    await writeFile(file, '{}');
    deps.startupDocumentPath = () => file;
    setup();
    expect(await invoke(CHANNELS.startupDocument)).toEqual({ path: file, name: 'start.preflight.json', text: '{}' });
    await expect(invoke(CHANNELS.savePipeline, { path: file, text: '{"saved":true}' })).resolves.toEqual({ path: file });
  });

  it('round-trips the autosave slot', async () => {
    await invoke(CHANNELS.writeAutosave, { text: 'draft', documentPath: null });
    expect(await invoke(CHANNELS.readAutosave)).toMatchObject({ text: 'draft', documentPath: null });
    await invoke(CHANNELS.clearAutosave);
    expect(await invoke(CHANNELS.readAutosave)).toBeNull();
  });
});
