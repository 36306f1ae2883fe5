import { and, asc, count, eq, inArray, isNull, lt, ne, notExists, or, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Mutation } from '../../../src-shared/sync/protocol';
import { outbox, syncConflicts } from '../../db/schema';
import type { ServiceContext } from '../context';
import { SyncHttpError, type SyncApi } from './api';
import { PARKED, park, parkedRows as parkedViews, unpark, type ParkedView } from './park';
import { baseData, seenChange, serverVersion, setServerVersion } from './state';

export interface OutboxRow {
  seq: number;
  mutation_id: string;
  entity: string;
  entity_id: string;
  op: 'upsert' | 'delete' | 'submit' | 'attach';
  data: string;
  attempts: number;
  last_error: string | null;
  batch_id: string | null;
  base_version: number | null;
}

/** An outbox row as the sync client reads it (the column names, as before drizzle). */
export const OUTBOX_ROW = {
  seq: outbox.seq,
  mutation_id: outbox.mutationId,
  entity: outbox.entity,
  entity_id: outbox.entityId,
  op: outbox.op,
  data: outbox.data,
  created_at: outbox.createdAt,
  attempts: outbox.attempts,
  last_error: outbox.lastError,
  batch_id: outbox.batchId,
  base_version: outbox.baseVersion,
  park_code: outbox.parkCode,
  park_field: outbox.parkField,
  parked_at: outbox.parkedAt,
};

const notParked = or(isNull(outbox.batchId), ne(outbox.batchId, PARKED));

function batchRows(ctx: ServiceContext, batchId: string): OutboxRow[] {
  return ctx.db
    .select(OUTBOX_ROW)
    .from(outbox)
    .where(eq(outbox.batchId, batchId))
    .orderBy(asc(outbox.seq))
    .all();
}

export { PARKED };
const BATCH_SIZE = 100;
/** A batch stops growing past this much JSON (the server takes 8 MiB bodies; records <= 1 MiB). */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/** Rows whose entity waits on an open conflict are held until the user resolves it. */
function eligibleRows(ctx: ServiceContext, limit: number): OutboxRow[] {
  const open = ctx.db
    .select({ one: sql`1` })
    .from(syncConflicts)
    .where(
      and(
        eq(syncConflicts.entity, outbox.entity),
        eq(syncConflicts.entityId, outbox.entityId),
        isNull(syncConflicts.resolvedAt),
      ),
    );
  return ctx.db
    .select(OUTBOX_ROW)
    .from(outbox)
    .where(and(notParked, notExists(open)))
    .orderBy(asc(outbox.seq))
    .limit(limit)
    .all();
}

export function pendingCount(ctx: ServiceContext): number {
  return ctx.db.select({ n: count() }).from(outbox).where(notParked).get()?.n ?? 0;
}

export function parkedRows(ctx: ServiceContext): ParkedView[] {
  return parkedViews(ctx.sqlite);
}

/**
 * The next unit of work at the head of the outbox: an unacknowledged batch is resent exactly as it
 * was (same mutation ids, same base versions: the server answers it idempotently); otherwise a
 * new batch of plain edits is frozen, one carrier per entity (the latest row; earlier rows of the
 * same entity are superseded snapshots). submit/attach rows go alone, in order.
 */
export function nextUnit(
  ctx: ServiceContext,
):
  | { kind: 'batch'; batchId: string; rows: OutboxRow[] }
  | { kind: 'single'; row: OutboxRow }
  | null {
  const head = eligibleRows(ctx, BATCH_SIZE * 3);
  if (!head.length) return null;
  const first = head[0];
  if (first.batch_id) {
    const rows = batchRows(ctx, first.batch_id);
    return { kind: 'batch', batchId: first.batch_id, rows };
  }
  if (first.op === 'submit' || first.op === 'attach') return { kind: 'single', row: first };
  const rows: OutboxRow[] = [];
  const carriers = new Set<string>();
  let bytes = 0;
  for (const r of head) {
    if (r.op === 'submit' || r.op === 'attach' || r.batch_id) break;
    carriers.add(`${r.entity}:${r.entity_id}`);
    if (carriers.size > BATCH_SIZE) break;
    bytes += r.data.length;
    if (rows.length > 0 && bytes > MAX_BATCH_BYTES) break;
    rows.push(r);
  }
  const batchId = randomUUID();
  const latest = new Map<string, OutboxRow>();
  for (const r of rows) latest.set(`${r.entity}:${r.entity_id}`, r);
  ctx.sqlite.transaction(() => {
    for (const r of rows) {
      const carrier = latest.get(`${r.entity}:${r.entity_id}`) === r;
      ctx.db
        .update(outbox)
        .set({
          batchId,
          baseVersion: carrier ? serverVersion(ctx.sqlite, r.entity, r.entity_id) : null,
        })
        .where(eq(outbox.seq, r.seq))
        .run();
    }
  })();
  return { kind: 'batch', batchId, rows: batchRows(ctx, batchId) };
}

export interface PushOutcome {
  applied: number;
  conflicts: number;
  rejected: number;
}

