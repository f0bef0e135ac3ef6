/**
 * A stand-in for the 'electron' module (a real import would try to download the binary). Tests use
 * it with `vi.mock('electron', async () => (await import('./helpers/fake-electron')).fakeElectron)`;
 * every object records what main did to it.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  sent: Array<[string, ...unknown[]]> = [];
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  loading = false;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
  isLoading(): boolean {
    return this.loading;
  }
  async printToPDF(): Promise<Uint8Array> {
    return new Uint8Array([37, 80, 68, 70]);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;
  static getFocusedWindow = () => FakeBrowserWindow.focused;
  static getAllWindows = () => FakeBrowserWindow.created.filter((w) => !w.destroyed);
  static fromWebContents = (contents: unknown) => FakeBrowserWindow.created.find((w) => w.webContents === contents) ?? null;

  readonly webContents = new FakeWebContents();
  loadedUrls: string[] = [];
  loadedFiles: string[] = [];
  title = '';
  destroyed = false;
  closeCalls = 0;
  documentEdited = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
  }
  async loadFile(file: string): Promise<void> {
    this.loadedFiles.push(file);
  }
  setTitle(title: string): void {
    this.title = title;
  }
  getTitle(): string {
    return this.title;
  }
  setDocumentEdited(edited: boolean): void {
    this.documentEdited = edited;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
  close(): void {
    this.closeCalls += 1;
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
}

export class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  beforeRequest: Listener | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: Listener) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermissionHandler = handler;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  appPath = process.cwd();
  paths: Record<string, string> = { appData: '/tmp/fake-appdata', documents: '/tmp/fake-documents', userData: '/tmp/fake-appdata/preflight' };
  sandboxEnabled = false;
  quitCalls = 0;
  ready = false;
  private readyResolve: (() => void) | null = null;
  private readonly readyPromise = new Promise<void>((resolve) => {
    this.readyResolve = resolve;
  });
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getPath(name: string): string {
    return this.paths[name] ?? `/tmp/fake-${name}`;
  }
  setPath(name: string, value: string): void {
    this.paths[name] = value;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** Test helper: fire 'ready'. */
  becomeReady(): void {
    this.ready = true;
    this.readyResolve?.();
  }
  quit(): void {
    this.quitCalls += 1;
  }
}

/** A fresh fake module (main-lifecycle tests boot main several times, each against its own app). */
export function createFakeElectron() {
  const fake = {
  app: new FakeApp(),
  BrowserWindow: FakeBrowserWindow,
  session: { defaultSession: new FakeSession(), fromPartition: () => new FakeSession() },
  protocol: {
    privileged: [] as unknown[],
    handlers: new Map<string, Listener>(),
    registerSchemesAsPrivileged(schemes: unknown[]) {
      this.privileged.push(...schemes);
    },
    handle(scheme: string, handler: Listener) {
      this.handlers.set(scheme, handler);
    },
  },
  ipcMain: {
    handlers: new Map<string, Listener>(),
    listeners: new Map<string, Listener>(),
    handle(channel: string, handler: Listener) {
      this.handlers.set(channel, handler);
    },
    on(channel: string, listener: Listener) {
      this.listeners.set(channel, listener);
    },
  },
  Menu: {
    applied: [] as unknown[],
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu(menu: unknown) {
      this.applied.push(menu);
    },
  },
  dialog: {
    showErrorBox: (_title: string, _content: string): void => undefined,
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    showMessageBox: async () => ({ response: 2, checkboxChecked: false }),
  },
  shell: { opened: [] as string[], openExternal: async (url: string) => void fake.shell.opened.push(url), openPath: async () => '' },
  contextBridge: { exposed: new Map<string, unknown>(), exposeInMainWorld: (key: string, api: unknown) => void fake.contextBridge.exposed.set(key, api) },
  ipcRenderer: { invoke: async () => undefined, send: () => undefined, on: () => undefined, removeListener: () => undefined },
  };
  return fake;
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

export const fakeElectron = createFakeElectron();
