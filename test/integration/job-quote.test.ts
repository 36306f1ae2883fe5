import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Revision, RevisionSummary } from '../../src-shared/designs';
import type { Project } from '../../src-shared/projects';
import {
  priceItemFormSchema,
  pricedJobSchema,
  quoteSettingsSchema,
  toItemForm,
  type ManualLine,
  type PriceBookVersion,
  type PriceItem,
  type QuoteLine,
  type QuoteSettingsInput,
} from '../../src-shared/quotes';
import { factsFromRevision } from '../../src-main/services/pricing/facts';
import { priceQuote, type BookRef } from '../../src-main/services/pricing/price-quote';
import {
  jobFromQuote,
  priceJob,
  type JobPricingInput,
  type JobSignInput,
} from '../../src-main/services/pricing/price-job';
import {
  factsWithAlternative,
  priceJobWithDesign,
  rankJobAlternatives,
} from '../../src-main/services/pricing/job-alternatives';
import w16 from '../fixtures/w16-sign.json';
import { MONUMENT, PYLON, TWO_POLE } from '../fixtures/job-signs';
import { freshMain } from '../helpers/main';

let m: ReturnType<typeof freshMain>;
let book: BookRef;
beforeEach(async () => {
  m = freshMain({ now: () => '2026-03-01T10:00:00.000Z' });
  const v = await m.call<PriceBookVersion>('pricebook:get-current');
  book = { id: v.id, number: v.number, items: v.items as PriceItem[] };
});
afterEach(() => m.close());

/** A real design: saved through the designs service (the engine computes it), read back. */
async function designOf(input: unknown): Promise<Revision> {
  const p = await m.call<Project>('projects:create', { name: 'Job sign' });
  const r = await m.call<RevisionSummary>('designs:save-revision', { projectId: p.id, input });
  return m.call<Revision>('designs:get-revision', { id: r.id });
}

const settings = (s: QuoteSettingsInput = {}) => quoteSettingsSchema.parse(s);
/** Independent of the service: round half up to the cent once. */
const cents = (qty: number, unitCents: number) => Math.round(qty * unitCents);
const pct = (base: number, percent: number) => Math.round((base * percent) / 100);
const sum = (lines: readonly QuoteLine[]) => lines.reduce((a, l) => a + l.amountCents, 0);
const codes = (lines: readonly QuoteLine[]) => lines.map((l) => l.code);
const lineOf = (lines: readonly QuoteLine[], code: string) => {
  const l = lines.find((x) => x.code === code);
  if (!l) throw new Error(`no line ${code} in ${codes(lines).join(', ')}`);
  return l;
};

async function threeSignJob(monuments = 2): Promise<{
  input: JobPricingInput;
  revs: Revision[];
}> {
  const revs = [await designOf(PYLON), await designOf(MONUMENT), await designOf(TWO_POLE)];
  const signs: JobSignInput[] = [
    { signId: 's1', mark: 'S1', name: 'Pylon', quantity: 1, design: factsFromRevision(revs[0]) },
    {
      signId: 's2',
      mark: 'S2',
      name: 'Monument',
      quantity: monuments,
      design: factsFromRevision(revs[1]),
      settings: { illuminated: false },
    },
    { signId: 's3', mark: 'S3', name: 'Two-pole', quantity: 1, design: factsFromRevision(revs[2]) },
  ];
  return { input: { signs, book, settings: settings({ travelMiles: 40 }) }, revs };
}

