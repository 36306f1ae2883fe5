import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevisionSummary, Revision } from '../../src-shared/designs';
import type { Project } from '../../src-shared/projects';
import type {
  PriceBookVersion,
  VersionSummary,
  QuoteDraft,
  Alternative,
} from '../../src-shared/quotes';
import fc from 'fast-check';
import { passesExceptHole } from '../../src-shared/engine';
import {
  ALL_SECTIONS,
  computeDesign,
  evaluateCombination,
  parseInput,
} from '../../src-main/engine';
import { rankAlternatives } from '../../src-main/services/pricing/alternatives';
import { factsFromCombination, factsFromRevision } from '../../src-main/services/pricing/facts';
import { priceQuote } from '../../src-main/services/pricing/price-quote';
import { quoteSettingsSchema } from '../../src-shared/quotes';
import w16 from '../fixtures/w16-sign.json';
import { freshMain } from '../helpers/main';

let m: ReturnType<typeof freshMain>;
beforeEach(() => {
  m = freshMain({ now: () => '2026-03-01T10:00:00.000Z' });
});
afterEach(() => m.close());

const HEADER = 'code,category,name,unit,price,match,fixed,per_pole,per_yd3,per_ft2';

describe('price book', () => {
  it('seeds the starter book on first use from the reference figures', async () => {
    const book = await m.call<PriceBookVersion>('pricebook:get-current');
    expect(book).toMatchObject({
      number: 1,
      source: 'seed',
      current: true,
      effectiveDate: '2025-11-01',
    });
    const price = (code: string) => book.items.find((i) => i.code === code)!.price;
    expect(price('steel_pipe')).toBe(91);
    expect(price('galvanizing')).toBe(35);
    expect(price('fabrication')).toBe(7500); // basis points: 75 %
    expect(price('concrete')).toBe(14500);
    expect(price('eng_base_le25')).toBe(20000);
    expect(price('eng_base_gt25')).toBe(30000);
    expect(price('calc_packet')).toBe(3500);
    expect(price('permit_pkg')).toBe(25000);
    const list = await m.call<VersionSummary[]>('pricebook:list-versions');
    expect(list).toHaveLength(1);
  });

  it('an edit writes a new version; the version in force follows the effective date', async () => {
    const v1 = await m.call<PriceBookVersion>('pricebook:get-current');
    const items = v1.items.map((i) => (i.code === 'concrete' ? { ...i, price: 15500 } : i));
    const later = await m.call<VersionSummary>('pricebook:save-version', {
      effectiveDate: '2026-04-01',
      note: 'April concrete',
      items,
    });
    expect(later.number).toBe(2);
    // not in force yet
    expect((await m.call<PriceBookVersion>('pricebook:get-current')).number).toBe(1);
    const v1again = await m.call<PriceBookVersion>('pricebook:get-version', { id: v1.id });
    expect(v1again.items).toEqual(v1.items);
    await m.call('pricebook:save-version', { effectiveDate: '2026-03-01', items });
    const cur = await m.call<PriceBookVersion>('pricebook:get-current');
    expect(cur.number).toBe(3);
    expect(cur.items.find((i) => i.code === 'concrete')!.price).toBe(15500);
    expect(
      (
        m.services.sqlite
          .prepare(`SELECT count(*) AS n FROM audit_events WHERE entity = 'price-book'`)
          .get() as { n: number }
      ).n,
    ).toBe(3);
  });

  it('refuses a duplicate code and a negative price in an edit, naming the row', async () => {
    const v1 = await m.call<PriceBookVersion>('pricebook:get-current');
    const items = [...v1.items, { ...v1.items[0] }];
    await expect(
      m.call('pricebook:save-version', { effectiveDate: '2026-03-01', items }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: {
        [`items.${items.length - 1}.code`]: `Code steel_pipe is used twice (rows 1 and ${items.length})`,
      },
    });
  });
});

