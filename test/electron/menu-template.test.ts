import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand, type RecentFile } from '../../electron/contract/api';
import { buildMenuTemplate, escapeMnemonic, type MenuTemplateOptions } from '../../electron/main/menu-template';

type Item = MenuItemConstructorOptions;
const PLATFORMS: NodeJS.Platform[] = ['darwin', 'linux', 'win32'];

function flatten(items: readonly Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function setup(overrides: Partial<MenuTemplateOptions> = {}) {
  const sent: MenuCommand[] = [];
  let cleared = 0;
  const template = buildMenuTemplate({
    platform: 'linux',
    isDev: false,
    appName: 'Preflight',
    recent: [],
    send: (command) => void sent.push(command),
    clearRecent: () => void (cleared += 1),
    ...overrides,
  });
  const items = flatten(template);
  const click = (item: Item) => (item.click as unknown as (...args: unknown[]) => void)(item, undefined, {});
  return { template, items, sent, click, cleared: () => cleared };
}

/** Clicks every item with a click handler and returns the commands they sent, by label. */
function commandsByLabel(overrides: Partial<MenuTemplateOptions> = {}): Map<string, { command: MenuCommand; accelerator?: string }> {
  const result = new Map<string, { command: MenuCommand; accelerator?: string }>();
  const { items, sent, click } = setup(overrides);
  for (const item of items.filter((i) => i.click)) {
    const before = sent.length;
    click(item);
    if (sent.length > before) result.set(item.label!, { command: sent.at(-1)!, accelerator: item.accelerator as string | undefined });
  }
  return result;
}

describe('application menu', () => {
  it.each(PLATFORMS)('reaches every menu command on %s', (platform) => {
    const reached = new Set([...commandsByLabel({ platform }).values()].map((entry) => entry.command));
    expect([...MENU_COMMANDS].filter((command) => !reached.has(command))).toEqual([]);
  });

  it.each(PLATFORMS)('has File, Edit, View, Run and Help on %s', (platform) => {
    const labels = setup({ platform }).template.map((menu) => (menu.label ?? '').replace('&', ''));
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Run', 'Help']));
    if (platform === 'darwin') expect(labels[0]).toBe('Preflight');
  });

  it('uses the usual shortcuts', () => {
    const byLabel = commandsByLabel();
    const shortcut = (label: string) => byLabel.get(label)?.accelerator;
    expect(shortcut('New')).toBe('CmdOrCtrl+N');
    expect(shortcut('Open…')).toBe('CmdOrCtrl+O');
    expect(shortcut('Save')).toBe('CmdOrCtrl+S');
    expect(shortcut('Save As…')).toBe('CmdOrCtrl+Shift+S');
    expect(shortcut('Undo')).toBe('CmdOrCtrl+Z');
    expect(shortcut('Redo')).toBe('CmdOrCtrl+Shift+Z');
    expect(shortcut('Run Simulation')).toBe('CmdOrCtrl+Enter');
    expect(shortcut('Cancel Run')).toBe('CmdOrCtrl+.');
    expect(shortcut('Documentation')).toBe('F1');
    expect(commandsByLabel({ platform: 'win32' }).get('Redo')?.accelerator).toBe('Ctrl+Y');
  });

  it.each(PLATFORMS)('never assigns one shortcut twice on %s', (platform) => {
    const accelerators = setup({ platform, isDev: true }).items.flatMap((item) => (item.accelerator ? [String(item.accelerator)] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('leaves Delete to the renderer (shown, not registered) so text fields keep the key', () => {
    const remove = setup().items.find((item) => item.label === 'Delete')!;
    expect(remove).toMatchObject({ accelerator: 'Delete', registerAccelerator: false });
  });

  it('uses native roles for clipboard and text selection', () => {
    const roles = setup().items.map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut']));
  });

  it('shows Reload and DevTools only in development', () => {
    const roles = (isDev: boolean) => setup({ isDev }).items.map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('lists recent files, opening each through a command that carries its path', () => {
    const recent: RecentFile[] = [
      { path: '/home/ada/R&D.preflight.json', name: 'R&D.preflight.json', openedAt: '2026-01-02T00:00:00Z' },
      { path: '/home/ada/rag.preflight.json', name: 'rag.preflight.json', openedAt: '2026-01-01T00:00:00Z' },
    ];
    const { items, sent, click, cleared } = setup({ recent });
    const first = items.find((item) => item.sublabel === recent[0]!.path)!;
    expect(first.label).toBe('R&&D.preflight.json');
    click(first);
    expect(sent).toEqual(['file.openRecent:/home/ada/R&D.preflight.json']);
    click(items.find((item) => item.label === 'Clear Recently Opened')!);
    expect(cleared()).toBe(1);
  });

  it('says so when there are no recent files', () => {
    const { items } = setup();
    expect(items.find((item) => item.label === 'No Recent Files')).toMatchObject({ enabled: false });
    expect(items.find((item) => item.label === 'Clear Recently Opened')).toMatchObject({ enabled: false });
  });

  it('offers the README only when there is one', () => {
    expect(setup().items.some((item) => item.label === 'Open README')).toBe(false);
    let opened = 0;
    const { items, click } = setup({ openReadme: () => void (opened += 1) });
    click(items.find((item) => item.label === 'Open README')!);
    expect(opened).toBe(1);
  });

  it('escapes mnemonic markers in file names', () => {
    expect(escapeMnemonic('A&B&&C')).toBe('A&&B&&&&C');
  });
});
