import { randomUUID } from 'node:crypto';
import { asc, desc, eq, max } from 'drizzle-orm';
import { AppError, notFound } from '../../src-shared/errors';
import {
  addDays,
  companySchema,
  displayStatus,
  type Company,
  type DesignAcknowledgement,
  type JobQuoteRevision,
  type PricedJob,
  type PricedQuote,
  type QuoteRevisionJob,
  type QuoteRevisionSummary,
} from '../../src-shared/quotes';
import { quoteRevisions, quoteRevisionSigns } from '../db/schema';
import { quoteRevisionColumns } from './row-mappers';
import { recordChange, type ServiceContext } from './context';
import { bookRef, getVersion } from './pricing/book-service';
import { jobFromQuote, priceJob } from './pricing/price-job';
import { getProject } from './projects';
import { getCompany } from './quotes-company';
import { describeRevision, verdictOf } from './quotes-design';
import { priceState, requireDraft, signTitle } from './quotes';
import {
  cachedRevision,
  jobVerdict,
  signQuoteSettings,
  signReason,
  signRow,
  type RevisionCache,
} from './quotes-job';
import { localDate } from '../../src-shared/format';

export type QuoteRevisionRow = typeof quoteRevisions.$inferSelect;

/** The user's local calendar date (not the UTC one, already tomorrow on a US evening). */
const today = (ctx: ServiceContext) => localDate(ctx.now());

export function acknowledgementsOf(r: QuoteRevisionRow): DesignAcknowledgement[] {
  return JSON.parse(r.acknowledgements || '[]') as DesignAcknowledgement[];
}

/** The job snapshot a revision froze; null on a one-design revision (saved before issue 15). */
export function frozenJob(r: QuoteRevisionRow): QuoteRevisionJob | null {
  return r.job ? (JSON.parse(r.job) as QuoteRevisionJob) : null;
}

export interface RevisionPin {
  signId: string;
  mark: string;
  designRevisionId: string;
}

/**
 * The design revision of each sign a quote revision priced, in schedule order: its
 * quote_revision_signs rows; a revision pulled by sync (no rows here yet) reads them from its job
 * snapshot; a one-design revision from its one design revision.
 */
export function pinsOf(
  ctx: ServiceContext,
  r: QuoteRevisionRow,
  cache?: RevisionCache,
): RevisionPin[] {
  const job = frozenJob(r);
  const markOf = (signId: string) =>
    job?.pricedJob.signs.find((x) => x.signId === signId)?.mark ?? signRow(ctx, signId)?.mark ?? '';
  const rows = ctx.db
    .select()
    .from(quoteRevisionSigns)
    .where(eq(quoteRevisionSigns.quoteRevisionId, r.id))
    .orderBy(asc(quoteRevisionSigns.position))
    .all();
  if (rows.length)
    return rows.map((x) => ({
      signId: x.signId,
      mark: markOf(x.signId),
      designRevisionId: x.designRevisionId,
    }));
  if (job)
    return job.signs.map((x) => ({
      signId: x.signId,
      mark: markOf(x.signId),
      designRevisionId: x.designRevisionId,
    }));
  const rev = cachedRevision(ctx, r.designRevisionId, cache);
  return [
    {
      signId: rev.signId ?? '',
      mark: rev.signId ? markOf(rev.signId) : '',
      designRevisionId: rev.id,
    },
  ];
}

/** The verdict of every sign's pinned design, together (a one-sign quote: that design's). */
export function jobVerdictOf(ctx: ServiceContext, r: QuoteRevisionRow, cache?: RevisionCache) {
  return jobVerdict(
    pinsOf(ctx, r, cache).map((p) => ({
      mark: p.mark,
      verdict: verdictOf(cachedRevision(ctx, p.designRevisionId, cache)),
    })),
  );
}

export function summarize(
  ctx: ServiceContext,
  r: QuoteRevisionRow,
  priced?: PricedQuote,
  cache: RevisionCache = new Map(),
): QuoteRevisionSummary {
  const p = priced ?? (JSON.parse(r.priced) as PricedQuote);
  const pins = pinsOf(ctx, r, cache);
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
    verdict: jobVerdict(
      pins.map((x) => ({
        mark: x.mark,
        verdict: verdictOf(cachedRevision(ctx, x.designRevisionId, cache)),
      })),
    ),
    acknowledgements: acknowledgementsOf(r),
    signs: pins.map((x) => ({
      ...x,
      designRevisionNumber: cachedRevision(ctx, x.designRevisionId, cache).number,
    })),
  };
}