describe('a three-sign job priced with the starter book (issue 15)', () => {
  it('applies each sign quantity, prices the job lines once and totals to the cent', async () => {
    const { input, revs } = await threeSignJob();
    const job = priceJob(input);
    const [pylon, monument, twoPole] = job.signs;
    expect(job.signs.map((s) => s.label)).toEqual(['S1 Pylon', 'S2 Monument × 2', 'S3 Two-pole']);
    expect(job.signCount).toBe(4);

    // the monument × 2: two of everything one monument needs, each line rounded once
    const one = priceJob({ ...input, signs: [{ ...input.signs[1], quantity: 1 }] }).signs[0];
    expect(codes(monument.lines)).toEqual(codes(one.lines));
    for (const l of monument.lines) {
      const single = lineOf(one.lines, l.code);
      expect(l.quantity, l.code).toBeCloseTo(single.quantity * 2, 9);
      expect(l.amountCents, l.code).toBe(cents(single.quantity * 2, single.unitPriceCents));
      expect(l.basis, l.code).toContain('× 2 signs');
    }
    // monument steel from the engine's design: 2 signs × 1 pole × (5 ft + 4 ft embedded) × 7.58 lb/ft
    const mon = revs[1].result;
    expect([mon.wind.topHeightFt, mon.summary.foundation.depthFt]).toEqual([5, 4]);
    const monLb = 2 * (5 + 4) * mon.summary.pole.weightPlf;
    expect(lineOf(monument.lines, 'pole-steel').quantity).toBeCloseTo(monLb, 9);
    expect(lineOf(monument.lines, 'pole-steel').amountCents).toBe(cents(monLb, 91));
    // the monument is unlit (its own setting): no LEDs, electrical or electrician on it
    expect(codes(monument.lines)).not.toContain('led_lighting');
    expect(codes(pylon.lines)).toContain('led_lighting');
    // the two-pole sign: two poles, two holes
    const tp = revs[2].result.summary.foundation;
    expect(lineOf(twoPole.lines, 'drilling').quantity).toBeCloseTo(2 * tp.depthFt, 9);

    // engineering per sign (by its own height), the rest once per job
    expect(lineOf(pylon.lines, 'eng_base_gt25').amountCents).toBe(30000); // top 28 ft
    expect(lineOf(monument.lines, 'eng_base_le25').amountCents).toBe(2 * 20000);
    expect(lineOf(twoPole.lines, 'eng_base_le25').amountCents).toBe(20000); // top 18 ft
    expect(codes(job.jobLines).sort()).toEqual(
      ['calc_packet', 'mobilization', 'permit_pkg', 'travel_mileage'].sort(),
    );
    for (const s of job.signs)
      for (const c of codes(job.jobLines))
        expect(codes(s.lines), `${s.mark} ${c}`).not.toContain(c);
    expect(lineOf(job.jobLines, 'travel_mileage')).toMatchObject({
      quantity: 80, // 40 miles × 2 round trips, once for the job
      amountCents: cents(80, 70),
    });
    expect(lineOf(job.jobLines, 'permit_pkg').amountCents).toBe(25000);
    expect(lineOf(job.jobLines, 'mobilization').amountCents).toBe(35000);

    // sign subtotals, then the job's adjustments once on the whole job
    for (const s of job.signs) expect(s.subtotalCents, s.mark).toBe(sum(s.lines));
    const subtotal = job.signs.reduce((a, s) => a + s.subtotalCents, 0) + sum(job.jobLines);
    const all = [...job.signs.flatMap((s) => s.lines), ...job.jobLines];
    const taxable = sum(all.filter((l) => l.group === 'materials'));
    const contingency = pct(subtotal, 5);
    const markup = pct(subtotal + contingency, 25);
    const tax = Math.round((taxable * 8.25) / 100);
    expect(job.jobLinesSubtotalCents).toBe(sum(job.jobLines));
    expect(job.totals).toMatchObject({
      subtotalCents: subtotal,
      contingencyCents: contingency,
      markupCents: markup,
      taxableCents: taxable,
      taxCents: tax,
      totalCents: subtotal + contingency + markup + tax,
    });
    // the customer's sign prices and the job lines' price add up to the total exactly
    const prices = [...job.signs.map((s) => s.priceCents!), job.jobLinesPriceCents!];
    expect(prices.reduce((a, b) => a + b, 0)).toBe(job.totals.totalCents);
    expect(job.warnings).toEqual([]);
    // what the job quote service will store: the shared schema reads it back unchanged
    expect(pricedJobSchema.parse(job)).toEqual(job);
  });

  it('sign prices always add up to the job total, for any quantities, margin, discount and tax', async () => {
    const { input } = await threeSignJob();
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 89 }),
        fc.integer({ min: 0, max: 30 }),
        fc.boolean(),
        (qty, discountPct, markupPct, taxPct, margin) => {
          const job = priceJob({
            ...input,
            signs: input.signs.map((s, i) => ({ ...s, quantity: qty[i] })),
            settings: settings({
              travelMiles: 40,
              discountPct,
              markupPct,
              taxPct,
              markupMode: margin ? 'margin' : 'markup',
            }),
          });
          const t = job.totals;
          const subtotals = job.signs.reduce((a, s) => a + s.subtotalCents, 0);
          expect(t.subtotalCents).toBe(subtotals + job.jobLinesSubtotalCents);
          expect(t.totalCents).toBe(
            t.subtotalCents + t.contingencyCents + t.markupCents - t.discountCents + t.taxCents,
          );
          const prices = [...job.signs.map((s) => s.priceCents!), job.jobLinesPriceCents!];
          expect(prices.reduce((a, b) => a + b, 0)).toBe(t.totalCents);
          expect(job.signCount).toBe(qty[0] + qty[1] + qty[2]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a bad schedule with a message naming the sign and the allowed range', async () => {
    const { input } = await threeSignJob();
    const withQty = (q: number) => input.signs.map((s, i) => (i === 1 ? { ...s, quantity: q } : s));
    for (const q of [0, 1000, 2.5]) {
      let err: unknown;
      try {
        priceJob({ ...input, signs: withQty(q) });
      } catch (e) {
        err = e;
      }
      expect(err, String(q)).toMatchObject({
        code: 'VALIDATION',
        fields: {
          'signs.1.quantity': 'Sign 2 (S2): Sign quantity must be a whole number between 1 and 999',
        },
      });
    }
    expect(() => priceJob({ ...input, signs: [] })).toThrow('A job needs at least one sign');
    expect(() => priceJob({ ...input, signs: [input.signs[0], input.signs[0]] })).toThrow(
      'Sign 2 (S1): the sign is listed twice (signs 1 and 2)',
    );
  });
});

