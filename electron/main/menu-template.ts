import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../contract/api';

/**
 * The application menu as plain data (no Electron calls), so tests can walk it. Commands that act on
 * the document go to the renderer as MenuCommands; text editing uses native roles.
 *
 * Accelerators always carry Cmd/Ctrl (or are F-keys), so none of them swallows a key a text field
 * needs. Esc (cancel run) and Delete/Backspace (delete selection) are left to the renderer, which
 * knows whether a text field has focus; the menu shows Delete as a hint only.
 */
export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  isDev: boolean;
  appName: string;
  recent: readonly RecentFile[];
  /** Delivers a command to the window the menu was used in (or the main window). */
  send(command: MenuCommand, window: BaseWindow | undefined): void;
  clearRecent(): void;
  /** Opens the README on disk; omitted when there is none. */
  openReadme?: () => void;
}

type Item = MenuItemConstructorOptions;

/** Windows/Linux menus treat `&` as a mnemonic marker; file names must show it literally. */
export function escapeMnemonic(label: string): string {
  return label.replace(/&/g, '&&');
}

export function buildMenuTemplate(options: MenuTemplateOptions): Item[] {
  const { platform } = options;
  const isMac = platform === 'darwin';
  const command = (label: string, cmd: MenuCommand, accelerator?: string, extra: Partial<Item> = {}): Item => ({
    label,
    accelerator,
    click: (_item, window) => options.send(cmd, window),
    ...extra,
  });
  const separator: Item = { type: 'separator' };

  const appMenu: Item = {
    label: options.appName,
    submenu: [
      command(`About ${options.appName}`, 'help.about'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: Item = {
    label: '&File',
    submenu: [
      command('New', 'file.new', 'CmdOrCtrl+N'),
      command('Open…', 'file.open', 'CmdOrCtrl+O'),
      { label: 'Open Recent', submenu: recentSubmenu(options) },
      separator,
      command('Save', 'file.save', 'CmdOrCtrl+S'),
      command('Save As…', 'file.saveAs', 'CmdOrCtrl+Shift+S'),
      separator,
      command('Export Report…', 'file.exportReport', 'CmdOrCtrl+Shift+E'),
      separator,
      isMac ? { role: 'close' } : { role: 'quit', label: 'E&xit' },
    ],
  };

  const editMenu: Item = {
    label: '&Edit',
    submenu: [
      // Not the native roles: undo/redo act on the pipeline's history (the renderer falls back to
      // the text field's own undo when one has focus).
      command('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
      command('Redo', 'edit.redo', platform === 'win32' ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z'),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      command('Select All Nodes', 'edit.selectAll', 'CmdOrCtrl+Shift+A'),
      command('Delete', 'edit.delete', 'Delete', { registerAccelerator: false }),
    ],
  };

  const developerItems: Item[] = options.isDev ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] : [];
  const viewMenu: Item = {
    label: '&View',
    submenu: [
      command('Fit to Screen', 'view.fit', 'CmdOrCtrl+Shift+F'),
      command('Auto-layout', 'view.autoLayout', 'CmdOrCtrl+Shift+L'),
      command('Toggle Minimap', 'view.toggleMinimap', 'CmdOrCtrl+Shift+M'),
      separator,
      ...developerItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const runMenu: Item = {
    label: '&Run',
    submenu: [
      command('Run Simulation', 'run.start', 'CmdOrCtrl+Enter'),
      // Esc also cancels, handled by the renderer (a menu-level Esc would fire inside text fields).
      command('Cancel Run', 'run.cancel', 'CmdOrCtrl+.'),
    ],
  };

  const helpItems: Item[] = [command('Documentation', 'help.docs', 'F1')];
  if (options.openReadme) helpItems.push({ label: 'Open README', click: () => options.openReadme?.() });
  if (!isMac) helpItems.push(separator, command(`About ${options.appName}`, 'help.about'));
  const helpMenu: Item = { role: 'help', label: '&Help', submenu: helpItems };

  const windowMenu: Item[] = isMac ? [{ role: 'windowMenu' }] : [];
  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, runMenu, ...windowMenu, helpMenu];
}

function recentSubmenu(options: MenuTemplateOptions): Item[] {
  const items: Item[] = options.recent.map((file) => ({
    label: escapeMnemonic(file.name),
    sublabel: file.path,
    toolTip: file.path,
    click: (_item, window) => options.send(`file.openRecent:${file.path}`, window),
  }));
  if (items.length === 0) items.push({ label: 'No Recent Files', enabled: false });
  items.push({ type: 'separator' }, { label: 'Clear Recently Opened', enabled: options.recent.length > 0, click: () => options.clearRecent() });
  return items;
}
