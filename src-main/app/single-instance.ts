import type { App, BrowserWindow } from 'electron';

/**
 * One Signwright per user: a second launch focuses the first window and exits. Crash-safe by
 * construction: Electron's lock is Chromium's ProcessSingleton, which the OS releases when the
 * process dies (Windows: a named mutex/pipe owned by the process; macOS/Linux: a socket plus a
 * SingletonLock symlink "<host>-<pid>" in userData that the next start treats as stale when that
 * pid is gone, or now belongs to a process that is not us). So a crash never leaves a lock that
 * blocks the next start. The one case it cannot judge: a userData folder on a network home
 * shared by two computers (the lock names another host); Chromium then refuses, by design.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  focusExisting: () => void,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => focusExisting());
  return true;
}

export function focusWindow(
  win: Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'> | null,
): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
