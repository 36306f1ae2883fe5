import { describe, expect, it } from 'vitest';
import {
  priceItemSchema,
  quoteSettingsSchema,
  type DesignFacts,
  type PriceItemInput,
} from '../../../src-shared/quotes';
import { roundUpTo } from './money';
import { priceQuote } from './price-quote';

const facts: DesignFacts = {
  designRevisionId: 'r',
  designRevisionNumber: 1,
  designation: 'Pipe 6 Std.',
  family: 'pipe',
  weightPlf: 19,
  passes: true,
  poleCount: 1,
  topHeightFt: 20,
  diameterFt: 2,
  depthFt: 6.5,
  concreteYd3PerFooting: 0.832,
  cabinetAreaFt2: 32,
};
const book = (items: PriceItemInput[]) => ({
  id: 'b',
  number: 1,
  items: items.map((i) => priceItemSchema.parse(i)),
});

describe('quantities rounded to the price book increment', () => {
  it('rounds up exactly on thousandths', () => {
    expect(roundUpTo(3.97, 0.25)).toBe(4);
    expect(roundUpTo(3.75, 0.25)).toBe(3.75);
    expect(roundUpTo(3.751, 0.25)).toBe(4);
    expect(roundUpTo(0.832, 0.25)).toBe(1);
    expect(roundUpTo(2.1, 0.5)).toBe(2.5);
  });

  it('defaults crew hours and concrete to the quarter when the item has no increment, and 0 turns it off', () => {
    // 2 + 1.5 h/yd³ × 0.832 yd³ = 3.248 h (a foundation crew), 0.832 yd³ of concrete
    const items: PriceItemInput[] = [
      {
        code: 'crew',
        category: 'labor',
        name: 'Crew',
        unit: 'hour',
        price: 13000,
        fixed: 2,
        perYd3: 1.5,
      },
      { code: 'concrete', category: 'concrete', name: 'Concrete', unit: 'yd3', price: 14500 },
      {
        code: 'auger',
        category: 'equipment',
        name: 'Auger',
        unit: 'hour',
        price: 22500,
        fixed: 1.1,
      },
    ];
    const s = quoteSettingsSchema.parse({ illuminated: false });
    const q = priceQuote({ facts, book: book(items), settings: s });
    const by = (c: string) => q.lines.find((l) => l.code === c)!;
    expect(by('crew')).toMatchObject({ quantity: 3.25, amountCents: 42250 });
    expect(by('crew').basis).toBe('2 + 1.5 × 0.832 yd³ = 3.248 h -> 3.25 h (rounded up to 0.25 h)');
    expect(by('concrete')).toMatchObject({ quantity: 1, amountCents: 14500 });
    expect(by('concrete').basis).toContain('= 0.832 yd³ -> 1.00 yd³ (rounded up to 0.25 yd³)');
    // equipment hours are not rounded unless the book says so
    expect(by('auger').quantity).toBe(1.1);
    const off = priceQuote({
      facts,
      book: book(items.map((i) => ({ ...i, increment: 0 }))),
      settings: s,
    });
    expect(off.lines.find((l) => l.code === 'crew')!.quantity).toBe(3.248);
    expect(off.lines.find((l) => l.code === 'concrete')!.quantity).toBe(0.832);
  });

  it('takes an override quantity as typed', () => {
    const items: PriceItemInput[] = [
      { code: 'crew', category: 'labor', name: 'Crew', unit: 'hour', price: 10000, fixed: 3.97 },
    ];
    const s = quoteSettingsSchema.parse({ illuminated: false });
    const q = priceQuote({
      facts,
      book: book(items),
      settings: s,
      overrides: { crew: { quantity: 3.9, note: '' } },
    });
    expect(q.lines[0]).toMatchObject({ quantity: 3.9, amountCents: 39000, overridden: true });
    const auto = priceQuote({ facts, book: book(items), settings: s });
    expect(auto.lines[0].basis).toBe('3.97 = 3.97 h -> 4.00 h (rounded up to 0.25 h)');
  });
});
