import { and, count, eq, max, sql } from 'drizzle-orm';
import { cleanText } from '../../../src-shared/validation';
import { acknowledgementSchema } from '../../../src-shared/quotes/acknowledgement';
import {
  designRevisions,
  priceBookVersions,
  projects,
  quoteRevisions,
  signs,
} from '../../db/schema';
import { appendAudit } from '../audit';
import type { ServiceContext } from '../context';
import { parseData, SYNC_ACTOR, type EntityApplier } from './applier';
import { syncData, toProject } from '../projects';
import { ensureFirstSign, placeholderSign } from '../signs-rows';
import {
  designRevisionColumns,
  priceBookVersionColumns,
  projectColumns,
  quoteRevisionColumns,
} from '../row-mappers';

export { parseData, PulledRecordError, SYNC_ACTOR, type EntityApplier } from './applier';
export { attachmentApplier } from './appliers-attachment';
export { signApplier } from './appliers-sign';

/** The Activity actor of a pulled change: its author's name, or the generic one when unknown. */
export function authorActor(author: { name: string } | null | undefined): string {
  const name = author?.name?.trim();
  return name ? cleanText(name).slice(0, 200) : SYNC_ACTOR;
}

/**
 * The arriving revision's number, or the next free one when two laptops saved the same number
 * offline: both revisions are kept, the arrival is renumbered.
 */
function freeNumber(
  ctx: ServiceContext,
  table: typeof quoteRevisions,
  projectId: string,
  n: number,
): number {
  const taken = ctx.db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.projectId, projectId), eq(table.number, n)))
    .get();
  if (!taken) return n;
  const top = ctx.db
    .select({ n: max(table.number) })
    .from(table)
    .where(eq(table.projectId, projectId))
    .get();
  return (top?.n ?? 0) + 1;
}

/** freeNumber for design revisions, which are numbered per sign. */
function freeDesignNumber(ctx: ServiceContext, signId: string, n: number): number {
  const taken = ctx.db
    .select({ id: designRevisions.id })
    .from(designRevisions)
    .where(and(eq(designRevisions.signId, signId), eq(designRevisions.number, n)))
    .get();
  if (!taken) return n;
  const top = ctx.db
    .select({ n: max(designRevisions.number) })
    .from(designRevisions)
    .where(eq(designRevisions.signId, signId))
    .get();
  return (top?.n ?? 0) + 1;
}

const exists = (
  ctx: ServiceContext,
  table: typeof projects | typeof designRevisions | typeof priceBookVersions | typeof signs,
  id: string,
) => !!ctx.db.select({ n: count() }).from(table).where(eq(table.id, id)).get()?.n;

function projectRow(ctx: ServiceContext, id: string) {
  return ctx.db.select().from(projects).where(eq(projects.id, id)).get();
}

/** The synced shape of a local project row (what the projects service pushes). */
export function projectData(row: typeof projects.$inferSelect): Record<string, unknown> {
  return syncData(toProject(row));
}

export const projectApplier: EntityApplier = {
  upsert(ctx, id, data, at, by = SYNC_ACTOR) {
    const d = parseData('project', data);
    const before = projectRow(ctx, id);
    const { id: _id, createdAt, ...changed } = projectColumns(id, d, at);
    if (before)
      ctx.db
        .update(projects)
        .set({ ...changed, version: sql`${projects.version} + 1` })
        .where(eq(projects.id, id))
        .run();
    else {
      ctx.db
        .insert(projects)
        .values({ id, createdAt, ...changed, version: 1 })
        .run();
      // the same first sign the project got where it was made (its id follows from the project's)
      ensureFirstSign(ctx, id, at);
    }
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: before ? 'project.received' : 'project.received-new',
      entity: 'project',
      entityId: id,
      before: before ? projectData(before) : null,
      after: projectData(projectRow(ctx, id)!),
    });
  },
  remove(ctx, id, at, by = SYNC_ACTOR) {
    // A server tombstone moves the local copy to the trash; nothing is destroyed on this laptop.
    const before = projectRow(ctx, id);
    if (!before || before.deletedAt) return;
    ctx.db
      .update(projects)
      .set({ deletedAt: at, updatedAt: at, version: sql`${projects.version} + 1` })
      .where(eq(projects.id, id))
      .run();
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: 'project.deleted',
      entity: 'project',
      entityId: id,
      before: projectData(before),
      after: projectData(projectRow(ctx, id)!),
    });
  },
  local(ctx, id) {
    const r = projectRow(ctx, id);
    return r ? projectData(r) : null;
  },
};

