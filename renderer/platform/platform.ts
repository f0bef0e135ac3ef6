import type { AutosaveEntry, MenuCommand, OpenedFile, RecentFile } from '../../electron/contract/api';

export type { AutosaveEntry, MenuCommand, OpenedFile, RecentFile };

/**
 * Everything the renderer needs from the machine it runs on. Two implementations: the Electron one
 * (calls window.preflight, the preload bridge) and the browser one (file pickers, downloads,
 * localStorage); the rest of the renderer only sees this interface.
 */
export interface Platform {
  readonly kind: 'electron' | 'web';
  openPipeline(): Promise<OpenedFile | null>;
  /** Picks any text file to import (price map, proxy config, traces); null when cancelled. Call it from a click. */
  openTextFile(args: { accept: string[] }): Promise<{ name: string; text: string } | null>;
  readRecent(path: string): Promise<OpenedFile>;
  /** Saves to `path` when known (desktop), otherwise asks where (desktop) or downloads (web). */
  savePipeline(args: { path: string | null; suggestedName: string; text: string; saveAs: boolean }): Promise<{ path: string; name: string } | null>;
  listRecent(): Promise<RecentFile[]>;
  writeAutosave(entry: { text: string; documentPath: string | null }): Promise<void>;
  readAutosave(): Promise<AutosaveEntry | null>;
  clearAutosave(): Promise<void>;
  setTitle(title: string, dirty: boolean): void;
  saveExport(args: { suggestedName: string; data: string | Uint8Array; mime: string; extensions: string[] }): Promise<{ path: string } | null>;
  /** PDF bytes of an HTML report (desktop: printToPDF); the web build prints through the browser instead. */
  printToPdf(html: string): Promise<Uint8Array | null>;
  startupDocument(): Promise<OpenedFile | null>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
