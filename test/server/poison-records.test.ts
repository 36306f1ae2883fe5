import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationResult, PullResponse, PushResponse } from '../../src-shared/sync/protocol';
import { SERVER_BACKENDS, startTestServer, type TestServer, type TestUser } from './harness';
import { pushOk, upsert } from './fixtures';

/**
 * Issue 12.2: a record Postgres cannot store is answered `rejected` with a reason and its field,
 * and every other mutation of the batch applies (before: 500 for the whole batch, forever).
 */
describe.each(SERVER_BACKENDS)('poison records ($name)', ({ pg }) => {
  let t: TestServer;
  let a: TestUser;

  beforeAll(async () => {
    t = await startTestServer({ pg });
    a = await t.createOrgAndUser();
  });
  afterAll(() => t?.close());

  /** Pushes a raw JSON body (so it can hold what JSON.stringify would not write). */
  async function pushRaw(body: string) {
    const res = await t.api<PushResponse>('/v1/sync/push', {
      method: 'POST',
      token: a.token,
      body,
    });
    expect(res.status).toBe(200);
    return res.body.results;
  }

  async function pulledIds() {
    const res = await t.api<PullResponse>('/v1/sync/pull?limit=1000', { token: a.token });
    expect(res.status).toBe(200);
    return new Set(res.body.changes.map((c) => c.id));
  }

  it('rejects NUL, lone surrogates, bad keys, 5,000-deep data and 1e999, applies the rest', async () => {
    const p = randomUUID();
    const good = [
      upsert('project', p, 0, { name: 'Good one', status: 'draft' }),
      upsert('project', randomUUID(), 0, { name: 'Good two' }),
      upsert('design', randomUUID(), 0, { projectId: p, heightFt: 20 }),
    ];
    const bad = [
      upsert('project', randomUUID(), 0, { name: 'Main St\u0000pylon' }),
      upsert('project', randomUUID(), 0, { name: 'x', customer: { contact: 'Ann \ud83d' } }),
      upsert('design', randomUUID(), 0, { projectId: p, input: { ['hei\u0000ght']: 1 } }),
      upsert('price-book', randomUUID(), 0, { items: [{ name: 'Pole \udc00 cap' }] }),
      upsert('design', randomUUID(), 0, { projectId: p, input: 'DEEP' }),
      upsert('quote', randomUUID(), 0, { projectId: p, totalCents: 'HUGE' }),
    ];
    const batch = [good[0], bad[0], bad[1], good[1], bad[2], bad[3], bad[4], bad[5], good[2]];
    const body = JSON.stringify({ mutations: batch })
      .replace('"DEEP"', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000))
      .replace('"HUGE"', '1e999');
    const results = await pushRaw(body);
    expect(results.map((r) => r.status)).toEqual([
      'applied',
      'rejected',
      'rejected',
      'applied',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    const why = (i: number) => results[i] as Extract<MutationResult, { status: 'rejected' }>;
    expect(why(1)).toMatchObject({ code: 'INVALID_TEXT', field: 'name' });
    expect(why(1).message).toMatch(/NUL character \(U\+0000\)/);
    expect(why(2)).toMatchObject({ code: 'INVALID_TEXT', field: 'customer.contact' });
    expect(why(2).message).toMatch(/unpaired UTF-16 surrogate \(U\+D83D\)/);
    expect(why(4)).toMatchObject({ code: 'INVALID_TEXT', field: 'input.hei\\u0000ght' });
    expect(why(5)).toMatchObject({ code: 'INVALID_TEXT', field: 'items.0.name' });
    expect(why(6)).toMatchObject({ code: 'TOO_DEEP' });
    expect(why(6).field).toMatch(/^input(\.a)+$/);
    expect(why(7)).toMatchObject({ code: 'INVALID_NUMBER', field: 'totalCents' });

    const ids = await pulledIds();
    for (const m of good) expect(ids).toContain(m.id);
    for (const m of bad) expect(ids).not.toContain(m.id);

    // The same batch again: applied ones replay their answer, rejected ones are judged again.
    expect(await pushRaw(body)).toEqual(results);
    // The fixed record goes through as a new mutation.
    const [fixed] = await pushOk(t, a.token, [
      upsert('project', bad[0].id, 0, { name: 'Main St pylon' }),
    ]);
    expect(fixed.status).toBe('applied');
  });

  it('answers one record the database refuses as rejected and still applies the others', async () => {
    const db = t.server.database.db;
    // A real refusal by the database, for one value only, standing in for any check the server
    // does not make itself.
    await db.execute(
      sql.raw(
        `ALTER TABLE records ADD CONSTRAINT test_refuses_one CHECK (data->>'name' IS DISTINCT FROM 'refuse me')`,
      ),
    );
    try {
      const batch = [
        upsert('project', randomUUID(), 0, { name: 'Before' }),
        upsert('project', randomUUID(), 0, { name: 'refuse me' }),
        upsert('project', randomUUID(), 0, { name: 'After' }),
      ];
      const results = await pushOk(t, a.token, batch);
      expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(results[1]).toMatchObject({ code: 'STORAGE_REFUSED' });
      // Seqs stay gap-free and ordered: the refused one took none.
      const seqs = results.flatMap((r) => (r.status === 'applied' ? [r.seq] : []));
      expect(seqs[1]).toBe(seqs[0] + 1);
      const ids = await pulledIds();
      expect(ids).toContain(batch[0].id);
      expect(ids).toContain(batch[2].id);
      expect(ids).not.toContain(batch[1].id);
    } finally {
      await db.execute(sql.raw('ALTER TABLE records DROP CONSTRAINT test_refuses_one'));
    }
  });
});
