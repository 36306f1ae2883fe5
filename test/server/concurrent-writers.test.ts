import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Change,
  Mutation,
  MutationResult,
  PullResponse,
} from '../../src-shared/sync/protocol';
import { SERVER_BACKENDS, startTestServer, type TestServer, type TestUser } from './harness';
import { pushOk, upsert } from './fixtures';

/**
 * Many writers of one organization at once (issue 18): pushes no longer wait for one org lock for
 * the whole batch, so this checks the guarantees that lock used to give. Eight pushers write new
 * projects and designs, all fight over one shared project, and pairs resend the same mutations at
 * the same moment, while a puller pulls small pages the whole time. Then: every applied change was
 * pulled (or a later version of it was), exactly once per seq, in cursor order; nothing was
 * pulled that was not committed; every contended version was applied by exactly one writer; a
 * resent mutation was applied once.
 */

const PUSHERS = 8;
const ROUNDS = 15;

describe.each(SERVER_BACKENDS)('concurrent writers of one org ($name)', ({ pg }) => {
  let t: TestServer;
  const users: TestUser[] = [];

  beforeAll(async () => {
    t = await startTestServer({ pg });
    const first = await t.createOrgAndUser({ name: 'Pusher 0' });
    users.push(first);
    for (let i = 1; i < PUSHERS; i++)
      users.push(await t.createOrgAndUser({ orgId: first.orgId, name: `Pusher ${i}` }));
  }, 60_000);
  afterAll(() => t?.close());

  it('a puller pulling all along sees every committed change once, in order, and nothing else', async () => {
    const shared = randomUUID();
    const [created] = await pushOk(t, users[0].token, [
      upsert('project', shared, 0, { name: 'Shared', status: 'draft' }),
    ]);
    expect(created).toMatchObject({ status: 'applied', version: 1 });

    const applied: { id: string; version: number; seq: number }[] = [
      { id: shared, version: 1, seq: (created as { seq: number }).seq },
    ];
    const appliedIds = new Set<string>();
    const sharedVersions: number[] = [];
    // mutations each pair of pushers sends at the same moment (same mutationId, same body)
    const twins = Array.from({ length: PUSHERS / 2 }, () =>
      Array.from({ length: ROUNDS }, () =>
        upsert('project', randomUUID(), 0, { name: 'Twin', status: 'draft' }),
      ),
    );
    const twinResults = new Map<string, MutationResult[]>();

    // fights over the shared project, in batches of its own (so the others never wait for it)
    const contender = async (p: number) => {
      let base = 1;
      for (let r = 0; r < ROUNDS; r++) {
        const [res] = await pushOk(t, users[p].token, [
          upsert('project', shared, base, { name: `Shared by ${p} in round ${r}` }),
        ]);
        if (res.status === 'applied') {
          applied.push({ id: shared, version: res.version, seq: res.seq });
          sharedVersions.push(res.version);
          base = res.version;
        } else if (res.status === 'conflict') base = res.serverVersion;
        else throw new Error(`unexpected ${JSON.stringify(res)}`);
      }
    };
    const pusher = async (p: number) => {
      const token = users[p].token;
      for (let r = 0; r < ROUNDS; r++) {
        const project = randomUUID();
        const batch: Mutation[] = [
          upsert('project', project, 0, { name: `P${p} R${r}`, status: 'draft' }),
          upsert('design', randomUUID(), 0, { projectId: project, name: 'Design', input: {} }),
          twins[Math.floor(p / 2)][r],
        ];
        const results = await pushOk(t, token, batch);
        for (const [i, res] of results.entries()) {
          const m = batch[i];
          if (m === twins[Math.floor(p / 2)][r]) {
            twinResults.set(m.mutationId, [...(twinResults.get(m.mutationId) ?? []), res]);
          }
          if (res.status === 'applied') {
            if (!appliedIds.has(m.mutationId))
              applied.push({ id: m.id, version: res.version, seq: res.seq });
            appliedIds.add(m.mutationId);
          } else {
            throw new Error(`unexpected ${JSON.stringify(res)} for ${m.entity}`);
          }
        }
      }
    };

    const pulled: Change[] = [];
    let done = false;
    const puller = async () => {
      let cursor = '0';
      for (;;) {
        const last = done; // read before the pull: a pull started after all commits ends it
        const res = await t.api<PullResponse>(`/v1/sync/pull?cursor=${cursor}&limit=7`, {
          token: users[PUSHERS - 1].token,
        });
        expect(res.status).toBe(200);
        pulled.push(...res.body.changes);
        cursor = res.body.nextCursor;
        if (last && !res.body.hasMore) return;
      }
    };

    const pulling = puller();
    await Promise.all([
      ...Array.from({ length: PUSHERS }, (_, p) => pusher(p)),
      ...Array.from({ length: PUSHERS }, (_, p) => contender(p)),
    ]);
    done = true;
    await pulling;

    // in cursor order, each seq once
    const seqs = pulled.map((c) => c.seq);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]);
    // nothing pulled that was not committed as such
    const bySeq = new Map(applied.map((a) => [a.seq, a]));
    expect(bySeq.size).toBe(applied.length); // no seq handed out twice
    for (const c of pulled)
      expect(bySeq.get(c.seq)).toEqual({ id: c.id, version: c.version, seq: c.seq });
    // nothing skipped: every applied change was pulled, or a later version of it was
    const newest = new Map<string, number>();
    for (const c of pulled) newest.set(c.id, Math.max(newest.get(c.id) ?? 0, c.version));
    for (const a of applied) expect(newest.get(a.id) ?? 0).toBeGreaterThanOrEqual(a.version);
    // and the final state of every record was pulled exactly
    const final = new Map<string, number>();
    for (const a of applied) final.set(a.id, Math.max(final.get(a.id) ?? 0, a.version));
    expect(newest).toEqual(final);

    // the shared project: every version applied by exactly one writer, none lost
    sharedVersions.sort((x, y) => x - y);
    expect(sharedVersions).toEqual(Array.from({ length: sharedVersions.length }, (_, i) => i + 2));
    expect(sharedVersions.length).toBeGreaterThanOrEqual(ROUNDS);
    expect(final.get(shared)).toBe(sharedVersions.length + 1);

    // a mutation sent by two pushers at once was applied once: both got the same answer, version 1
    expect(twinResults.size).toBe((PUSHERS / 2) * ROUNDS);
    for (const [, [x, y]] of twinResults) {
      expect(x).toMatchObject({ status: 'applied', version: 1 });
      expect(y).toEqual(x);
    }
    // 2 new records per pusher and round, the shared project, the twins once each
    expect(final.size).toBe(PUSHERS * ROUNDS * 2 + 1 + (PUSHERS / 2) * ROUNDS);
  }, 120_000);
});