/** Sends one frozen batch and settles every row of it in one transaction. */
export async function pushBatch(
  ctx: ServiceContext,
  api: SyncApi,
  rows: OutboxRow[],
): Promise<PushOutcome> {
  const carriers = rows.filter((r) => r.base_version !== null);
  const mutations: Mutation[] = carriers.map((r) => ({
    mutationId: r.mutation_id,
    entity: r.entity as Mutation['entity'],
    id: r.entity_id,
    baseVersion: r.base_version!,
    op: r.op as 'upsert' | 'delete',
    ...(r.op === 'upsert' ? { data: JSON.parse(r.data) as Record<string, unknown> } : {}),
  }));
  const out: PushOutcome = { applied: 0, conflicts: 0, rejected: 0 };
  if (!mutations.length) {
    ctx.db
      .delete(outbox)
      .where(
        inArray(
          outbox.seq,
          rows.map((r) => r.seq),
        ),
      )
      .run();
    return out;
  }
  const res = await api.push(mutations);
  const at = ctx.now();
  ctx.sqlite.transaction(() => {
    const byMutation = new Map(carriers.map((r) => [r.mutation_id, r]));
    // a frozen batch always has its id ('' matches no row, as NULL did)
    const batchId = rows[0].batch_id ?? '';
    const del = (entity: string, entityId: string) =>
      ctx.db
        .delete(outbox)
        .where(
          and(
            eq(outbox.batchId, batchId),
            eq(outbox.entity, entity),
            eq(outbox.entityId, entityId),
          ),
        )
        .run();
    for (const result of res.results) {
      const row =
        byMutation.get(result.mutationId.toLowerCase()) ?? byMutation.get(result.mutationId);
      if (!row) continue;
      if (result.status === 'applied') {
        setServerVersion(
          ctx.sqlite,
          row.entity,
          row.entity_id,
          result.version,
          at,
          row.op === 'upsert' ? row.data : null,
        );
        del(row.entity, row.entity_id);
        // an older refused version of this record is superseded by the one that just applied
        ctx.db
          .delete(outbox)
          .where(
            and(
              eq(outbox.batchId, PARKED),
              eq(outbox.entity, row.entity),
              eq(outbox.entityId, row.entity_id),
              lt(outbox.seq, row.seq),
            ),
          )
          .run();
        // records refused because their project was not on the server yet get another go
        if (row.entity === 'project')
          unpark(
            ctx.sqlite,
            and(
              inArray(outbox.parkCode, ['PROJECT_NOT_FOUND', 'NOT_FOUND']),
              eq(sql`json_extract(${outbox.data}, '$.projectId')`, row.entity_id),
            ),
          );
        out.applied++;
      } else if (result.status === 'conflict') {
        // keep all three: mine (what we sent), theirs (the server copy) and the base both
        // started from, until the user (or the automatic field merge) chooses
        const seen = seenChange(ctx.sqlite, row.entity, row.entity_id);
        const fromSeen = seen && seen.version === result.serverVersion ? seen : null;
        const base = baseData(ctx.sqlite, row.entity, row.entity_id);
        ctx.db
          .insert(syncConflicts)
          .values({
            id: randomUUID(),
            entity: row.entity,
            entityId: row.entity_id,
            mine: row.data,
            theirs: result.serverData ? JSON.stringify(result.serverData) : null,
            theirsDeleted: result.deleted,
            serverVersion: result.serverVersion,
            base: base ? JSON.stringify(base) : null,
            theirsAuthor: fromSeen?.author ? JSON.stringify(fromSeen.author) : null,
            theirsAt: fromSeen?.at ?? null,
            createdAt: at,
          })
          .run();
        del(row.entity, row.entity_id);
        out.conflicts++;
      } else {
        // the server can never apply this as sent: park it with the reason (never drop it)
        const seqs = rows
          .filter((r) => r.entity === row.entity && r.entity_id === row.entity_id)
          .map((r) => r.seq);
        park(ctx.sqlite, seqs, result, at);
        out.rejected++;
      }
    }
  })();
  return out;
}

/** The submit endpoint, with the outbox row's mutation id as the Idempotency-Key. */
export async function pushSubmit(ctx: ServiceContext, api: SyncApi, row: OutboxRow): Promise<void> {
  try {
    const r = await api.submit(row.entity_id, row.mutation_id);
    ctx.sqlite.transaction(() => {
      setServerVersion(ctx.sqlite, 'project', row.entity_id, r.version, ctx.now());
      ctx.db.delete(outbox).where(eq(outbox.seq, row.seq)).run();
    })();
  } catch (err) {
    if (err instanceof SyncHttpError && err.code === 'ALREADY_SUBMITTED') {
      // someone (or an earlier attempt under another key) submitted it already: nothing to redo
      ctx.db.delete(outbox).where(eq(outbox.seq, row.seq)).run();
      return;
    }
    if (err instanceof SyncHttpError && err.kind === 'client' && err.status !== 403) {
      park(ctx.sqlite, [row.seq], { code: err.code || 'REFUSED', message: err.message }, ctx.now());
      return;
    }
    throw err;
  }
}

/**
 * A whole batch was refused (a 4xx for the batch, or a 5xx while the server is otherwise
 * healthy): halve it, so the records at fault end up alone and parked while the rest goes on.
 * Released rows keep their mutation ids, so a batch the server did apply answers the same.
 */
export function splitBatch(ctx: ServiceContext, rows: OutboxRow[]): void {
  const carriers = rows.filter((r) => r.base_version !== null);
  const keep = new Set(
    carriers.slice(0, Math.ceil(carriers.length / 2)).map((r) => `${r.entity}:${r.entity_id}`),
  );
  ctx.sqlite.transaction(() => {
    for (const r of rows)
      if (!keep.has(`${r.entity}:${r.entity_id}`))
        ctx.db
          .update(outbox)
          .set({ batchId: null, baseVersion: null, attempts: 0 })
          .where(eq(outbox.seq, r.seq))
          .run();
  })();
}

export function carrierCount(rows: OutboxRow[]): number {
  return rows.filter((r) => r.base_version !== null).length;
}

export function noteAttempt(ctx: ServiceContext, seq: number, error: string): void {
  ctx.db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, lastError: error })
    .where(eq(outbox.seq, seq))
    .run();
}
