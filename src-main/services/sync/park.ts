import type Database from 'better-sqlite3';
import { notFound } from '../../../src-shared/errors';
import { fieldLabel } from '../../../src-shared/sync/labels';
import { cleanText } from '../../../src-shared/validation';
import { appendAudit } from '../audit';
import type { ServiceContext } from '../context';
import type { EntityApplier } from './appliers';
import { baseData, seenChange, setServerVersion } from './state';

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
  const stmt = sqlite.prepare(
    `UPDATE outbox SET batch_id = '${PARKED}', base_version = NULL, last_error = ?, park_code = ?, park_field = ?, parked_at = ? WHERE seq = ?`,
  );
  // a server's message is shown as is, but never more than a paragraph of it
  const message = reason.message.slice(0, 1000);
  for (const seq of seqs) stmt.run(message, reason.code, reason.field ?? null, at, seq);
}

/** Parked rows go back into the queue (a repair, or the thing they waited for arrived). */
export function unpark(sqlite: Database.Database, where: string, ...args: unknown[]): number {
  return sqlite
    .prepare(
      `UPDATE outbox SET batch_id = NULL, base_version = NULL, park_code = NULL, park_field = NULL, parked_at = NULL
       WHERE batch_id = '${PARKED}'${where ? ` AND (${where})` : ''}`,
    )
    .run(...args).changes;
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
    (
      sqlite.prepare('SELECT name FROM projects WHERE id = ?').get(String(id)) as
        { name: string } | undefined
    )?.name ?? 'a project';
  switch (r.entity) {
    case 'project':
      return `Project “${projectName(r.entity_id)}”`;
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
  const rows = sqlite
    .prepare(
      `SELECT o.* FROM outbox o WHERE o.batch_id = '${PARKED}'
         AND o.seq = (SELECT max(seq) FROM outbox x WHERE x.batch_id = '${PARKED}' AND x.entity = o.entity AND x.entity_id = o.entity_id)
       ORDER BY o.seq`,
    )
    .all() as Row[];
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
  const rows = ctx.sqlite
    .prepare(
      `SELECT seq, data, last_error FROM outbox WHERE batch_id = '${PARKED}' AND entity = ? AND entity_id = ? ORDER BY seq`,
    )
    .all(entity, entityId) as { seq: number; data: string; last_error: string | null }[];
  if (!rows.length) throw notFound('The refused change');
  ctx.sqlite.transaction(() => {
    const at = ctx.now();
    ctx.sqlite
      .prepare(`DELETE FROM outbox WHERE batch_id = '${PARKED}' AND entity = ? AND entity_id = ?`)
      .run(entity, entityId);
    const others = ctx.sqlite
      .prepare('SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? LIMIT 1')
      .get(entity, entityId);
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
