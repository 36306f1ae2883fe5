import { randomUUID } from 'node:crypto';
import { desc, eq, max } from 'drizzle-orm';
import type { Revision } from '../../src-shared/designs';
import { AppError, notFound } from '../../src-shared/errors';
import {
  addDays,
  companySchema,
  displayStatus,
  type Company,
  type DesignAcknowledgement,
  type PricedQuote,
  type QuoteRevision,
  type QuoteRevisionSummary,
} from '../../src-shared/quotes';
import { quoteRevisions } from '../db/schema';
import { quoteRevisionColumns } from './row-mappers';
import { recordChange, type ServiceContext } from './context';
import { getRevision } from './designs';
import { getVersion } from './pricing/book-service';
import { getProject } from './projects';
import { getCompany } from './quotes-company';
import { describeRevision, verdictOf } from './quotes-design';
import { priceState, requireDraft } from './quotes';
import { localDate } from '../../src-shared/format';

export type QuoteRevisionRow = typeof quoteRevisions.$inferSelect;

/** The user's local calendar date (not the UTC one, already tomorrow on a US evening). */
const today = (ctx: ServiceContext) => localDate(ctx.now());

/** Design revisions are immutable: one parse per id per call is enough. */
type RevisionCache = Map<string, Revision>;
function designOf(ctx: ServiceContext, id: string, cache?: RevisionCache): Revision {
  let rev = cache?.get(id);
  if (!rev) {
    rev = getRevision(ctx, id);
    cache?.set(id, rev);
  }
  return rev;
}

export function acknowledgementsOf(r: QuoteRevisionRow): DesignAcknowledgement[] {
  return JSON.parse(r.acknowledgements || '[]') as DesignAcknowledgement[];
}

export function summarize(
  ctx: ServiceContext,
  r: QuoteRevisionRow,
  priced?: PricedQuote,
  cache?: RevisionCache,
): QuoteRevisionSummary {
  const p = priced ?? (JSON.parse(r.priced) as PricedQuote);
  return {
    id: r.id,
    projectId: r.projectId,
    number: r.number,
    note: r.note,
    status: r.status,
    displayStatus: displayStatus(r.status, r.validUntil, today(ctx)),
    validUntil: r.validUntil,
    totalCents: r.totalCents,
    designRevisionId: r.designRevisionId,
    designRevisionNumber: p.design.designRevisionNumber,
    priceBookVersionNumber: p.priceBookVersionNumber,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    statusChangedAt: r.statusChangedAt,
    verdict: verdictOf(designOf(ctx, r.designRevisionId, cache)),
    acknowledgements: acknowledgementsOf(r),
  };
}

/** Each outbox row carries the whole revision: the sync client keeps only the latest snapshot. */
export function syncData(s: QuoteRevisionSummary, r: QuoteRevisionRow) {
  return {
    ...s,
    priceBookVersionId: r.priceBookVersionId,
    statusChangedBy: r.statusChangedBy,
    priced: JSON.parse(r.priced) as unknown,
    overrides: JSON.parse(r.overrides) as unknown,
    manualLines: JSON.parse(r.manualLines) as unknown,
    header: JSON.parse(r.header) as unknown,
  };
}

export function loadRow(ctx: ServiceContext, id: string): QuoteRevisionRow {
  const row = ctx.db.select().from(quoteRevisions).where(eq(quoteRevisions.id, id)).get();
  if (!row) throw notFound('The quote revision');
  return row;
}

/**
 * The company as it was frozen on the revision. Fields a revision saved before they existed stay
 * empty (never today's defaults: an old quote must not print exclusions it never had).
 */
export function frozenCompany(raw: Partial<Company> | undefined): Company {
  const blank = Object.fromEntries(
    Object.entries(companySchema.parse({})).map(([k, v]) => [k, typeof v === 'string' ? '' : v]),
  ) as Company;
  return { ...blank, ...raw };
}

