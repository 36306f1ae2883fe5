import type Database from 'better-sqlite3';
import { cleanText } from '../../../src-shared/validation';
import {
  acknowledgementSchema,
  type DesignAcknowledgement,
} from '../../../src-shared/quotes/acknowledgement';
import { appendAudit } from '../audit';
import type { ServiceContext } from '../context';

/**
 * How a pulled change lands in the local database, per entity. Appliers run inside the pull's
 * transaction, write no outbox rows (the change came from the server) and leave an audit event
 * so the Activity view shows what arrived.
 */
export interface EntityApplier {
  /** `by`: who wrote the change (the pulled change's author), the actor of the audit event */
  upsert(
    ctx: ServiceContext,
    id: string,
    data: Record<string, unknown>,
    at: string,
    by?: string,
  ): void;
  /** a server tombstone */
  remove(ctx: ServiceContext, id: string, at: string, by?: string): void;
  /** the local copy, as pushed (for conflicts) */
  local(ctx: ServiceContext, id: string): Record<string, unknown> | null;
}

export const SYNC_ACTOR = 'Sync (from server)';
export { attachmentApplier } from './appliers-attachment';

/** The Activity actor of a pulled change: its author's name, or the generic one when unknown. */
export function authorActor(author: { name: string } | null | undefined): string {
  const name = author?.name?.trim();
  return name ? cleanText(name).slice(0, 200) : SYNC_ACTOR;
}

/**
 * Arriving text is cleaned the same way the local repair cleans stored text, so a record another
 * (older) client managed to store on the server never carries an unstorable character in here.
 */
const clean = (v: unknown, multiline = false) =>
  typeof v === 'string' ? cleanText(v, { multiline }) : v;

/**
 * The arriving revision's number, or the next free one when two laptops saved the same number
 * offline: both revisions are kept, the arrival is renumbered.
 */
function freeNumber(
  ctx: ServiceContext,
  table: 'design_revisions' | 'quote_revisions',
  projectId: string,
  wanted: unknown,
): number {
  const n = typeof wanted === 'number' ? wanted : 1;
  const taken = ctx.sqlite
    .prepare(`SELECT 1 FROM ${table} WHERE project_id = ? AND number = ?`)
    .get(projectId, n);
  if (!taken) return n;
  const max = ctx.sqlite
    .prepare(`SELECT max(number) AS n FROM ${table} WHERE project_id = ?`)
    .get(projectId) as { n: number };
  return max.n + 1;
}

const str = (v: unknown, d = '') => (typeof v === 'string' ? (clean(v, true) as string) : d);
const single = (v: unknown, d = '') => (typeof v === 'string' ? cleanText(v) : d);
const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null);

function projectRow(sqlite: Database.Database, id: string) {
  return sqlite.prepare('SELECT * FROM projects WHERE id = ?').get(id) as
    Record<string, unknown> | undefined;
}

