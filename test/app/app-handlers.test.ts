import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appHandlers, type AppHandlerDeps } from '../../src-main/ipc/handlers/app';
import { createMainContext, type MainContext } from '../../src-main/main-context';
import { loadPolicy } from '../../src-main/services/policy';
import {
  sqliteChannelStore,
  UpdateController,
  type UpdaterEvent,
  type UpdaterPort,
} from '../../src-main/services/updates';
import { createWorkState } from '../../src-main/services/work-state';

// The app-level commands end to end: real SQLite with the real migrations, dispatch with output
// validation on (NODE_ENV is not production in tests), an updater port faked at the edge.

const open: MainContext[] = [];
const dirs: string[] = [];
afterEach(() => {
  open.splice(0).forEach((c) => c.close());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function fakePort() {
  let listener: (e: UpdaterEvent) => void = () => {};
  return {
    configure: vi.fn(),
    check: vi.fn(async () => {}),
    download: vi.fn(async () => {}),
    quitAndInstall: vi.fn(),
    onEvent: (l: (e: UpdaterEvent) => void) => void (listener = l),
    fire: (e: UpdaterEvent) => listener(e),
  } satisfies UpdaterPort & { fire: unknown };
}

function start(
  opts: {
    policyJson?: string;
    port?: ReturnType<typeof fakePort>;
    dir?: string;
    openPath?: AppHandlerDeps['openPath'];
  } = {},
) {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sw-app-'));
  if (!opts.dir) dirs.push(dir);
  const policy = loadPolicy({
    platform: 'linux',
    env: {},
    readFile: () => opts.policyJson ?? '{}',
  });
  const events: Array<[string, unknown]> = [];
  const ctx = createMainContext({
    dataDir: dir,
    host: opts.port ? 'electron' : 'browser',
    extraHandlers: (services) => {
      const workState = createWorkState(services.sqlite);
      const updates = opts.port
        ? new UpdateController({
            port: opts.port,
            policy,
            channelStore: sqliteChannelStore(services.sqlite, services.now),
            workAtRisk: workState.atRisk,
            emitState: (s) => services.events.emit('updates:state', s),
            emitProgress: (p) => services.events.emit('updates:progress', p),
            now: services.now,
          })
        : undefined;
      return appHandlers(services, {
        host: opts.port ? 'electron' : 'browser',
        appVersion: '1.0.0',
        engineVersion: 'e1',
        policy,
        logsDir: path.join(dir, 'logs'),
        updates,
        workState,
        openPath: opts.openPath,
      });
    },
  });
  open.push(ctx);
  ctx.events.listen((name, payload) => events.push([name, payload]));
  const call = async (channel: string, input: unknown = {}) => ctx.dispatch(channel, input);
  return { ctx, dir, call, events };
}

describe('app commands in browser mode', () => {
  it('updates are "not available in this mode"', async () => {
    const { call } = start();
    const status = await call('updates:status');
    expect(status).toMatchObject({
      ok: true,
      value: { phase: 'unsupported', message: expect.stringMatching(/not available/) },
    });
    expect(await call('updates:restart')).toMatchObject({
      ok: true,
      value: { restarting: false, blockedBy: 'unsupported' },
    });
    expect(await call('updates:check')).toMatchObject({
      ok: true,
      value: { phase: 'unsupported' },
    });
  });

  it('about reports versions and the update state', async () => {
    const { call } = start();
    const about = await call('app:about');
    expect(about).toMatchObject({
      ok: true,
      value: {
        version: '1.0.0',
        engineVersion: 'e1',
        host: 'browser',
        runtime: { node: process.versions.node },
      },
    });
  });

  it('policy:get shows the effective settings and which are locked', async () => {
    const { call } = start({
      policyJson: '{"updateChannel":"stable","syncServer":"https://sync.corp.example","junk":1}',
    });
    const res = await call('policy:get');
    expect(res).toMatchObject({
      ok: true,
      value: {
        effective: {
          updatesEnabled: true,
          updateChannel: 'stable',
          updateFeedUrl: null,
          syncServer: 'https://sync.corp.example',
        },
        locked: {
          updatesEnabled: false,
          updateChannel: true,
          updateFeedUrl: false,
          syncServer: true,
        },
        problems: [expect.stringMatching(/unknown key "junk"/)],
      },
    });
  });

  it('the channel choice persists in settings; a pinned channel is FORBIDDEN', async () => {
    const first = start();
    expect(await first.call('updates:set-channel', { channel: 'beta' })).toMatchObject({
      ok: true,
      value: { channel: 'beta' },
    });
    expect(await first.call('updates:set-channel', { channel: 'nightly' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    first.ctx.close();
    open.splice(open.indexOf(first.ctx), 1);
    const again = start({ dir: first.dir });
    expect(await again.call('updates:status')).toMatchObject({
      ok: true,
      value: { channel: 'beta' },
    });
    const pinned = start({ policyJson: '{"updateChannel":"stable"}' });
    expect(await pinned.call('updates:set-channel', { channel: 'beta' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/IT department/) },
    });
  });

  it('open logs folder returns the path (and opens it when the host can)', async () => {
    const openPath = vi.fn(async () => '');
    const { call, dir } = start({ openPath });
    expect(await call('app:open-logs-folder')).toEqual({
      ok: true,
      value: { path: path.join(dir, 'logs') },
    });
    expect(openPath).toHaveBeenCalledWith(path.join(dir, 'logs'));
  });
});

describe('app commands with an updater', () => {
  it('restart is refused while a form is dirty and while the outbox holds rows', async () => {
    const port = fakePort();
    const { call, ctx, events } = start({ port });
    await call('updates:check');
    port.fire({ type: 'available', version: '1.1.0' });
    port.fire({
      type: 'progress',
      progress: { percent: 50, transferredBytes: 1, totalBytes: 2, bytesPerSecond: 1 },
    });
    port.fire({ type: 'downloaded', version: '1.1.0' });
    expect(events.map(([n]) => n)).toEqual([
      'updates:state',
      'updates:state',
      'updates:progress',
      'updates:state',
    ]);

    await call('app:set-dirty', { dirty: true });
    expect(await call('updates:restart')).toMatchObject({
      ok: true,
      value: { restarting: false, blockedBy: 'unsaved' },
    });
    await call('app:set-dirty', { dirty: false });

    ctx.services.sqlite
      .prepare(
        `INSERT INTO profile (id, name, initials, created_at, updated_at) VALUES ('local','T','T','2026-01-01','2026-01-01')`,
      )
      .run();
    expect((await call('projects:create', { name: 'Main St pylon' })).ok).toBe(true);
    expect(await call('updates:restart')).toMatchObject({
      ok: true,
      value: {
        restarting: false,
        blockedBy: 'unsynced',
        reason: expect.stringMatching(/^1 change not synced/),
      },
    });
    ctx.services.sqlite.prepare('DELETE FROM outbox').run(); // what a successful sync does
    expect(await call('updates:restart')).toEqual({ ok: true, value: { restarting: true } });
  });

  it('policy off: the updater is never asked to check', async () => {
    const port = fakePort();
    const { call } = start({ port, policyJson: '{"updatesEnabled": false}' });
    expect(await call('updates:check')).toMatchObject({ ok: true, value: { phase: 'disabled' } });
    expect(port.check).not.toHaveBeenCalled();
  });
});
