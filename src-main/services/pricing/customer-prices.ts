import {
  GROUP_LABELS,
  LINE_GROUPS,
  type LineGroup,
  type PricedQuote,
} from '../../../src-shared/quotes';

/**
 * The customer's view of a priced quote: one price per group (or one price for the job), with
 * contingency and markup folded into the prices, never shown as lines. Each group's price is its
 * share of (cost + contingency + markup) in proportion to its cost, in whole cents by largest
 * remainder, so the group prices add up exactly; discount and tax stay visible as the customer
 * pays them. Total = sum of prices - discount + tax = the quote's total, to the cent.
 */
export interface CustomerGroup {
  group: LineGroup;
  label: string;
  /** what the group includes, in words (line descriptions, never quantities or unit costs) */
  scope: string[];
  priceCents: number;
}
export interface CustomerPrices {
  groups: CustomerGroup[];
  /** false when credits make a group's cost negative: show one price for the job */
  splittable: boolean;
  /** price before discount and tax (= sum of group prices) */
  priceCents: number;
  discountCents: number;
  discountBp: number;
  taxCents: number;
  taxBp: number;
  totalCents: number;
}

export function customerPrices(p: PricedQuote): CustomerPrices {
  const t = p.totals;
  const price = t.subtotalCents + t.contingencyCents + t.markupCents;
  const present = LINE_GROUPS.filter((g) => p.lines.some((l) => l.group === g));
  const costs = present.map((g) => t.byGroup[g]);
  const costSum = costs.reduce((a, b) => a + b, 0);
  let shares: number[];
  const splittable = costSum > 0 && costs.every((c) => c >= 0);
  if (splittable) {
    const exact = costs.map((c) => (price * c) / costSum);
    shares = exact.map(Math.floor);
    let left = price - shares.reduce((a, b) => a + b, 0);
    const order = exact
      .map((e, i) => ({ i, r: e - Math.floor(e) }))
      .sort((a, b) => b.r - a.r || a.i - b.i);
    for (let k = 0; left > 0; k = (k + 1) % order.length, left--) shares[order[k].i] += 1;
  } else {
    // credits larger than a group's cost: no fair split (the document shows one price)
    shares = present.map((_, i) => (i === present.length - 1 ? price : 0));
  }
  return {
    splittable,
    groups: present.map((g, i) => ({
      group: g,
      label: GROUP_LABELS[g],
      scope: [...new Set(p.lines.filter((l) => l.group === g).map((l) => l.description))],
      priceCents: shares[i],
    })),
    priceCents: price,
    discountCents: t.discountCents,
    discountBp: t.discountBp,
    taxCents: t.taxCents,
    taxBp: t.taxBp,
    totalCents: t.totalCents,
  };
}
