import { createAppActions } from '../../../renderer/app/app-actions';
import type { AppServices } from '../../../renderer/app/app-context';
import type { Platform } from '../../../renderer/platform/platform';
import { createDocumentStore } from '../../../renderer/stores/document/document-store';
import { createRunStore } from '../../../renderer/stores/run-store';
import { createUiStore } from '../../../renderer/stores/ui-store';
import { createValidationStore } from '../../../renderer/stores/validation-store';
import { createRunHandler } from '../../../renderer/workers/run-handler';
import type { SimulationClient } from '../../../renderer/workers/simulation-client';

/** The worker's handler run in-process: the same code path as the Web Worker, minus the thread. */
export function inProcessClient(): SimulationClient {
  let next = 1;
  const listeners = new Map<number, (m: Parameters<Parameters<SimulationClient['start']>[1]>[0]) => void>();
  const handle = createRunHandler({
    post: (m) => {
      if (m.type === 'rejected') throw new Error(m.message);
      listeners.get(m.runId)?.(m);
    },
    yieldControl: () => new Promise((r) => setTimeout(r, 0)),
    now: () => performance.now(),
  });
  return {
    start(request, listener) {
      const runId = next++;
      listeners.set(runId, listener);
      setTimeout(() => void handle({ type: 'run', runId, ...request }), 0);
      return runId;
    },
    cancel: (runId) => void handle({ type: 'cancel', runId }),
    dispose: () => listeners.clear(),
  };
}

export interface FakePlatform extends Platform {
  saved: Array<{ path: string | null; suggestedName: string; text: string; saveAs: boolean }>;
  autosave: { text: string; documentPath: string | null } | null;
  toOpen: { path: string; name: string; text: string } | null;
  /** What openTextFile returns (an import file), null for a cancelled picker. */
  toImport: { name: string; text: string } | null;
}

export function fakePlatform(): FakePlatform {
  const p: FakePlatform = {
    kind: 'web',
    saved: [],
    autosave: null,
    toOpen: null,
    toImport: null,
    openPipeline: async () => p.toOpen,
    openTextFile: async () => p.toImport,
    readRecent: async (path) => ({ path, name: path, text: '{}' }),
    savePipeline: async (args) => {
      p.saved.push(args);
      const name = args.path && !args.saveAs ? args.path.split('/').pop()! : args.suggestedName;
      return { path: `/files/${name}`, name };
    },
    listRecent: async () => [],
    writeAutosave: async (entry) => void (p.autosave = entry),
    readAutosave: async () => (p.autosave ? { ...p.autosave, savedAt: '2026-11-27T00:00:00Z' } : null),
    clearAutosave: async () => void (p.autosave = null),
    setTitle: () => undefined,
    saveExport: async () => ({ path: 'x' }),
    printToPdf: async () => null,
    startupDocument: async () => null,
    onMenuCommand: () => () => undefined,
  };
  return p;
}

export function testServices(platform: FakePlatform = fakePlatform()): AppServices & { platform: FakePlatform } {
  const documents = createDocumentStore();
  const base = { platform, documents, validation: createValidationStore(documents, 5), runs: createRunStore(inProcessClient(), 20_000), ui: createUiStore() };
  return { ...base, actions: createAppActions(base) };
}

/** Resolves when the run store leaves 'running'. */
export function runFinished(s: AppServices): Promise<void> {
  return new Promise((resolve) => {
    const stop = s.runs.subscribe((state) => {
      if (state.status !== 'running') {
        stop();
        resolve();
      }
    });
  });
}
