import { randomUUID } from 'node:crypto';
import type { Mutation } from '../../../src-shared/sync/protocol';
import type { ServiceContext } from '../context';
import { SyncHttpError, type SyncApi } from './api';
import { serverVersion, setServerVersion } from './state';

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

export const PARKED = 'parked';
const BATCH_SIZE = 100;

/** Rows whose entity waits on an open conflict are held until the user resolves it. */
function eligibleRows(ctx: ServiceContext, limit: number): OutboxRow[] {
  return ctx.sqlite
    .prepare(
      `SELECT * FROM outbox o
       WHERE (o.batch_id IS NULL OR o.batch_id != '${PARKED}')
         AND NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.entity = o.entity AND c.entity_id = o.entity_id AND c.resolved_at IS NULL)
       ORDER BY o.seq LIMIT ?`,
    )
    .all(limit) as OutboxRow[];
}

export function pendingCount(ctx: ServiceContext): number {
  return (
    ctx.sqlite
      .prepare(`SELECT count(*) AS n FROM outbox WHERE batch_id IS NULL OR batch_id != '${PARKED}'`)
      .get() as { n: number }
  ).n;
}

export function parkedRows(
  ctx: ServiceContext,
): { entity: string; entityId: string; error: string }[] {
  return (
    ctx.sqlite
      .prepare(
        `SELECT entity, entity_id, last_error FROM outbox WHERE batch_id = '${PARKED}' ORDER BY seq`,
      )
      .all() as {
      entity: string;
      entity_id: string;
      last_error: string;
    }[]
  ).map((r) => ({ entity: r.entity, entityId: r.entity_id, error: r.last_error }));
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
    const rows = ctx.sqlite
      .prepare('SELECT * FROM outbox WHERE batch_id = ? ORDER BY seq')
      .all(first.batch_id) as OutboxRow[];
    return { kind: 'batch', batchId: first.batch_id, rows };
  }
  if (first.op === 'submit' || first.op === 'attach') return { kind: 'single', row: first };
  const rows: OutboxRow[] = [];
  const carriers = new Set<string>();
  for (const r of head) {
    if (r.op === 'submit' || r.op === 'attach' || r.batch_id) break;
    carriers.add(`${r.entity}:${r.entity_id}`);
    if (carriers.size > BATCH_SIZE) break;
    rows.push(r);
  }
  const batchId = randomUUID();
  const latest = new Map<string, OutboxRow>();
  for (const r of rows) latest.set(`${r.entity}:${r.entity_id}`, r);
  ctx.sqlite.transaction(() => {
    const mark = ctx.sqlite.prepare(
      'UPDATE outbox SET batch_id = ?, base_version = ? WHERE seq = ?',
    );
    for (const r of rows) {
      const carrier = latest.get(`${r.entity}:${r.entity_id}`) === r;
      mark.run(batchId, carrier ? serverVersion(ctx.sqlite, r.entity, r.entity_id) : null, r.seq);
    }
  })();
  const frozen = ctx.sqlite
    .prepare('SELECT * FROM outbox WHERE batch_id = ? ORDER BY seq')
    .all(batchId) as OutboxRow[];
  return { kind: 'batch', batchId, rows: frozen };
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
    ctx.sqlite
      .prepare('DELETE FROM outbox WHERE seq IN (' + rows.map((r) => r.seq).join(',') + ')')
      .run();
    return out;
  }
  const res = await api.push(mutations);
  const at = ctx.now();
  ctx.sqlite.transaction(() => {
    const byMutation = new Map(carriers.map((r) => [r.mutation_id, r]));
    const del = ctx.sqlite.prepare(
      'DELETE FROM outbox WHERE batch_id = ? AND entity = ? AND entity_id = ?',
    );
    const batchId = rows[0].batch_id;
    for (const result of res.results) {
      const row =
        byMutation.get(result.mutationId.toLowerCase()) ?? byMutation.get(result.mutationId);
      if (!row) continue;
      if (result.status === 'applied') {
        setServerVersion(ctx.sqlite, row.entity, row.entity_id, result.version, at);
        del.run(batchId, row.entity, row.entity_id);
        out.applied++;
      } else if (result.status === 'conflict') {
        // keep both: mine (what we sent) and theirs (the server copy) until the user chooses
        ctx.sqlite
          .prepare(
            `INSERT INTO sync_conflicts (id, entity, entity_id, mine, theirs, theirs_deleted, server_version, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            randomUUID(),
            row.entity,
            row.entity_id,
            row.data,
            result.serverData ? JSON.stringify(result.serverData) : null,
            result.deleted ? 1 : 0,
            result.serverVersion,
            at,
          );
        del.run(batchId, row.entity, row.entity_id);
        out.conflicts++;
      } else {
        // the server can never apply this as sent: park it with the reason (never drop it)
        ctx.sqlite
          .prepare(
            `UPDATE outbox SET batch_id = '${PARKED}', last_error = ? WHERE batch_id = ? AND entity = ? AND entity_id = ?`,
          )
          .run(`${result.code}: ${result.message}`, batchId, row.entity, row.entity_id);
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
      ctx.sqlite.prepare('DELETE FROM outbox WHERE seq = ?').run(row.seq);
    })();
  } catch (err) {
    if (err instanceof SyncHttpError && err.code === 'ALREADY_SUBMITTED') {
      // someone (or an earlier attempt under another key) submitted it already: nothing to redo
      ctx.sqlite.prepare('DELETE FROM outbox WHERE seq = ?').run(row.seq);
      return;
    }
    if (err instanceof SyncHttpError && err.kind === 'client') {
      ctx.sqlite
        .prepare(`UPDATE outbox SET batch_id = '${PARKED}', last_error = ? WHERE seq = ?`)
        .run(`${err.code}: ${err.message}`, row.seq);
      return;
    }
    throw err;
  }
}

export function noteAttempt(ctx: ServiceContext, seq: number, error: string): void {
  ctx.sqlite
    .prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?')
    .run(error, seq);
}
