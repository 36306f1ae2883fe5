import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type OpenedDatabase } from './db/client';
import { secureDataDir } from './db/permissions';
import { EventBus } from './events';
import { createDispatch, type Dispatch, type Handlers } from './ipc/dispatch';
import { appHandlers } from './ipc/handlers/app';
import { designHandlers } from './ipc/handlers/designs';
import { signHandlers } from './ipc/handlers/signs';
import { syncHandlers } from './ipc/handlers/sync';
import { FileStore } from './services/attachments';
import { FileCredentialStore, type CredentialStore } from './services/sync/credentials';
import { SyncEngine, type SyncEngineOptions } from './services/sync/engine';
import { quoteHandlers } from './ipc/handlers/quotes';
import { projectHandlers } from './ipc/handlers/projects';
import { requireActor, type ServiceContext } from './services/context';
import { getProfile } from './services/profile';
import { repairStoredText } from './services/sync/repair-text';
import { loadSystemPolicy, type LoadedPolicy } from './services/policy';
import { ENGINE_VERSION } from './engine';

export type HostKind = 'electron' | 'browser' | 'memory';

export interface MainOptions {
  /** folder for signwright.sqlite, attachments, logs */
  dataDir: string;
  /** defaults to <repo>/drizzle (dev, tests, browser mode); the packaged app passes resources */
  migrationsFolder?: string;
  nativeBinding?: string;
  host: HostKind;
  appVersion?: string;
  /** injectable clock for tests */
  now?: () => string;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: unknown) => void;
  /** IT policy; tests may pass one, default = machine policy file + env */
  policy?: LoadedPolicy;
  /** where the sync token is kept (Electron: safeStorage); default an owner-only file */
  credentials?: CredentialStore;
  /** start the background sync loop (the hosts do; tests drive sync:now themselves) */
  startSync?: boolean;
  /** test seams for the sync client */
  sync?: Partial<
    Pick<
      SyncEngineOptions,
      'fetchImpl' | 'intervalMs' | 'debounceMs' | 'backoff' | 'random' | 'timeoutMs'
    >
  >;
  /** host-specific handlers (the Electron host adds the updater, dialogs, ...) */
  extraHandlers?: (ctx: ServiceContext) => Partial<Handlers>;
}

export interface MainContext {
  dispatch: Dispatch;
  sync: SyncEngine;
  files: FileStore;
  events: EventBus;
  services: ServiceContext;
  database: OpenedDatabase;
  dataDir: string;
  close(): void;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_MIGRATIONS = path.resolve(here, '..', 'drizzle');
export const DB_FILE_NAME = 'signwright.sqlite';
export const DAMAGED_MESSAGE =
  'The local database file is damaged, so Signwright stopped saving to it (what was saved before is ' +
  'still in the file). Close Signwright and start it again: it checks the file and offers your newest good backup.';

/**
 * Builds the whole main process without Electron: database, services, dispatch. The Electron
 * adapter, the browser-mode bridge, the in-memory host, the CLI and the tests all start here.
 * Throws MigrationError when the database cannot be opened safely (the caller shows it).
 */
export function createMainContext(opts: MainOptions): MainContext {
  if (opts.dataDir !== ':memory:') {
    fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    const fixed = secureDataDir(opts.dataDir);
    if (fixed) opts.log?.('warn', `made ${fixed} data files and folders owner-only`);
  }
  const database = openDatabase({
    file: opts.dataDir === ':memory:' ? ':memory:' : path.join(opts.dataDir, DB_FILE_NAME),
    migrationsFolder: opts.migrationsFolder ?? DEFAULT_MIGRATIONS,
    nativeBinding: opts.nativeBinding,
    dailyBackup: opts.host !== 'memory',
  });
  const events = new EventBus();
  const services: ServiceContext = {
    db: database.db,
    sqlite: database.sqlite,
    events,
    now: opts.now ?? (() => new Date().toISOString()),
    actor: () => requireActor(getProfile(database.db)?.name),
  };
  const repaired = repairStoredText(services);
  if (repaired) opts.log?.('warn', `repaired unstorable characters in ${repaired} stored records`);
  const inMemory = opts.dataDir === ':memory:';
  const baseDir = inMemory ? fs.mkdtempSync(path.join(os.tmpdir(), 'signwright-')) : opts.dataDir;
  const files = new FileStore(path.join(baseDir, 'files'));
  const sync = new SyncEngine({
    ctx: services,
    credentials:
      opts.credentials ?? new FileCredentialStore(path.join(baseDir, 'credentials.json')),
    files,
    log: opts.log,
    ...opts.sync,
  });
  const appVersion = opts.appVersion ?? process.env.npm_package_version ?? '0.0.0';
  const policy = opts.policy ?? loadSystemPolicy((level, msg) => opts.log?.(level, msg));
  let damaged = false;
  const innerDispatch = createDispatch(
    {
      'app:info': () => ({
        version: appVersion,
        engineVersion: ENGINE_VERSION,
        dataDir: opts.dataDir,
        host: opts.host,
      }),
      ...projectHandlers(services),
      ...signHandlers(services),
      ...designHandlers(services),
      ...syncHandlers(services, sync, files),
      ...quoteHandlers(services),
      ...appHandlers(services, {
        host: opts.host,
        appVersion,
        engineVersion: ENGINE_VERSION,
        policy,
        logsDir: path.join(opts.dataDir, 'logs'),
        log: opts.log,
      }),
      ...opts.extraHandlers?.(services),
    },
    {
      checkOutput: process.env.NODE_ENV !== 'production',
      onInternalError: (channel, err) => {
        opts.log?.('error', `command ${channel} failed`, err);
        const code = (err as { code?: string } | null)?.code ?? '';
        if (/^SQLITE_(CORRUPT|NOTADB)/.test(code) && !damaged) {
          // damage found while running: stop every write to the file at once (reads go on)
          damaged = true;
          database.sqlite.pragma('query_only = ON');
          sync.stop();
          opts.log?.('error', 'the local database is damaged: writes stopped');
        }
      },
    },
  );
  const guarded: Dispatch = async (channel, input) => {
    const env = await innerDispatch(channel, input);
    if (!env.ok && damaged && env.error.code === 'INTERNAL')
      return { ok: false, error: { code: 'UNAVAILABLE', message: DAMAGED_MESSAGE } };
    return env;
  };
  sync.onStatus((st) => events.emit('sync:status', st));
  if (opts.startSync) sync.start();
  return {
    dispatch: guarded,
    sync,
    files,
    events,
    services,
    database,
    dataDir: opts.dataDir,
    close: () => {
      sync.stop();
      database.close();
      if (inMemory) fs.rmSync(baseDir, { recursive: true, force: true });
    },
  };
}