describe('a one-sign job of quantity 1 prices exactly as the one-design quote', () => {
  const manual: ManualLine = {
    code: 'manual-1',
    group: 'materials',
    description: 'Custom base cladding',
    quantity: 1.5,
    unit: 'each',
    unitPriceCents: 12345,
    taxable: true,
  };
  it.each([
    ['W16', w16],
    ['the pylon', PYLON],
    ['the monument', MONUMENT],
    ['the two-pole sign', TWO_POLE],
    ['the default design', {}],
  ])('for %s, under several settings, overrides and manual lines', async (_, design) => {
    const facts = factsFromRevision(await designOf(design));
    const cases: Parameters<typeof priceQuote>[0][] = [
      { facts, book, settings: settings() },
      {
        facts,
        book,
        settings: settings({
          travelMiles: 25,
          includeFees: ['hard_copies'],
          markupMode: 'margin',
          markupPct: 22,
          discountPct: 3,
          taxPct: 7.5,
        }),
        overrides: {
          labor_install: { quantity: 9, note: 'tight site' },
          permit_pkg: { unitPriceCents: 40000, note: 'city fee' },
        },
        manualLines: [manual],
      },
      { facts, book, settings: settings({ illuminated: false, faceSides: 1, contingencyPct: 0 }) },
    ];
    for (const q of cases) {
      const quote = priceQuote(q);
      const job = priceJob(jobFromQuote(q, { signId: 's1', mark: 'S1' }));
      const byCode = (a: QuoteLine, b: QuoteLine) => a.code.localeCompare(b.code);
      expect([...job.signs[0].lines, ...job.jobLines].sort(byCode)).toEqual(
        [...quote.lines].sort(byCode),
      );
      expect(job.totals).toEqual(quote.totals);
      expect(job.signs[0].priceCents! + job.jobLinesPriceCents!).toBe(quote.totals.totalCents);
    }
  });
});

