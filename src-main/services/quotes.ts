import { eq } from 'drizzle-orm';
import type { Revision } from '../../src-shared/designs';
import { AppError } from '../../src-shared/errors';
import { evaluateCombination } from '../engine';
import {
  acknowledges,
  quoteSettingsSchema,
  type AcknowledgeInput,
  type DesignAcknowledgement,
  type LineOverride,
  type ManualLine,
  type QuoteDraft,
  type QuoteSettings,
} from '../../src-shared/quotes';
import { quoteDrafts } from '../db/schema';
import { recordChange, type ServiceContext } from './context';
import { getRevision, saveRevision as saveDesignRevision } from './designs';
import { getProject } from './projects';
import { rankAlternatives } from './pricing/alternatives';
import { bookRef, currentVersion, getVersion } from './pricing/book-service';
import { factsFromRevision } from './pricing/facts';
import { priceQuote } from './pricing/price-quote';
import { describeRevision, requireAcknowledgement, verdictOf } from './quotes-design';
import { fixed } from '../../src-shared/format';

/**
 * The working quote of a project (one per project): which design revision and price book version
 * it is priced from, the estimator's settings, overrides (by line code) and manual lines. Pricing
 * is recomputed on every read (< 1 ms), so what is stored is only what the estimator chose.
 */

type DraftRow = typeof quoteDrafts.$inferSelect;

interface DraftState {
  designRevisionId: string;
  priceBookVersionId: string;
  settings: QuoteSettings;
  overrides: Record<string, LineOverride>;
  manualLines: ManualLine[];
  /** quoting a design that does not pass: who acknowledged it (issue 11) */
  acknowledgement: DesignAcknowledgement | null;
}

function stateOf(row: DraftRow): DraftState {
  return {
    designRevisionId: row.designRevisionId,
    priceBookVersionId: row.priceBookVersionId,
    settings: quoteSettingsSchema.parse(JSON.parse(row.settings)),
    overrides: JSON.parse(row.overrides) as Record<string, LineOverride>,
    manualLines: JSON.parse(row.manualLines) as ManualLine[],
    acknowledgement: row.acknowledgement
      ? (JSON.parse(row.acknowledgement) as DesignAcknowledgement)
      : null,
  };
}

function loadDraft(ctx: ServiceContext, projectId: string): DraftRow | undefined {
  return ctx.db.select().from(quoteDrafts).where(eq(quoteDrafts.projectId, projectId)).get();
}

export function priceState(ctx: ServiceContext, s: DraftState, loaded?: Revision) {
  const rev = loaded ?? getRevision(ctx, s.designRevisionId);
  const book = getVersion(ctx, s.priceBookVersionId);
  return priceQuote({
    facts: factsFromRevision(rev),
    book: bookRef(book),
    settings: s.settings,
    overrides: s.overrides,
    manualLines: s.manualLines,
  });
}

function toDraft(
  ctx: ServiceContext,
  projectId: string,
  s: DraftState,
  updatedAt: string,
): QuoteDraft {
  const cur = currentVersion(ctx);
  const rev = getRevision(ctx, s.designRevisionId);
  return {
    projectId,
    ...s,
    updatedAt,
    newerPriceBook: cur.id !== s.priceBookVersionId ? cur.number : null,
    priced: priceState(ctx, s, rev),
    verdict: verdictOf(rev),
    description: describeRevision(rev, s.settings, getVersion(ctx, s.priceBookVersionId).items),
  };
}

export function getQuoteDraft(ctx: ServiceContext, projectId: string): QuoteDraft | null {
  const row = loadDraft(ctx, projectId);
  return row ? toDraft(ctx, projectId, stateOf(row), row.updatedAt) : null;
}

/** Must exist and sit in the project; returns the draft state it is written from. */
export function requireDraft(
  ctx: ServiceContext,
  projectId: string,
): DraftState & { updatedAt: string } {
  const row = loadDraft(ctx, projectId);
  if (!row)
    throw new AppError('ILLEGAL_STATE', 'Generate the quote from a saved design revision first.');
  return { ...stateOf(row), updatedAt: row.updatedAt };
}

function writeDraft(
  ctx: ServiceContext,
  projectId: string,
  next: DraftState,
  action: string,
): QuoteDraft {
  const project = getProject(ctx, projectId);
  if (project.deletedAt)
    throw new AppError('ILLEGAL_STATE', 'This project is in the trash. Restore it first.');
  const rev = getRevision(ctx, next.designRevisionId);
  if (rev.projectId !== projectId)
    throw new AppError('VALIDATION', 'That design revision belongs to another project.', {
      designRevisionId: 'Choose a design revision of this project',
    });
  // price first: a state that cannot be priced is never stored
  const priced = priceState(ctx, next, rev);
  const { value } = recordChange(ctx, (at) => {
    const prev = loadDraft(ctx, projectId);
    const data = {
      designRevisionId: next.designRevisionId,
      priceBookVersionId: next.priceBookVersionId,
      settings: JSON.stringify(next.settings),
      overrides: JSON.stringify(next.overrides),
      manualLines: JSON.stringify(next.manualLines),
      acknowledgement: next.acknowledgement ? JSON.stringify(next.acknowledgement) : null,
      updatedAt: at,
    };
    ctx.db
      .insert(quoteDrafts)
      .values({ projectId, ...data })
      .onConflictDoUpdate({ target: quoteDrafts.projectId, set: data })
      .run();
    return {
      value: at,
      change: {
        entity: 'quote-draft',
        entityId: projectId,
        action,
        before: prev ? stateOf(prev) : null,
        // the revision number and line names make the activity readable ("from design revision
        // 3", "Overrode Ready-mix concrete"); not part of the stored state
        after: {
          ...next,
          designRevisionNumber: rev.number,
          lineNames: Object.fromEntries(priced.lines.map((l) => [l.code, l.description])),
        },
        // the working quote is a local buffer like the design draft: audited, not synced;
        // what syncs is the saved revision (entity 'quote')
      },
    };
  });
  ctx.events.emit('quotes:changed', { projectId });
  return toDraft(ctx, projectId, next, value);
}