describe('price book CSV', () => {
  it('exports a CSV that re-imports to the same book', async () => {
    const v1 = await m.call<PriceBookVersion>('pricebook:get-current');
    const out = await m.call<{ fileName: string; csv: string }>('pricebook:export-csv', {});
    expect(out.fileName).toBe('price-book-v1-2025-11-01.csv');
    expect(out.csv.split('\r\n')[0]).toBe(`${HEADER},increment,per`);
    expect(out.csv).toContain(
      'steel_pipe,steel,Structural steel pipe (A53 Gr. B),lb,0.91,pipe,0,0,0,0,,\r\n',
    );
    // crew hours and concrete carry the starter book's quarter increment
    expect(out.csv).toContain(
      'concrete,concrete,"Ready-mix concrete, placed",yd3,145.00,,0,0,0,0,0.25',
    );
    expect(out.csv).toContain('"Foundation crew (2) drill, set anchor, pour"');
    const imported = await m.call<VersionSummary>('pricebook:import-csv', { csv: out.csv });
    expect(imported).toMatchObject({
      number: 2,
      source: 'import',
      effectiveDate: '2026-03-01',
      current: false,
    });
    const v2 = await m.call<PriceBookVersion>('pricebook:get-current');
    expect(v2.number).toBe(2);
    expect(v2.items).toEqual(v1.items);
    const again = await m.call<{ csv: string }>('pricebook:export-csv', { id: v2.id });
    expect(again.csv).toBe(out.csv);
  });

  it('imports a CSV without the increment column (older exports): crew hours and concrete round to the quarter by default, 0 turns it off', async () => {
    const rows = [
      HEADER,
      'steel_pipe,steel,Pipe,lb,0.91,pipe,0,0,0,0',
      'concrete,concrete,Concrete,yd3,145.00,,0,0,0,0',
      'labor_x,labor,Crew,hour,95.00,,0,0,0,0.1',
    ];
    await m.call('pricebook:import-csv', { csv: rows.join('\n'), effectiveDate: '2026-03-01' });
    let v = await m.call<PriceBookVersion>('pricebook:get-current');
    expect(v.items.map((i) => i.increment)).toEqual([undefined, undefined, undefined]);
    const withZero = [`${HEADER},increment`, ...rows.slice(1).map((r) => `${r},0`)];
    withZero[3] = withZero[3].replace(/,0$/, ',0.5');
    await m.call('pricebook:import-csv', { csv: withZero.join('\n'), effectiveDate: '2026-03-01' });
    v = await m.call<PriceBookVersion>('pricebook:get-current');
    expect(v.items.map((i) => i.increment)).toEqual([0, 0, 0.5]);
  });

  it('refuses a CSV with bad rows as a whole, naming each row and column; the old book stays', async () => {
    const good = (await m.call<{ csv: string }>('pricebook:export-csv', {})).csv;
    const rows = good.trim().split('\r\n');
    const bad = [
      rows[0],
      rows[1],
      'concrete,concrete,Concrete,yd3,-145.00,,0,0,0,0', // row 3: negative price
      'galv2,finish,Galvanizing,lb,abc,,0,0,0,0', // row 4: text in a number
      'steel_pipe,steel,Pipe again,lb,0.95,pipe,0,0,0,0', // row 5: duplicate of row 2
      'labor_x,labor,Crew,hour,95.00,,two,0,0,0', // row 6: text in fixed
      'short,fee,Too short', // row 7: missing columns
    ].join('\n');
    const err = await m
      .call('pricebook:import-csv', { csv: bad })
      .catch((e: Error & { fields: Record<string, string> }) => e);
    expect(err).toMatchObject({ code: 'VALIDATION' });
    const fields = (err as { fields: Record<string, string> }).fields;
    expect(fields['row 3.price']).toBe('Row 3, column price: Price must not be negative');
    expect(fields['row 4.price']).toBe(
      'Row 4, column price: Price must be a number with at most 2 decimals (got "abc")',
    );
    expect(fields['row 5.code']).toBe(
      'Row 5, column code: Code steel_pipe is used twice (rows 2 and 5)',
    );
    expect(fields['row 6.fixed']).toBe('Row 6, column fixed: fixed must be a number (got "two")');
    expect(fields['row 7.unit']).toMatch(/^Row 7, column unit:/);
    expect((err as Error).message).toMatch(
      /^The price book was not imported: \d+ problems \(the current price book stays in force\)/,
    );
    const list = await m.call<VersionSummary[]>('pricebook:list-versions');
    expect(list).toHaveLength(1);
    expect((await m.call<PriceBookVersion>('pricebook:get-current')).number).toBe(1);
  });

  it('refuses a CSV without a required column', async () => {
    await expect(
      m.call('pricebook:import-csv', { csv: 'code,category,name,unit\nx,fee,X,each\n' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining(
        'missing the columns price, match, fixed, per_pole, per_yd3, per_ft2',
      ),
      fields: { 'row 1.price': 'Column price is missing from the header' },
    });
  });
});

describe('alternatives ranked by installed cost', () => {
  it.each([
    ['W16 (pipes)', w16],
    ['the default design (all steel families)', {}],
  ])(
    'returns exactly the cheapest 5 pairs for %s (checked by brute force)',
    async (name, input) => {
      const p = await m.call<Project>('projects:create', { name: 'Alt' });
      const r = await m.call<RevisionSummary>('designs:save-revision', { projectId: p.id, input });
      await m.call('quotes:generate', { projectId: p.id, designRevisionId: r.id });
      const res = await m.call<{
        alternatives: Alternative[];
        currentTotalCents: number;
        evaluated: number;
        candidates: number;
      }>('quotes:alternatives', { projectId: p.id });
      const rev = await m.call<Revision>('designs:get-revision', { id: r.id });
      const book = await m.call<PriceBookVersion>('pricebook:get-current');
      const base = factsFromRevision(rev);
      const settings = quoteSettingsSchema.parse({});
      const all: { key: string; total: number }[] = [];
      for (const o of rev.result.poles.options.filter((x) => passesExceptHole(x)))
        for (const d of rev.result.foundation.diameterTable.map((x) => x.diameterFt)) {
          const c = evaluateCombination(rev.input, o.designation, d);
          if (!c.passes) continue;
          const total = priceQuote({ facts: factsFromCombination(base, c), book, settings }).totals
            .totalCents;
          all.push({ key: `${o.designation}@${d}`, total });
        }
      all.sort((a, b) => a.total - b.total);
      expect(res.alternatives.map((a) => a.totalCents)).toEqual(
        all.slice(0, 5).map((a) => a.total),
      );
      expect(res.evaluated).toBeLessThan(res.candidates);
      const cur = res.alternatives.find((a) => a.current);
      if (cur) expect(cur.deltaCents).toBe(0);
      expect(res.alternatives[0].totalCents).toBeLessThanOrEqual(res.currentTotalCents);
      if (name !== 'W16 (pipes)') return;
      expect(cur?.designation).toBe('Pipe 6 Std.');

      // choosing one saves a derived design revision and regenerates the quote on it
      const pick = res.alternatives[0];
      const d = await m.call<QuoteDraft>('quotes:apply-alternative', {
        projectId: p.id,
        designation: pick.designation,
        diameterFt: pick.diameterFt,
      });
      expect(d.priced.design).toMatchObject({
        designation: pick.designation,
        diameterFt: pick.diameterFt,
        designRevisionNumber: 2,
      });
      expect(d.priced.totals.totalCents).toBe(pick.totalCents);
    },
  );
});

describe('alternatives and the hole rule (IBC 2021 1807.3.3 item 1)', () => {
  it('no listed alternative puts a pole in a hole it does not fit', async () => {
    const book = await m.call<PriceBookVersion>('pricebook:get-current');
    const settings = quoteSettingsSchema.parse({});
    const holeIn = new Map(ALL_SECTIONS.map((x) => [x.designation, x.hot.minHoleIn]));
    const design = fc.record({
      width: fc.double({ min: 4, max: 20, noNaN: true }),
      height: fc.double({ min: 2, max: 8, noNaN: true }),
      clearance: fc.double({ min: 6, max: 25, noNaN: true }),
      v: fc.double({ min: 100, max: 170, noNaN: true }),
      diameter: fc.constantFrom(1, 1.25, 1.5, 2),
      poles: fc.integer({ min: 1, max: 2 }),
    });
    let listed = 0;
    for (const d of fc.sample(design, { numRuns: 12, seed: 11 })) {
      const input = parseInput({
        site: { windSpeedMph: d.v },
        sign: { clearanceFt: d.clearance, cabinets: [{ widthFt: d.width, heightFt: d.height }] },
        supports: { poleCount: d.poles },
        foundation: { diameterFt: d.diameter },
      });
      const result = computeDesign(input);
      const rev = { id: 'r', number: 1, projectId: 'p', input, result } as unknown as Revision;
      const res = rankAlternatives(rev, book, settings, []);
      for (const a of res.alternatives) {
        listed++;
        expect(a.diameterFt * 12, `${a.designation} in ${a.diameterFt} ft`).toBeGreaterThanOrEqual(
          holeIn.get(a.designation)! - 1e-9,
        );
      }
    }
    expect(listed).toBeGreaterThan(20);
  });

  it('a section that only fails the hole at the design diameter is offered in a larger hole', async () => {
    const book = await m.call<PriceBookVersion>('pricebook:get-current');
    // HSS12x12x1/2 needs 20.97 in: it fails the 1.5 ft design footing, fits 2 ft and up
    const input = parseInput({
      supports: { designation: 'HSS12x12x1/2' },
      foundation: { diameterFt: 1.5 },
    });
    const result = computeDesign(input);
    const o = result.poles.options.find((x) => x.designation === 'HSS12x12x1/2')!;
    expect(o.passes).toBe(false);
    expect(o.governingCheck).toBe('hole');
    expect(passesExceptHole(o)).toBe(true);
    const rev = { id: 'r', number: 1, projectId: 'p', input, result } as unknown as Revision;
    const res = rankAlternatives(rev, book, quoteSettingsSchema.parse({}), [], 5000);
    const mine = res.alternatives.filter((a) => a.designation === 'HSS12x12x1/2');
    expect(mine.length).toBeGreaterThan(0);
    expect(Math.min(...mine.map((a) => a.diameterFt))).toBe(2);
  });
});
