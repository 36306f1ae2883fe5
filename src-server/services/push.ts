import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Mutation, MutationResult } from '../../src-shared/sync/protocol';
import type { AuthUser } from '../auth/tokens';
import type { Db, Tx } from '../db/client';
import { appliedMutations, records } from '../db/schema';
import { isDatabaseDown } from '../http/errors';
import type { ObjectStore } from '../storage/s3';
import { audit, type AuditEntry } from './audit';
import { lockOrg, saveSeq } from './org-lock';
import {
  judge,
  keyOf,
  PROJECT_SCOPED,
  projectIdOf,
  type JudgeContext,
  type State,
} from './push-judge';
import { objectKey } from './verified-objects';

/**
 * Push. The whole batch runs in ONE transaction under the org lock, and each mutation is judged on
 * its own, in request order, against the state left by the ones before it (so a batch may create a
 * project and then a design in it). Each gets `applied`, `conflict` or `rejected`; none stops the
 * rest. Only applied results are stored by mutationId: a replay returns the stored answer.
 *
 * Writes go in bulk inside a savepoint. Every check Postgres would make is made first
 * (record-checks.ts), so that normally succeeds; if the database still refuses a row, the
 * savepoint is rolled back and the batch is judged again writing each mutation in a savepoint of
 * its own, so the one refused is answered `rejected` (STORAGE_REFUSED) and the others apply.
 */

const CHUNK = 500;

interface Write {
  m: Mutation;
  key: string;
  next: State;
  event: AuditEntry;
  result: MutationResult;
}

async function loadStates(tx: Tx, orgId: string, keys: { entity: string; id: string }[]) {
  const byEntity = new Map<string, string[]>();
  for (const k of keys) byEntity.set(k.entity, [...(byEntity.get(k.entity) ?? []), k.id]);
  const states = new Map<string, State>();
  if (byEntity.size === 0) return states;
  const rows = await tx
    .select()
    .from(records)
    .where(
      and(
        eq(records.orgId, orgId),
        or(
          ...[...byEntity].map(([entity, ids]) =>
            and(eq(records.entity, entity), inArray(records.id, [...new Set(ids)])),
          ),
        ),
      ),
    );
  for (const r of rows) {
    states.set(keyOf(r.entity, r.id), {
      exists: true,
      version: r.version,
      deleted: r.deleted,
      data: r.data,
      seq: r.seq,
    });
  }
  return states;
}

/** Sizes of the verified objects a restore names; read before the org lock is taken. */
async function restoredObjects(store: ObjectStore, orgId: string, mutations: Mutation[]) {
  const shas = new Set<string>();
  for (const m of mutations) {
    const sha = m.data?.sha256;
    if (m.entity === 'attachment' && m.op === 'upsert' && typeof sha === 'string') {
      if (/^[0-9a-f]{64}$/.test(sha)) shas.add(sha);
    }
  }
  const out = new Map<string, number | null>();
  for (const sha of shas) out.set(sha, (await store.stat(objectKey(orgId, sha)))?.size ?? null);
  return out;
}

export async function push(
  db: Db,
  store: ObjectStore,
  user: AuthUser,
  input: Mutation[],
): Promise<MutationResult[]> {
  const orgId = user.orgId;
  // Postgres hands uuids back lower-case; compare like with like.
  const mutations = input.map((m) => ({
    ...m,
    id: m.id.toLowerCase(),
    mutationId: m.mutationId.toLowerCase(),
  }));
  const objects = await restoredObjects(store, orgId, mutations);
  return db.transaction(async (tx) => {
    const seq = await lockOrg(tx, orgId);
    const ids = [...new Set(mutations.map((m) => m.mutationId))];
    const prior = await tx
      .select({ id: appliedMutations.mutationId, result: appliedMutations.result })
      .from(appliedMutations)
      .where(and(eq(appliedMutations.orgId, orgId), inArray(appliedMutations.mutationId, ids)));
    const stored = new Map(prior.map((p) => [p.id, p.result as unknown as MutationResult]));

    const keys = mutations.map((m) => ({ entity: m.entity as string, id: m.id }));
    for (const m of mutations) {
      const pid = PROJECT_SCOPED.has(m.entity) ? projectIdOf(m.data) : null;
      if (pid) keys.push({ entity: 'project', id: pid });
    }
    const loaded = await loadStates(tx, orgId, keys);

    // Each run starts from what was loaded: a rolled-back bulk run leaves nothing behind.
    const run = (t: Tx, mode: 'bulk' | 'each') =>
      judgeAll(
        t,
        user,
        mutations,
        new Map(stored),
        { orgId, states: new Map(loaded), objects },
        seq,
        mode,
      );
    try {
      return await tx.transaction((sp) => run(sp, 'bulk'));
    } catch (err) {
      if (isDatabaseDown(err)) throw err;
      return run(tx, 'each');
    }
  });
}

