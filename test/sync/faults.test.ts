import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type SignwrightServer } from '../../src-server/app';
import { and, eq, like } from 'drizzle-orm';
import { appliedMutations, auditEvents, records } from '../../src-server/db/schema';
import { createOrg, createUser } from '../../src-server/services/orgs';
import type { Project } from '../../src-shared/projects';
import type { SyncStatusView } from '../../src-shared/sync/client';
import { FaultProxy } from '../helpers/fault-proxy';
import { freshMain } from '../helpers/main';
import { createThrowawayDatabase } from '../server/harness';
import { BACKENDS, type Client } from './helpers';

const FAST_SCRYPT = { log2N: 10, r: 8, p: 1 };

/**
 * Faults between two clients and the server: connections refused, answers cut mid-response
 * (after the server did the work), a server restart in the middle of a push. After the faults
 * stop, both clients converge and every mutation is applied exactly once, counted on the server.
 */
describe.each(BACKENDS)('sync under faults ($name)', ({ pg }) => {
  let server: SignwrightServer;
  let proxy: FaultProxy;
  let url: string;
  let dir: string;
  let drop: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  const start = async () => {
    server = await createServer({
      logger: false,
      scrypt: FAST_SCRYPT,
      databaseUrl,
      pgliteDir: databaseUrl ? undefined : path.join(dir, 'pglite'),
      localS3Dir: path.join(dir, 's3'),
    });
    const base = await server.listen(0, '127.0.0.1');
    return Number(new URL(base).port);
  };
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-faults-'));
    fs.mkdirSync(path.join(dir, 's3'));
    if (pg) ({ url: databaseUrl, drop } = await createThrowawayDatabase(pg));
    proxy = new FaultProxy(await start());
    url = await proxy.listen();
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
    await drop?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('converges with every mutation applied exactly once', async () => {
    const org = await createOrg(server.database.db, 'Faulty Signs');
    const mk = async (email: string, name: string) => {
      await createUser(
        server.database.db,
        { orgId: org.id, email, password: 'password-123', role: 'estimator', name },
        FAST_SCRYPT,
      );
      // a stalled request counts as offline after 3 s (the app's default is 30 s)
      const c = freshMain({ sync: { timeoutMs: 3000 } });
      await c.call('sync:sign-in', { serverUrl: url, email, password: 'password-123' });
      return c;
    };
    const a = await mk('a@faulty.test', 'Ann');
    const b = await mk('b@faulty.test', 'Ben');
    // every mutation id a client sent, to compare with what the server applied
    const sent = new Set<string>();
    for (const c of [a, b]) {
      const orig = c.sync['o'].fetchImpl ?? fetch;
      c.sync['o'].fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).endsWith('/v1/sync/push') && init?.body) {
          for (const m of JSON.parse(String(init.body)).mutations) sent.add(m.mutationId);
        }
        return orig(input, init);
      }) as typeof fetch;
    }
    const mine = new Map<Client, string[]>([
      [a, []],
      [b, []],
    ]);
    const tryRound = async (c: Client) => c.call<SyncStatusView>('sync:now');
    proxy.mode = 'random';
    let failures = 0;
    for (let round = 0; round < 12; round++) {
      for (const c of [a, b]) {
        const list = mine.get(c)!;
        const p = await c.call<Project>('projects:create', {
          name: `${c === a ? 'A' : 'B'} project ${round}`,
        });
        list.push(p.id);
        if (list.length > 1) {
          await c.call('projects:update', {
            id: list[round - 1],
            patch: { notes: `edit in round ${round}` },
          });
        }
      }
      if (round === 6) {
        // a server restart in the middle of a push
        proxy.mode = 'pass';
        const pushing = tryRound(a);
        await new Promise((r) => setTimeout(r, 5));
        const closing = server.close();
        proxy.dropAll();
        await closing;
        proxy.setTarget(await start());
        const st = await pushing;
        if (st.phase !== 'idle') failures++;
        proxy.mode = 'random';
      }
      for (const c of [a, b]) if ((await tryRound(c)).phase !== 'idle') failures++;
    }
    expect(proxy.resets + proxy.refusals).toBeGreaterThan(0);
    expect(failures).toBeGreaterThan(0);

    // faults stop: both converge
    proxy.mode = 'pass';
    for (let i = 0; i < 4; i++)
      for (const c of [a, b]) expect((await tryRound(c)).phase).toBe('idle');
    for (const c of [a, b]) expect((await c.call<SyncStatusView>('sync:status')).pending).toBe(0);
    const view = async (c: Client) =>
      (await c.call<{ items: Project[] }>('projects:list', { limit: 500 })).items
        .map((p) => `${p.id}|${p.name}|${p.notes}`)
        .sort();
    const onA = await view(a);
    expect(onA).toHaveLength(24);
    expect(await view(b)).toEqual(onA);

    // exactly once, counted on the server: each applied mutation bumped a version once, and the
    // server applied only mutations the clients sent
    const applied = await server.database.db.select().from(appliedMutations);
    const recs = await server.database.db.select().from(records);
    const versions = recs.filter((r) => r.entity === 'project').reduce((s, r) => s + r.version, 0);
    expect(applied.length).toBe(versions);
    for (const m of applied) expect(sent.has(m.mutationId)).toBe(true);
    expect(await a.call('sync:conflicts')).toEqual([]);
    a.close();
    b.close();
  }, 180_000);

  it('a submit whose answer is lost is retried with the same key and submits once', async () => {
    const org = await createOrg(server.database.db, 'Submit Faults');
    await createUser(
      server.database.db,
      {
        orgId: org.id,
        email: 's@faulty.test',
        password: 'password-123',
        role: 'estimator',
        name: 'Sam',
      },
      FAST_SCRYPT,
    );
    const c = freshMain({ sync: { timeoutMs: 3000 } });
    try {
      await c.call('sync:sign-in', {
        serverUrl: url,
        email: 's@faulty.test',
        password: 'password-123',
      });
      const p = await c.call<Project>('projects:create', { name: 'Submit under faults' });
      await c.call('projects:transition', { id: p.id, to: 'estimating' });
      await c.call('sync:now');
      await c.call('projects:transition', { id: p.id, to: 'submitted' });
      proxy.mode = 'reset-mid-response'; // the server submits, the answer never arrives
      expect((await c.call<SyncStatusView>('sync:now')).phase).not.toBe('idle');
      proxy.mode = 'pass';
      expect((await c.call<SyncStatusView>('sync:now')).phase).toBe('idle');
      expect((await c.call<SyncStatusView>('sync:now')).pending).toBe(0);
      const events = await server.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, p.id), like(auditEvents.action, '%submit%')));
      expect(events).toHaveLength(1);
    } finally {
      proxy.mode = 'pass';
      c.close();
    }
  });
});
