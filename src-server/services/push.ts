import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Mutation, MutationResult } from '../../src-shared/sync/protocol';
import type { AuthUser } from '../auth/tokens';
import type { Db, Tx } from '../db/client';
import { appliedMutations, records } from '../db/schema';
import { isDatabaseDown } from '../http/errors';
import type { ObjectStore } from '../storage/s3';
import { audit, type AuditEntry } from './audit';
import { lockKeys, reserveSeqs, saveSeq, withRetry, type KeyLock } from './org-lock';
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
 * Push. The whole batch runs in ONE transaction, and each mutation is judged on its own, in request
 * order, against the state left by the ones before it (so a batch may create a project and then a
 * design in it). Each gets `applied`, `conflict` or `rejected`; none stops the rest. Only applied
 * results are stored by mutationId: a replay returns the stored answer.
 *
 * Concurrency (org-lock.ts): the batch first locks the keys it touches (its entities and mutation
 * ids exclusive, the projects its designs/quotes/files name shared), then reads and judges; the
 * org's seqs are handed out only at the end, right before the writes and the commit, so pushes of
 * one org to different entities run side by side and are serialized only for that final step.
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
  result: Extract<MutationResult, { status: 'applied' }>;
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

/** Sizes of the verified objects a restore names; read before the transaction. */
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
  const keys = mutations.map((m) => ({ entity: m.entity as string, id: m.id }));
  const locks: KeyLock[] = [];
  for (const m of mutations) {
    locks.push({ key: keyOf(m.entity, m.id), exclusive: true });
    locks.push({ key: `mutation:${m.mutationId}`, exclusive: true });
    const pid = PROJECT_SCOPED.has(m.entity) ? projectIdOf(m.data) : null;
    if (pid) {
      keys.push({ entity: 'project', id: pid });
      locks.push({ key: keyOf('project', pid), exclusive: false });
    }
  }
  return withRetry(db, async (tx) => {
    await lockKeys(tx, orgId, locks);
    const ids = [...new Set(mutations.map((m) => m.mutationId))];
    const prior = await tx
      .select({ id: appliedMutations.mutationId, result: appliedMutations.result })
      .from(appliedMutations)
      .where(and(eq(appliedMutations.orgId, orgId), inArray(appliedMutations.mutationId, ids)));
    const stored = new Map(prior.map((p) => [p.id, p.result as unknown as MutationResult]));
    const loaded = await loadStates(tx, orgId, keys);

    // Each run starts from what was loaded: a rolled-back bulk run leaves nothing behind.
    const ctx = () => ({ orgId, states: new Map(loaded), objects });
    // Judged in memory first, with seqs counted from 0; the org's seqs are taken last.
    const plan = judgeAll(user, mutations, new Map(stored), ctx(), 0);
    if (plan.writes.length === 0) return plan.results;
    const base = await reserveSeqs(tx, orgId, plan.seq);
    for (const w of plan.writes) {
      w.next.seq += base;
      w.result.seq += base;
    }
    try {
      await tx.transaction((sp) => writeBulk(sp, user.userId, plan.writes));
      return plan.results;
    } catch (err) {
      if (isDatabaseDown(err)) throw err;
      // Judged again, each write in a savepoint of its own (the org row is already ours).
      return judgeEach(tx, user, mutations, new Map(stored), ctx(), base);
    }
  });
}

interface Plan {
  results: MutationResult[];
  writes: Write[];
  /** the last seq used (seqs are counted from the one passed in) */
  seq: number;
}

/** One mutation judged against `ctx`: an answer, or the write that applies it as seq + 1. */
function judgeOne(
  user: AuthUser,
  m: Mutation,
  stored: Map<string, MutationResult>,
  ctx: JudgeContext,
  seq: number,
): MutationResult | Write {
  const replay = stored.get(m.mutationId);
  if (replay) return replay;
  const v = judge(m, ctx);
  if (v.kind === 'answer') return v.result;
  const key = keyOf(m.entity, m.id);
  const cur = ctx.states.get(key);
  const next: State = {
    exists: true,
    version: (cur?.version ?? 0) + 1,
    deleted: v.deleted,
    data: v.data,
    seq: seq + 1,
  };
  return {
    m,
    key,
    next,
    result: { mutationId: m.mutationId, status: 'applied', version: next.version, seq: next.seq },
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
}

/** What a write leaves behind for the mutations after it in the batch. */
function recordWrite(w: Write, stored: Map<string, MutationResult>, ctx: JudgeContext) {
  ctx.states.set(w.key, w.next);
  stored.set(w.m.mutationId, w.result);
}

/** The batch judged in memory, in order: the results and the writes to make, seqs from `startSeq`. */
function judgeAll(
  user: AuthUser,
  mutations: Mutation[],
  stored: Map<string, MutationResult>,
  ctx: JudgeContext,
  startSeq: number,
): Plan {
  let seq = startSeq;
  const results: MutationResult[] = [];
  const writes: Write[] = [];
  for (const m of mutations) {
    const out = judgeOne(user, m, stored, ctx, seq);
    if (!('next' in out)) {
      results.push(out);
      continue;
    }
    writes.push(out);
    recordWrite(out, stored, ctx);
    seq = out.next.seq;
    results.push(out.result);
  }
  return { results, writes, seq };
}

/**
 * The slow path, after a bulk write was refused: judged again, each write in a savepoint of its
 * own (the refused one is answered STORAGE_REFUSED), under the org row lock already held.
 */
async function judgeEach(
  tx: Tx,
  user: AuthUser,
  mutations: Mutation[],
  stored: Map<string, MutationResult>,
  ctx: JudgeContext,
  startSeq: number,
): Promise<MutationResult[]> {
  let seq = startSeq;
  const results: MutationResult[] = [];
  for (const m of mutations) {
    const out = judgeOne(user, m, stored, ctx, seq);
    if (!('next' in out)) {
      results.push(out);
      continue;
    }
    const refused = await writeOne(tx, user.userId, out);
    if (refused) {
      results.push({ mutationId: m.mutationId, status: 'rejected', ...refused });
      continue;
    }
    recordWrite(out, stored, ctx);
    seq = out.next.seq;
    results.push(out.result);
  }
  await saveSeq(tx, ctx.orgId, seq);
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