describe('overrides and manual lines belong to a sign (or to the job)', () => {
  it('regenerating with a changed design for one sign keeps the other signs and that sign’s lines', async () => {
    const { input } = await threeSignJob();
    const extra: ManualLine = {
      code: 'manual-1',
      group: 'materials',
      description: 'Stone veneer base',
      quantity: 1,
      unit: 'each',
      unitPriceCents: 80000,
      taxable: true,
    };
    input.signs[0].overrides = { labor_install: { quantity: 12, note: 'pylon crane time' } };
    input.signs[1].manualLines = [extra];
    input.overrides = { permit_pkg: { unitPriceCents: 50000, note: 'county' } };
    const before = priceJob(input);
    const pylonInstall = lineOf(before.signs[0].lines, 'labor_install');
    expect(pylonInstall).toMatchObject({ quantity: 12, overridden: true });
    // the override is the pylon's: the two-pole sign's install crew is generated
    expect(lineOf(before.signs[2].lines, 'labor_install').overridden).toBe(false);
    expect(lineOf(before.signs[1].lines, 'manual-1')).toMatchObject({
      quantity: 2, // the monument's manual line × 2 monuments
      amountCents: 160000,
    });

    // the monument's design changes (a bigger cabinet): regenerate the job
    const bigger = await designOf({
      ...MONUMENT,
      sign: { ...MONUMENT.sign, cabinets: [{ widthFt: 10, heightFt: 6, weightPsf: 10 }] },
    });
    const after = priceJob({
      ...input,
      signs: input.signs.map((s, i) => (i === 1 ? { ...s, design: factsFromRevision(bigger) } : s)),
    });
    expect(after.signs[0].lines).toEqual(before.signs[0].lines);
    expect(after.signs[2].lines).toEqual(before.signs[2].lines);
    expect(lineOf(after.signs[1].lines, 'manual-1')).toEqual(
      lineOf(before.signs[1].lines, 'manual-1'),
    );
    expect(lineOf(after.signs[1].lines, 'cabinet').quantity).toBe(2 * 60);
    expect(after.signs[1].subtotalCents).toBeGreaterThan(before.signs[1].subtotalCents);
    expect(lineOf(after.jobLines, 'permit_pkg')).toMatchObject({
      amountCents: 50000,
      overridden: true,
    });
  });

  it('an override that no longer matches a line is kept and named with its sign', async () => {
    const { input } = await threeSignJob();
    input.signs[1].overrides = { led_lighting: { quantity: 3, note: '' } }; // the monument is unlit
    const job = priceJob(input);
    expect(job.warnings).toEqual([
      'S2: The override of led_lighting no longer matches a generated line; it is kept and applies if the line comes back.',
    ]);
  });
});

describe('alternatives per sign give the job total', () => {
  it('ranks the pylon’s pairs by the job total; choosing one changes only the pylon', async () => {
    const { input, revs } = await threeSignJob();
    const now = priceJob(input);
    const res = rankJobAlternatives(input, 's1', revs[0], 5);
    expect(res.currentJobTotalCents).toBe(now.totals.totalCents);
    expect(res.alternatives.length).toBeGreaterThan(1);
    const totals = res.alternatives.map((a) => a.jobTotalCents);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(res.alternatives.map((a) => a.rank)).toEqual(totals.map((_, i) => i + 1));
    // the design as saved is one of the pairs, so the cheapest is never dearer than it
    expect(totals[0]).toBeLessThanOrEqual(now.totals.totalCents);

    const pick = res.alternatives[res.alternatives.length - 1];
    const base = factsFromRevision(revs[0]);
    const chosen = priceJobWithDesign(input, 's1', factsWithAlternative(base, pick));
    expect(chosen.totals.totalCents).toBe(pick.jobTotalCents);
    expect(pick.jobDeltaCents).toBe(pick.jobTotalCents - now.totals.totalCents);
    expect(lineOf(chosen.signs[0].lines, 'pole-steel').description).toContain(pick.designation);
    expect(chosen.signs.slice(1)).toEqual(
      now.signs.slice(1).map((s) => ({ ...s, priceCents: expect.any(Number) })),
    );
    expect(chosen.jobLines).toEqual(now.jobLines);
    expect(() => rankJobAlternatives(input, 'nope', revs[0])).toThrow('not in this job');
  });
});

