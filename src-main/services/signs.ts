import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { desc, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../src-shared/errors';
import { designVerdict, parseDesignInput, type SignDesignResult } from '../../src-shared/engine';
import {
  signFieldsSchema,
  signPatchSchema,
  type Sign,
  type SignFields,
  type SignListItem,
  type SignPatch,
} from '../../src-shared/signs';
import { fieldErrors } from '../../src-shared/validation';
import { designDrafts, designRevisions, projects, signs } from '../db/schema';
import { computeDesignParsed as computeDesign } from '../engine';
import { recordChanges, type ChangeRecord, type ServiceContext } from './context';
import { designRevisionColumns } from './row-mappers';
import {
  liveSigns,
  loadSign,
  nextMark,
  requireLiveProject,
  requireLiveSign,
  signColumns,
  signSyncData,
  toSign,
  type SignRow as Row,
} from './signs-rows';

function latestRevision(ctx: ServiceContext, signId: string) {
  return ctx.db
    .select()
    .from(designRevisions)
    .where(eq(designRevisions.signId, signId))
    .orderBy(desc(designRevisions.number))
    .limit(1)
    .get();
}

const draftOf = (ctx: ServiceContext, signId: string) =>
  ctx.db.select().from(designDrafts).where(eq(designDrafts.signId, signId)).get();

/** Status and key result: the latest revision's, else the draft's when it computes, else none. */
function designState(ctx: ServiceContext, signId: string): Omit<SignListItem, keyof Sign> {
  const rev = latestRevision(ctx, signId);
  let result: SignDesignResult | null = null;
  if (rev) result = JSON.parse(rev.result) as SignDesignResult;
  else {
    const draft = draftOf(ctx, signId);
    const parsed = draft ? parseDesignInput(JSON.parse(draft.input)) : null;
    if (parsed?.ok) result = computeDesign(parsed.value);
    if (!result)
      return {
        status: 'not-designed',
        source: 'none',
        revisionNumber: null,
        revisionId: null,
        pole: null,
        footingDiameterFt: null,
        footingDepthFt: null,
      };
  }
  return {
    status: designVerdict(result).status,
    source: rev ? 'revision' : 'draft',
    revisionNumber: rev?.number ?? null,
    revisionId: rev?.id ?? null,
    pole: result.summary.pole.designation || null,
    footingDiameterFt: result.summary.foundation.diameterFt,
    footingDepthFt: result.summary.foundation.depthFt,
  };
}

/** The schedule in order; `trash` lists the removed signs instead (newest removal first). */
export function listSigns(
  ctx: ServiceContext,
  projectId: string,
  opts: { trash?: boolean } = {},
): SignListItem[] {
  const rows = opts.trash
    ? ctx.db
        .select()
        .from(signs)
        .where(eq(signs.projectId, projectId))
        .orderBy(desc(signs.deletedAt))
        .all()
        .filter((r) => r.deletedAt !== null)
    : liveSigns(ctx, projectId);
  if (!ctx.db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).get())
    throw notFound('The project');
  return rows.map((r) => ({ ...toSign(r), ...designState(ctx, r.id) }));
}

export function getSign(ctx: ServiceContext, id: string): SignListItem {
  const row = loadSign(ctx, id);
  return { ...toSign(row), ...designState(ctx, id) };
}

function parseOrThrow<S extends z.ZodType>(schema: S, v: unknown): z.output<S> {
  const r = schema.safeParse(v);
  if (r.success) return r.data;
  const fields = fieldErrors(r.error);
  throw new AppError('VALIDATION', Object.values(fields)[0] ?? 'The sign is not valid', fields);
}

/** Marks name signs on drawings and quotes: two live signs of a project never share one. */
function assertMarkFree(ctx: ServiceContext, projectId: string, mark: string, self?: string) {
  const taken = liveSigns(ctx, projectId).find(
    (s) => s.id !== self && s.mark.toLowerCase() === mark.toLowerCase(),
  );
  if (taken) {
    const msg = `Sign mark ${mark} is already used by another sign of this project`;
    throw new AppError('VALIDATION', `${msg}.`, { mark: msg });
  }
}

