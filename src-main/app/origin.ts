/**
 * The app's own origin. Production serves the renderer from a privileged custom scheme
 * (app://signwright/...) instead of file://, so "is this our page?" is a plain host check and
 * file:// keeps no extra privileges (Electron security checklist, "avoid file://"). In
 * `electron-vite dev` the renderer comes from the Vite dev server (ELECTRON_RENDERER_URL).
 * No electron import here: the preload and the tests share it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'signwright';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** the one main -> renderer channel; the payload names the contract event */
export const EVENT_CHANNEL = 'signwright:event';

export interface AppOrigin {
  /** the URL the main window loads */
  entryUrl: string;
  /** true for URLs of the app itself (same scheme + host [+ port]) */
  isAppUrl(url: string): boolean;
}

export function createAppOrigin(devServerUrl?: string): AppOrigin {
  const base = devServerUrl ? new URL(devServerUrl) : new URL(APP_ENTRY_URL);
  return {
    entryUrl: devServerUrl ? base.href : APP_ENTRY_URL,
    isAppUrl(url) {
      try {
        const u = new URL(url);
        // URL.origin is "null" for custom schemes, so compare the parts
        return u.protocol === base.protocol && u.host === base.host && !u.username && !u.password;
      } catch {
        return false;
      }
    },
  };
}
