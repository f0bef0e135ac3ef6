import { z } from 'zod';
import type { MenuCommand } from './channels';

export { CHANNELS, MENU_COMMANDS, type MenuCommand } from './channels';

/**
 * The IPC contract between the Electron main process and the renderer, in one place.
 *
 * - `CHANNELS`: one channel per operation (no generic invoke); with `MENU_COMMANDS` it lives in
 *   ./channels.ts, free of zod, so the sandboxed preload bundle stays small. Both are re-exported here.
 * - `ARGS`: the zod schema main uses to validate each handler's argument (never trust the renderer).
 * - `PreflightApi`: what the preload exposes as `window.preflight`, one function per channel.
 *
 * The renderer imports types only from this file (`import type`); main and preload import the values.
 */

/** Text of a pipeline file is capped so a runaway renderer cannot make main write gigabytes. */
const MAX_TEXT = 50 * 1024 * 1024;
const FilePath = z.string().min(1).max(4096);
const Text = z.string().max(MAX_TEXT);
const FileName = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => !/[\\/]/.test(n), 'a file name, not a path');

export const ARGS = {
  readPipeline: z.object({ path: FilePath }).strict(),
  savePipeline: z.object({ path: FilePath, text: Text }).strict(),
  savePipelineAs: z.object({ suggestedName: FileName, text: Text }).strict(),
  writeAutosave: z.object({ text: Text, documentPath: FilePath.nullable() }).strict(),
  setTitle: z.object({ title: z.string().max(500), dirty: z.boolean() }).strict(),
  saveExport: z
    .object({
      suggestedName: FileName,
      data: z.union([Text, z.instanceof(Uint8Array)]),
      filters: z.array(z.object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).min(1) }).strict()).max(10),
    })
    .strict(),
  printToPdf: z.object({ html: Text }).strict(),
} as const;

export interface OpenedFile {
  path: string;
  /** File name without folders, for the title bar. */
  name: string;
  text: string;
}

export interface RecentFile {
  path: string;
  name: string;
  /** ISO 8601 time it was last opened or saved. */
  openedAt: string;
}

export interface AutosaveEntry {
  text: string;
  /** The file the autosaved document belongs to (null for an unsaved document). */
  documentPath: string | null;
  /** ISO 8601 time of the autosave. */
  savedAt: string;
}

export interface PreflightApi {
  /** Shows the open dialog; null when cancelled. */
  openPipeline(): Promise<OpenedFile | null>;
  /** Reads a file by path (recent files). Rejects with a readable message if it is gone. */
  readPipeline(args: z.input<typeof ARGS.readPipeline>): Promise<OpenedFile>;
  /** Writes atomically (temp file + rename) and records it in recent files. */
  savePipeline(args: z.input<typeof ARGS.savePipeline>): Promise<{ path: string }>;
  /** Shows the save dialog then writes atomically; null when cancelled. */
  savePipelineAs(args: z.input<typeof ARGS.savePipelineAs>): Promise<{ path: string; name: string } | null>;
  listRecent(): Promise<RecentFile[]>;
  writeAutosave(args: z.input<typeof ARGS.writeAutosave>): Promise<void>;
  readAutosave(): Promise<AutosaveEntry | null>;
  clearAutosave(): Promise<void>;
  setTitle(args: z.input<typeof ARGS.setTitle>): void;
  /** Save dialog for an exported file (report, CSV, JSON, OTLP); null when cancelled. */
  saveExport(args: z.input<typeof ARGS.saveExport>): Promise<{ path: string } | null>;
  /** Renders HTML in a hidden window and returns the PDF bytes (Electron's printToPDF). */
  printToPdf(args: z.input<typeof ARGS.printToPdf>): Promise<Uint8Array>;
  /** The document the app was started with (the example pipeline for `npm start`), or null. */
  startupDocument(): Promise<OpenedFile | null>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside the Electron app (the preload bridge); undefined in the browser build. */
    preflight?: PreflightApi;
  }
}