const signChange = (
  action: string,
  before: Row | null,
  after: Row,
  op: 'upsert' | 'delete' = 'upsert',
): ChangeRecord => ({
  entity: 'sign',
  entityId: after.id,
  action,
  before: before ? signSyncData(toSign(before)) : null,
  after: signSyncData(toSign(after)),
  outbox: { op, data: signSyncData(toSign(after)) },
});

function emit(ctx: ServiceContext, projectId: string) {
  ctx.events.emit('signs:changed', { projectId });
}

/** Adds a sign at the end of the schedule; without a mark it gets the next S-number. */
export function addSign(
  ctx: ServiceContext,
  projectId: string,
  fields: Partial<SignFields> = {},
): Sign {
  const { value } = recordChanges(ctx, (at) => {
    requireLiveProject(ctx, projectId);
    const f = parseOrThrow(signFieldsSchema, {
      ...fields,
      mark: fields.mark ?? nextMark(ctx, projectId),
    });
    assertMarkFree(ctx, projectId, f.mark);
    const live = liveSigns(ctx, projectId);
    const position = live.length ? Math.max(...live.map((s) => s.position)) + 1 : 0;
    const row = ctx.db
      .insert(signs)
      .values(signColumns(randomUUID(), { projectId, ...f, position, deletedAt: null }, at))
      .returning()
      .get();
    return { value: toSign(row), changes: [signChange('sign.created', null, row)] };
  });
  emit(ctx, projectId);
  return value;
}

/** Mark, name and quantity edits (only the fields given change). */
export function updateSign(ctx: ServiceContext, id: string, patch: SignPatch): Sign {
  const { value } = recordChanges(ctx, (at) => {
    const before = requireLiveSign(ctx, id);
    const p = parseOrThrow(signPatchSchema, patch);
    if (p.mark !== undefined) assertMarkFree(ctx, before.projectId, p.mark, id);
    const row = ctx.db
      .update(signs)
      .set({ ...p, updatedAt: at })
      .where(eq(signs.id, id))
      .returning()
      .get();
    return { value: toSign(row), changes: [signChange('sign.updated', before, row)] };
  });
  emit(ctx, value.projectId);
  return value;
}

/** Moves the signs after `position` one place down (inside the caller's transaction). */
function makeRoom(ctx: ServiceContext, projectId: string, after: number, at: string) {
  const changes: ChangeRecord[] = [];
  for (const s of liveSigns(ctx, projectId)) {
    if (s.position <= after) continue;
    const row = ctx.db
      .update(signs)
      .set({ position: s.position + 1, updatedAt: at })
      .where(eq(signs.id, s.id))
      .returning()
      .get();
    changes.push(signChange('sign.moved', s, row));
  }
  return changes;
}

/**
 * A copy right after the original: the next mark, the same name and quantity, its draft, and its
 * latest revision as the copy's revision 1 (same input, result, engine version and input hash).
 */
export function duplicateSign(ctx: ServiceContext, id: string): Sign {
  const { value } = recordChanges(ctx, (at) => {
    const src = requireLiveSign(ctx, id);
    const changes = makeRoom(ctx, src.projectId, src.position, at);
    const row = ctx.db
      .insert(signs)
      .values(
        signColumns(
          randomUUID(),
          {
            projectId: src.projectId,
            mark: nextMark(ctx, src.projectId),
            name: src.name,
            quantity: src.quantity,
            position: src.position + 1,
            deletedAt: null,
          },
          at,
        ),
      )
      .returning()
      .get();
    changes.push(signChange('sign.duplicated', null, row));
    const draft = draftOf(ctx, src.id);
    if (draft)
      ctx.db
        .insert(designDrafts)
        .values({ signId: row.id, projectId: src.projectId, input: draft.input, updatedAt: at })
        .run();
    const rev = latestRevision(ctx, src.id);
    if (rev) {
      const input = JSON.parse(rev.input) as Record<string, unknown>;
      const result = JSON.parse(rev.result) as SignDesignResult;
      const copy = ctx.db
        .insert(designRevisions)
        .values(
          designRevisionColumns(
            randomUUID(),
            {
              projectId: src.projectId,
              signId: row.id,
              number: 1,
              note: `Copied from ${src.mark} revision ${rev.number}`,
              input,
              result,
              engineVersion: rev.engineVersion,
              inputHash: rev.inputHash,
            },
            at,
            ctx.actor(),
          ),
        )
        .returning()
        .get();
      const summary = {
        id: copy.id,
        projectId: copy.projectId,
        signId: row.id,
        number: 1,
        note: copy.note,
        createdAt: copy.createdAt,
        createdBy: copy.createdBy,
        engineVersion: copy.engineVersion,
        inputHash: copy.inputHash,
      };
      changes.push({
        entity: 'design',
        entityId: copy.id,
        action: 'design.revision-saved',
        before: null,
        after: summary,
        outbox: { op: 'upsert', data: { ...summary, input, result } },
      });
    }
    return { value: toSign(row), changes };
  });
  emit(ctx, value.projectId);
  return value;
}

