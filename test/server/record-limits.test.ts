import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_PULL_PAGE_BYTES,
  MAX_RECORD_BYTES,
  type MutationResult,
  type PullResponse,
} from '../../src-shared/sync/protocol';
import { records } from '../../src-server/db/schema';
import { PRIMARY_BACKEND, startTestServer, type TestServer, type TestUser } from './harness';
import { createProject, pushOk, upsert } from './fixtures';

type Rejected = Extract<MutationResult, { status: 'rejected' }>;

/**
 * Issue 12.5: one member's large records must not break every pull of the org. Records over
 * MAX_RECORD_BYTES and fields over their limits are refused at push; pull pages stop at
 * MAX_PULL_PAGE_BYTES (and hold at least one change), so no page is ever too big to build.
 */
describe.each(PRIMARY_BACKEND)('record and page size limits ($name)', ({ pg }) => {
  let t: TestServer;
  let a: TestUser;

  beforeAll(async () => {
    t = await startTestServer({ pg });
    a = await t.createOrgAndUser({ name: 'Ann Estimator' });
  });
  afterAll(() => t?.close());

  /** Every page from cursor 0 at the client's page size, with each page's size in bytes. */
  async function pullAll(token: string) {
    const pages: { body: PullResponse; bytes: number }[] = [];
    let cursor = '0';
    for (let i = 0; i < 1000; i++) {
      const res = await t.api<PullResponse>(`/v1/sync/pull?cursor=${cursor}&limit=500`, { token });
      expect(res.status).toBe(200);
      pages.push({ body: res.body, bytes: Buffer.byteLength(JSON.stringify(res.body)) });
      cursor = res.body.nextCursor;
      if (!res.body.hasMore) break;
    }
    return pages;
  }

  it('refuses 110 projects with 5 MB notes (size and limit named); every pull still works', async () => {
    const org = await t.createOrgAndUser();
    const keep = await createProject(t, org.token, 'Normal project');
    const notes = 'n'.repeat(5_000_000);
    for (let i = 0; i < 110; i++) {
      const data = { name: `Big ${i}`, status: 'draft', notes };
      const [r] = await pushOk(t, org.token, [upsert('project', randomUUID(), 0, data)]);
      expect(r).toMatchObject({ status: 'rejected', code: 'RECORD_TOO_LARGE', field: 'notes' });
      if (i === 0) {
        const size = Buffer.byteLength(JSON.stringify(data)).toLocaleString('en-US');
        expect((r as Rejected).message).toContain(`is ${size} bytes`);
        expect((r as Rejected).message).toContain(
          `${MAX_RECORD_BYTES.toLocaleString('en-US')} bytes`,
        );
      }
    }
    const pages = await pullAll(org.token);
    expect(pages.flatMap((p) => p.body.changes.map((c) => c.id))).toEqual([keep]);
  });

  it('refuses a field over its form limit, naming the field and the limit', async () => {
    const [r] = await pushOk(t, a.token, [
      upsert('project', randomUUID(), 0, { name: 'Notes', notes: 'x'.repeat(25_000) }),
    ]);
    expect(r).toMatchObject({ status: 'rejected', code: 'FIELD_TOO_LONG', field: 'notes' });
    expect((r as Rejected).message).toBe(
      'notes is 25,000 characters long; at most 20,000 are allowed.',
    );
    const [name] = await pushOk(t, a.token, [
      upsert('project', randomUUID(), 0, { name: 'N'.repeat(201) }),
    ]);
    expect(name).toMatchObject({ code: 'FIELD_TOO_LONG', field: 'name' });
  });

  it('caps every pull page by bytes, at least one change per page, nothing lost', async () => {
    const org = await t.createOrgAndUser({ name: 'Big Designs' });
    const project = await createProject(t, org.token, 'Tall pylon');
    // 12 legit records just under the record limit: about 11 MiB in all.
    const ids: string[] = [project];
    for (let batch = 0; batch < 4; batch++) {
      const ms = Array.from({ length: 3 }, (_, i) =>
        upsert('design', randomUUID(), 0, {
          projectId: project,
          number: batch * 3 + i + 1,
          steps: Array.from({ length: 10 }, () => 's'.repeat(95_000)),
        }),
      );
      const results = await pushOk(t, org.token, ms);
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      ids.push(...ms.map((m) => m.id));
    }
    // One record that predates the limit (written straight to the database): 9 MiB on its own.
    const legacy = randomUUID();
    await t.server.database.db.insert(records).values({
      orgId: org.orgId,
      entity: 'design',
      id: legacy,
      version: 1,
      data: { projectId: project, blob: 'b'.repeat(9 * 1024 * 1024) },
      seq: 100,
      updatedBy: org.userId,
    });
    ids.push(legacy);

    const pages = await pullAll(org.token);
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) {
      expect(p.body.changes.length).toBeGreaterThanOrEqual(1);
      if (p.body.changes.length > 1) expect(p.bytes).toBeLessThanOrEqual(MAX_PULL_PAGE_BYTES);
    }
    const alone = pages.find((p) => p.body.changes.some((c) => c.id === legacy))!;
    expect(alone.body.changes).toHaveLength(1);
    expect(pages.flatMap((p) => p.body.changes.map((c) => c.id))).toEqual(ids);
    expect(pages.at(-1)!.body.hasMore).toBe(false);
  });

  it('names the author of every pulled version', async () => {
    const ben = await t.createOrgAndUser({ orgId: a.orgId, name: 'Ben Field' });
    const id = await createProject(t, a.token, 'Authored');
    await pushOk(t, ben.token, [upsert('project', id, 1, { name: 'Edited by Ben' })]);
    const res = await t.api<PullResponse>('/v1/sync/pull?limit=1000', { token: a.token });
    const change = res.body.changes.find((c) => c.id === id)!;
    expect(change.author).toEqual({ userId: ben.userId, name: 'Ben Field' });
  });
});
