import { randomUUID } from 'node:crypto';
import { and, desc, eq, max } from 'drizzle-orm';
import { AppError, notFound } from '../../src-shared/errors';
import {
  addDays,
  displayStatus,
  GROUP_LABELS,
  QUOTE_STATUS_LABELS,
  QUOTE_TRANSITIONS,
  type PricedQuote,
  type QuoteComparison,
  type QuoteRevision,
  type QuoteRevisionSummary,
  type QuoteStatus,
} from '../../src-shared/quotes';
import { quoteRevisions } from '../db/schema';
import { recordChange, type ServiceContext } from './context';
import { getProject } from './projects';
import { getCompany } from './quotes-company';
import { priceState, requireDraft } from './quotes';

type Row = typeof quoteRevisions.$inferSelect;

const today = (ctx: ServiceContext) => ctx.now().slice(0, 10);

function summarize(ctx: ServiceContext, r: Row, priced?: PricedQuote): QuoteRevisionSummary {
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
  };
}

/** Each outbox row carries the whole revision: the sync client keeps only the latest snapshot. */
function syncData(s: QuoteRevisionSummary, r: Row) {
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

function loadRow(ctx: ServiceContext, id: string): Row {
  const row = ctx.db.select().from(quoteRevisions).where(eq(quoteRevisions.id, id)).get();
  if (!row) throw notFound('The quote revision');
  return row;
}

/** Freezes the working quote as it prices now: lines, totals, header, validity. */
export function saveQuoteRevision(
  ctx: ServiceContext,
  input: { projectId: string; note: string; validUntil?: string },
): QuoteRevisionSummary {
  const draft = requireDraft(ctx, input.projectId);
  const priced = priceState(ctx, draft);
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
      .values({
        id: randomUUID(),
        projectId: input.projectId,
        number: (last?.n ?? 0) + 1,
        note: input.note,
        status: 'draft',
        validUntil,
        designRevisionId: draft.designRevisionId,
        priceBookVersionId: draft.priceBookVersionId,
        priced: JSON.stringify(priced),
        overrides: JSON.stringify(draft.overrides),
        manualLines: JSON.stringify(draft.manualLines),
        header: JSON.stringify(header),
        totalCents: priced.totals.totalCents,
        createdAt: at,
        createdBy: ctx.actor(),
      })
      .returning()
      .get();
    const s = summarize(ctx, row, priced);
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
  return ctx.db
    .select()
    .from(quoteRevisions)
    .where(and(eq(quoteRevisions.projectId, projectId)))
    .orderBy(desc(quoteRevisions.number))
    .all()
    .map((r) => summarize(ctx, r));
}

export function getQuoteRevision(ctx: ServiceContext, id: string): QuoteRevision {
  const r = loadRow(ctx, id);
  const priced = JSON.parse(r.priced) as PricedQuote;
  const header = JSON.parse(r.header) as Pick<QuoteRevision, 'company' | 'customer'>;
  return {
    ...summarize(ctx, r, priced),
    priceBookVersionId: r.priceBookVersionId,
    priced,
    overrides: JSON.parse(r.overrides) as QuoteRevision['overrides'],
    manualLines: JSON.parse(r.manualLines) as QuoteRevision['manualLines'],
    ...header,
  };
}

/**
 * Status changes follow QUOTE_TRANSITIONS. An accepted revision is final: the service refuses any
 * change and a database trigger backs that up.
 */
export function setQuoteStatus(
  ctx: ServiceContext,
  id: string,
  to: QuoteStatus,
): QuoteRevisionSummary {
  const { value } = recordChange(ctx, (at) => {
    const row = loadRow(ctx, id);
    const shown = displayStatus(row.status, row.validUntil, today(ctx));
    if (row.status === 'accepted')
      throw new AppError(
        'ILLEGAL_STATE',
        `Quote revision ${row.number} was accepted${row.statusChangedAt ? ` on ${row.statusChangedAt.slice(0, 10)}` : ''}; an accepted quote can never change. Save a new revision instead.`,
      );
    if (shown === 'expired' && row.status !== 'expired' && to !== 'expired' && to !== 'declined')
      throw new AppError(
        'ILLEGAL_STATE',
        `Quote revision ${row.number} expired on ${row.validUntil}. Save a new revision with a new validity date.`,
      );
    if (!QUOTE_TRANSITIONS[row.status].includes(to))
      throw new AppError(
        'ILLEGAL_STATE',
        `A ${QUOTE_STATUS_LABELS[row.status].toLowerCase()} quote cannot be marked ${QUOTE_STATUS_LABELS[to].toLowerCase()}.`,
      );
    const by = ctx.actor();
    const next = ctx.db
      .update(quoteRevisions)
      .set({ status: to, statusChangedAt: at, statusChangedBy: by })
      .where(eq(quoteRevisions.id, id))
      .returning()
      .get();
    const s = summarize(ctx, next);
    return {
      value: s,
      change: {
        entity: 'quote',
        entityId: id,
        action: 'quote.status-changed',
        before: { status: row.status },
        after: { status: to },
        outbox: { op: 'upsert', data: syncData(s, next) },
      },
    };
  });
  ctx.events.emit('quotes:changed', { projectId: value.projectId });
  return value;
}

/** Two revisions side by side: facts, each line by code, each total, with the difference. */
export function compareQuoteRevisions(
  ctx: ServiceContext,
  aId: string,
  bId: string,
): QuoteComparison {
  const a = getQuoteRevision(ctx, aId);
  const b = getQuoteRevision(ctx, bId);
  if (a.projectId !== b.projectId)
    throw new AppError('VALIDATION', 'Compare two revisions of the same project.');
  const pa = a.priced;
  const pb = b.priced;
  const facts: QuoteComparison['facts'] = [
    {
      label: 'Design revision',
      before: pa.design.designRevisionNumber,
      after: pb.design.designRevisionNumber,
    },
    { label: 'Pole', before: pa.design.designation, after: pb.design.designation },
    { label: 'Footing diameter (ft)', before: pa.design.diameterFt, after: pb.design.diameterFt },
    { label: 'Footing depth (ft)', before: pa.design.depthFt, after: pb.design.depthFt },
    {
      label: 'Price book version',
      before: pa.priceBookVersionNumber,
      after: pb.priceBookVersionNumber,
    },
    {
      label: 'Status',
      before: QUOTE_STATUS_LABELS[a.displayStatus],
      after: QUOTE_STATUS_LABELS[b.displayStatus],
    },
  ];
  const codes = [...new Set([...pa.lines.map((l) => l.code), ...pb.lines.map((l) => l.code)])];
  const lines = codes.map((code) => {
    const x = pa.lines.find((l) => l.code === code);
    const y = pb.lines.find((l) => l.code === code);
    const side = (l: typeof x) =>
      l
        ? { quantity: l.quantity, unitPriceCents: l.unitPriceCents, amountCents: l.amountCents }
        : null;
    const change: QuoteComparison['lines'][number]['change'] = !x
      ? 'added'
      : !y
        ? 'removed'
        : x.quantity !== y.quantity ||
            x.unitPriceCents !== y.unitPriceCents ||
            x.amountCents !== y.amountCents
          ? 'changed'
          : 'same';
    return {
      code,
      description: (y ?? x)!.description,
      change,
      before: side(x),
      after: side(y),
      deltaCents: (y?.amountCents ?? 0) - (x?.amountCents ?? 0),
    };
  });
  const t = (label: string, key: string, pick: (p: PricedQuote) => number) => ({
    key,
    label,
    before: pick(pa),
    after: pick(pb),
    deltaCents: pick(pb) - pick(pa),
  });
  const totals = [
    ...(['materials', 'labor', 'equipment', 'fees'] as const).map((g) =>
      t(GROUP_LABELS[g], g, (p) => p.totals.byGroup[g]),
    ),
    t('Subtotal', 'subtotal', (p) => p.totals.subtotalCents),
    t('Contingency', 'contingency', (p) => p.totals.contingencyCents),
    t('Markup', 'markup', (p) => p.totals.markupCents),
    t('Discount', 'discount', (p) => -p.totals.discountCents),
    t('Tax', 'tax', (p) => p.totals.taxCents),
    t('Total', 'total', (p) => p.totals.totalCents),
  ];
  return {
    a: summarize(ctx, loadRow(ctx, aId)),
    b: summarize(ctx, loadRow(ctx, bId)),
    facts,
    lines,
    totals,
  };
}
