import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '../../src-shared/errors';
import {
  canTransition,
  STATUS_LABELS,
  TRANSITIONS,
  type ListQuery,
  type Project,
  type ProjectListItem,
  type ProjectFields,
  type ProjectPatch,
  type ProjectStatus,
} from '../../src-shared/projects';
import { listQuerySchema } from '../../src-shared/projects';

import type { ProjectData } from '../../src-shared/sync/entities';
import { projects, quoteRevisions, signs } from '../db/schema';
import { lastAuditFor } from './audit';
import { recordChange, type ServiceContext } from './context';
import type { OutboxOp } from './outbox';
import { projectColumns } from './row-mappers';
import { ensureFirstSign } from './signs-rows';
import { ftsMatchExpression } from './search';

type Row = typeof projects.$inferSelect;

export function toProject(r: Row): Project {
  return {
    id: r.id,
    name: r.name,
    customer: {
      company: r.customerCompany,
      contact: r.customerContact,
      email: r.customerEmail,
      phone: r.customerPhone,
    },
    siteAddress: r.siteAddress,
    jurisdiction: r.jurisdiction,
    notes: r.notes,
    status: r.status,
    archivedAt: r.archivedAt,
    deletedAt: r.deletedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

function fieldsToColumns(f: ProjectPatch): Partial<Row> {
  const out: Partial<Row> = {};
  if (f.name !== undefined) out.name = f.name;
  // only the customer fields given change (undefined columns are left out of the UPDATE)
  if (f.customer?.company !== undefined) out.customerCompany = f.customer.company;
  if (f.customer?.contact !== undefined) out.customerContact = f.customer.contact;
  if (f.customer?.email !== undefined) out.customerEmail = f.customer.email;
  if (f.customer?.phone !== undefined) out.customerPhone = f.customer.phone;
  if (f.siteAddress !== undefined) out.siteAddress = f.siteAddress;
  if (f.jurisdiction !== undefined) out.jurisdiction = f.jurisdiction;
  if (f.notes !== undefined) out.notes = f.notes;
  return out;
}

/**
 * The synced shape of a project (what the outbox carries and the server stores); a pull reads it
 * back with projectDataSchema (src-shared/sync/entities.ts).
 */
export function syncData(p: Project): ProjectData & { id: string } {
  const { version: _v, ...rest } = p;
  return rest;
}

function load(ctx: ServiceContext, id: string): Row {
  const row = ctx.db.select().from(projects).where(eq(projects.id, id)).get();
  if (!row) throw notFound('The project');
  return row;
}

export function getProject(ctx: ServiceContext, id: string): Project {
  return toProject(load(ctx, id));
}

export function createProject(ctx: ServiceContext, fields: ProjectFields): Project {
  const { value } = recordChange(ctx, (at) => {
    const row = ctx.db
      .insert(projects)
      .values({
        ...projectColumns(
          randomUUID(),
          { ...fields, status: 'draft', archivedAt: null, deletedAt: null },
          at,
        ),
        version: 1,
      })
      .returning()
      .get();
    const p = toProject(row);
    // its first sign (S1), as every project has; its id follows from the project's, so a laptop
    // that pulls the project makes the same sign and nothing needs pushing for it
    ensureFirstSign(ctx, p.id, at);
    return {
      value: p,
      change: {
        entity: 'project',
        entityId: p.id,
        action: 'project.created',
        before: null,
        after: syncData(p),
        outbox: { op: 'upsert', data: syncData(p) },
      },
    };
  });
  ctx.events.emit('projects:changed', { id: value.id, action: 'created' });
  return value;
}

/** Shared path of every single-row change: load, check, write, audit, outbox, event. */
function mutate(
  ctx: ServiceContext,
  id: string,
  action: string,
  apply: (before: Row, at: string) => Partial<Row>,
  opts: { allowDeleted?: boolean; outboxOp?: (after: Project) => OutboxOp } = {},
): { project: Project; eventId: string } {
  const { value, eventId } = recordChange(ctx, (at) => {
    const before = load(ctx, id);
    if (before.deletedAt && !opts.allowDeleted) {
      throw new AppError('ILLEGAL_STATE', 'This project is in the trash. Restore it first.');
    }
    const set = apply(before, at);
    const row = ctx.db
      .update(projects)
      .set({ ...set, updatedAt: at, version: before.version + 1 })
      .where(eq(projects.id, id))
      .returning()
      .get();
    const b = toProject(before);
    const p = toProject(row);
    return {
      value: p,
      change: {
        entity: 'project',
        entityId: id,
        action,
        before: syncData(b),
        after: syncData(p),
        outbox: { op: opts.outboxOp?.(p) ?? 'upsert', data: syncData(p) },
      },
    };
  });
  ctx.events.emit('projects:changed', { id, action });
  return { project: value, eventId };
}

export function updateProject(
  ctx: ServiceContext,
  id: string,
  patch: ProjectPatch,
  expectedVersion?: number,
): Project {
  return mutate(ctx, id, 'project.updated', (before) => {
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new AppError(
        'CONFLICT',
        'This project was changed elsewhere since you opened it. Reload to see the latest version.',
      );
    }
    return fieldsToColumns(patch);
  }).project;
}

export function transitionProject(
  ctx: ServiceContext,
  id: string,
  to: ProjectStatus,
): { project: Project; eventId: string } {
  // Submitting goes through the server's submit endpoint (idempotency key = the outbox row's
  // mutation id), never as a plain edit, so a retry can never submit twice.
  const submitOp = {
    outboxOp: (p: Project): OutboxOp => (p.status === 'submitted' ? 'submit' : 'upsert'),
  };
  return mutate(
    ctx,
    id,
    'project.status',
    (before) => {
      if (before.status === to) {
        throw new AppError('ILLEGAL_STATE', `The project is already ${STATUS_LABELS[to]}.`);
      }
      if (!canTransition(before.status, to)) {
        const allowed = TRANSITIONS[before.status].map((s) => STATUS_LABELS[s]);
        throw new AppError(
          'ILLEGAL_STATE',
          `A ${STATUS_LABELS[before.status]} project cannot move to ${STATUS_LABELS[to]}. ` +
            (allowed.length ? `Allowed next: ${allowed.join(', ')}.` : 'It is final.'),
        );
      }
      return { status: to };
    },
    submitOp,
  );
}

/**
 * Undo of a status change, offered only while it is still the project's latest event: it puts
 * back the previous status even where the forward state machine has no such edge.
 */
export function undoTransition(ctx: ServiceContext, id: string, eventId: string): Project {
  return mutate(ctx, id, 'project.status-undone', () => {
    const last = lastAuditFor(ctx.sqlite, 'project', id);
    if (!last || last.id !== eventId || last.action !== 'project.status') {
      throw new AppError(
        'ILLEGAL_STATE',
        'That change can no longer be undone: the project changed since.',
      );
    }
    const prev = (last.before as { status: ProjectStatus }).status;
    return { status: prev };
  }).project;
}

export function setArchived(ctx: ServiceContext, id: string, archived: boolean): Project {
  return mutate(ctx, id, archived ? 'project.archived' : 'project.unarchived', (before, at) => {
    if (archived === (before.archivedAt !== null)) {
      throw new AppError(
        'ILLEGAL_STATE',
        archived ? 'The project is already archived.' : 'The project is not archived.',
      );
    }
    return { archivedAt: archived ? at : null };
  }).project;
}

export function setDeleted(ctx: ServiceContext, id: string, deleted: boolean): Project {
  return mutate(
    ctx,
    id,
    deleted ? 'project.deleted' : 'project.restored',
    (before, at) => {
      if (deleted === (before.deletedAt !== null)) {
        throw new AppError(
          'ILLEGAL_STATE',
          deleted ? 'The project is already in the trash.' : 'The project is not in the trash.',
        );
      }
      return { deletedAt: deleted ? at : null };
    },
    { allowDeleted: true },
  ).project;
}

/** Each listed project's signs to build and latest quoted total, two queries for the page. */
function withJobFacts(ctx: ServiceContext, page: Project[]): ProjectListItem[] {
  if (!page.length) return [];
  const ids = page.map((p) => p.id);
  const built = new Map(
    ctx.db
      .select({ projectId: signs.projectId, n: sql<number>`sum(${signs.quantity})` })
      .from(signs)
      .where(and(inArray(signs.projectId, ids), isNull(signs.deletedAt)))
      .groupBy(signs.projectId)
      .all()
      .map((r) => [r.projectId, Number(r.n)]),
  );
  const quoted = new Map<string, { number: number; totalCents: number }>();
  for (const r of ctx.db
    .select({
      projectId: quoteRevisions.projectId,
      number: quoteRevisions.number,
      totalCents: quoteRevisions.totalCents,
    })
    .from(quoteRevisions)
    .where(inArray(quoteRevisions.projectId, ids))
    .all()) {
    const had = quoted.get(r.projectId);
    if (!had || r.number > had.number) quoted.set(r.projectId, r);
  }
  return page.map((p) => ({
    ...p,
    signsToBuild: built.get(p.id) ?? 0,
    quotedTotalCents: quoted.get(p.id)?.totalCents ?? null,
  }));
}

export function listProjects(
  ctx: ServiceContext,
  q: ListQuery,
): { items: ProjectListItem[]; total: number } {
  const query = listQuerySchema.parse(q);
  const where: SQL[] = [];
  if (query.view === 'trash') where.push(isNotNull(projects.deletedAt));
  else {
    where.push(isNull(projects.deletedAt));
    where.push(
      query.view === 'archived' ? isNotNull(projects.archivedAt) : isNull(projects.archivedAt),
    );
  }
  if (query.statuses.length) where.push(inArray(projects.status, query.statuses));
  const match = ftsMatchExpression(query.query);
  if (match) {
    // raw SQL on purpose: FTS5 MATCH on the projects_fts virtual table, which drizzle cannot model
    where.push(
      sql`${projects.seq} IN (SELECT rowid FROM projects_fts WHERE projects_fts MATCH ${match})`,
    );
  }
  const cond = and(...where);
  const page = ctx.db
    .select()
    .from(projects)
    .where(cond)
    .orderBy(desc(projects.updatedAt), desc(projects.seq))
    .limit(query.limit)
    .offset(query.offset)
    .all()
    .map(toProject);
  const items = withJobFacts(ctx, page);
  const total =
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(projects)
      .where(cond)
      .get()?.n ?? 0;
  return { items, total };
}
