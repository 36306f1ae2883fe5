import { app, BrowserWindow, dialog, ipcMain, screen, session, shell } from 'electron';
import electronUpdater from 'electron-updater';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_VERSION } from '../engine';
import { appHandlers } from '../ipc/handlers/app';
import { createMainContext, type MainContext } from '../main-context';
import { SafeStorageCredentialStore } from './credentials';
import { createFileLogger } from '../services/logger';
import { loadSystemPolicy } from '../services/policy';
import { sqliteChannelStore, UpdateController } from '../services/updates';
import { createWorkState } from '../services/work-state';
import { DatabaseDamagedError, restoreBackup } from '../db/start-checks';
import { errorPageUrl, describeStartupError } from './error-page';
import { forwardEvents, isTrustedSender, registerIpcHost } from './ipc-host';
import { createAppOrigin } from './origin';
import { resolveAppPaths } from './paths';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { claimSingleInstance, focusWindow } from './single-instance';
import { installAppMenu } from './menu';
import { createElectronUpdaterPort } from './updater';
import {
  buildCsp,
  createOpenExternal,
  DEFAULT_EXTERNAL_HOSTS,
  installSessionSecurity,
  installWindowSecurity,
  secureWebPreferences,
} from './window-security';
import {
  loadWindowState,
  MIN_WINDOW,
  saveWindowState,
  trackWindowState,
  type WindowState,
} from './window-state';

/**
 * Electron entry (electron.vite.config.ts -> out/main/index.js). Wiring only: every decision is
 * in a pure module next to this file or in src-main/services.
 */

let mainWindow: BrowserWindow | null = null;

// Before 'ready': sandbox every renderer, and make app:// a privileged (https-like) scheme.
app.enableSandbox();
registerAppScheme();

