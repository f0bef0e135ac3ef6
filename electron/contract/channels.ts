/**
 * The channel names and menu commands of the IPC contract (see ./api.ts, which re-exports them).
 * Kept free of zod so the preload bundle, which needs only these names, does not carry a validator.
 */
export const CHANNELS = {
  openPipeline: 'pipeline:open',
  readPipeline: 'pipeline:read',
  savePipeline: 'pipeline:save',
  savePipelineAs: 'pipeline:save-as',
  listRecent: 'recent:list',
  writeAutosave: 'autosave:write',
  readAutosave: 'autosave:read',
  clearAutosave: 'autosave:clear',
  setTitle: 'window:set-title',
  saveExport: 'export:save',
  printToPdf: 'report:print-to-pdf',
  startupDocument: 'app:startup-document',
  menuCommand: 'menu:command',
} as const;

/** Commands the native menu sends to the renderer (the renderer's own shortcuts do the same). */
export const MENU_COMMANDS = [
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
  'file.exportReport',
  'edit.undo',
  'edit.redo',
  'edit.selectAll',
  'edit.delete',
  'view.fit',
  'view.autoLayout',
  'view.toggleMinimap',
  'run.start',
  'run.cancel',
  'help.docs',
  'help.about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number] | `file.openRecent:${string}`;