/** A new order: every sign of the schedule (not the trash), each once. */
export function reorderSigns(ctx: ServiceContext, projectId: string, ids: string[]): Sign[] {
  const { value } = recordChanges(ctx, (at) => {
    requireLiveProject(ctx, projectId);
    const live = liveSigns(ctx, projectId);
    const known = new Set(live.map((s) => s.id));
    const given = new Set(ids);
    if (given.size !== ids.length || given.size !== known.size || ids.some((i) => !known.has(i)))
      throw new AppError(
        'VALIDATION',
        known.size === 1
          ? "The new order must list the project's one sign exactly once."
          : `The new order must list each of the project's ${known.size} signs exactly once.`,
        {
          ids:
            known.size === 1
              ? "List the project's one sign exactly once"
              : `List each of the project's ${known.size} signs exactly once`,
        },
      );
    const changes: ChangeRecord[] = [];
    const byId = new Map(live.map((s) => [s.id, s]));
    ids.forEach((sid, position) => {
      const before = byId.get(sid)!;
      if (before.position === position) return;
      const row = ctx.db
        .update(signs)
        .set({ position, updatedAt: at })
        .where(eq(signs.id, sid))
        .returning()
        .get();
      changes.push(signChange('sign.moved', before, row));
    });
    return { value: liveSigns(ctx, projectId).map(toSign), changes };
  });
  emit(ctx, projectId);
  return value;
}

/**
 * To the trash (undo: restoreSign). Its draft and revisions stay, so quotes that priced it keep
 * their design. The last sign of a schedule stays: a project always has one to design.
 */
export function removeSign(ctx: ServiceContext, id: string): Sign {
  const { value } = recordChanges(ctx, (at) => {
    const before = requireLiveSign(ctx, id);
    if (liveSigns(ctx, before.projectId).length <= 1)
      throw new AppError(
        'ILLEGAL_STATE',
        `Sign ${before.mark} is the project's only sign and cannot be removed. Add another sign first.`,
      );
    const row = ctx.db
      .update(signs)
      .set({ deletedAt: at, updatedAt: at })
      .where(eq(signs.id, id))
      .returning()
      .get();
    return { value: toSign(row), changes: [signChange('sign.deleted', before, row, 'delete')] };
  });
  emit(ctx, value.projectId);
  return value;
}

/** Back from the trash, in its old place in the schedule (the signs from there on move one down). */
export function restoreSign(ctx: ServiceContext, id: string): Sign {
  const { value } = recordChanges(ctx, (at) => {
    const before = loadSign(ctx, id);
    if (!before.deletedAt)
      throw new AppError('ILLEGAL_STATE', `Sign ${before.mark} is not in the trash.`);
    requireLiveProject(ctx, before.projectId);
    const live = liveSigns(ctx, before.projectId);
    const clash = live.find((s) => s.mark.toLowerCase() === before.mark.toLowerCase());
    if (clash)
      throw new AppError(
        'ILLEGAL_STATE',
        `Sign ${before.mark} cannot come back while another sign is marked ${clash.mark}. Give that sign another mark first.`,
      );
    // back where it was (an undo puts it back in its place): the signs from there on move down
    const position = Math.min(
      before.position,
      live.length ? Math.max(...live.map((s) => s.position)) + 1 : 0,
    );
    const changes = live.some((s) => s.position === position)
      ? makeRoom(ctx, before.projectId, position - 1, at)
      : [];
    const row = ctx.db
      .update(signs)
      .set({ deletedAt: null, position, updatedAt: at })
      .where(eq(signs.id, id))
      .returning()
      .get();
    return { value: toSign(row), changes: [...changes, signChange('sign.restored', before, row)] };
  });
  emit(ctx, value.projectId);
  return value;
}
