import path from 'node:path';

export interface PathInputs {
  isPackaged: boolean;
  /** process.resourcesPath: <install>/resources (Windows/Linux), Signwright.app/Contents/Resources */
  resourcesPath: string;
  /** app.getAppPath(): the repo root in dev, .../resources/app.asar when packaged */
  appPath: string;
  /** app.getPath('userData') */
  userData: string;
  /** folder of the built main bundle (out/main) */
  mainDir: string;
  /** process.arch (the rebuilt binary is per arch) */
  arch: string;
  exists: (p: string) => boolean;
}

export interface AppPaths {
  dataDir: string;
  logsDir: string;
  migrationsFolder: string;
  /** Electron-ABI better-sqlite3 (scripts/rebuild-electron-sqlite.mjs); undefined = use the
   *  module's own build (only right if someone rebuilt node_modules for Electron) */
  nativeBinding: string | undefined;
  preloadPath: string;
  rendererDir: string;
}

export const NATIVE_BINARY = 'better_sqlite3.node';

/** Every path the shell needs, decided in one pure function. */
export function resolveAppPaths(i: PathInputs): AppPaths {
  const native = i.isPackaged
    ? path.join(i.resourcesPath, 'native', NATIVE_BINARY) // electron-builder extraResources
    : path.join(i.appPath, 'build', 'native', 'electron', i.arch, NATIVE_BINARY);
  return {
    dataDir: i.userData,
    logsDir: path.join(i.userData, 'logs'),
    migrationsFolder: i.isPackaged
      ? path.join(i.resourcesPath, 'drizzle')
      : path.join(i.appPath, 'drizzle'),
    nativeBinding: i.exists(native) ? native : undefined,
    preloadPath: path.join(i.mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: path.join(i.mainDir, '..', 'renderer'),
  };
}
