import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

const { Menu } = vi.hoisted(() => ({
  Menu: {
    buildFromTemplate: vi.fn((t: unknown) => ({ template: t })),
    setApplicationMenu: vi.fn(),
  },
}));
vi.mock('electron', () => ({ Menu }));

import { buildMenuTemplate, DOCS_URL, installAppMenu, type MenuOptions } from './menu';

const opts = (o: Partial<MenuOptions> = {}): MenuOptions => ({
  isMac: false,
  isPackaged: true,
  appName: 'Signwright',
  openLogs: vi.fn(),
  openExternal: vi.fn(),
  ...o,
});

type Item = MenuItemConstructorOptions;
const items = (t: Item[]): Item[] =>
  t.flatMap((m) => [m, ...items((m.submenu as Item[] | undefined) ?? [])]);
const roles = (t: Item[]) =>
  items(t)
    .map((i) => i.role)
    .filter(Boolean);
const menu = (t: Item[], label: string) =>
  (t.find((m) => m.label?.replace('&', '') === label)?.submenu ?? []) as Item[];

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help with the usual roles on Windows and Linux', () => {
    const t = buildMenuTemplate(opts());
    expect(t.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(menu(t, 'Edit').map((i) => i.role ?? i.type)).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'delete',
      'separator',
      'selectAll',
    ]);
    expect(menu(t, 'File').find((i) => i.role === 'quit')?.accelerator).toBe('Ctrl+Q');
    expect(menu(t, 'View')).toEqual(
      expect.arrayContaining([
        { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { role: 'togglefullscreen' },
      ]),
    );
    expect(roles(t)).toContain('about');
    expect(roles(t)).not.toContain('services');
  });

  it('has no DevTools and no reload in the packaged app, both in development', () => {
    for (const r of ['toggleDevTools', 'reload', 'forceReload']) {
      expect(roles(buildMenuTemplate(opts({ isPackaged: true })))).not.toContain(r);
      expect(roles(buildMenuTemplate(opts({ isPackaged: false })))).toContain(r);
    }
  });

  it('on macOS starts with the app menu (about, services, hide, quit) and uses the mac roles', () => {
    const t = buildMenuTemplate(opts({ isMac: true }));
    expect(t[0].label).toBe('Signwright');
    expect((t[0].submenu as Item[]).map((i) => i.role).filter(Boolean)).toEqual([
      'about',
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
    expect(menu(t, 'File')).toEqual([{ role: 'close' }]);
    expect(roles(t)).toEqual(expect.arrayContaining(['pasteAndMatchStyle', 'front', 'zoom']));
    // quit appears once, in the app menu
    expect(roles(t).filter((r) => r === 'quit')).toHaveLength(1);
  });

  it('Help opens the documentation through openExternal and the logs folder through openLogs', () => {
    const o = opts();
    const t = buildMenuTemplate(o);
    const click = (label: string) =>
      (items(t).find((i) => i.label === label)?.click as () => void)();
    click('Signwright Documentation');
    expect(o.openExternal).toHaveBeenCalledWith(DOCS_URL);
    click('Open Logs Folder');
    expect(o.openLogs).toHaveBeenCalledTimes(1);
  });

  it('installAppMenu builds the template and sets it as the application menu', () => {
    const m = installAppMenu(opts());
    const [template] = Menu.buildFromTemplate.mock.calls[0] as [Item[]];
    expect(template.map((i) => i.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(m);
  });
});
