import type { BrowserWindow, FileFilter } from 'electron';
import path from 'node:path';
import { z } from 'zod';
import { ARGS, type OpenedFile, type PreflightApi, type RecentFile, type AutosaveEntry } from '../contract/api';
import { describeFileError, withPipelineExtension } from './pipeline-files';

/** The channels main answers: every PreflightApi function except the menu subscription. */
export type ApiMethod = Exclude<keyof PreflightApi, 'onMenuCommand'>;
type Result<K extends ApiMethod> = Awaited<ReturnType<PreflightApi[K]>>;
/** Arguments after validation (zod output, e.g. defaults applied). */
export type ParsedArg<K extends ApiMethod> = K extends keyof typeof ARGS ? z.output<(typeof ARGS)[K]> : undefined;

/** Channels without an argument accept exactly nothing. */
const NO_ARGUMENT = z.undefined();

export interface HandlerContext {
  /** The window whose page called (null if it is already gone). */
  window: BrowserWindow | null;
}

export interface HandlerSpec<K extends ApiMethod> {
  /** 'invoke' answers with a promise; 'send' is fire-and-forget (setTitle). */
  kind: 'invoke' | 'send';
  args: z.ZodType<ParsedArg<K>>;
  run(arg: ParsedArg<K>, context: HandlerContext): Promise<Result<K>> | Result<K>;
}

/** One entry per channel: the mapped type makes a missing handler a compile error. */
export type HandlerTable = { [K in ApiMethod]: HandlerSpec<K> };

/** What the handlers need from the rest of main (fakes in tests). */
export interface IpcDependencies {
  dialogs: {
    openPipeline(window: BrowserWindow | null): Promise<string | null>;
    savePipeline(window: BrowserWindow | null, suggestedName: string): Promise<string | null>;
    saveExport(window: BrowserWindow | null, suggestedName: string, filters: FileFilter[]): Promise<string | null>;
  };
  files: {
    read(filePath: string): Promise<OpenedFile>;
    write(filePath: string, data: string | Uint8Array): Promise<void>;
  };
  recent: {
    list(): Promise<RecentFile[]>;
    add(filePath: string): Promise<void>;
    contains(filePath: string): Promise<boolean>;
  };
  grants: { grant(filePath: string): void; has(filePath: string): boolean };
  autosave: {
    read(): Promise<AutosaveEntry | null>;
    write(entry: { text: string; documentPath: string | null }): Promise<void>;
    clear(): Promise<void>;
  };
  startupDocumentPath(): string | null;
  printToPdf(html: string): Promise<Uint8Array>;
  setTitle(window: BrowserWindow | null, title: string, dirty: boolean): void;
  /** A save the close guard may be waiting for did not happen (cancelled or failed). */
  saveAbandoned(window: BrowserWindow | null): void;
  log(message: string): void;
}

/** The renderer names paths only for files the user picked (now or in an earlier session). */
async function assertMayAccess(deps: IpcDependencies, filePath: string): Promise<string> {
  if (!path.isAbsolute(filePath)) throw new Error(`Expected an absolute path, received "${filePath}".`);
  const resolved = path.resolve(filePath);
  if (deps.grants.has(resolved) || (await deps.recent.contains(resolved))) return resolved;
  throw new Error(`Preflight only reads and writes files you opened or saved with it; use Open… or Save As… for "${path.basename(resolved)}".`);
}

async function writeOrExplain(deps: IpcDependencies, filePath: string, data: string | Uint8Array): Promise<void> {
  try {
    await deps.files.write(filePath, data);
  } catch (error) {
    throw new Error(describeFileError(error, path.basename(filePath), filePath, 'write'), { cause: error });
  }
}

/** Remembers a file the user worked with: allowed from now on, and listed under Open Recent. */
async function remember(deps: IpcDependencies, filePath: string): Promise<void> {
  deps.grants.grant(filePath);
  await deps.recent.add(filePath).catch((error: unknown) => deps.log(`Could not update recent files: ${String(error)}`));
}

export function createIpcHandlers(deps: IpcDependencies): HandlerTable {
  return {
    openPipeline: {
      kind: 'invoke',
      args: NO_ARGUMENT,
      async run(_arg, { window }) {
        const chosen = await deps.dialogs.openPipeline(window);
        if (chosen === null) return null;
        const file = await deps.files.read(chosen);
        await remember(deps, chosen);
        return file;
      },
    },
    readPipeline: {
      kind: 'invoke',
      args: ARGS.readPipeline,
      async run({ path: requested }) {
        const filePath = await assertMayAccess(deps, requested);
        const file = await deps.files.read(filePath);
        await remember(deps, filePath);
        return file;
      },
    },
    savePipeline: {
      kind: 'invoke',
      args: ARGS.savePipeline,
      async run({ path: requested, text }, { window }) {
        try {
          const filePath = await assertMayAccess(deps, requested);
          await writeOrExplain(deps, filePath, text);
          await remember(deps, filePath);
          return { path: filePath };
        } catch (error) {
          deps.saveAbandoned(window);
          throw error;
        }
      },
    },
    savePipelineAs: {
      kind: 'invoke',
      args: ARGS.savePipelineAs,
      async run({ suggestedName, text }, { window }) {
        try {
          const chosen = await deps.dialogs.savePipeline(window, suggestedName);
          if (chosen === null) {
            deps.saveAbandoned(window);
            return null;
          }
          const filePath = withPipelineExtension(chosen);
          await writeOrExplain(deps, filePath, text);
          await remember(deps, filePath);
          return { path: filePath, name: path.basename(filePath) };
        } catch (error) {
          deps.saveAbandoned(window);
          throw error;
        }
      },
    },
    listRecent: { kind: 'invoke', args: NO_ARGUMENT, run: () => deps.recent.list() },
    writeAutosave: { kind: 'invoke', args: ARGS.writeAutosave, run: (entry) => deps.autosave.write(entry) },
    readAutosave: { kind: 'invoke', args: NO_ARGUMENT, run: () => deps.autosave.read() },
    clearAutosave: { kind: 'invoke', args: NO_ARGUMENT, run: () => deps.autosave.clear() },
    setTitle: { kind: 'send', args: ARGS.setTitle, run: ({ title, dirty }, { window }) => deps.setTitle(window, title, dirty) },
    saveExport: {
      kind: 'invoke',
      args: ARGS.saveExport,
      async run({ suggestedName, data, filters }, { window }) {
        const chosen = await deps.dialogs.saveExport(window, suggestedName, filters);
        if (chosen === null) return null;
        await writeOrExplain(deps, chosen, data);
        return { path: chosen };
      },
    },
    printToPdf: { kind: 'invoke', args: ARGS.printToPdf, run: ({ html }) => deps.printToPdf(html) },
    startupDocument: {
      kind: 'invoke',
      args: NO_ARGUMENT,
      async run() {
        const filePath = deps.startupDocumentPath();
        if (filePath === null) return null;
        try {
          deps.grants.grant(filePath);
          return await deps.files.read(filePath);
        } catch (error) {
          deps.log(`Startup document unreadable: ${error instanceof Error ? error.message : String(error)}`);
          return null;
        }
      },
    },
  };
}
