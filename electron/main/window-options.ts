import type { BrowserWindowConstructorOptions, Session, WebPreferences } from 'electron';

/**
 * Every webPreferences of every window lives in this file, so a security review reads one page.
 * Both windows share SECURE_WEB_PREFERENCES; each only adds what it needs.
 */
export const SECURE_WEB_PREFERENCES = {
  // The page cannot reach Node or the preload's scope; only `window.preflight` crosses over.
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  // Same-origin policy stays on; no http content inside our secure origin.
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  // Dropping a file on the window must not navigate away from the app.
  navigateOnDragDrop: false,
  // Spellcheck would download dictionaries from Google.
  spellcheck: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

export interface MainWindowSettings {
  /** Absolute path of dist-electron/preload.cjs. */
  preloadPath: string;
  /** DevTools only while developing. */
  isDev: boolean;
}

export function mainWindowOptions({ preloadPath, isDev }: MainWindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Preflight',
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#0f172a',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath, devTools: isDev },
  };
}

/**
 * The hidden window that renders report HTML for printToPDF: no preload (no IPC), no JavaScript
 * (the HTML is data, not code), its own in-memory session whose requests are filtered to the
 * report file itself (see print-to-pdf.ts).
 */
export function printWindowOptions(session: Session): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1024,
    height: 1400,
    webPreferences: { ...SECURE_WEB_PREFERENCES, session, javascript: false, devTools: false, images: true },
  };
}