/** Freezes the working quote as it prices now: lines, totals, header, validity. */
export function saveQuoteRevision(
  ctx: ServiceContext,
  input: { projectId: string; note: string; validUntil?: string; expectedUpdatedAt?: string },
): QuoteRevisionSummary {
  const draft = requireDraft(ctx, input.projectId);
  // never save something other than what the estimator is looking at
  if (input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== draft.updatedAt)
    throw new AppError(
      'CONFLICT',
      'The working quote changed since it was shown (another edit was still being applied). Check the lines and totals, then save again.',
    );
  const rev = getRevision(ctx, draft.designRevisionId);
  const verdict = verdictOf(rev);
  if (verdict.status !== 'passes' && !draft.acknowledgement)
    throw new AppError(
      'VALIDATION',
      `Design revision ${rev.number} does not pass as it stands (${verdict.reasons.join(' ')}). Regenerate the quote and acknowledge that before saving it.`,
      { acknowledge: 'Regenerate the quote and acknowledge the design status' },
    );
  const priced = priceState(ctx, draft, rev);
  const project = getProject(ctx, input.projectId);
  const company = getCompany(ctx);
  const validUntil = input.validUntil ?? addDays(today(ctx), company.validityDays);
  if (validUntil < today(ctx))
    throw new AppError('VALIDATION', `Valid until must be today (${today(ctx)}) or later.`, {
      validUntil: `Valid until must be today (${today(ctx)}) or later`,
    });
  const header = {
    company,
    customer: {
      projectName: project.name,
      company: project.customer.company,
      contact: project.customer.contact,
      email: project.customer.email,
      phone: project.customer.phone,
      siteAddress: project.siteAddress,
    },
  };
  const { value } = recordChange(ctx, (at) => {
    const last = ctx.db
      .select({ n: max(quoteRevisions.number) })
      .from(quoteRevisions)
      .where(eq(quoteRevisions.projectId, input.projectId))
      .get();
    const row = ctx.db
      .insert(quoteRevisions)
      .values(
        quoteRevisionColumns(
          randomUUID(),
          {
            projectId: input.projectId,
            number: (last?.n ?? 0) + 1,
            note: input.note,
            status: 'draft',
            validUntil,
            designRevisionId: draft.designRevisionId,
            priceBookVersionId: draft.priceBookVersionId,
            priced,
            overrides: draft.overrides,
            manualLines: draft.manualLines,
            header,
            totalCents: priced.totals.totalCents,
          },
          draft.acknowledgement ? [draft.acknowledgement] : [],
          at,
          ctx.actor(),
        ),
      )
      .returning()
      .get();
    const s = summarize(ctx, row, priced, new Map([[rev.id, rev]]));
    return {
      value: s,
      change: {
        entity: 'quote',
        entityId: row.id,
        action: 'quote.revision-saved',
        before: null,
        after: s,
        outbox: { op: 'upsert', data: syncData(s, row) },
      },
    };
  });
  ctx.events.emit('quotes:changed', { projectId: input.projectId });
  return value;
}

export function listQuoteRevisions(ctx: ServiceContext, projectId: string): QuoteRevisionSummary[] {
  const cache: RevisionCache = new Map();
  return ctx.db
    .select()
    .from(quoteRevisions)
    .where(eq(quoteRevisions.projectId, projectId))
    .orderBy(desc(quoteRevisions.number))
    .all()
    .map((r) => summarize(ctx, r, undefined, cache));
}

export function getQuoteRevision(ctx: ServiceContext, id: string): QuoteRevision {
  const r = loadRow(ctx, id);
  const priced = JSON.parse(r.priced) as PricedQuote;
  const header = JSON.parse(r.header) as Pick<QuoteRevision, 'company' | 'customer'>;
  const rev = getRevision(ctx, r.designRevisionId);
  return {
    ...summarize(ctx, r, priced, new Map([[rev.id, rev]])),
    priceBookVersionId: r.priceBookVersionId,
    priced,
    overrides: JSON.parse(r.overrides) as QuoteRevision['overrides'],
    manualLines: JSON.parse(r.manualLines) as QuoteRevision['manualLines'],
    customer: header.customer,
    company: frozenCompany(header.company),
    description: describeRevision(
      rev,
      priced.settings,
      getVersion(ctx, r.priceBookVersionId).items,
    ),
  };
}
