import type { AutosaveEntry, OpenedFile, Platform, RecentFile } from './platform';

/** What the browser platform needs from the page; injected so tests can run it without a browser. */
export interface WebEnvironment {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Shows a file picker; resolves null when the user cancels. */
  pickFile(accept: string): Promise<File | null>;
  /** Offers bytes as a download with this file name. */
  download(name: string, data: Blob): void;
  setDocumentTitle(title: string): void;
  now(): Date;
}

const KEYS = { recent: 'preflight.recent', autosave: 'preflight.autosave', file: (path: string) => `preflight.file:${path}` };
const MAX_RECENT = 8;
/** Recent files keep their text in browser storage (there is no disk to read them back from). */
const MAX_STORED_TEXT = 2_000_000;

/**
 * The browser platform (`npm run web`): file pickers and downloads instead of native dialogs, and
 * browser storage for recent files and the autosave slot. Web "paths" are `web:<file name>`.
 */
export function createWebPlatform(env: WebEnvironment): Platform {
  const readJson = <T>(key: string, fallback: T): T => {
    try {
      const text = env.storage.getItem(key);
      return text === null ? fallback : (JSON.parse(text) as T);
    } catch {
      return fallback;
    }
  };
  const remember = (file: { path: string; name: string }, text: string) => {
    const recent = readJson<RecentFile[]>(KEYS.recent, []).filter((r) => r.path !== file.path);
    const entry: RecentFile = { path: file.path, name: file.name, openedAt: env.now().toISOString() };
    const kept = [entry, ...recent].slice(0, MAX_RECENT);
    for (const dropped of recent.filter((r) => !kept.includes(r))) env.storage.removeItem(KEYS.file(dropped.path));
    try {
      if (text.length <= MAX_STORED_TEXT) env.storage.setItem(KEYS.file(file.path), text);
      env.storage.setItem(KEYS.recent, JSON.stringify(kept));
    } catch {
      // Storage full: the recent list is a convenience; saving and opening still work.
    }
  };

  return {
    kind: 'web',
    async openPipeline(): Promise<OpenedFile | null> {
      const file = await env.pickFile('.json,application/json');
      if (!file) return null;
      const text = await file.text();
      const opened = { path: `web:${file.name}`, name: file.name, text };
      remember(opened, text);
      return opened;
    },
    async openTextFile({ accept }) {
      const file = await env.pickFile(accept.join(','));
      return file ? { name: file.name, text: await file.text() } : null;
    },
    async readRecent(path) {
      const text = env.storage.getItem(KEYS.file(path));
      const entry = readJson<RecentFile[]>(KEYS.recent, []).find((r) => r.path === path);
      if (text === null || !entry) throw new Error(`${path.replace(/^web:/, '')} is no longer in this browser's storage; open it from disk instead`);
      remember(entry, text);
      return { path, name: entry.name, text };
    },
    async savePipeline({ path, suggestedName, text, saveAs }) {
      const name = path && !saveAs ? path.replace(/^web:/, '') : suggestedName;
      env.download(name, new Blob([text], { type: 'application/json' }));
      const saved = { path: `web:${name}`, name };
      remember(saved, text);
      return saved;
    },
    async listRecent() {
      return readJson<RecentFile[]>(KEYS.recent, []);
    },
    async writeAutosave({ text, documentPath }) {
      const entry: AutosaveEntry = { text, documentPath, savedAt: env.now().toISOString() };
      try {
        env.storage.setItem(KEYS.autosave, JSON.stringify(entry));
      } catch (e) {
        throw new Error(`autosave failed: browser storage is full (${e instanceof Error ? e.message : String(e)})`, { cause: e });
      }
    },
    async readAutosave() {
      const entry = readJson<AutosaveEntry | null>(KEYS.autosave, null);
      return entry && typeof entry.text === 'string' ? entry : null;
    },
    async clearAutosave() {
      env.storage.removeItem(KEYS.autosave);
    },
    setTitle(title, dirty) {
      env.setDocumentTitle(`${dirty ? '● ' : ''}${title}`);
    },
    async saveExport({ suggestedName, data, mime }) {
      env.download(suggestedName, new Blob([data as BlobPart], { type: mime }));
      return { path: suggestedName };
    },
    // The browser prints (and saves as PDF) through its own print dialog.
    printToPdf: async () => null,
    startupDocument: async () => null,
    onMenuCommand: () => () => {},
  };
}
