import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, isChannel } from '../../src-shared/ipc/contract';
import type { Envelope } from '../../src-shared/ipc/define';
import type { Dispatch } from '../ipc/dispatch';
import type { EventBus } from '../events';
import { EVENT_CHANNEL } from './origin';

export const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the Signwright window.' },
};

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
type MainWindow = Pick<BrowserWindow, 'isDestroyed'> & {
  webContents: Pick<WebContents, 'mainFrame'>;
};

/**
 * The Electron host's sender check (docs/STYLE.md 2, authenticate at the boundary): the call must
 * come from the main window's webContents, from its top frame (not an iframe), and that frame
 * must show the app's own URL (not a page it was somehow navigated to).
 */
export function isTrustedSender(
  event: SenderEvent,
  win: MainWindow | null,
  isAppUrl: (url: string) => boolean,
): boolean {
  if (!win || win.isDestroyed()) return false;
  const wc = win.webContents;
  if ((event.sender as unknown) !== (wc as unknown)) return false;
  const frame = event.senderFrame; // null once the frame navigated away or was destroyed
  if (!frame) return false;
  const top = wc.mainFrame;
  if (frame.parent !== null) return false;
  if (frame.processId !== top.processId || frame.routingId !== top.routingId) return false;
  return isAppUrl(frame.url);
}

export interface IpcHostOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatch: Dispatch;
  isTrusted: (event: IpcMainInvokeEvent) => boolean;
  /** defaults to every contract channel; anything not in the contract is never registered */
  channels?: readonly string[];
  log?: (level: 'warn', msg: string) => void;
}

/** One ipcMain.handle per contract channel. Returns a function that removes them all. */
export function registerIpcHost(opts: IpcHostOptions): () => void {
  const channels = [...new Set(opts.channels ?? CHANNELS)].filter(isChannel);
  for (const channel of channels) {
    opts.ipcMain.handle(channel, async (event, input: unknown) => {
      if (!opts.isTrusted(event)) {
        opts.log?.(
          'warn',
          `IPC ${channel} refused: untrusted sender ${event.senderFrame?.url ?? '?'}`,
        );
        return FORBIDDEN;
      }
      return opts.dispatch(channel, input);
    });
  }
  return () => channels.forEach((c) => opts.ipcMain.removeHandler(c));
}

/** Main -> renderer: every bus event goes out on the single EVENT_CHANNEL. */
export function forwardEvents(
  bus: Pick<EventBus, 'listen'>,
  target: () => Pick<WebContents, 'send' | 'isDestroyed'> | null,
): () => void {
  return bus.listen((event, payload) => {
    const wc = target();
    if (wc && !wc.isDestroyed()) wc.send(EVENT_CHANNEL, { event, payload });
  });
}
