import type Database from 'better-sqlite3';
import type { AuditEvent } from '../../src-shared/projects';

/**
 * Every audited change that belongs to one project, newest first: the project itself, its design
 * and quote revisions (saved here or received by sync), the working quote (generate, overrides,
 * manual lines, settings), quote statuses and files. Audit events carry no project column, so the
 * entity ids are matched through the tables that do (the audit_entity_idx index serves each arm).
 * The actor is shown as the event holds it.
 */
const SQL = `
  SELECT * FROM audit_events WHERE
       (entity = 'project' AND entity_id = @id)
    OR (entity IN ('quote-draft', 'design-draft') AND entity_id = @id)
    OR (entity = 'design' AND entity_id IN (SELECT id FROM design_revisions WHERE project_id = @id))
    OR (entity = 'quote' AND entity_id IN (SELECT id FROM quote_revisions WHERE project_id = @id))
    OR (entity = 'attachment' AND entity_id IN (SELECT id FROM attachments WHERE project_id = @id))
  ORDER BY seq DESC LIMIT 1000`;

interface Row {
  seq: number;
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export function projectActivity(sqlite: Database.Database, projectId: string): AuditEvent[] {
  return (sqlite.prepare(SQL).all({ id: projectId }) as Row[]).map((r) => ({
    seq: r.seq,
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    hash: r.hash,
    prevHash: r.prev_hash,
  }));
}