describe('the price book says per sign or per job', () => {
  it('the starter book: mobilization, travel, permit and calc packet per job; engineering per sign', () => {
    const per = (code: string) => book.items.find((i) => i.code === code)?.per;
    expect(['mobilization', 'travel_mileage', 'permit_pkg', 'calc_packet'].map(per)).toEqual([
      'job',
      'job',
      'job',
      'job',
    ]);
    expect(per('eng_base_le25')).toBeUndefined(); // the default for a fee: per sign
  });

  it('the price book editor form keeps per through an edit, and refuses a per-job material', () => {
    for (const it of book.items)
      expect(priceItemFormSchema.parse(toItemForm(it)), it.code).toEqual(it);
    const concrete = book.items.find((i) => i.code === 'concrete')!;
    const r = priceItemFormSchema.safeParse({ ...toItemForm(concrete), per: 'job' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'per',
        'Per job is allowed only for labor, equipment, fee and travel items; concrete is priced per sign',
      ],
    ]);
  });

  it('exports the per column and imports it back; an older CSV without it still imports', async () => {
    const out = await m.call<{ csv: string }>('pricebook:export-csv', {});
    const rows = out.csv.trim().split('\r\n');
    expect(rows[0].endsWith(',increment,per')).toBe(true);
    expect(rows.find((r) => r.startsWith('permit_pkg,'))).toMatch(/,job$/);
    expect(rows.find((r) => r.startsWith('eng_base_le25,'))).toMatch(/,$/);
    await m.call('pricebook:import-csv', { csv: out.csv, effectiveDate: '2026-03-01' });
    const v2 = await m.call<PriceBookVersion>('pricebook:get-current');
    expect(v2.number).toBe(2);
    expect(v2.items).toEqual(book.items);

    // an export from before the column: travel still once per job (its category's default)
    const old = [
      'code,category,name,unit,price,match,fixed,per_pole,per_yd3,per_ft2,increment',
      'permit_pkg,fee,Permit,each,250.00,,0,0,0,0,',
      'travel_mileage,travel,Travel,mile,0.70,,2,0,0,0,',
      'steel_pipe,steel,Pipe,lb,0.91,pipe,0,0,0,0,',
    ].join('\n');
    await m.call('pricebook:import-csv', { csv: old, effectiveDate: '2026-03-01' });
    const v3 = await m.call<PriceBookVersion>('pricebook:get-current');
    expect(v3.items.map((i) => i.per)).toEqual([undefined, undefined, undefined]);
    const facts = factsFromRevision(await designOf(w16));
    const job = priceJob({
      signs: [
        { signId: 'a', mark: 'S1', quantity: 1, design: facts },
        { signId: 'b', mark: 'S2', quantity: 1, design: facts },
      ],
      book: { id: v3.id, number: v3.number, items: v3.items as PriceItem[] },
      settings: settings({ travelMiles: 10 }),
    });
    expect(codes(job.jobLines)).toEqual(['travel_mileage']);
    expect(job.signs.map((s) => codes(s.lines))).toEqual([
      ['pole-steel', 'permit_pkg'],
      ['pole-steel', 'permit_pkg'],
    ]);
  });

  it('refuses a bad per value or a per-job material, naming the row and column', async () => {
    const csv = [
      'code,category,name,unit,price,match,fixed,per_pole,per_yd3,per_ft2,increment,per',
      'permit_pkg,fee,Permit,each,250.00,,0,0,0,0,,weekly',
      'concrete,concrete,Concrete,yd3,145.00,,0,0,0,0,,job',
    ].join('\n');
    const err = await m
      .call('pricebook:import-csv', { csv })
      .catch((e: { code: string; fields: Record<string, string> }) => e);
    expect(err).toMatchObject({
      code: 'VALIDATION',
      fields: {
        'row 2.per': `Row 2, column per: Per must be sign or job, or empty for the category's default (got "weekly")`,
        'row 3.per':
          'Row 3, column per: Per job is allowed only for labor, equipment, fee and travel items; concrete is priced per sign',
      },
    });
    expect((await m.call<PriceBookVersion>('pricebook:get-current')).number).toBe(1);
  });
});
