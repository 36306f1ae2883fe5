import { describe, expect, it } from 'vitest';
import {
  jobSignPricingSchema,
  priceItemSchema,
  quoteSettingsSchema,
  type DesignFacts,
  type ManualLine,
  type PriceItemInput,
} from '../../../src-shared/quotes';
import { priceJob, splitCents, type JobSignInput } from './price-job';
import { priceQuote } from './price-quote';

/** Two designs as the engine reports them (only what pricing reads). */
const short: DesignFacts = {
  designRevisionId: 'r1',
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
const tall: DesignFacts = {
  ...short,
  designRevisionId: 'r2',
  poleCount: 2,
  topHeightFt: 30,
  concreteYd3PerFooting: 1.5,
  cabinetAreaFt2: 72,
};
const items: PriceItemInput[] = [
  { code: 'steel', category: 'steel', name: 'Steel', unit: 'lb', price: 91, match: 'pipe' },
  // a set-up crew once for the job, with time per pole and per yard over the whole job
  {
    code: 'setup',
    category: 'labor',
    name: 'Site set-up crew',
    unit: 'hour',
    price: 12000,
    fixed: 4,
    perPole: 0.5,
    perYd3: 0.2,
    per: 'job',
  },
  {
    code: 'lit_check',
    category: 'labor',
    name: 'Night lighting check',
    unit: 'hour',
    price: 9000,
    fixed: 1,
    match: 'illuminated',
    per: 'job',
  },
  {
    code: 'tall_fee',
    category: 'fee',
    name: 'Tall sign review',
    unit: 'each',
    price: 40000,
    match: 'top>25',
    per: 'job',
  },
  { code: 'markup', category: 'adjustment', name: 'Markup', unit: 'percent', price: 20_00 },
];
const book = { id: 'b', number: 1, items: items.map((i) => priceItemSchema.parse(i)) };
const settings = quoteSettingsSchema.parse({});
const sign = (id: string, design: DesignFacts, quantity: number): JobSignInput => ({
  signId: id,
  mark: id.toUpperCase(),
  quantity,
  design,
});
const line = <T extends { code: string }>(lines: readonly T[], code: string) =>
  lines.find((l) => l.code === code);

describe('once-per-job items are priced on the job’s sums', () => {
  it('a per-job crew counts every pole and yard of the job with the quantities applied', () => {
    const job = priceJob({ signs: [sign('s1', short, 3), sign('s2', tall, 1)], book, settings });
    // poles 3 × 1 + 1 × 2 = 5; concrete 3 × 0.832 + 2 × 1.5 = 5.496 yd³
    // 4 + 0.5 × 5 + 0.2 × 5.496 = 7.5992 h, rounded up to the quarter: 7.75 h
    expect(line(job.jobLines, 'setup')).toMatchObject({
      quantity: 7.75,
      amountCents: Math.round(7.75 * 12000),
    });
    expect(line(job.jobLines, 'setup')?.basis).toContain('0.5 × 5 pole + 0.2 × 5.496 yd³');
    // the fee on the tallest sign's top, once
    expect(line(job.jobLines, 'tall_fee')).toMatchObject({ quantity: 1, amountCents: 40000 });
    expect(line(job.jobLines, 'tall_fee')?.basis).toBe('tallest sign top 30 ft');
    // no per-job line in a sign's group
    for (const s of job.signs) expect(s.lines.map((l) => l.code)).toEqual(['pole-steel']);
  });

  it('a per-job item for lit signs applies when any sign is lit, and not when none is', () => {
    const unlit = (s: JobSignInput): JobSignInput => ({ ...s, settings: { illuminated: false } });
    const one = priceJob({
      signs: [unlit(sign('a', short, 1)), sign('b', short, 1)],
      book,
      settings,
    });
    expect(line(one.jobLines, 'lit_check')?.amountCents).toBe(9000);
    const none = priceJob({
      signs: [unlit(sign('a', short, 1)), unlit(sign('b', short, 1))],
      book,
      settings,
    });
    expect(line(none.jobLines, 'lit_check')).toBeUndefined();
  });

  it('a one-sign job is priceQuote, per-job items included', () => {
    const q = priceQuote({ facts: tall, book, settings });
    const job = priceJob({ signs: [sign('s1', tall, 1)], book, settings });
    expect([...job.signs[0].lines, ...job.jobLines].map((l) => [l.code, l.amountCents])).toEqual(
      q.lines.map((l) => [l.code, l.amountCents]),
    );
    expect(job.totals).toEqual(q.totals);
  });
});

describe('sign prices add up to the job total', () => {
  it('splits by largest remainder, ties to the earlier sign', () => {
    expect(splitCents(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitCents(1001, [2, 1])).toEqual([667, 334]);
    expect(splitCents(0, [0, 0])).toEqual([0, 0]);
    expect(splitCents(-100, [1, 3])).toEqual([-25, -75]);
    // past 2^53 in the product: exact
    expect(splitCents(900_000_000_000, [999_999_999, 1])).toEqual([899_999_999_100, 900]);
  });

  it('gives no sign price when a credit makes a sign’s cost negative (one price for the job)', () => {
    const credit: ManualLine = {
      code: 'manual-1',
      group: 'materials',
      description: 'Trade-in of the old cabinet',
      quantity: 1,
      unit: 'each',
      unitPriceCents: -500_000,
      taxable: false,
    };
    const job = priceJob({
      signs: [{ ...sign('a', short, 1), manualLines: [credit] }, sign('b', tall, 1)],
      book,
      settings,
    });
    expect(job.signs[0].subtotalCents).toBeLessThan(0);
    expect(job.signs.map((s) => s.priceCents)).toEqual([null, null]);
    expect(job.jobLinesPriceCents).toBeNull();
    expect(job.totals.totalCents).toBe(
      job.signs[0].subtotalCents +
        job.signs[1].subtotalCents +
        job.jobLinesSubtotalCents +
        job.totals.markupCents,
    );
  });
});

describe('the job sign schema (the boundary the job quote service parses with)', () => {
  it('a sign that sets nothing keeps the job settings; a bad quantity names the field and range', () => {
    const parsed = jobSignPricingSchema.parse({
      signId: 'a',
      mark: 'S1',
      quantity: 2,
      design: short,
    });
    expect(parsed.settings).toEqual({});
    expect(parsed).toMatchObject({ name: '', overrides: {}, manualLines: [] });
    const lit = priceJob({
      signs: [{ ...parsed, settings: parsed.settings }],
      book,
      settings: quoteSettingsSchema.parse({ illuminated: false }),
    });
    expect(line(lit.jobLines, 'lit_check')).toBeUndefined(); // the job's unlit setting stands
    const bad = jobSignPricingSchema.safeParse({
      signId: 'a',
      mark: '',
      quantity: 1000,
      design: short,
    });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['mark', expect.stringMatching(/^Sign mark /)],
      ['quantity', 'Sign quantity must be a whole number between 1 and 999'],
    ]);
  });
});