/** Design revisions are immutable: a pulled one is inserted once; numbers stay unique locally. */
export const designApplier: EntityApplier = {
  upsert(ctx, id, data, at, by = SYNC_ACTOR) {
    if (exists(ctx, designRevisions, id)) return;
    const d = parseData('design', data);
    if (!exists(ctx, projects, d.projectId)) return;
    // a revision saved before the sign schedule belongs to the project's first sign
    const signId = d.signId ?? ensureFirstSign(ctx, d.projectId, at).id;
    if (!exists(ctx, signs, signId)) placeholderSign(ctx, d.projectId, signId, at);
    const number = freeDesignNumber(ctx, signId, d.number);
    ctx.db
      .insert(designRevisions)
      .values(designRevisionColumns(id, { ...d, signId, number }, at, by))
      .run();
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: 'design.revision-received',
      entity: 'design',
      entityId: id,
      before: null,
      after: { projectId: d.projectId, signId, number },
    });
  },
  remove() {
    // revisions are immutable and never deleted
  },
  local(ctx, id) {
    const r = ctx.db
      .select({ projectId: designRevisions.projectId, number: designRevisions.number })
      .from(designRevisions)
      .where(eq(designRevisions.id, id))
      .get();
    return r ? { id, projectId: r.projectId, number: r.number } : null;
  },
};

/** Price book versions are immutable; a remote one is inserted once (renumbered if taken). */
export const priceBookApplier: EntityApplier = {
  upsert(ctx, id, data, at, by = SYNC_ACTOR) {
    if (exists(ctx, priceBookVersions, id)) return;
    const d = parseData('price-book', data);
    const number =
      (ctx.db
        .select({ n: max(priceBookVersions.number) })
        .from(priceBookVersions)
        .get()?.n ?? 0) + 1;
    ctx.db
      .insert(priceBookVersions)
      .values(priceBookVersionColumns(id, number, d, at, by))
      .run();
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: 'price-book.version-received',
      entity: 'price-book',
      entityId: id,
      before: null,
      after: { number },
    });
  },
  remove() {
    // versions are never deleted: old quotes keep the version they used
  },
  local() {
    return null;
  },
};

/** The acknowledgements a pulled quote carries; any entry the shared schema refuses is dropped. */
function acknowledgementsFrom(raw: unknown[]) {
  return raw.flatMap((a) => {
    const r = acknowledgementSchema.safeParse(a);
    return r.success ? [r.data] : [];
  });
}

/**
 * Quote revisions are snapshots: inserted once; later only their status moves (never once
 * accepted, which the database itself refuses). A revision whose design revision or price book
 * version has not arrived is skipped, and a "Repair sync" fetches it again.
 */
export const quoteApplier: EntityApplier = {
  upsert(ctx, id, data, at, by = SYNC_ACTOR) {
    const d = parseData('quote', data);
    const existing = ctx.db
      .select({ status: quoteRevisions.status })
      .from(quoteRevisions)
      .where(eq(quoteRevisions.id, id))
      .get();
    // who acknowledged a design that does not pass, when and for what: part of the record
    const acknowledgements = acknowledgementsFrom(d.acknowledgements);
    if (existing) {
      if (existing.status === d.status || existing.status === 'accepted') return;
      ctx.db
        .update(quoteRevisions)
        .set({
          status: d.status,
          statusChangedAt: d.statusChangedAt ?? at,
          statusChangedBy: d.statusChangedBy ?? SYNC_ACTOR,
          acknowledgements: JSON.stringify(acknowledgements),
        })
        .where(eq(quoteRevisions.id, id))
        .run();
      appendAudit(ctx.sqlite, {
        actor: by,
        at,
        action: 'quote.status-received',
        entity: 'quote',
        entityId: id,
        before: { status: existing.status },
        after: { status: d.status },
      });
      return;
    }
    const deps =
      exists(ctx, projects, d.projectId) &&
      exists(ctx, designRevisions, d.designRevisionId) &&
      exists(ctx, priceBookVersions, d.priceBookVersionId);
    if (!deps) return;
    const number = freeNumber(ctx, quoteRevisions, d.projectId, d.number);
    ctx.db
      .insert(quoteRevisions)
      .values(quoteRevisionColumns(id, { ...d, number }, acknowledgements, at, by))
      .run();
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: 'quote.revision-received',
      entity: 'quote',
      entityId: id,
      before: null,
      after: { projectId: d.projectId, number },
    });
  },
  remove() {
    // quote revisions are kept
  },
  local(ctx, id) {
    const r = ctx.db
      .select({
        projectId: quoteRevisions.projectId,
        number: quoteRevisions.number,
        status: quoteRevisions.status,
      })
      .from(quoteRevisions)
      .where(eq(quoteRevisions.id, id))
      .get();
    return r ? { id, projectId: r.projectId, number: r.number, status: r.status } : null;
  },
};
