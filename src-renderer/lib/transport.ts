import type { SignwrightBridge } from '../../src-shared/ipc/contract';
import type { Envelope } from '../../src-shared/ipc/define';

/**
 * The one platform seam of the renderer (docs/STYLE.md 5): how commands reach the main process.
 * Chosen once at startup; components never look at window.signwright themselves.
 */
export interface Transport {
  kind: 'electron' | 'browser' | 'memory';
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    /** exposed by the Electron preload (contextBridge) */
    signwright?: SignwrightBridge;
  }
}

export function electronTransport(bridge: SignwrightBridge): Transport {
  return {
    kind: 'electron',
    invoke: (channel, input) => bridge.invoke(channel, input) as Promise<Envelope<unknown>>,
    subscribe: (event, listener) => bridge.subscribe(event, listener),
  };
}

/** Browser mode: the same dispatch() over HTTP + a WebSocket for events, on 127.0.0.1 only. */
export function browserTransport(token: string, base = ''): Transport {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let socket: WebSocket | null = null;
  const connect = () => {
    const url = new URL(`${base}/events`, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', token);
    socket = new WebSocket(url);
    socket.onmessage = (msg) => {
      try {
        const { event, payload } = JSON.parse(String(msg.data)) as {
          event: string;
          payload: unknown;
        };
        listeners.get(event)?.forEach((l) => l(payload));
      } catch {
        // ignore malformed frames
      }
    };
    socket.onclose = () => {
      socket = null;
      setTimeout(connect, 1000);
    };
  };
  return {
    kind: 'browser',
    async invoke(channel, input) {
      try {
        const res = await fetch(`${base}/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-signwright-token': token },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Envelope<unknown>;
      } catch {
        return {
          ok: false,
          error: {
            code: 'UNAVAILABLE',
            message: 'The Signwright service is not reachable. Is it still running?',
          },
        };
      }
    },
    subscribe(event, listener) {
      if (!socket) connect();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

/** Picks the transport once: preload bridge in Electron, else the loopback bridge's token. */
export function detectTransport(): Transport {
  if (typeof window !== 'undefined' && window.signwright)
    return electronTransport(window.signwright);
  const meta = document.querySelector<HTMLMetaElement>('meta[name="signwright-bridge-token"]');
  if (meta?.content) return browserTransport(meta.content);
  throw new Error(
    'No Signwright host found: open the app through `npm start` or `npm run dev:web`.',
  );
}
