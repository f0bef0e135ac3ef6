// Values from channels.ts (zod-free); api.ts is imported for types only, so zod stays out of the bundle.
import type { MenuCommand, PreflightApi } from '../contract/api';
import { CHANNELS, MENU_COMMANDS } from '../contract/channels';

/** The part of ipcRenderer the bridge uses (a fake in tests). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const RECENT_PREFIX = 'file.openRecent:';
const KNOWN_COMMANDS: ReadonlySet<string> = new Set(MENU_COMMANDS);

/** Only well-formed commands reach the page, whatever arrives on the channel. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'string') return false;
  return KNOWN_COMMANDS.has(value) || (value.startsWith(RECENT_PREFIX) && value.length > RECENT_PREFIX.length);
}

/**
 * `window.preflight`: one named function per channel, nothing generic (no `invoke(channel, …)` the
 * page could point at any channel), and no Electron object ever handed to the page (listeners get
 * the command, not the IPC event, whose `sender` would leak ipcRenderer).
 */
export function createPreflightApi(ipc: IpcRendererLike): PreflightApi {
  const invoke = <T>(channel: string, ...args: unknown[]) => ipc.invoke(channel, ...args) as Promise<T>;
  return {
    openPipeline: () => invoke(CHANNELS.openPipeline),
    readPipeline: (args) => invoke(CHANNELS.readPipeline, args),
    savePipeline: (args) => invoke(CHANNELS.savePipeline, args),
    savePipelineAs: (args) => invoke(CHANNELS.savePipelineAs, args),
    listRecent: () => invoke(CHANNELS.listRecent),
    writeAutosave: (args) => invoke(CHANNELS.writeAutosave, args),
    readAutosave: () => invoke(CHANNELS.readAutosave),
    clearAutosave: () => invoke(CHANNELS.clearAutosave),
    setTitle: (args) => ipc.send(CHANNELS.setTitle, args),
    saveExport: (args) => invoke(CHANNELS.saveExport, args),
    printToPdf: (args) => invoke(CHANNELS.printToPdf, args),
    startupDocument: () => invoke(CHANNELS.startupDocument),
    onMenuCommand(listener) {
      const forward = (_event: unknown, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(CHANNELS.menuCommand, forward);
      return () => {
        ipc.removeListener(CHANNELS.menuCommand, forward);
      };
    },
  };
}