export function projectData(row: Record<string, unknown>): Record<string, unknown> {
  return {
    id: row.id,
    name: row.name,
    customer: {
      company: row.customer_company,
      contact: row.customer_contact,
      email: row.customer_email,
      phone: row.customer_phone,
    },
    siteAddress: row.site_address,
    jurisdiction: row.jurisdiction,
    notes: row.notes,
    status: row.status,
    archivedAt: row.archived_at,
    deletedAt: row.deleted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const STATUSES = new Set(['draft', 'estimating', 'submitted', 'accepted', 'rejected']);

export const projectApplier: EntityApplier = {
  upsert(ctx, id, data, at, by = SYNC_ACTOR) {
    const c = (data.customer ?? {}) as Record<string, unknown>;
    const before = projectRow(ctx.sqlite, id);
    const values = {
      id,
      name: single(data.name, 'Untitled project').slice(0, 200) || 'Untitled project',
      company: single(c.company),
      contact: single(c.contact),
      email: single(c.email),
      phone: single(c.phone),
      site: single(data.siteAddress),
      jurisdiction: single(data.jurisdiction),
      notes: str(data.notes),
      status: STATUSES.has(str(data.status)) ? str(data.status) : 'draft',
      archived: strOrNull(data.archivedAt),
      deleted: strOrNull(data.deletedAt),
      created: str(data.createdAt, at),
      updated: str(data.updatedAt, at),
    };
    if (before) {
      ctx.sqlite
        .prepare(
          `UPDATE projects SET name=@name, customer_company=@company, customer_contact=@contact, customer_email=@email,
             customer_phone=@phone, site_address=@site, jurisdiction=@jurisdiction, notes=@notes, status=@status,
             archived_at=@archived, deleted_at=@deleted, updated_at=@updated, version = version + 1 WHERE id=@id`,
        )
        .run(values);
    } else {
      ctx.sqlite
        .prepare(
          `INSERT INTO projects (id, name, customer_company, customer_contact, customer_email, customer_phone, site_address,
             jurisdiction, notes, status, archived_at, deleted_at, created_at, updated_at, version)
           VALUES (@id, @name, @company, @contact, @email, @phone, @site, @jurisdiction, @notes, @status, @archived, @deleted,
             @created, @updated, 1)`,
        )
        .run(values);
    }
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: before ? 'project.received' : 'project.received-new',
      entity: 'project',
      entityId: id,
      before: before ? projectData(before) : null,
      after: projectData(projectRow(ctx.sqlite, id)!),
    });
  },
  remove(ctx, id, at, by = SYNC_ACTOR) {
    // A server tombstone moves the local copy to the trash; nothing is destroyed on this laptop.
    const before = projectRow(ctx.sqlite, id);
    if (!before || before.deleted_at) return;
    ctx.sqlite
      .prepare(
        'UPDATE projects SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?',
      )
      .run(at, at, id);
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: 'project.deleted',
      entity: 'project',
      entityId: id,
      before: projectData(before),
      after: projectData(projectRow(ctx.sqlite, id)!),
    });
  },
  local(ctx, id) {
    const r = projectRow(ctx.sqlite, id);
    return r ? projectData(r) : null;
  },
};

/** Design revisions are immutable: a pulled one is inserted once; numbers stay unique locally. */
export const designApplier: EntityApplier = {
  upsert(ctx, id, data, at, by = SYNC_ACTOR) {
    if (ctx.sqlite.prepare('SELECT 1 FROM design_revisions WHERE id = ?').get(id)) return;
    const projectId = str(data.projectId);
    if (!ctx.sqlite.prepare('SELECT 1 FROM projects WHERE id = ?').get(projectId)) return;
    const number = freeNumber(ctx, 'design_revisions', projectId, data.number);
    ctx.sqlite
      .prepare(
        `INSERT INTO design_revisions (id, project_id, number, note, input, result, engine_version, input_hash, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        projectId,
        number,
        str(data.note),
        JSON.stringify(data.input ?? {}),
        JSON.stringify(data.result ?? {}),
        str(data.engineVersion),
        str(data.inputHash),
        str(data.createdAt, at),
        str(data.createdBy, by),
      );
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: 'design.revision-received',
      entity: 'design',
      entityId: id,
      before: null,
      after: { projectId, number },
    });
  },
  remove() {
    // revisions are immutable and never deleted
  },
  local(ctx, id) {
    const r = ctx.sqlite.prepare('SELECT * FROM design_revisions WHERE id = ?').get(id) as
      Record<string, unknown> | undefined;
    return r ? { id, projectId: r.project_id, number: r.number } : null;
  },
};

/** Price book versions are immutable; a remote one is inserted once (renumbered if taken). */
export const priceBookApplier: EntityApplier = {
  upsert(ctx, id, data, at, by = SYNC_ACTOR) {
    if (ctx.sqlite.prepare('SELECT 1 FROM price_book_versions WHERE id = ?').get(id)) return;
    const max = ctx.sqlite
      .prepare('SELECT coalesce(max(number), 0) AS n FROM price_book_versions')
      .get() as { n: number };
    const source = ['seed', 'edit', 'import'].includes(str(data.source))
      ? str(data.source)
      : 'edit';
    ctx.sqlite
      .prepare(
        `INSERT INTO price_book_versions (id, number, effective_date, note, source, items, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        max.n + 1,
        str(data.effectiveDate, at.slice(0, 10)),
        str(data.note),
        source,
        JSON.stringify(data.items ?? []),
        str(data.createdAt, at),
        str(data.createdBy, by),
      );
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: 'price-book.version-received',
      entity: 'price-book',
      entityId: id,
      before: null,
      after: { number: max.n + 1 },
    });
  },
  remove() {
    // versions are never deleted: old quotes keep the version they used
  },
  local() {
    return null;
  },
};