async function judgeAll(
  tx: Tx,
  user: AuthUser,
  mutations: Mutation[],
  stored: Map<string, MutationResult>,
  ctx: JudgeContext,
  startSeq: number,
  mode: 'bulk' | 'each',
): Promise<MutationResult[]> {
  let seq = startSeq;
  const results: MutationResult[] = [];
  const writes: Write[] = [];
  for (const m of mutations) {
    const replay = stored.get(m.mutationId);
    if (replay) {
      results.push(replay);
      continue;
    }
    const v = judge(m, ctx);
    if (v.kind === 'answer') {
      results.push(v.result);
      continue;
    }
    const key = keyOf(m.entity, m.id);
    const cur = ctx.states.get(key);
    const next: State = {
      exists: true,
      version: (cur?.version ?? 0) + 1,
      deleted: v.deleted,
      data: v.data,
      seq: seq + 1,
    };
    const result: MutationResult = {
      mutationId: m.mutationId,
      status: 'applied',
      version: next.version,
      seq: next.seq,
    };
    const w: Write = {
      m,
      key,
      next,
      result,
      event: {
        orgId: ctx.orgId,
        userId: user.userId,
        action: `sync.${m.op}`,
        entity: m.entity,
        entityId: m.id,
        before: cur?.exists && !cur.deleted ? cur.data : null,
        after: v.deleted ? null : v.data,
      },
    };
    if (mode === 'each') {
      const refused = await writeOne(tx, user.userId, w);
      if (refused) {
        results.push({ mutationId: m.mutationId, status: 'rejected', ...refused });
        continue;
      }
    } else writes.push(w);
    seq = next.seq;
    ctx.states.set(key, next);
    stored.set(m.mutationId, result);
    results.push(result);
  }
  if (mode === 'bulk' && writes.length) await writeBulk(tx, user.userId, writes);
  if (seq !== startSeq) await saveSeq(tx, ctx.orgId, seq);
  return results;
}

function recordRows(orgId: string, userId: string, writes: Write[]) {
  // A key written twice in a batch keeps only its last state.
  const last = new Map(writes.map((w) => [w.key, w]));
  const now = new Date();
  return [...last.values()].map((w) => ({
    orgId,
    entity: w.m.entity,
    id: w.m.id,
    version: w.next.version,
    deleted: w.next.deleted,
    data: w.next.data ?? {},
    seq: w.next.seq,
    updatedAt: now,
    updatedBy: userId,
  }));
}

async function upsertRecords(tx: Tx, rows: ReturnType<typeof recordRows>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insert(records)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: [records.orgId, records.entity, records.id],
        set: {
          version: sql`excluded.version`,
          deleted: sql`excluded.deleted`,
          data: sql`excluded.data`,
          seq: sql`excluded.seq`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
        },
      });
  }
}

async function writeBulk(tx: Tx, userId: string, writes: Write[]): Promise<void> {
  const orgId = writes[0].event.orgId;
  await upsertRecords(tx, recordRows(orgId, userId, writes));
  for (let i = 0; i < writes.length; i += CHUNK) {
    await tx.insert(appliedMutations).values(
      writes.slice(i, i + CHUNK).map((w) => ({
        orgId,
        mutationId: w.m.mutationId,
        result: w.result as unknown as Record<string, unknown>,
      })),
    );
  }
  await audit(
    tx,
    writes.map((w) => w.event),
  );
}

/** One mutation in its own savepoint; the reason when the database refuses it. */
async function writeOne(tx: Tx, userId: string, w: Write) {
  try {
    await tx.transaction(async (sp) => writeBulk(sp, userId, [w]));
    return null;
  } catch (err) {
    if (isDatabaseDown(err)) throw err;
    const code = String((err as { cause?: { code?: unknown } }).cause?.code ?? 'unknown');
    return {
      code: 'STORAGE_REFUSED',
      message: `The server's database refused to store this ${w.m.entity} (error ${code}); change it or discard it.`,
    };
  }
}
