import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { CHANNELS } from '../../src-shared/ipc/contract';
import { EventBus } from '../events';
import { createAppOrigin, EVENT_CHANNEL } from './origin';
import { FORBIDDEN, forwardEvents, isTrustedSender, registerIpcHost } from './ipc-host';

const origin = createAppOrigin();
const top = { processId: 4, routingId: 1, parent: null, url: 'app://signwright/index.html' };
const webContents = { mainFrame: top, send: vi.fn(), isDestroyed: () => false };
const win = { isDestroyed: () => false, webContents };

type Ev = Parameters<typeof isTrustedSender>[0];
const ev = (sender: unknown, senderFrame: unknown) => ({ sender, senderFrame }) as unknown as Ev;

describe('isTrustedSender', () => {
  it('trusts the top frame of the main window showing the app', () => {
    expect(isTrustedSender(ev(webContents, top), win as never, origin.isAppUrl)).toBe(true);
    // WebFrameMain objects are compared by ids, not identity
    expect(isTrustedSender(ev(webContents, { ...top }), win as never, origin.isAppUrl)).toBe(true);
  });

  it('refuses a foreign page, an iframe, another webContents, a gone frame or window', () => {
    const foreign = { ...top, url: 'https://evil.example.com/' };
    expect(isTrustedSender(ev(webContents, foreign), win as never, origin.isAppUrl)).toBe(false);
    const iframe = { ...top, routingId: 7, parent: top };
    expect(isTrustedSender(ev(webContents, iframe), win as never, origin.isAppUrl)).toBe(false);
    expect(isTrustedSender(ev({ other: true }, top), win as never, origin.isAppUrl)).toBe(false);
    expect(isTrustedSender(ev(webContents, null), win as never, origin.isAppUrl)).toBe(false);
    expect(isTrustedSender(ev(webContents, top), null, origin.isAppUrl)).toBe(false);
    const closed = { ...win, isDestroyed: () => true };
    expect(isTrustedSender(ev(webContents, top), closed as never, origin.isAppUrl)).toBe(false);
  });
});

describe('registerIpcHost', () => {
  function host(channels?: string[]) {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: vi.fn(
        (c: string, h: (event: unknown, input: unknown) => Promise<unknown>) =>
          void handlers.set(c, h),
      ),
      removeHandler: vi.fn((c: string) => void handlers.delete(c)),
    };
    const dispatch = vi.fn(async (channel: string, input: unknown) => ({
      ok: true as const,
      value: { channel, input },
    }));
    const remove = registerIpcHost({
      ipcMain,
      dispatch,
      channels,
      isTrusted: (e) => isTrustedSender(e as never, win as never, origin.isAppUrl),
    });
    return { handlers, ipcMain, dispatch, remove };
  }

  it('registers exactly the contract channels', () => {
    const { handlers } = host();
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('never registers a channel outside the contract', () => {
    const { handlers } = host(['projects:list', 'evil:exec', '__proto__', 'projects:list']);
    expect([...handlers.keys()]).toEqual(['projects:list']);
  });

  it('forwards a trusted call to dispatch', async () => {
    const { handlers, dispatch } = host();
    const out = await handlers.get('projects:list')!(ev(webContents, top), { q: 'x' });
    expect(dispatch).toHaveBeenCalledWith('projects:list', { q: 'x' });
    expect(out).toEqual({ ok: true, value: { channel: 'projects:list', input: { q: 'x' } } });
  });

  it('answers FORBIDDEN to a foreign frame without dispatching', async () => {
    const { handlers, dispatch } = host();
    const out = await handlers.get('projects:create')!(
      ev(webContents, { ...top, url: 'https://evil.example.com/' }),
      { name: 'x' },
    );
    expect(out).toEqual(FORBIDDEN);
    expect(out).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('the returned function removes every handler', () => {
    const { handlers, remove } = host();
    remove();
    expect(handlers.size).toBe(0);
  });
});

describe('forwardEvents', () => {
  it('sends each bus event on the single event channel', () => {
    const bus = new EventBus();
    const send = vi.fn();
    const stop = forwardEvents(bus, () => ({ send, isDestroyed: () => false }));
    bus.emit('projects:changed', { id: 'p1', action: 'created' });
    expect(send).toHaveBeenCalledWith(EVENT_CHANNEL, {
      event: 'projects:changed',
      payload: { id: 'p1', action: 'created' },
    });
    stop();
    bus.emit('projects:changed', { id: 'p2', action: 'created' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('drops events when there is no live window', () => {
    const bus = new EventBus();
    const send = vi.fn();
    forwardEvents(bus, () => ({ send, isDestroyed: () => true }));
    forwardEvents(bus, () => null);
    bus.emit('projects:changed', { id: 'p1', action: 'created' });
    expect(send).not.toHaveBeenCalled();
  });
});