/** Each outbox row carries the whole revision: the sync client keeps only the latest snapshot. */
export function syncData(s: QuoteRevisionSummary, r: QuoteRevisionRow) {
  const job = frozenJob(r);
  return {
    ...s,
    priceBookVersionId: r.priceBookVersionId,
    statusChangedBy: r.statusChangedBy,
    priced: JSON.parse(r.priced) as unknown,
    overrides: JSON.parse(r.overrides) as unknown,
    manualLines: JSON.parse(r.manualLines) as unknown,
    header: JSON.parse(r.header) as unknown,
    ...(job ? { job } : {}),
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

/** Freezes the working quote as it prices now: every sign's pin, lines, totals, header, validity. */
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
  const cache: RevisionCache = new Map();
  const p = priceState(ctx, input.projectId, draft, cache);
  if (p.unpriced.length)
    throw new AppError(
      'VALIDATION',
      `The quote does not price every sign of the schedule: ${p.unpriced
        .map(
          (u) =>
            `${signTitle(u)} (${u.reason === 'not-designed' ? 'not designed' : 'added since: regenerate the quote'})`,
        )
        .join(', ')}.`,
      { signs: 'Regenerate the quote with every sign designed' },
    );
  const one = p.entries.length === 1;
  for (const e of p.entries) {
    const verdict = verdictOf(e.rev);
    if (verdict.status !== 'passes' && !e.pin.acknowledgement)
      throw new AppError(
        'VALIDATION',
        `${one ? '' : `Sign ${e.sign.mark}: d`}${one ? 'D' : ''}esign revision ${e.rev.number} does not pass as it stands (${verdict.reasons.join(' ')}). Regenerate the quote and acknowledge that before saving it.`,
        { acknowledge: 'Regenerate the quote and acknowledge the design status' },
      );
  }
  const priced = p.priced;
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
  const job: QuoteRevisionJob = {
    pricedJob: p.job,
    signs: p.entries.map((e) => ({
      signId: e.sign.id,
      designRevisionId: e.rev.id,
      overrides: e.pin.overrides,
      manualLines: e.pin.manualLines,
      settings: e.pin.settings,
    })),
  };
  const acknowledgements = p.entries.flatMap((e) =>
    e.pin.acknowledgement
      ? [
          one
            ? e.pin.acknowledgement
            : {
                ...e.pin.acknowledgement,
                reasons: e.pin.acknowledgement.reasons.map((x) => signReason(e.sign.mark, x)),
              },
        ]
      : [],
  );
  const first = p.entries[0];
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
            designRevisionId: first.rev.id,
            priceBookVersionId: draft.priceBookVersionId,
            priced,
            // a one-sign job keeps them as a one-design revision did (sign's and job's together)
            overrides: one ? { ...first.pin.overrides, ...draft.overrides } : draft.overrides,
            manualLines: one ? [...first.pin.manualLines, ...draft.manualLines] : draft.manualLines,
            header,
            totalCents: p.job.totals.totalCents,
            job,
          },
          acknowledgements,
          at,
          ctx.actor(),
        ),
      )
      .returning()
      .get();
    p.entries.forEach((e, position) =>
      ctx.db
        .insert(quoteRevisionSigns)
        .values({
          quoteRevisionId: row.id,
          signId: e.sign.id,
          position,
          designRevisionId: e.rev.id,
        })
        .run(),
    );
    const s = summarize(ctx, row, priced, cache);
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

/**
 * The job a revision priced: its frozen snapshot, or for a one-design revision jobFromQuote of
 * its frozen one-design snapshot (same price book version, facts, settings, overrides and manual
 * lines: the same lines and total).
 */
function jobOf(
  ctx: ServiceContext,
  r: QuoteRevisionRow,
  priced: PricedQuote,
  pins: RevisionPin[],
): PricedJob {
  const job = frozenJob(r);
  if (job) return job.pricedJob;
  const sign = signRow(ctx, pins[0].signId);
  return priceJob(
    jobFromQuote(
      {
        facts: priced.design,
        book: bookRef(getVersion(ctx, r.priceBookVersionId)),
        settings: priced.settings,
        overrides: JSON.parse(r.overrides) as JobQuoteRevision['overrides'],
        manualLines: JSON.parse(r.manualLines) as JobQuoteRevision['manualLines'],
      },
      { signId: pins[0].signId, mark: sign?.mark || 'S1', name: sign?.name ?? '' },
    ),
  );
}

export function getQuoteRevision(ctx: ServiceContext, id: string): JobQuoteRevision {
  const r = loadRow(ctx, id);
  const priced = JSON.parse(r.priced) as PricedQuote;
  const header = JSON.parse(r.header) as Pick<JobQuoteRevision, 'company' | 'customer'>;
  const cache: RevisionCache = new Map();
  const pins = pinsOf(ctx, r, cache);
  const items = getVersion(ctx, r.priceBookVersionId).items;
  const job = jobOf(ctx, r, priced, pins);
  const frozen = frozenJob(r);
  const signDescriptions = pins.map((x) => ({
    signId: x.signId,
    description: describeRevision(
      cachedRevision(ctx, x.designRevisionId, cache),
      signQuoteSettings(
        priced.settings,
        frozen?.signs.find((y) => y.signId === x.signId)?.settings ?? {},
      ),
      items,
    ),
  }));
  const title = (signId: string) => {
    const ps = job.signs.find((x) => x.signId === signId);
    return ps ? [ps.mark, ps.name].filter(Boolean).join(' ') : '';
  };
  return {
    ...summarize(ctx, r, priced, cache),
    priceBookVersionId: r.priceBookVersionId,
    priced,
    overrides: JSON.parse(r.overrides) as JobQuoteRevision['overrides'],
    manualLines: JSON.parse(r.manualLines) as JobQuoteRevision['manualLines'],
    customer: header.customer,
    company: frozenCompany(header.company),
    description:
      signDescriptions.length === 1
        ? signDescriptions[0].description
        : signDescriptions.map((x) => `${title(x.signId)}: ${x.description}`).join('\n'),
    job,
    signDescriptions,
  };
}
