import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Change, PullResponse } from '../../src-shared/sync/protocol';
import { appliedMutations, auditEvents, records } from '../../src-server/db/schema';
import { startTestServer, type TestServer, type TestUser } from './harness';
import { createProject, del, pushOk, upsert } from './fixtures';

let t: TestServer;
let a: TestUser;
let a2: TestUser;
let b: TestUser;

beforeAll(async () => {
  t = await startTestServer();
  a = await t.createOrgAndUser({ orgName: 'Org A' });
  a2 = await t.createOrgAndUser({ orgId: a.orgId });
  b = await t.createOrgAndUser({ orgName: 'Org B' });
});
afterAll(() => t?.close());

async function pullAll(token: string, limit: number, cursor = '0') {
  const pages: PullResponse[] = [];
  for (;;) {
    const res = await t.api<PullResponse>(`/v1/sync/pull?cursor=${cursor}&limit=${limit}`, {
      token,
    });
    expect(res.status).toBe(200);
    pages.push(res.body);
    cursor = res.body.nextCursor;
    if (!res.body.hasMore) break;
  }
  return { pages, changes: pages.flatMap((p) => p.changes), cursor };
}

describe(`sync push/pull (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('applies the same push only once and replays the same results', async () => {
    const id = randomUUID();
    const batch = [upsert('project', id, 0, { name: 'Once', status: 'draft' })];
    const first = await pushOk(t, a.token, batch);
    const second = await pushOk(t, a.token, batch);
    expect(first[0]).toMatchObject({ status: 'applied', version: 1 });
    expect(second).toEqual(first);

    const db = t.server.database.db;
    const rows = await db.select().from(records).where(eq(records.id, id));
    expect(rows).toHaveLength(1);
    expect(rows[0].version).toBe(1);
    const applied = await db
      .select()
      .from(appliedMutations)
      .where(eq(appliedMutations.mutationId, batch[0].mutationId));
    expect(applied).toHaveLength(1);
  });

  it('applies exactly one of two pushes from the same baseVersion; the other gets the server copy', async () => {
    const id = await createProject(t, a.token, 'Contended');
    const [r1, r2] = await Promise.all([
      pushOk(t, a.token, [upsert('project', id, 1, { name: 'From laptop 1' })]),
      pushOk(t, a2.token, [upsert('project', id, 1, { name: 'From laptop 2' })]),
    ]);
    const results = [r1[0], r2[0]];
    const applied = results.filter((r) => r.status === 'applied');
    const conflicts = results.filter((r) => r.status === 'conflict');
    expect(applied).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    const winner = applied[0] === r1[0] ? 'From laptop 1' : 'From laptop 2';
    expect(conflicts[0]).toMatchObject({
      status: 'conflict',
      serverVersion: 2,
      serverData: { name: winner },
      deleted: false,
    });
  });

  it('judges each mutation of a batch in order, in one transaction', async () => {
    const p = randomUUID();
    const d = randomUUID();
    const results = await pushOk(t, a.token, [
      upsert('project', p, 0, { name: 'Batch', status: 'draft' }),
      upsert('design', d, 0, { projectId: p, heightFt: 20 }),
      upsert('quote', randomUUID(), 0, { projectId: randomUUID(), totalCents: 100 }),
      upsert('project', p, 0, { name: 'stale' }),
      upsert('design', d, 1, { projectId: p, heightFt: 25 }),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'rejected',
      'conflict',
      'applied',
    ]);
    expect(results[2]).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    expect(results[4]).toMatchObject({ version: 2 });
  });

  it("rejects a design pointing at another organization's project", async () => {
    const bProject = await createProject(t, b.token, 'B only');
    const [r] = await pushOk(t, a.token, [
      upsert('design', randomUUID(), 0, { projectId: bProject }),
    ]);
    expect(r).toMatchObject({ status: 'rejected', code: 'PROJECT_NOT_FOUND' });
  });

  it('refuses to mark a project submitted through a plain push', async () => {
    const id = await createProject(t, a.token);
    const [r] = await pushOk(t, a.token, [upsert('project', id, 1, { status: 'submitted' })]);
    expect(r).toMatchObject({ status: 'rejected', code: 'SUBMIT_REQUIRED' });
  });

  it('pulls changes in order across pages, with tombstones, and only for the own org', async () => {
    const fresh = await t.createOrgAndUser({ orgName: `Pager ${randomUUID()}` });
    const ids: string[] = Array.from({ length: 7 }, () => randomUUID());
    await pushOk(
      t,
      fresh.token,
      ids.map((id, i) => upsert('project', id, 0, { name: `P${i}` })),
    );
    await pushOk(t, fresh.token, [
      del('project', ids[2], 1),
      upsert('project', ids[0], 1, { name: 'P0 edited' }),
    ]);

    const { pages, changes, cursor } = await pullAll(fresh.token, 3);
    expect(pages.map((p) => p.changes.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    // each page says how many changes are still to come: 7 in all
    expect(pages.map((p) => p.remaining)).toEqual([4, 1, 0]);
    const seqs = changes.map((c) => c.seq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(new Set(changes.map((c) => c.id))).toEqual(new Set(ids));
    const tomb = changes.find((c) => c.id === ids[2]) as Change;
    expect(tomb).toMatchObject({ deleted: true, data: null, version: 2 });
    // Edited and deleted entities move to the end of the log: a client pulling from an old
    // cursor sees their latest state.
    expect(changes.slice(-2).map((c) => c.id)).toEqual([ids[2], ids[0]]);

    const empty = await t.api<PullResponse>(`/v1/sync/pull?cursor=${cursor}`, {
      token: fresh.token,
    });
    expect(empty.body).toEqual({ changes: [], nextCursor: cursor, hasMore: false, remaining: 0 });

    const other = await pullAll(b.token, 1000);
    expect(other.changes.some((c) => ids.includes(c.id))).toBe(false);
  });

  it('treats upper- and lower-case uuids as the same entity', async () => {
    const id = randomUUID();
    await pushOk(t, a.token, [upsert('project', id.toUpperCase(), 0, { name: 'Upper' })]);
    const [r] = await pushOk(t, a.token, [upsert('project', id, 1, { name: 'lower' })]);
    expect(r).toMatchObject({ status: 'applied', version: 2 });
  });

  it('rejects a bad cursor or limit with 400 naming the field', async () => {
    const res = await t.api<{ error: { fields: Record<string, string> } }>(
      '/v1/sync/pull?cursor=abc&limit=5000',
      { token: a.token },
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['query.cursor', 'query.limit']);
  });

  it('keeps a conflict explicit after a delete', async () => {
    const id = await createProject(t, a.token);
    await pushOk(t, a.token, [del('project', id, 1)]);
    const [r] = await pushOk(t, a2.token, [
      upsert('project', id, 1, { name: 'edit after delete' }),
    ]);
    expect(r).toMatchObject({
      status: 'conflict',
      serverVersion: 2,
      deleted: true,
      serverData: null,
    });
  });

  it('writes an audit event per applied mutation', async () => {
    const id = await createProject(t, a.token, 'Audited');
    const events = await t.server.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.orgId, a.orgId)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'sync.upsert', userId: a.userId, before: null });
    expect(events[0].after).toMatchObject({ name: 'Audited' });
  });
});

describe('submit', () => {
  const submit = (token: string, id: string, key?: string) =>
    t.api<Record<string, unknown> & { error?: { code: string; message: string } }>(
      `/v1/projects/${id}/submit`,
      { method: 'POST', token, headers: key ? { 'idempotency-key': key } : {} },
    );

  it('submits once, replays the same answer for the same key and 409s another key', async () => {
    const id = await createProject(t, a.token, 'To submit', 'estimating');
    const key = randomUUID();
    const first = await submit(a.token, id, key);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ projectId: id, status: 'submitted', version: 2 });
    const replay = await submit(a.token, id, key);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);

    const again = await submit(a.token, id, randomUUID());
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('ALREADY_SUBMITTED');
    expect(again.body.error?.message).toMatch(/already submitted/);

    const rows = await t.server.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'project.submit')));
    expect(rows).toHaveLength(1);

    const { changes } = await pullAll(a2.token, 1000);
    const pulled = changes.find((c) => c.id === id);
    expect(pulled?.data).toMatchObject({ status: 'submitted' });
  });

  it('needs the Idempotency-Key header and refuses reuse for another project', async () => {
    const id = await createProject(t, a.token, 'Needs a key', 'estimating');
    const missing = await submit(a.token, id);
    expect(missing.status).toBe(400);
    const key = randomUUID();
    expect((await submit(a.token, id, key)).status).toBe(200);
    const other = await createProject(t, a.token, 'Other', 'estimating');
    const reused = await submit(a.token, other, key);
    expect(reused.status).toBe(422);
    expect(reused.body.error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it("answers 404 for another organization's project", async () => {
    const bProject = await createProject(t, b.token, 'B secret');
    const res = await submit(a.token, bProject, randomUUID());
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('NOT_FOUND');
    const absent = await submit(a.token, randomUUID(), randomUUID());
    expect(absent.status).toBe(404);
    expect(absent.body).toEqual(res.body);
  });
});
