import { AppError } from '../../src-shared/errors';
import {
  GROUP_LABELS,
  QUOTE_STATUS_LABELS,
  type PricedQuote,
  type PricedSign,
  type QuoteComparison,
  type QuoteLine,
} from '../../src-shared/quotes';
import type { ServiceContext } from './context';
import { getQuoteRevision, loadRow, summarize } from './quotes-revisions';

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
  const ja = a.job;
  const jb = b.job;
  const several = ja.signs.length > 1 || jb.signs.length > 1;
  const ids = [
    ...jb.signs.map((x) => x.signId),
    ...ja.signs.map((x) => x.signId).filter((id) => !jb.signs.some((x) => x.signId === id)),
  ];
  const signs = ids.map((id) => {
    const x = ja.signs.find((y) => y.signId === id);
    const y = jb.signs.find((z) => z.signId === id);
    const signLines = compareLines(x?.lines ?? [], y?.lines ?? []);
    const rev = (s?: PricedSign) => s?.design.designRevisionNumber ?? null;
    const change: QuoteComparison['signs'][number]['change'] = !x
      ? 'added'
      : !y
        ? 'removed'
        : x.design.designRevisionId !== y.design.designRevisionId ||
            x.quantity !== y.quantity ||
            x.subtotalCents !== y.subtotalCents ||
            signLines.some((l) => l.change !== 'same')
          ? 'changed'
          : 'same';
    const s = (y ?? x)!;
    return {
      signId: id,
      mark: s.mark,
      label: s.label,
      change,
      designRevisionBefore: rev(x),
      designRevisionAfter: rev(y),
      subtotalBefore: x?.subtotalCents ?? null,
      subtotalAfter: y?.subtotalCents ?? null,
      lines: signLines,
    };
  });
  const jobLines = compareLines(ja.jobLines, jb.jobLines);
  // one sign: the lines by code as always; several: each sign's (code and name prefixed with its
  // mark, a code repeats from sign to sign) then the job's
  const lines = several
    ? [
        ...signs.flatMap((x) =>
          x.lines.map((l) => ({
            ...l,
            code: `${x.mark}:${l.code}`,
            description: `${x.mark}: ${l.description}`,
          })),
        ),
        ...jobLines,
      ]
    : compareLines(pa.lines, pb.lines);
  // with several signs, each sign's design revision is a fact of its own
  if (several)
    facts.splice(
      0,
      4,
      ...signs.map((x) => ({
        label: `${x.mark} design revision`,
        before: x.designRevisionBefore ?? '-',
        after: x.designRevisionAfter ?? '-',
      })),
    );
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
    signs,
    jobLines,
    totals,
  };
}

/** Lines compared by code: added, removed, changed (quantity, unit price or amount) or the same. */
function compareLines(pa: readonly QuoteLine[], pb: readonly QuoteLine[]) {
  const codes = [...new Set([...pa.map((l) => l.code), ...pb.map((l) => l.code)])];
  return codes.map((code) => {
    const x = pa.find((l) => l.code === code);
    const y = pb.find((l) => l.code === code);
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
}
