import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_NAMES, type SignwrightBridge } from '../../src-shared/ipc/contract';
import type { Envelope } from '../../src-shared/ipc/define';
import { EVENT_CHANNEL } from './origin';

/**
 * The preload exposes a capability, not Electron (docs/STYLE.md 3): `invoke` and `subscribe`, both
 * limited to the contract's names, the IpcRendererEvent never handed to the page, an unsubscribe
 * returned. Runs with sandbox: true, so it is bundled to one CJS file (electron.vite.config.ts)
 * and imports nothing from Node.
 */

type IpcLike = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createBridge(
  ipc: IpcLike,
  channels: readonly string[] = CHANNELS,
  eventNames: readonly string[] = EVENT_NAMES,
): SignwrightBridge {
  const allowedChannels = new Set(channels);
  const allowedEvents = new Set(eventNames);
  return Object.freeze({
    invoke(channel: string, input: unknown): Promise<unknown> {
      if (typeof channel !== 'string' || !allowedChannels.has(channel)) {
        const refused: Envelope<never> = {
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: `Unknown command "${String(channel)}".` },
        };
        return Promise.resolve(refused);
      }
      return ipc.invoke(channel, input);
    },
    subscribe(event: string, listener: (payload: unknown) => void): () => void {
      if (typeof event !== 'string' || !allowedEvents.has(event)) {
        throw new Error(`Unknown event "${String(event)}".`);
      }
      if (typeof listener !== 'function') throw new Error('subscribe needs a listener function.');
      const handler = (_e: IpcRendererEvent, message: unknown) => {
        const m = message as { event?: unknown; payload?: unknown } | null;
        if (m && m.event === event) listener(m.payload); // the event object stays here
      };
      ipc.on(EVENT_CHANNEL, handler);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        ipc.removeListener(EVENT_CHANNEL, handler);
      };
    },
  });
}

contextBridge.exposeInMainWorld('signwright', createBridge(ipcRenderer));
