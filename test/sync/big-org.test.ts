import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../src-main/services/sync/engine';
import { seedBigOrg } from '../helpers/big-org';
import type { TestServer, TestUser } from '../server/harness';
import { BACKENDS, signedInClient, startServer, syncOk, type Client } from './helpers';

/**
 * A new laptop joining a big organization (issue 18): the server says in every pull answer how
 * many records are still to come, and the Sync status counts "received of total" up to the total
 * while the project list fills. (The full-size figure, 125,000 records, is in `npm run bench`.)
 */
const N = { projects: 1200, revisions: 2400, files: 400 };

describe.each(BACKENDS)('joining a big organization ($name)', ({ pg }) => {
  let server: TestServer;
  let user: TestUser;
  let total = 0;
  let laptop: Client | undefined;

  beforeAll(async () => {
    server = await startServer(pg);
    user = await server.createOrgAndUser({ name: 'Newcomer' });
    total = await seedBigOrg(server.server.database.db, user.orgId, user.userId, N);
  }, 60_000);
  afterAll(async () => {
    laptop?.close();
    await server?.close();
  });

  it('shows records received of the total, reaching it, and lists every project', async () => {
    laptop = await signedInClient(server, user);
    const seen: NonNullable<SyncStatus['records']>[] = [];
    laptop.sync.onStatus((s) => {
      if (s.records) seen.push(s.records);
    });
    const done = await syncOk(laptop);
    expect(done.records).toBeNull(); // shown only while the pull runs

    expect(seen.length).toBeGreaterThan(5); // one per page of 500
    for (const r of seen) expect(r.total).toBe(total);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i].received).toBeGreaterThan(seen[i - 1].received);
    expect(seen.at(-1)).toEqual({ received: total, total });

    const list = await laptop.call<{ total: number; items: { name: string }[] }>('projects:list', {
      limit: 5,
    });
    expect(list.total).toBe(N.projects);
    const revisions = laptop.services.sqlite
      .prepare('SELECT count(*) AS n FROM design_revisions')
      .get() as { n: number };
    expect(revisions.n).toBe(N.revisions);
    const files = laptop.services.sqlite.prepare('SELECT count(*) AS n FROM attachments').get() as {
      n: number;
    };
    expect(files.n).toBe(N.files);
  }, 120_000);
});
