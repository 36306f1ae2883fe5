import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** process.platform === 'darwin': the app menu comes first and Window/Help get their mac roles */
  isMac: boolean;
  /** app.isPackaged: DevTools and reload exist only in development builds */
  isPackaged: boolean;
  appName: string;
  /** opens the log folder (shell.openPath), for support */
  openLogs: () => void;
  /** opens a URL through the vetted openExternal of window-security.ts */
  openExternal: (url: string) => void;
}

export const DOCS_URL = 'https://docs.signwright.com/';
export const SUPPORT_URL = 'https://www.signwright.com/support';

/**
 * The application menu as a template (Electron's "Menu" docs): the platform's usual roles,
 * which bring their own accelerators (Cmd/Ctrl+Z, X, C, V, A, Q, W, M, F11/Ctrl+Cmd+F), the
 * mac app menu, zoom on Ctrl+= / Ctrl+- / Ctrl+0. A packaged app has no DevTools and no reload
 * (a reload would drop the form being typed). Pure: tests check it without a menu.
 */
export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const dev: MenuItemConstructorOptions[] = o.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, sep];
  const template: MenuItemConstructorOptions[] = [];
  if (o.isMac) {
    template.push({
      label: o.appName,
      submenu: [
        { role: 'about' },
        sep,
        { role: 'services' },
        sep,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        sep,
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: o.isMac
        ? [{ role: 'close' }]
        : [
            { label: 'Open Logs Folder', click: () => o.openLogs() },
            sep,
            { role: 'quit', accelerator: 'Ctrl+Q' },
          ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(o.isMac
          ? ([{ role: 'pasteAndMatchStyle' }, { role: 'delete' }] as MenuItemConstructorOptions[])
          : [{ role: 'delete' } as MenuItemConstructorOptions]),
        sep,
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...dev,
        { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        // '=' is the unshifted key of '+' on US keyboards; Electron's default wants Shift
        { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        sep,
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Window',
      role: 'windowMenu',
      submenu: o.isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { label: `${o.appName} Documentation`, click: () => o.openExternal(DOCS_URL) },
        { label: 'Support', click: () => o.openExternal(SUPPORT_URL) },
        ...(o.isMac ? [sep, { label: 'Open Logs Folder', click: () => o.openLogs() }] : []),
        ...(o.isMac ? [] : [sep, { role: 'about' } as MenuItemConstructorOptions]),
      ],
    },
  );
  return template;
}

/** Builds the template and makes it the application menu (every window). */
export function installAppMenu(o: MenuOptions): Menu {
  const menu = Menu.buildFromTemplate(buildMenuTemplate(o));
  Menu.setApplicationMenu(menu);
  return menu;
}
