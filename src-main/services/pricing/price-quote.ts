import type {
  PriceItem,
  PricedQuote,
  QuoteLine,
  QuoteSettings,
  QuoteTotals,
  DesignFacts,
  LineOverride,
  ManualLine,
} from '../../../src-shared/quotes';
import { marginOn, pctToBp, percentOf } from './money';
import { generateLines, indexBook, measureOf, type BookIndex } from './lines';

export { formulaQty } from './lines';

/**
 * Prices a quote from design facts and one price book version (README.md). Pure and fast: the
 * alternatives ranking calls it hundreds of times. Every line is qty × unit price rounded once to
 * the cent; totals are sums of integers plus percentages each rounded once.
 */

export interface BookRef {
  id: string;
  number: number;
  items: readonly PriceItem[];
}

export interface PricingInput {
  facts: DesignFacts;
  book: BookRef;
  settings: QuoteSettings;
  overrides?: Record<string, LineOverride>;
  manualLines?: readonly ManualLine[];
}

export function totalsOf(
  lines: readonly QuoteLine[],
  items: BookIndex['byCode'],
  s: QuoteSettings,
): QuoteTotals {
  const byGroup = { materials: 0, labor: 0, equipment: 0, fees: 0 };
  let taxable = 0;
  for (const l of lines) {
    byGroup[l.group] += l.amountCents;
    if (l.taxable) taxable += l.amountCents;
  }
  const subtotal = byGroup.materials + byGroup.labor + byGroup.equipment + byGroup.fees;
  const bookMarkup = items.get('markup');
  const contingencyBp =
    s.contingencyPct !== null ? pctToBp(s.contingencyPct) : (items.get('contingency')?.price ?? 0);
  const markupMode = s.markupMode ?? (bookMarkup?.match === 'margin' ? 'margin' : 'markup');
  const markupBp = s.markupPct !== null ? pctToBp(s.markupPct) : (bookMarkup?.price ?? 0);
  const taxBp = s.taxPct !== null ? pctToBp(s.taxPct) : (items.get('tax')?.price ?? 0);
  const discountBp = pctToBp(s.discountPct);
  const contingency = percentOf(subtotal, contingencyBp);
  const cost = subtotal + contingency;
  const markup = markupMode === 'markup' ? percentOf(cost, markupBp) : marginOn(cost, markupBp);
  const discount = percentOf(cost + markup, discountBp);
  const tax = percentOf(taxable, taxBp);
  return {
    byGroup,
    subtotalCents: subtotal,
    contingencyBp,
    contingencyCents: contingency,
    markupMode,
    markupBp,
    markupCents: markup,
    discountBp,
    discountCents: discount,
    taxableCents: taxable,
    taxBp,
    taxCents: tax,
    totalCents: cost + markup - discount + tax,
  };
}

export function priceQuote(input: PricingInput): PricedQuote {
  const { facts: f, book, settings: s } = input;
  const idx = indexBook(book.items);
  const { lines, warnings } = generateLines({
    facts: f,
    measure: measureOf(f),
    idx,
    settings: s,
    overrides: input.overrides ?? {},
    manualLines: input.manualLines ?? [],
    scope: 'all',
  });
  return {
    design: f,
    priceBookVersionId: book.id,
    priceBookVersionNumber: book.number,
    settings: s,
    lines,
    totals: totalsOf(lines, idx.byCode, s),
    warnings,
  };
}
