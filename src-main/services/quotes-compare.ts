import { AppError } from '../../src-shared/errors';
import {
  GROUP_LABELS,
  QUOTE_STATUS_LABELS,
  type PricedQuote,
  type QuoteComparison,
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
