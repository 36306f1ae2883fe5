import type Database from 'better-sqlite3';
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { AuditEvent } from '../../src-shared/projects';
import { drizzleOf } from '../db/client';
import { attachments, auditEvents, designRevisions, quoteRevisions, signs } from '../db/schema';

/**
 * Every audited change that belongs to one project, newest first: the project itself, its design
 * and quote revisions (saved here or received by sync), the working quote (generate, overrides,
 * manual lines, settings), quote statuses, files and its signs. Audit events carry no project column, so the
 * entity ids are matched through the tables that do (the audit_entity_idx index serves each arm).
 * The actor is shown as the event holds it.
 */
export function projectActivity(sqlite: Database.Database, projectId: string): AuditEvent[] {
  const db = drizzleOf(sqlite);
  const a = auditEvents;
  const idsOf = (
    t: typeof designRevisions | typeof quoteRevisions | typeof attachments | typeof signs,
  ) => db.select({ id: t.id }).from(t).where(eq(t.projectId, projectId));
  return db
    .select()
    .from(a)
    .where(
      or(
        and(eq(a.entity, 'project'), eq(a.entityId, projectId)),
        and(inArray(a.entity, ['quote-draft', 'design-draft']), eq(a.entityId, projectId)),
        and(eq(a.entity, 'design'), inArray(a.entityId, idsOf(designRevisions))),
        // its sign schedule (and a repaired draft, keyed by its sign since the schedule)
        and(inArray(a.entity, ['sign', 'design-draft']), inArray(a.entityId, idsOf(signs))),
        and(eq(a.entity, 'quote'), inArray(a.entityId, idsOf(quoteRevisions))),
        and(eq(a.entity, 'attachment'), inArray(a.entityId, idsOf(attachments))),
      ),
    )
    .orderBy(desc(a.seq))
    .limit(1000)
    .all()
    .map((r) => ({
      seq: r.seq,
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown),
      after: r.after === null ? null : (JSON.parse(r.after) as unknown),
      hash: r.hash,
      prevHash: r.prevHash,
    }));
}
