import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteSettingsSchema, type PricedQuote, type QuoteLine } from '../../../src-shared/quotes';
import { customerPrices } from './customer-prices';
import { totalsOf } from './price-quote';

const line = (code: string, group: QuoteLine['group'], amountCents: number): QuoteLine => ({
  code,
  group,
  description: `${code} description`,
  basis: '',
  quantity: 1,
  unit: 'each',
  unitPriceCents: amountCents,
  amountCents,
  taxable: group === 'materials',
  source: 'generated',
  overridden: false,
  overrideNote: '',
});

function priced(lines: QuoteLine[], pct: { c: number; m: number; d: number; t: number }) {
  const settings = quoteSettingsSchema.parse({
    contingencyPct: pct.c,
    markupPct: pct.m,
    discountPct: pct.d,
    taxPct: pct.t,
  });
  return {
    lines,
    settings,
    totals: totalsOf(lines, new Map(), settings),
  } as unknown as PricedQuote;
}

describe('customer prices: contingency and markup folded into the group prices', () => {
  it('splits cost + contingency + markup by cost share, to the cent', () => {
    const p = priced(
      [
        line('steel', 'materials', 60000),
        line('crew', 'labor', 30000),
        line('crane', 'equipment', 10000),
      ],
      { c: 5, m: 25, d: 0, t: 0 },
    );
    const c = customerPrices(p);
    // 100,000 + 5 % = 105,000; + 25 % = 131,250: 60 / 30 / 10 % of it
    expect(c.groups.map((g) => [g.label, g.priceCents])).toEqual([
      ['Materials', 78750],
      ['Labor', 39375],
      ['Equipment', 13125],
    ]);
    expect(c.totalCents).toBe(p.totals.totalCents);
    expect(c.groups[1].scope).toEqual(['crew description']);
    expect(c.splittable).toBe(true);
  });

  it('a credit larger than its group cost: no split, one price', () => {
    const p = priced([line('steel', 'materials', 60000), line('credit', 'fees', -5000)], {
      c: 0,
      m: 10,
      d: 0,
      t: 0,
    });
    const c = customerPrices(p);
    expect(c.splittable).toBe(false);
    expect(c.priceCents).toBe(60500); // (60,000 - 5,000) + 10 %
    expect(c.totalCents).toBe(p.totals.totalCents);
  });

  it('for any lines and percentages the group prices add up and the total is the quote total', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            group: fc.constantFrom<QuoteLine['group']>('materials', 'labor', 'equipment', 'fees'),
            cents: fc.integer({ min: 0, max: 5_000_000 }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 12 }),
        (ls, c, m, d, t) => {
          const p = priced(
            ls.map((l, i) => line(`l${i}`, l.group, l.cents)),
            { c, m, d, t },
          );
          const cp = customerPrices(p);
          const sum = cp.groups.reduce((s, g) => s + g.priceCents, 0);
          expect(sum).toBe(cp.priceCents);
          expect(cp.priceCents - cp.discountCents + cp.taxCents).toBe(p.totals.totalCents);
          for (const g of cp.groups) expect(Number.isInteger(g.priceCents)).toBe(true);
        },
      ),
    );
  });
});
