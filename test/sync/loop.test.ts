import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMainContext, type MainContext } from '../../src-main/main-context';

let ctx: MainContext | undefined;
let dir: string;
afterEach(() => {
  ctx?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function signedInOffline(fetchImpl: typeof fetch) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-loop-'));
  fs.writeFileSync(
    path.join(dir, 'credentials.json'),
    JSON.stringify({
      serverUrl: 'http://127.0.0.1:9',
      token: 't',
      expiresAt: '2099-01-01',
      user: { id: 'u', orgId: 'o', email: 'a@b.c', name: 'A', role: 'estimator' },
    }),
  );
  ctx = createMainContext({
    dataDir: dir,
    host: 'memory',
    sync: {
      fetchImpl,
      backoff: { baseMs: 1000, maxMs: 8000 },
      random: () => 1,
      intervalMs: 60_000,
    },
  });
  return ctx;
}

describe('the sync loop', () => {
  it('backs off exponentially (with jitter) while the server is unreachable, up to the cap', async () => {
    const c = signedInOffline(async () => {
      throw new TypeError('fetch failed');
    });
    c.sync.start();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = Date.now();
      await c.sync.syncNow().catch(() => undefined);
      const s = c.sync.status();
      expect(s.phase).toBe('offline');
      delays.push(Math.round((Date.parse(s.nextAttemptAt!) - t0) / 1000));
    }
    // random() = 1 -> the top of each jitter window: 1, 2, 4, 8, 8, 8 s
    expect(delays).toEqual([1, 2, 4, 8, 8, 8]);
    c.sync.stop();
  });

  it('runs one loop at a time: a call during a run waits for it and then runs once more', async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const c = signedInOffline(async () => {
      calls++;
      await gate;
      throw new TypeError('fetch failed');
    });
    await c.dispatch('projects:create', { name: 'x' }).catch(() => undefined);
    const first = c.sync.syncNow().catch(() => undefined);
    const second = c.sync.syncNow().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(1);
    release();
    await first;
    await second;
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(2);
  });
});