/**
 * Quote revisions are snapshots: inserted once; later only their status moves (never once
 * accepted, which the database itself refuses). A revision whose design revision or price book
 * version has not arrived is skipped, and a "Repair sync" fetches it again.
 */
/** The acknowledgements a pulled quote carries; any entry the shared schema refuses is dropped. */
function acknowledgementsFrom(raw: unknown): DesignAcknowledgement[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((a) => {
    const r = acknowledgementSchema.safeParse(a);
    return r.success ? [r.data] : [];
  });
}

export const quoteApplier: EntityApplier = {
  upsert(ctx, id, data, at, by = SYNC_ACTOR) {
    const existing = ctx.sqlite
      .prepare('SELECT status FROM quote_revisions WHERE id = ?')
      .get(id) as { status: string } | undefined;
    const status = ['draft', 'sent', 'accepted', 'declined', 'expired'].includes(str(data.status))
      ? str(data.status)
      : 'draft';
    // who acknowledged a design that does not pass, when and for what: part of the record
    const acknowledgements = JSON.stringify(acknowledgementsFrom(data.acknowledgements));
    if (existing) {
      if (existing.status === status || existing.status === 'accepted') return;
      ctx.sqlite
        .prepare(
          'UPDATE quote_revisions SET status = ?, status_changed_at = ?, status_changed_by = ?, acknowledgements = ? WHERE id = ?',
        )
        .run(
          status,
          strOrNull(data.statusChangedAt) ?? at,
          strOrNull(data.statusChangedBy) ?? SYNC_ACTOR,
          acknowledgements,
          id,
        );
      appendAudit(ctx.sqlite, {
        actor: by,
        at,
        action: 'quote.status-received',
        entity: 'quote',
        entityId: id,
        before: { status: existing.status },
        after: { status },
      });
      return;
    }
    const deps =
      ctx.sqlite.prepare('SELECT 1 FROM projects WHERE id = ?').get(str(data.projectId)) &&
      ctx.sqlite
        .prepare('SELECT 1 FROM design_revisions WHERE id = ?')
        .get(str(data.designRevisionId)) &&
      ctx.sqlite
        .prepare('SELECT 1 FROM price_book_versions WHERE id = ?')
        .get(str(data.priceBookVersionId));
    if (!deps) return;
    const number = freeNumber(ctx, 'quote_revisions', str(data.projectId), data.number);
    ctx.sqlite
      .prepare(
        `INSERT INTO quote_revisions (id, project_id, number, note, status, valid_until, design_revision_id, price_book_version_id,
           priced, overrides, manual_lines, header, total_cents, created_at, created_by, status_changed_at, status_changed_by,
           acknowledgements)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        str(data.projectId),
        number,
        str(data.note),
        status,
        str(data.validUntil, at.slice(0, 10)),
        str(data.designRevisionId),
        str(data.priceBookVersionId),
        JSON.stringify(data.priced ?? {}),
        JSON.stringify(data.overrides ?? []),
        JSON.stringify(data.manualLines ?? []),
        JSON.stringify(data.header ?? {}),
        Math.round(Number(data.totalCents ?? 0)),
        str(data.createdAt, at),
        str(data.createdBy, by),
        strOrNull(data.statusChangedAt),
        strOrNull(data.statusChangedBy),
        acknowledgements,
      );
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: 'quote.revision-received',
      entity: 'quote',
      entityId: id,
      before: null,
      after: { projectId: data.projectId, number },
    });
  },
  remove() {
    // quote revisions are kept
  },
  local(ctx, id) {
    const r = ctx.sqlite
      .prepare('SELECT id, project_id, number, status FROM quote_revisions WHERE id = ?')
      .get(id) as Record<string, unknown> | undefined;
    return r ? { id, projectId: r.project_id, number: r.number, status: r.status } : null;
  },
};
