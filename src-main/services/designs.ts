import { randomUUID } from 'node:crypto';
import { desc, eq, max } from 'drizzle-orm';
import type { Revision, RevisionSummary, ValueChange } from '../../src-shared/designs';
import { AppError, notFound } from '../../src-shared/errors';
import {
  designVerdict,
  parseDesignInput,
  type SignDesignInput,
  type SignDesignResult,
} from '../../src-shared/engine';
import { describeFieldErrors } from '../../src-shared/validation';
import { designDrafts, designRevisions, projects } from '../db/schema';
import { ENGINE_VERSION, computeDesignParsed as computeDesign } from '../engine';
import { designRevisionColumns } from './row-mappers';
import { recordChange, type ServiceContext } from './context';
import { firstLiveSign, requireLiveSign } from './signs-rows';

type RevisionRow = typeof designRevisions.$inferSelect;

/** The sign the one-design-per-project calls work on: the project's first live sign. */
function projectSign(ctx: ServiceContext, projectId: string) {
  requireProject(ctx, projectId);
  const sign = firstLiveSign(ctx, projectId);
  if (!sign)
    throw new AppError(
      'ILLEGAL_STATE',
      'This project has no sign in its schedule. Add a sign (or restore one from the trash) first.',
    );
  return sign;
}

function requireProject(ctx: ServiceContext, projectId: string) {
  const p = ctx.db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!p) throw notFound('The project');
  if (p.deletedAt)
    throw new AppError('ILLEGAL_STATE', 'This project is in the trash. Restore it first.');
  return p;
}

function summarize(row: RevisionRow, result: SignDesignResult): RevisionSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    signId: row.signId,
    number: row.number,
    note: row.note,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    engineVersion: row.engineVersion,
    inputHash: row.inputHash,
    pole: result.summary.pole.designation || null,
    depthFt: result.summary.foundation.depthFt,
    diameterFt: result.summary.foundation.diameterFt,
    verdict: designVerdict(result).status,
  };
}

export function getDraftForSign(ctx: ServiceContext, signId: string) {
  const row = ctx.db.select().from(designDrafts).where(eq(designDrafts.signId, signId)).get();
  return row ? { input: JSON.parse(row.input) as unknown, updatedAt: row.updatedAt } : null;
}

/** The draft of the project's first live sign (the one-design-per-project call). */
export function getDraft(ctx: ServiceContext, projectId: string) {
  const sign = firstLiveSign(ctx, projectId);
  return sign ? getDraftForSign(ctx, sign.id) : null;
}

export function saveDraftForSign(ctx: ServiceContext, signId: string, input: unknown) {
  const sign = requireLiveSign(ctx, signId);
  const updatedAt = ctx.now();
  const text = JSON.stringify(input);
  ctx.db
    .insert(designDrafts)
    .values({ signId, projectId: sign.projectId, input: text, updatedAt })
    .onConflictDoUpdate({ target: designDrafts.signId, set: { input: text, updatedAt } })
    .run();
  return { updatedAt };
}

export function saveDraft(ctx: ServiceContext, projectId: string, input: unknown) {
  return saveDraftForSign(ctx, projectSign(ctx, projectId).id, input);
}

/** Computes and stores an immutable revision of a sign, with its audit event and outbox row. */
export function saveRevisionForSign(
  ctx: ServiceContext,
  signId: string,
  input: SignDesignInput,
  note: string,
): RevisionSummary {
  const result = computeDesign(input);
  const { value } = recordChange(ctx, (at) => {
    const { projectId } = requireLiveSign(ctx, signId);
    const last = ctx.db
      .select({ n: max(designRevisions.number) })
      .from(designRevisions)
      .where(eq(designRevisions.signId, signId))
      .get();
    const row = ctx.db
      .insert(designRevisions)
      .values(
        designRevisionColumns(
          randomUUID(),
          {
            projectId,
            signId,
            number: (last?.n ?? 0) + 1,
            note,
            input,
            result,
            engineVersion: result.engineVersion,
            inputHash: result.inputHash,
          },
          at,
          ctx.actor(),
        ),
      )
      .returning()
      .get();
    const summary = summarize(row, result);
    return {
      value: summary,
      change: {
        entity: 'design',
        entityId: row.id,
        action: 'design.revision-saved',
        before: null,
        after: summary,
        outbox: { op: 'upsert', data: { ...summary, input, result } },
      },
    };
  });
  ctx.events.emit('designs:changed', { projectId: value.projectId, signId });
  return value;
}

