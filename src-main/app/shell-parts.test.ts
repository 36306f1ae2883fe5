import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const { protocol } = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => ({ protocol }));

import { MigrationError } from '../db/client';
import { describeStartupError, renderErrorPage } from './error-page';
import { resolveAppPaths } from './paths';
import { contentTypeFor, registerAppScheme, resolveAppFile } from './protocol';
import { claimSingleInstance, focusWindow } from './single-instance';
import { createElectronUpdaterPort } from './updater';
import type { UpdaterEvent } from '../services/updates';

describe('app:// protocol', () => {
  const dir = path.resolve('/opt/signwright/out/renderer');
  it('registers app:// as a standard, secure scheme', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
  it('maps URLs into the renderer folder only', () => {
    expect(resolveAppFile(dir, 'app://signwright/')).toBe(path.join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://signwright/assets/a.js?v=1#x')).toBe(
      path.join(dir, 'assets', 'a.js'),
    );
    expect(resolveAppFile(dir, 'app://signwright/../../etc/passwd')).toBe(
      path.join(dir, 'etc', 'passwd'),
    );
    // the URL parser already folds dot segments, so nothing climbs out of the folder
    expect(resolveAppFile(dir, 'app://signwright/%2e%2e/%2e%2e/secret')).toBe(
      path.join(dir, 'secret'),
    );
    expect(resolveAppFile(dir, 'app://signwright/..%5C..%5Csecret')).toBeNull();
    expect(resolveAppFile(dir, 'app://signwright/a%00b')).toBeNull();
    expect(resolveAppFile(dir, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(dir, 'https://signwright/index.html')).toBeNull();
  });
  it('serves known content types, nosniff for the rest', () => {
    expect(contentTypeFor('index.html')).toMatch(/text\/html/);
    expect(contentTypeFor('x.JS')).toMatch(/javascript/);
    expect(contentTypeFor('x.bin')).toBe('application/octet-stream');
  });
});

describe('resolveAppPaths', () => {
  const base = {
    resourcesPath: '/opt/Signwright/resources',
    appPath: '/repo',
    userData: '/home/u/.config/Signwright',
    mainDir: '/repo/out/main',
    arch: 'arm64',
  };
  it('packaged: migrations and the Electron-ABI sqlite from resources', () => {
    const p = resolveAppPaths({ ...base, isPackaged: true, exists: () => true });
    expect(p).toEqual({
      dataDir: '/home/u/.config/Signwright',
      logsDir: path.join('/home/u/.config/Signwright', 'logs'),
      migrationsFolder: path.join('/opt/Signwright/resources', 'drizzle'),
      nativeBinding: path.join('/opt/Signwright/resources', 'native', 'better_sqlite3.node'),
      preloadPath: path.join('/repo/out', 'preload', 'index.cjs'),
      rendererDir: path.join('/repo/out', 'renderer'),
    });
  });
  it('dev: repo drizzle/, the rebuilt binary only when it exists', () => {
    const p = resolveAppPaths({ ...base, isPackaged: false, exists: () => false });
    expect(p.migrationsFolder).toBe(path.join('/repo', 'drizzle'));
    expect(p.nativeBinding).toBeUndefined();
    const q = resolveAppPaths({ ...base, isPackaged: false, exists: () => true });
    expect(q.nativeBinding).toBe(
      path.join('/repo', 'build', 'native', 'electron', 'arm64', 'better_sqlite3.node'),
    );
  });
});

describe('startup error page', () => {
  it('explains a failed migration with the backup path, escaped', () => {
    const err = new MigrationError(
      'upgrade failed <script>',
      '/d/db.sqlite',
      '/d/db.sqlite.backup-1',
      null,
    );
    const p = describeStartupError(err, '/logs');
    expect(p.title).toMatch(/could not upgrade your data/);
    expect(p.hint).toContain('/d/db.sqlite.backup-1');
    const html = renderErrorPage(p);
    expect(html).toContain('upgrade failed &lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain("default-src 'none'");
  });
  it('names the ABI problem and the fix', () => {
    const p = describeStartupError(
      new Error('was compiled against a different Node.js version using NODE_MODULE_VERSION 115'),
      '/logs',
    );
    expect(p.hint).toContain('npm run rebuild:electron');
  });
});

describe('single instance', () => {
  it('a second launch focuses the first window', () => {
    const app = Object.assign(new EventEmitter(), { requestSingleInstanceLock: () => true });
    const focus = vi.fn();
    expect(claimSingleInstance(app as never, focus)).toBe(true);
    app.emit('second-instance');
    expect(focus).toHaveBeenCalledTimes(1);
  });
  it('without the lock the caller quits', () => {
    const app = Object.assign(new EventEmitter(), { requestSingleInstanceLock: () => false });
    expect(claimSingleInstance(app as never, vi.fn())).toBe(false);
  });
  it('focusWindow restores a minimized window', () => {
    const win = {
      isDestroyed: () => false,
      isMinimized: () => true,
      restore: vi.fn(),
      show: vi.fn(),
      focus: vi.fn(),
    };
    focusWindow(win);
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(() => focusWindow(null)).not.toThrow();
  });
});

describe('electron-updater port', () => {
  function fakeUpdater() {
    return Object.assign(new EventEmitter(), {
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowPrerelease: false,
      allowDowngrade: true,
      channel: null as string | null,
      logger: null,
      setFeedURL: vi.fn(),
      checkForUpdates: vi.fn(async () => null),
      downloadUpdate: vi.fn(async () => []),
      quitAndInstall: vi.fn(),
    });
  }
  const config = {
    enabled: true,
    channel: 'beta' as const,
    channelLocked: false,
    feedUrl: 'https://mirror.example.com/sw',
    feedChannel: 'beta' as const,
    allowPrerelease: true,
    allowDowngrade: false as const,
    offReason: null,
  };

  it('never downloads or installs on its own', () => {
    const u = fakeUpdater();
    createElectronUpdaterPort(u as never);
    expect(u.autoDownload).toBe(false);
    expect(u.autoInstallOnAppQuit).toBe(false);
  });

  it('applies feed override, channel and no-downgrade', () => {
    const u = fakeUpdater();
    createElectronUpdaterPort(u as never).configure(config);
    expect(u.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://mirror.example.com/sw',
      channel: 'beta',
    });
    expect(u.channel).toBe('beta');
    expect(u.allowPrerelease).toBe(true);
    expect(u.allowDowngrade).toBe(false);
    const v = fakeUpdater();
    createElectronUpdaterPort(v as never).configure({ ...config, feedUrl: null });
    expect(v.setFeedURL).not.toHaveBeenCalled(); // the build-time app-update.yml stays
  });

  it('maps electron-updater events', () => {
    const u = fakeUpdater();
    const seen: UpdaterEvent[] = [];
    createElectronUpdaterPort(u as never).onEvent((e) => seen.push(e));
    u.emit('update-available', { version: '2.0.0' });
    u.emit('download-progress', {
      percent: 101,
      transferred: 5,
      total: 5,
      bytesPerSecond: 1,
      delta: 1,
    });
    u.emit('update-downloaded', { version: '2.0.0' });
    u.emit('error', new Error('net::ERR_PROXY_CONNECTION_FAILED'));
    expect(seen).toEqual([
      { type: 'available', version: '2.0.0' },
      {
        type: 'progress',
        progress: { percent: 100, transferredBytes: 5, totalBytes: 5, bytesPerSecond: 1 },
      },
      { type: 'downloaded', version: '2.0.0' },
      { type: 'error', message: 'net::ERR_PROXY_CONNECTION_FAILED' },
    ]);
  });
});
