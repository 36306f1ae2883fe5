import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { UpdateConfig } from '../services/updates-logic';
import type { UpdaterEvent, UpdaterPort } from '../services/updates';

/**
 * electron-updater behind the UpdaterPort the controller talks to. Only mechanics here; every
 * decision (channel, feed, when to check, when a restart is allowed) is in
 * src-main/services/updates-logic.ts.
 *
 * Proxy: electron-updater downloads through ElectronHttpExecutor, i.e. Electron's `net` module
 * on the session partition "electron-updater" (node_modules/electron-updater/out/
 * electronHttpExecutor.js). `net` is Chromium's network stack: system proxy settings, WPAD/PAC
 * and authenticating proxies are honoured (Electron docs, api/net.md). Proxy credentials are
 * asked through the updater's "login" event, which we leave to Electron's default (cancel).
 */

type UpdaterLike = Pick<
  AppUpdater,
  | 'checkForUpdates'
  | 'downloadUpdate'
  | 'quitAndInstall'
  | 'setFeedURL'
  | 'on'
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'allowPrerelease'
  | 'allowDowngrade'
  | 'channel'
  | 'logger'
>;

export interface ElectronUpdaterOptions {
  log?: { info(m: string): void; warn(m: string): void; error(m: string): void };
}

export function createElectronUpdaterPort(
  updater: UpdaterLike,
  opts: ElectronUpdaterOptions = {},
): UpdaterPort {
  // we download ourselves (background, after "available") and never install on a plain quit:
  // installing is always the user's "Restart to update", which checks for work at risk first
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  if (opts.log) updater.logger = opts.log;

  return {
    configure(config: UpdateConfig) {
      // feed: the URL baked in at build time (app-update.yml) unless IT policy overrides it
      if (config.feedUrl) {
        updater.setFeedURL({
          provider: 'generic',
          url: config.feedUrl,
          channel: config.feedChannel,
        });
      }
      updater.channel = config.feedChannel;
      updater.allowPrerelease = config.allowPrerelease;
      // the channel setter turns allowDowngrade on; a downgrade could meet a database that a
      // newer build already migrated, so it stays off
      updater.allowDowngrade = config.allowDowngrade;
    },
    async check() {
      await updater.checkForUpdates();
    },
    async download() {
      await updater.downloadUpdate();
    },
    quitAndInstall() {
      // isSilent=false: show the installer progress; isForceRunAfter=true: reopen the app
      updater.quitAndInstall(false, true);
    },
    onEvent(listener: (e: UpdaterEvent) => void) {
      updater.on('checking-for-update', () => listener({ type: 'checking' }));
      updater.on('update-available', (info: UpdateInfo) =>
        listener({ type: 'available', version: info.version }),
      );
      updater.on('update-not-available', () => listener({ type: 'not-available' }));
      updater.on('download-progress', (p: ProgressInfo) =>
        listener({
          type: 'progress',
          progress: {
            percent: Math.max(0, Math.min(100, p.percent)),
            transferredBytes: p.transferred,
            totalBytes: p.total,
            bytesPerSecond: p.bytesPerSecond,
          },
        }),
      );
      updater.on('update-downloaded', (info: UpdateInfo) =>
        listener({ type: 'downloaded', version: info.version }),
      );
      updater.on('error', (err: Error) =>
        listener({ type: 'error', message: err?.message ?? String(err) }),
      );
    },
  };
}
