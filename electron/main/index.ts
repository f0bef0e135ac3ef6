/**
 * Main process entry (bundled to dist-electron/main.cjs): app lifecycle and wiring. The decisions
 * live in small modules beside this one; this file only connects them to Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHANNELS, type RecentFile } from '../contract/api';
import { appLocations } from './app-paths';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { writeFileAtomic } from './atomic-write';
import { AutosaveSlot } from './autosave-slot';
import { CloseGuard } from './close-guard';
import { askSaveChanges, showExportDialog, showOpenPipelineDialog, showSavePipelineDialog } from './dialogs';
import { FileGrants } from './file-grants';
import { createIpcHandlers } from './ipc-handlers';
import { registerIpcHandlers } from './ipc-register';
import { createMainWindow, DocumentWindows } from './main-window';
import { buildMenuTemplate } from './menu-template';
import { readPipelineFile } from './pipeline-files';
import { printHtmlToPdf } from './print-to-pdf';
import { RecentFilesStore } from './recent-files';
import { guardWebContents, isSafeExternalUrl, lockDownSession } from './security';
import { checkDocumentPath, openArgument, resolveStartupDocument } from './startup-document';
import { windowTitleFor } from './window-title';

const log = (message: string): void => console.warn(`[preflight] ${message}`);

// --- Before `ready`: only these calls are allowed this early. ---------------------------------------
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
// Every renderer is sandboxed, whatever a future window's options say.
app.enableSandbox();
// One settings folder for development and packaged builds (the package name differs in case).
app.setPath('userData', path.join(app.getPath('appData'), 'Preflight'));

const isDev = !app.isPackaged;
const locations = appLocations({
  appPath: app.getAppPath(),
  mainDir: __dirname,
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  userDataDir: app.getPath('userData'),
});
const grants = new FileGrants();
const recent = new RecentFilesStore(locations.recentFilesPath);
const autosave = new AutosaveSlot(locations.autosavePath);
let startupPath: string | null = null;
/** macOS sends 'open-file' before 'ready' when a document is double-clicked to launch the app. */
let openedBeforeReady: string | null = null;
/** Set by Cmd+Q / quit so a close that waited for "Save changes?" can resume the quit. */
let quitRequested = false;

const closeGuard = new CloseGuard<BrowserWindow>({
  ask: askSaveChanges,
  requestSave: (window) => window.webContents.send(CHANNELS.menuCommand, 'file.save'),
  discardRecovery: () => autosave.clear(),
  closedAfterPrompt: () => {
    if (quitRequested) app.quit();
  },
  cancelled: () => {
    quitRequested = false;
  },
});

const windows = new DocumentWindows(() =>
  createMainWindow({ preloadPath: locations.preloadPath, isDev }, { onClose: (window, event) => closeGuard.onClose(window, event) }),
);

function openExternal(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

function installMenu(files: readonly RecentFile[]): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    isDev,
    appName: 'Preflight',
    recent: files,
    send: (command, window) => windows.send(command, window),
    clearRecent: () => void recent.clear(),
    openReadme: existsSync(locations.readmePath) ? () => void shell.openPath(locations.readmePath) : undefined,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** A document handed over by the OS or a second launch: allowed, then opened like a recent file. */
async function openFromOutside(candidate: string, cwd: string): Promise<void> {
  const check = await checkDocumentPath(candidate, cwd);
  if (!check.ok) return log(`Not opening ${candidate}: ${check.problem}.`);
  grants.grant(check.path);
  windows.send(`file.openRecent:${check.path}`);
  windows.focus();
}

function registerIpc(): void {
  const handlers = createIpcHandlers({
    dialogs: { openPipeline: showOpenPipelineDialog, savePipeline: showSavePipelineDialog, saveExport: showExportDialog },
    files: { read: readPipelineFile, write: (filePath, data) => writeFileAtomic(filePath, data) },
    recent,
    grants,
    autosave,
    startupDocumentPath: () => startupPath,
    printToPdf: printHtmlToPdf,
    setTitle: (window, title, dirty) => {
      if (!window) return;
      const shown = windowTitleFor(title, dirty, process.platform);
      window.setTitle(shown.title);
      if (process.platform === 'darwin') window.setDocumentEdited(shown.documentEdited);
      closeGuard.setDirty(window, dirty);
    },
    saveAbandoned: (window) => {
      if (window) closeGuard.saveAbandoned(window);
    },
    log,
  });
  registerIpcHandlers(ipcMain, handlers, { windowFor: (sender) => BrowserWindow.fromWebContents(sender), log });
}

async function start(): Promise<void> {
  const indexHtml = path.join(locations.webRoot, 'index.html');
  if (!existsSync(indexHtml)) {
    dialog.showErrorBox('Preflight cannot start', `The renderer build is missing (${indexHtml}).\nRun "npm run build:web" first.`);
    app.quit();
    return;
  }
  lockDownSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(locations.webRoot));
  const startup = await resolveStartupDocument({ argv: process.argv, cwd: process.cwd(), isPackaged: app.isPackaged, examplesDir: locations.examplesDir });
  if (startup.warning) log(startup.warning);
  const fromOs = openedBeforeReady === null ? null : await checkDocumentPath(openedBeforeReady, process.cwd());
  if (fromOs && !fromOs.ok) log(`Not opening ${openedBeforeReady}: ${fromOs.problem}.`);
  startupPath = fromOs?.ok ? fromOs.path : startup.path;
  if (startupPath) grants.grant(startupPath);
  registerIpc();
  recent.onChange(installMenu);
  installMenu(await recent.list().catch(() => []));
  windows.ensure();
}

// --- Lifecycle. ---------------------------------------------------------------------------------------
if (!app.requestSingleInstanceLock()) {
  // Another Preflight is running: it receives our argv through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!app.isReady()) return;
    const requested = openArgument(argv, app.isPackaged);
    if (requested) void openFromOutside(requested, workingDirectory);
    else windows.focus();
  });
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    if (app.isReady()) void openFromOutside(filePath, process.cwd());
    else openedBeforeReady = filePath;
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
  app.on('before-quit', () => {
    quitRequested = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitRequested) app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) windows.ensure();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Preflight cannot start', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}