/** A revision of the project's first live sign (the one-design-per-project call). */
export function saveRevision(
  ctx: ServiceContext,
  projectId: string,
  input: SignDesignInput,
  note: string,
): RevisionSummary {
  return saveRevisionForSign(ctx, projectSign(ctx, projectId).id, input, note);
}

function loadRevision(ctx: ServiceContext, id: string): RevisionRow {
  const row = ctx.db.select().from(designRevisions).where(eq(designRevisions.id, id)).get();
  if (!row) throw notFound('The design revision');
  return row;
}

export function listRevisionsForSign(ctx: ServiceContext, signId: string): RevisionSummary[] {
  return ctx.db
    .select()
    .from(designRevisions)
    .where(eq(designRevisions.signId, signId))
    .orderBy(desc(designRevisions.number))
    .all()
    .map((r) => summarize(r, JSON.parse(r.result) as SignDesignResult));
}

/** The revisions of the project's first live sign (the one-design-per-project call). */
export function listRevisions(ctx: ServiceContext, projectId: string): RevisionSummary[] {
  const sign = firstLiveSign(ctx, projectId);
  return sign ? listRevisionsForSign(ctx, sign.id) : [];
}

export function getRevision(ctx: ServiceContext, id: string): Revision {
  const row = loadRevision(ctx, id);
  const result = JSON.parse(row.result) as SignDesignResult;
  return { ...summarize(row, result), input: JSON.parse(row.input) as SignDesignInput, result };
}

const COMPARED: {
  path: string;
  label: string;
  pick: (r: SignDesignResult) => number | string | null;
}[] = [
  { path: 'summary.kz', label: 'Kz', pick: (r) => r.summary.kz },
  { path: 'summary.qhPsf', label: 'qh (psf)', pick: (r) => r.summary.qhPsf },
  { path: 'summary.cf', label: 'Cf', pick: (r) => r.summary.cf },
  { path: 'summary.signForceLb', label: 'Sign force F (lb)', pick: (r) => r.summary.signForceLb },
  {
    path: 'summary.groundlineShearLb',
    label: 'Shear at grade per pole (lb)',
    pick: (r) => r.summary.groundlineShearLb,
  },
  {
    path: 'summary.groundlineMomentKipFt',
    label: 'Moment at grade per pole (kip-ft)',
    pick: (r) => r.summary.groundlineMomentKipFt,
  },
  { path: 'summary.torsionKipFt', label: 'Torsion (kip-ft)', pick: (r) => r.summary.torsionKipFt },
  {
    path: 'summary.pole.designation',
    label: 'Pole',
    pick: (r) => r.summary.pole.designation || null,
  },
  {
    path: 'summary.pole.governingRatio',
    label: 'Pole governing ratio',
    pick: (r) => r.summary.pole.governingRatio,
  },
  {
    path: 'summary.foundation.depthFt',
    label: 'Footing depth (ft)',
    pick: (r) => r.summary.foundation.depthFt,
  },
  {
    path: 'summary.foundation.concreteYd3',
    label: 'Concrete (yd³)',
    pick: (r) => r.summary.foundation.concreteYd3,
  },
];

export function diffResults(a: SignDesignResult, b: SignDesignResult): ValueChange[] {
  const out: ValueChange[] = [];
  for (const c of COMPARED) {
    const before = c.pick(a);
    const after = c.pick(b);
    const same =
      typeof before === 'number' && typeof after === 'number'
        ? Math.abs(before - after) <= 1e-9 * Math.max(1, Math.abs(before))
        : before === after;
    if (!same) out.push({ path: c.path, label: c.label, before, after });
  }
  if (a.warnings.length !== b.warnings.length) {
    out.push({
      path: 'warnings',
      label: 'Warnings',
      before: a.warnings.length,
      after: b.warnings.length,
    });
  }
  return out;
}

export function recomputeRevision(ctx: ServiceContext, id: string) {
  const rev = getRevision(ctx, id);
  // the stored input as today's schema reads it (defaults for fields added since); one it now
  // refuses (an unknown key, an open sign) is named, and the revision itself is untouched
  const parsed = parseDesignInput(rev.input);
  if (!parsed.ok) {
    throw new AppError(
      'VALIDATION',
      `Revision ${rev.number} cannot be recomputed with engine ${ENGINE_VERSION}: ${describeFieldErrors(parsed.fields).replace(/\n/g, '; ')}`,
      parsed.fields,
    );
  }
  const result = computeDesign(parsed.value);
  return {
    savedEngineVersion: rev.engineVersion,
    currentEngineVersion: result.engineVersion,
    result,
    changes: diffResults(rev.result, result),
  };
}