if (!claimSingleInstance(app, () => focusWindow(mainWindow))) {
  app.quit();
} else {
  app.whenReady().then(start, (err: unknown) => {
    console.error('Signwright failed to start', err);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const mainDir = path.dirname(fileURLToPath(import.meta.url));
  const paths = resolveAppPaths({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    userData: app.getPath('userData'),
    mainDir,
    arch: process.arch,
    exists: (p) => fs.existsSync(p),
  });
  app.setAppLogsPath(paths.logsDir);
  const logger = await createFileLogger({ dir: paths.logsDir, echo: !app.isPackaged });
  logger.info('starting', { version: app.getVersion(), versions: process.versions, paths });
  process.on('uncaughtException', (err) => logger.error('uncaught exception', err));
  process.on('unhandledRejection', (err) => logger.error('unhandled rejection', err));

  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const origin = createAppOrigin(devServerUrl);
  const csp = buildCsp(devServerUrl);
  const policy = loadSystemPolicy((level, msg) => logger.log(level, msg));

  const syncHost = policy.policy.syncServer ? new URL(policy.policy.syncServer).hostname : null;
  const openExternal = createOpenExternal({
    allowedHosts: syncHost ? [...DEFAULT_EXTERNAL_HOSTS, syncHost] : DEFAULT_EXTERNAL_HOSTS,
    open: (url) => shell.openExternal(url),
    confirm: async (url, host) => {
      const opts = {
        type: 'question' as const,
        buttons: ['Open in browser', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: `Open ${host} in your browser?`,
        detail: url,
      };
      const res = mainWindow
        ? await dialog.showMessageBox(mainWindow, opts)
        : await dialog.showMessageBox(opts);
      return res.response === 0;
    },
    log: (level, msg) => logger.log(level, msg),
  });
  installAppMenu({
    isMac: process.platform === 'darwin',
    isPackaged: app.isPackaged,
    appName: 'Signwright',
    openLogs: () => {
      shell.openPath(paths.logsDir).then(
        (problem) => problem && logger.warn('could not open the logs folder', problem),
        (err: unknown) => logger.warn('could not open the logs folder', err),
      );
    },
    openExternal: (url) => {
      openExternal(url).catch((err: unknown) => logger.warn('could not open a link', err));
    },
  });

  installSessionSecurity(session.defaultSession, { csp, isAppUrl: origin.isAppUrl });
  // Reports, quotes and files leave the renderer as blob downloads: ask where to save each one
  // (the same code path browser mode uses, where they land in Downloads).
  session.defaultSession.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({
      title: 'Save',
      defaultPath: path.join(app.getPath('documents'), item.getFilename()),
    });
  });
  handleAppProtocol(paths.rendererDir, csp);
  // every webContents (main window, error window, anything created later) gets the guards
  app.on('web-contents-created', (_e, contents) =>
    installWindowSecurity(contents, {
      isAppUrl: origin.isAppUrl,
      openExternal,
      log: (level, msg) => logger.log(level, msg),
    }),
  );

  let updates: UpdateController | null = null;
  let ctx: MainContext;
  try {
    ctx = createMainContext({
      dataDir: paths.dataDir,
      host: 'electron',
      migrationsFolder: paths.migrationsFolder,
      nativeBinding: paths.nativeBinding,
      appVersion: app.getVersion(),
      log: logger.log,
      credentials: new SafeStorageCredentialStore(path.join(paths.dataDir, 'sync-token.bin')),
      startSync: true,
      extraHandlers: (services) => {
        const workState = createWorkState(services.sqlite);
        updates = new UpdateController({
          // a dev build has no app-update.yml: updates are "unsupported" there
          port: app.isPackaged
            ? createElectronUpdaterPort(electronUpdater.autoUpdater, { log: logger })
            : null,
          policy,
          channelStore: sqliteChannelStore(services.sqlite, services.now),
          workAtRisk: workState.atRisk,
          emitState: (s) => services.events.emit('updates:state', s),
          emitProgress: (p) => services.events.emit('updates:progress', p),
          now: services.now,
          log: logger.log,
        });
        return appHandlers(services, {
          host: 'electron',
          appVersion: app.getVersion(),
          engineVersion: ENGINE_VERSION,
          policy,
          logsDir: paths.logsDir,
          updates,
          workState,
          openPath: (p) => shell.openPath(p),
          log: logger.log,
        });
      },
    });
  } catch (err) {
    // fail closed (docs/ARCHITECTURE.md): an explanation instead of a half-working app
    logger.error('startup failed', err);
    const problem = describeStartupError(err, paths.logsDir);
    if (problem.restore && err instanceof DatabaseDamagedError) {
      const res = await dialog.showMessageBox({
        type: 'error',
        title: problem.title,
        message: problem.title,
        detail: `${problem.message}\n\n${problem.restore.explains}`,
        buttons: [problem.restore.button, 'Quit without changing anything'],
        defaultId: 0,
        cancelId: 1,
      });
      if (res.response === 0) {
        const aside = restoreBackup(err.file, problem.restore.backupPath);
        logger.warn('restored a backup', {
          backup: problem.restore.backupPath,
          damagedKeptAt: aside,
        });
        app.relaunch();
        app.exit(0);
        return;
      }
    }
    showErrorWindow(errorPageUrl(problem));
    return;
  }

  registerIpcHost({
    ipcMain,
    dispatch: ctx.dispatch,
    isTrusted: (event) => isTrustedSender(event, mainWindow, origin.isAppUrl),
    log: (level, msg) => logger.log(level, msg),
  });
  forwardEvents(ctx.events, () => mainWindow?.webContents ?? null);

  app.setAboutPanelOptions({
    applicationName: 'Signwright',
    applicationVersion: app.getVersion(),
    version: `engine ${ENGINE_VERSION}`,
  });

  // primary display first: a window found off every display goes back there
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map(
    (d) => d.workArea,
  );
  const windowState = loadWindowState(paths.dataDir, workAreas);
  mainWindow = createMainWindow(paths.preloadPath, origin.entryUrl, windowState);
  trackWindowState(mainWindow, (s) =>
    saveWindowState(paths.dataDir, s, (level, msg) => logger.log(level, msg)),
  );
  (updates as UpdateController | null)?.start();

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    (updates as UpdateController | null)?.stop();
    ctx.close();
    logger.info('stopped');
  });
}

function createMainWindow(preloadPath: string, url: string, state: WindowState): BrowserWindow {
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    show: false,
    title: 'Signwright',
    webPreferences: {
      ...secureWebPreferences(preloadPath),
      // repeated as literals so a static scanner (electronegativity) sees them at the call site
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(url);
  return win;
}

function showErrorWindow(url: string): void {
  const win = new BrowserWindow({
    width: 720,
    height: 420,
    title: 'Signwright',
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.on('closed', () => app.quit());
  void win.loadURL(url);
}
