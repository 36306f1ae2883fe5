import type Database from 'better-sqlite3';
import { aliasedTable, and, asc, eq, max, sql, type SQL } from 'drizzle-orm';
import { notFound } from '../../../src-shared/errors';
import { fieldLabel } from '../../../src-shared/sync/labels';
import { cleanText } from '../../../src-shared/validation';
import { drizzleOf } from '../../db/client';
import { outbox, projects } from '../../db/schema';
import { appendAudit } from '../audit';
import type { ServiceContext } from '../context';
import type { EntityApplier } from './appliers';
import { baseData, hasPending, seenChange, setServerVersion } from './state';

/** The batch_id of a row the server refused: kept with its reason, never resent on its own. */
export const PARKED = 'parked';

export interface ParkedView {
  entity: string;
  entityId: string;
  /** the reason, in the server's (or the client's) words */
  error: string;
  code: string | null;
  field: string | null;
  /** the form's label of `field` */
  fieldLabel: string | null;
  /** what the user calls the record ("Harbor pylon", "Design revision 3 of Harbor pylon") */
  title: string;
  /** the project the record belongs to, for "Open to fix" */
  projectId: string | null;
  parkedAt: string | null;
}

/** Parks rows with the reason; the rest of the outbox goes on without them. */
export function park(
  sqlite: Database.Database,
  seqs: number[],
  reason: { code: string; message: string; field?: string | null },
  at: string,
): void {
  // a server's message is shown as is, but never more than a paragraph of it
  const message = reason.message.slice(0, 1000);
  const db = drizzleOf(sqlite);
  for (const seq of seqs)
    db.update(outbox)
      .set({
        batchId: PARKED,
        baseVersion: null,
        lastError: message,
        parkCode: reason.code,
        parkField: reason.field ?? null,
        parkedAt: at,
      })
      .where(eq(outbox.seq, seq))
      .run();
}

/**
 * Parked rows go back into the queue (a repair, or the thing they waited for arrived); `where`
 * narrows which (all parked rows without it).
 */
export function unpark(sqlite: Database.Database, where?: SQL): number {
  return drizzleOf(sqlite)
    .update(outbox)
    .set({ batchId: null, baseVersion: null, parkCode: null, parkField: null, parkedAt: null })
    .where(and(eq(outbox.batchId, PARKED), where))
    .run().changes;
}

interface Row {
  entity: string;
  entity_id: string;
  data: string;
  last_error: string | null;
  park_code: string | null;
  park_field: string | null;
  parked_at: string | null;
}

function titleOf(sqlite: Database.Database, r: Row, data: Record<string, unknown>) {
  const projectName = (id: unknown) =>
    drizzleOf(sqlite)
      .select({ name: projects.name })
      .from(projects)
      .where(eq(projects.id, String(id)))
      .get()?.name ?? 'a project';
  switch (r.entity) {
    case 'project':
      return `Project “${projectName(r.entity_id)}”`;
    case 'sign':
      return `Sign ${cleanText(String(data.mark ?? ''))} of “${projectName(data.projectId)}”`;
    case 'design':
      return `Design revision ${String(data.number ?? '')} of “${projectName(data.projectId)}”`.replace(
        '  ',
        ' ',
      );
    case 'quote':
      return `Quote revision ${String(data.number ?? '')} of “${projectName(data.projectId)}”`.replace(
        '  ',
        ' ',
      );
    case 'price-book':
      return 'A price book version';
    case 'company':
      return 'Company details';
    case 'attachment':
      return `File “${cleanText(String(data.fileName ?? ''))}” of “${projectName(data.projectId)}”`;
    default:
      return r.entity;
  }
}

/** One entry per parked record (its latest parked row), oldest first. */
export function parkedRows(sqlite: Database.Database): ParkedView[] {
  const x = aliasedTable(outbox, 'x');
  const latest = drizzleOf(sqlite)
    .select({ seq: max(x.seq) })
    .from(x)
    .where(
      and(eq(x.batchId, PARKED), eq(x.entity, outbox.entity), eq(x.entityId, outbox.entityId)),
    );
  const rows: Row[] = drizzleOf(sqlite)
    .select({
      entity: outbox.entity,
      entity_id: outbox.entityId,
      data: outbox.data,
      last_error: outbox.lastError,
      park_code: outbox.parkCode,
      park_field: outbox.parkField,
      parked_at: outbox.parkedAt,
    })
    .from(outbox)
    .where(and(eq(outbox.batchId, PARKED), eq(outbox.seq, sql`(${latest})`)))
    .orderBy(asc(outbox.seq))
    .all();
  return rows.map((r) => {
    let data: Record<string, unknown> = {};
    try {
      data = JSON.parse(r.data) as Record<string, unknown>;
    } catch {
      // an unreadable payload still shows, by its entity and id
    }
    const projectId =
      r.entity === 'project'
        ? r.entity_id
        : typeof data.projectId === 'string'
          ? data.projectId
          : null;
    return {
      entity: r.entity,
      entityId: r.entity_id,
      error: r.last_error ?? 'The server refused this change.',
      code: r.park_code,
      field: r.park_field,
      fieldLabel: r.park_field ? fieldLabel(r.entity, r.park_field) : null,
      title: titleOf(sqlite, r, data),
      projectId,
      parkedAt: r.parked_at,
    };
  });
}

/**
 * "Discard my change": the refused rows are dropped from the queue (their payload stays in the
 * audit trail, so nothing is lost) and, when nothing else of the record waits to be sent, the
 * local copy goes back to the server's version this laptop last saw.
 */
export function discardParked(
  ctx: ServiceContext,
  appliers: Record<string, EntityApplier>,
  entity: string,
  entityId: string,
): void {
  const actor = ctx.actor();
  const mine = and(
    eq(outbox.batchId, PARKED),
    eq(outbox.entity, entity),
    eq(outbox.entityId, entityId),
  );
  const rows = ctx.db
    .select({ seq: outbox.seq, data: outbox.data, last_error: outbox.lastError })
    .from(outbox)
    .where(mine)
    .orderBy(asc(outbox.seq))
    .all();
  if (!rows.length) throw notFound('The refused change');
  ctx.sqlite.transaction(() => {
    const at = ctx.now();
    ctx.db.delete(outbox).where(mine).run();
    const others = hasPending(ctx.sqlite, entity, entityId);
    // back to the newest server copy this laptop has seen: a change pulled while this one was
    // parked (held back then), else the version it last matched
    const seen = seenChange(ctx.sqlite, entity, entityId);
    const base = seen?.data ?? baseData(ctx.sqlite, entity, entityId);
    const applier = appliers[entity];
    const restored = !others && base && applier;
    if (restored) applier.upsert(ctx, entityId, { ...base, updatedAt: at }, at, actor);
    if (restored && seen?.data)
      setServerVersion(ctx.sqlite, entity, entityId, seen.version, at, seen.data);
    appendAudit(ctx.sqlite, {
      actor,
      at,
      action: 'sync.change-discarded',
      entity,
      entityId,
      before: {
        refused: rows.map((r) => JSON.parse(r.data) as unknown),
        reason: rows.at(-1)?.last_error,
      },
      after: restored ? { restoredServerVersion: true } : null,
    });
  })();
  ctx.events.emit('projects:changed', { id: entityId, action: 'sync-discarded' });
}