/**
 * (Re)generates the quote from a design revision with the price book in force today. Overrides
 * and manual lines are kept: they are keyed by stable line codes, so they land on the same lines.
 */
export function generateQuote(
  ctx: ServiceContext,
  input: {
    projectId: string;
    designRevisionId: string;
    settings?: QuoteSettings;
    acknowledge?: AcknowledgeInput;
  },
): QuoteDraft {
  const prev = loadDraft(ctx, input.projectId);
  const prevState = prev ? stateOf(prev) : null;
  const verdict = verdictOf(getRevision(ctx, input.designRevisionId));
  // regenerating on the same design keeps the acknowledgement already given for it
  const kept =
    prevState?.designRevisionId === input.designRevisionId &&
    prevState.acknowledgement &&
    acknowledges(verdict, prevState.acknowledgement)
      ? prevState.acknowledgement
      : null;
  const acknowledgement =
    kept ??
    requireAcknowledgement(
      ctx,
      verdict,
      input.acknowledge,
      'generate',
      'Generating a quote from it',
    );
  return writeDraft(
    ctx,
    input.projectId,
    {
      designRevisionId: input.designRevisionId,
      priceBookVersionId: currentVersion(ctx).id,
      settings: input.settings ?? prevState?.settings ?? quoteSettingsSchema.parse({}),
      overrides: prevState?.overrides ?? {},
      manualLines: prevState?.manualLines ?? [],
      acknowledgement,
    },
    prev ? 'quote.regenerated' : 'quote.generated',
  );
}

/** Settings, overrides and manual lines as the estimator left them (the priced-from stay). */
export function updateQuoteDraft(
  ctx: ServiceContext,
  input: {
    projectId: string;
    settings: QuoteSettings;
    overrides: Record<string, LineOverride>;
    manualLines: ManualLine[];
  },
): QuoteDraft {
  const cur = requireDraft(ctx, input.projectId);
  const codes = new Set<string>();
  input.manualLines.forEach((m, i) => {
    if (codes.has(m.code))
      throw new AppError('VALIDATION', `Manual line code ${m.code} is used twice.`, {
        [`manualLines.${i}.code`]: `Code ${m.code} is used twice`,
      });
    codes.add(m.code);
  });
  return writeDraft(
    ctx,
    input.projectId,
    {
      designRevisionId: cur.designRevisionId,
      priceBookVersionId: cur.priceBookVersionId,
      settings: input.settings,
      overrides: input.overrides,
      manualLines: input.manualLines,
      acknowledgement: cur.acknowledgement,
    },
    'quote.draft-updated',
  );
}

export function quoteAlternatives(
  ctx: ServiceContext,
  input: { projectId: string; limit: number },
) {
  const d = requireDraft(ctx, input.projectId);
  const rev = getRevision(ctx, d.designRevisionId);
  const book = getVersion(ctx, d.priceBookVersionId);
  return {
    designRevisionId: rev.id,
    ...rankAlternatives(rev, bookRef(book), d.settings, d.manualLines, input.limit),
  };
}

/**
 * Choosing an alternative saves a derived design revision (the same input with that section and
 * diameter) and regenerates the quote on it, so the quote always prices a saved, checked design.
 */
export function applyAlternative(
  ctx: ServiceContext,
  input: { projectId: string; designation: string; diameterFt: number },
): QuoteDraft {
  const d = requireDraft(ctx, input.projectId);
  const rev = getRevision(ctx, d.designRevisionId);
  const derived = {
    ...rev.input,
    supports: { ...rev.input.supports, designation: input.designation },
    foundation: { ...rev.input.foundation, diameterFt: input.diameterFt },
  };
  const check = evaluateCombination(derived, input.designation, input.diameterFt);
  if (!check.passes)
    throw new AppError(
      'VALIDATION',
      `${input.designation} does not pass for this design (${check.governingCheck} ratio ${fixed(check.governingRatio, 2)}).`,
    );
  const saved = saveDesignRevision(
    ctx,
    input.projectId,
    derived,
    `From quote alternatives: ${input.designation}, ${input.diameterFt} ft pier (was revision ${rev.number})`,
  );
  return generateQuote(ctx, { projectId: input.projectId, designRevisionId: saved.id });
}
