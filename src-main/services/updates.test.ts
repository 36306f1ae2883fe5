import { describe, expect, it, vi } from 'vitest';
import type { UpdateChannel, UpdateState } from '../../src-shared/ipc/contracts/app';
import { AppError } from '../../src-shared/errors';
import { loadPolicy, type LoadedPolicy } from './policy';
import { UpdateController, type UpdaterEvent, type UpdaterPort } from './updates';
import type { UpdateConfig } from './updates-logic';

function fakePort() {
  let listener: (e: UpdaterEvent) => void = () => {};
  const configured: UpdateConfig[] = [];
  const port: UpdaterPort & { fire(e: UpdaterEvent): void; configured: UpdateConfig[] } = {
    configured,
    configure: (c) => void configured.push(c),
    check: vi.fn(async () => {}),
    download: vi.fn(async () => {}),
    quitAndInstall: vi.fn(),
    onEvent: (l) => void (listener = l),
    fire: (e) => listener(e),
  };
  return port;
}

const policyFrom = (json: string, env: Record<string, string> = {}): LoadedPolicy =>
  loadPolicy({ platform: 'linux', env, readFile: () => json });

function setup(
  opts: {
    policy?: LoadedPolicy;
    port?: ReturnType<typeof fakePort> | null;
    unsynced?: number;
  } = {},
) {
  const port = opts.port === undefined ? fakePort() : opts.port;
  let channel: UpdateChannel | null = null;
  let dirty = false;
  const states: UpdateState[] = [];
  const progress = vi.fn();
  const controller = new UpdateController({
    port,
    policy: opts.policy ?? policyFrom('{}'),
    channelStore: { get: () => channel, set: (c) => void (channel = c) },
    workAtRisk: () => ({ dirty, unsyncedCount: opts.unsynced ?? 0 }),
    emitState: (s) => states.push(s),
    emitProgress: progress,
    now: () => '2030-01-01T00:00:00.000Z',
    setInterval: vi.fn(() => 1),
    clearInterval: vi.fn(),
  });
  return {
    controller,
    port,
    states,
    progress,
    setDirty: (d: boolean) => (dirty = d),
    channel: () => channel,
  };
}

describe('UpdateController', () => {
  it('check -> available -> background download with progress -> downloaded', async () => {
    const { controller, port, states, progress } = setup();
    await controller.check();
    expect(port!.check).toHaveBeenCalledTimes(1);
    port!.fire({ type: 'available', version: '1.2.0' });
    expect(port!.download).toHaveBeenCalledTimes(1);
    port!.fire({
      type: 'progress',
      progress: { percent: 40, transferredBytes: 40, totalBytes: 100, bytesPerSecond: 10 },
    });
    expect(progress).toHaveBeenCalledWith(expect.objectContaining({ percent: 40 }));
    port!.fire({ type: 'downloaded', version: '1.2.0' });
    expect(controller.state).toMatchObject({
      phase: 'downloaded',
      availableVersion: '1.2.0',
      percent: 100,
    });
    expect(states.map((s) => s.phase)).toEqual(['checking', 'downloading', 'downloaded']);
  });

  it('policy off: never configures or checks, even on start() or a manual check', async () => {
    const { controller, port } = setup({ policy: policyFrom('{"updatesEnabled": false}') });
    controller.start();
    await controller.check(true);
    expect(port!.check).not.toHaveBeenCalled();
    expect(port!.configured).toEqual([]);
    expect(controller.state.phase).toBe('disabled');
  });

  it('start() checks once and schedules the periodic check', () => {
    const { controller, port } = setup();
    controller.start();
    expect(port!.check).toHaveBeenCalledTimes(1);
  });

  it('a pinned channel refuses the user change with FORBIDDEN', () => {
    const { controller, channel } = setup({ policy: policyFrom('{"updateChannel": "stable"}') });
    expect(() => controller.setChannel('beta')).toThrow(AppError);
    expect(channel()).toBeNull();
    expect(controller.state.channel).toBe('stable');
  });

  it('switching channel stores it and reconfigures the updater (beta.yml, prerelease)', () => {
    const { controller, port, channel } = setup();
    controller.setChannel('beta');
    expect(channel()).toBe('beta');
    expect(port!.configured.at(-1)).toMatchObject({
      feedChannel: 'beta',
      allowPrerelease: true,
      allowDowngrade: false,
    });
    expect(controller.state.channel).toBe('beta');
  });

  it('passes the policy feed URL to the updater', () => {
    const { port } = setup({
      policy: policyFrom('{}', { SIGNWRIGHT_UPDATE_FEED_URL: 'https://m.example/u' }),
    });
    expect(port!.configured[0].feedUrl).toBe('https://m.example/u');
  });

  it('restart: refused while unsaved, then allowed and quits to install', async () => {
    vi.useFakeTimers();
    try {
      const { controller, port, setDirty } = setup();
      port!.fire({ type: 'downloaded', version: '1.2.0' });
      setDirty(true);
      expect(controller.restart()).toMatchObject({ restarting: false, blockedBy: 'unsaved' });
      setDirty(false);
      expect(controller.restart()).toEqual({ restarting: true });
      vi.runAllTimers();
      expect(port!.quitAndInstall).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('restart: refused while the outbox holds unsynced changes', () => {
    const { controller, port } = setup({ unsynced: 2 });
    port!.fire({ type: 'downloaded', version: '1.2.0' });
    expect(controller.restart()).toMatchObject({ restarting: false, blockedBy: 'unsynced' });
    expect(port!.quitAndInstall).not.toHaveBeenCalled();
  });

  it('an offline check ends in a plain-words error, not a throw', async () => {
    const port = fakePort();
    port.check = vi.fn(async () => {
      throw new Error('net::ERR_INTERNET_DISCONNECTED');
    });
    const { controller } = setup({ port });
    const s = await controller.check();
    expect(s).toMatchObject({ phase: 'error', message: expect.stringMatching(/Could not reach/) });
  });

  it('no port (browser mode): unsupported, restart refused', async () => {
    const { controller } = setup({ port: null });
    expect(controller.state.phase).toBe('unsupported');
    expect((await controller.check()).phase).toBe('unsupported');
    expect(controller.restart()).toMatchObject({ blockedBy: 'unsupported' });
  });
});
