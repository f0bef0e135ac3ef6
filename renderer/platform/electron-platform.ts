import type { PreflightApi } from '../../electron/contract/api';
import type { Platform } from './platform';

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** What the save dialog's file-type list calls an export (rather than its MIME type). */
const FILTER_NAMES: Record<string, string> = { 'text/html': 'HTML report', 'application/pdf': 'PDF document', 'text/csv': 'CSV spreadsheet', 'application/json': 'JSON' };

/** The desktop platform: each method is one call of the preload bridge (`window.preflight`). */
export function createElectronPlatform(api: PreflightApi, pickFile: (accept: string) => Promise<File | null>): Platform {
  return {
    kind: 'electron',
    openPipeline: () => api.openPipeline(),
    // Imports are read by the page itself (a file input shows the native dialog): main never touches them.
    async openTextFile({ accept }) {
      const file = await pickFile(accept.join(','));
      return file ? { name: file.name, text: await file.text() } : null;
    },
    readRecent: (path) => api.readPipeline({ path }),
    async savePipeline({ path, suggestedName, text, saveAs }) {
      if (path && !saveAs) {
        const saved = await api.savePipeline({ path, text });
        return { path: saved.path, name: fileName(saved.path) };
      }
      return api.savePipelineAs({ suggestedName, text });
    },
    listRecent: () => api.listRecent(),
    writeAutosave: (entry) => api.writeAutosave(entry),
    readAutosave: () => api.readAutosave(),
    clearAutosave: () => api.clearAutosave(),
    setTitle: (title, dirty) => api.setTitle({ title, dirty }),
    // A copy gives the bytes their own ArrayBuffer (the contract refuses shared buffers).
    saveExport: ({ suggestedName, data, mime, extensions }) =>
      api.saveExport({ suggestedName, data: typeof data === 'string' ? data : new Uint8Array(data), filters: [{ name: FILTER_NAMES[mime] ?? mime, extensions }] }),
    printToPdf: (html) => api.printToPdf({ html }),
    startupDocument: () => api.startupDocument(),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}
