import { app, dialog, type BrowserWindow, type FileFilter, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import path from 'node:path';

/** Native dialogs, each attached to its window (sheet on macOS) when there is one. */

const PIPELINE_FILTERS: FileFilter[] = [
  { name: 'Preflight pipeline', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

function defaultFolder(): string {
  return app.getPath('documents');
}

export async function showOpenPipelineDialog(window: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = { title: 'Open pipeline', defaultPath: defaultFolder(), filters: PIPELINE_FILTERS, properties: ['openFile'] };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function showSave(window: BrowserWindow | null, options: SaveDialogOptions): Promise<string | null> {
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

export function showSavePipelineDialog(window: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  return showSave(window, {
    title: 'Save pipeline',
    defaultPath: path.join(defaultFolder(), suggestedName),
    filters: PIPELINE_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
}

export function showExportDialog(window: BrowserWindow | null, suggestedName: string, filters: FileFilter[]): Promise<string | null> {
  return showSave(window, {
    title: 'Export',
    defaultPath: path.join(defaultFolder(), suggestedName),
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
}

export type CloseChoice = 'save' | 'discard' | 'cancel';

/** Button order and the answer each index means; Escape and closing the box mean Cancel. */
export const SAVE_CHANGES_BUTTONS: ReadonlyArray<readonly [string, CloseChoice]> = [
  ['Save', 'save'],
  ["Don't Save", 'discard'],
  ['Cancel', 'cancel'],
];

export function closeChoiceFor(response: number): CloseChoice {
  return SAVE_CHANGES_BUTTONS[response]?.[1] ?? 'cancel';
}

export async function askSaveChanges(window: BrowserWindow): Promise<CloseChoice> {
  const options: MessageBoxOptions = {
    type: 'warning',
    message: `Save changes to "${window.getTitle().replace(/^•\s*/, '')}" before closing?`,
    detail: "Your changes will be lost if you don't save them.",
    buttons: SAVE_CHANGES_BUTTONS.map(([label]) => label),
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
  const { response } = await dialog.showMessageBox(window, options);
  return closeChoiceFor(response);
}
