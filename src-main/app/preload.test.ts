import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: unknown, message: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
const ipcRenderer = {
  invoke: vi.fn(async (channel: string, input: unknown) => ({
    ok: true,
    value: { channel, input },
  })),
  on: vi.fn((ch: string, l: Listener) => {
    if (!listeners.has(ch)) listeners.set(ch, new Set());
    listeners.get(ch)!.add(l);
  }),
  removeListener: vi.fn((ch: string, l: Listener) => void listeners.get(ch)?.delete(l)),
};
const exposed: Record<string, unknown> = {};
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => void (exposed[key] = api)),
  },
  ipcRenderer,
}));

const fire = (message: unknown) =>
  listeners
    .get('signwright:event')
    ?.forEach((l) => l({ sender: 'IpcRendererEvent', ports: [] }, message));

describe('preload', () => {
  beforeEach(() => ipcRenderer.invoke.mockClear());

  it('exposes only window.signwright with invoke and subscribe', async () => {
    await import('./preload');
    expect(Object.keys(exposed)).toEqual(['signwright']);
    expect(Object.keys(exposed.signwright as object).sort()).toEqual(['invoke', 'subscribe']);
    expect(Object.isFrozen(exposed.signwright)).toBe(true);
  });

  it('invokes contract channels and refuses anything else without touching IPC', async () => {
    const { createBridge } = await import('./preload');
    const bridge = createBridge(ipcRenderer as never);
    await expect(bridge.invoke('projects:list', { q: 'a' })).resolves.toMatchObject({ ok: true });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('projects:list', { q: 'a' });
    for (const bad of [
      'signwright:event',
      'evil:exec',
      'constructor',
      '__proto__',
      42 as unknown as string,
    ]) {
      await expect(bridge.invoke(bad, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      });
    }
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
  });

  it('subscribe delivers only the payload (the IpcRendererEvent is stripped) and unsubscribes', async () => {
    const { createBridge } = await import('./preload');
    const bridge = createBridge(ipcRenderer as never);
    const got: unknown[] = [];
    const off = bridge.subscribe('updates:progress', (...args: unknown[]) => got.push(args));
    fire({ event: 'updates:progress', payload: { percent: 5 } });
    fire({ event: 'projects:changed', payload: { id: 'x' } });
    expect(got).toEqual([[{ percent: 5 }]]);
    off();
    off(); // idempotent
    fire({ event: 'updates:progress', payload: { percent: 6 } });
    expect(got).toHaveLength(1);
  });

  it('subscribe refuses events outside the contract', async () => {
    const { createBridge } = await import('./preload');
    const bridge = createBridge(ipcRenderer as never);
    expect(() => bridge.subscribe('ipc:anything', () => {})).toThrow(/Unknown event/);
    expect(() => bridge.subscribe('updates:state', 'nope' as never)).toThrow(/listener/);
  });
});
