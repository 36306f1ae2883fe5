import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Revision, RevisionSummary } from '../../src-shared/designs';
import type { Project } from '../../src-shared/projects';
import type {
  QuoteComparison,
  QuoteDraft,
  QuoteLine,
  QuoteRevision,
  QuoteRevisionSummary,
} from '../../src-shared/quotes';
import w16 from '../fixtures/w16-sign.json';
import { freshMain } from '../helpers/main';

let now = '2026-03-01T10:00:00.000Z';
let m: ReturnType<typeof freshMain>;
let project: Project;
let rev1: RevisionSummary;
beforeEach(async () => {
  now = '2026-03-01T10:00:00.000Z';
  m = freshMain({ now: () => now });
  project = await m.call<Project>('projects:create', {
    name: 'Harbor Bank pylon',
    customer: { company: 'Harbor Bank', contact: 'Dana Reyes' },
    siteAddress: '77 Wharf Rd',
  });
  rev1 = await m.call<RevisionSummary>('designs:save-revision', {
    projectId: project.id,
    input: w16,
  });
});
afterEach(() => m.close());

const count = (sql: string) => (m.services.sqlite.prepare(sql).get() as { n: number }).n;
const line = (d: { lines: QuoteLine[] }, code: string) => {
  const l = d.lines.find((x) => x.code === code);
  if (!l) throw new Error(`no line ${code}`);
  return l;
};
/** Independent of the service: round half up to the cent once per line. */
const cents = (qty: number, unitCents: number) => Math.round(qty * unitCents);
const pct = (base: number, percent: number) => Math.round((base * percent) / 100);
/** The starter book rounds crew hours and concrete UP to the quarter (its `increment`). */
const quarter = (q: number) => Math.ceil(Math.round(q * 1000) / 250) / 4;
const COMPANY = {
  name: 'Brightline Signs LLC',
  address: '12 Foundry Lane, Tulsa OK',
  phone: '918-555-0100',
  email: 'quotes@brightline.test',
};

describe('pricing a W16 design revision with the starter price book', () => {
  it('prices every line as qty × unit to the cent and totals the same way', async () => {
    const d = await m.call<QuoteDraft>('quotes:generate', {
      projectId: project.id,
      designRevisionId: rev1.id,
    });
    const rev = await m.call<Revision>('designs:get-revision', { id: rev1.id });
    const top = rev.result.wind.topHeightFt; // 20 ft
    const depth = rev.result.summary.foundation.depthFt; // 6.5 ft
    const yd3 = rev.result.summary.foundation.concreteYd3; // per footing, with waste
    const w = rev.result.summary.pole.weightPlf; // Pipe 6 Std. 19 lb/ft
    expect([top, depth, w]).toEqual([20, 6.5, 19]);
    const area = 8 * 4;
    const lb = 1 * (top + depth) * w; // embedded length included: 503.5 lb
    expect(lb).toBe(503.5);

    // materials: steel 0.91 $/lb, galvanizing 0.35 $/lb, fabrication 75 % of steel, concrete 145
    const steel = cents(lb, 91);
    const expected: Record<string, [number, number]> = {
      'pole-steel': [lb, 91],
      galvanizing: [lb, 35],
      fabrication: [1, pct(steel, 75)],
      concrete: [quarter(yd3), 14500],
      cabinet: [area, 8500],
      face_polycarbonate: [area * 2, 1800],
      led_lighting: [area, 1400],
      electrical_hookup: [1, 65000],
      // labor: hours = fixed + perPole·poles + perYd3·yd³ + perFt2·ft²
      labor_shop: [quarter(4 + 3 + 0.25 * area), 9500],
      labor_foundation: [quarter(2 + 1 + 1.5 * yd3), 13000],
      labor_install: [quarter(3 + 2 + 0.05 * area), 16500],
      labor_electrician: [quarter(2 + 0.02 * area), 11000],
      drilling: [depth, 3500],
      equip_crane: [1, 145000],
      equip_auger: [1 + 1 + 0.5 * yd3, 22500],
      eng_base_le25: [1, 20000],
      calc_packet: [1, 3500],
      permit_pkg: [1, 25000],
      mobilization: [1, 35000],
    };
    expect(d.priced.lines.map((l) => l.code).sort()).toEqual(Object.keys(expected).sort());
    for (const [code, [q, unit]] of Object.entries(expected)) {
      const l = line(d.priced, code);
      expect(l.quantity, code).toBeCloseTo(q, 9);
      expect(l.unitPriceCents, code).toBe(unit);
      expect(l.amountCents, code).toBe(cents(q, unit));
    }
    expect(line(d.priced, 'pole-steel').amountCents).toBe(45819); // 45818.5 rounds half up
    // the rounding is stated on the line: 6.6 h -> 6.75 h (install crew, 5 + 0.05 h/ft² × 32 ft²)
    expect(line(d.priced, 'labor_install').basis).toContain(
      '= 6.60 h -> 6.75 h (rounded up to 0.25 h)',
    );
    expect(line(d.priced, 'labor_shop').basis).not.toContain('->'); // 15 h is already on the quarter
    expect(line(d.priced, 'concrete').basis).toMatch(
      /yd³ -> \d+\.\d{2} yd³ \(rounded up to 0\.25 yd³\)/,
    );
    const sum = (g?: string) =>
      d.priced.lines.filter((l) => !g || l.group === g).reduce((s, l) => s + l.amountCents, 0);
    const subtotal = sum();
    const taxable = sum('materials');
    const contingency = pct(subtotal, 5);
    const markup = pct(subtotal + contingency, 25);
    const tax = Math.round((taxable * 8.25) / 100);
    const t = d.priced.totals;
    expect(t.byGroup.materials).toBe(taxable);
    expect(t.subtotalCents).toBe(subtotal);
    expect(t.contingencyCents).toBe(contingency);
    expect(t.markupCents).toBe(markup);
    expect(t.taxableCents).toBe(taxable);
    expect(t.taxCents).toBe(tax);
    expect(t.totalCents).toBe(subtotal + contingency + markup + tax);
    expect(d.priceBookVersionId).toBeTruthy();
    expect(d.priced.warnings).toEqual([]);
  });

  it('applies margin, discount and a changed tax rate, each rounded once', async () => {
    await m.call('quotes:generate', { projectId: project.id, designRevisionId: rev1.id });
    const d = await m.call<QuoteDraft>('quotes:update-draft', {
      projectId: project.id,
      settings: {
        markupMode: 'margin',
        markupPct: 20,
        discountPct: 3,
        taxPct: 7,
        contingencyPct: 0,
      },
    });
    const t = d.priced.totals;
    const cost = t.subtotalCents;
    expect(t.contingencyCents).toBe(0);
    expect(t.markupCents).toBe(Math.round((cost * 0.2) / 0.8)); // price carries a 20 % margin
    expect(t.discountCents).toBe(Math.round(((cost + t.markupCents) * 3) / 100));
    expect(t.taxCents).toBe(Math.round((t.taxableCents * 7) / 100));
    expect(t.totalCents).toBe(cost + t.markupCents - t.discountCents + t.taxCents);
  });

  it('picks the engineering fee by sign height and drilling by diameter', async () => {
    const tall = structuredClone(w16);
    tall.sign.clearanceFt = 24; // top at 28 ft
    tall.foundation.diameterFt = 2.25 as never; // priced at the next listed size, 30 in
    const r = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: project.id,
      input: tall,
    });
    const d = await m.call<QuoteDraft>('quotes:generate', {
      projectId: project.id,
      designRevisionId: r.id,
    });
    expect(d.priced.lines.some((l) => l.code === 'eng_base_le25')).toBe(false);
    expect(line(d.priced, 'eng_base_gt25').amountCents).toBe(30000);
    expect(line(d.priced, 'drilling').unitPriceCents).toBe(4500);
  });
});

describe('overrides, manual lines and regeneration', () => {
  it('keeps overrides and manual lines when the design changes and the quote is regenerated', async () => {
    await m.call('quotes:generate', { projectId: project.id, designRevisionId: rev1.id });
    const manual = {
      code: 'manual-1',
      group: 'fees',
      description: 'Night work surcharge',
      quantity: 1,
      unit: 'each',
      unitPriceCents: 40000,
    };
    let d = await m.call<QuoteDraft>('quotes:update-draft', {
      projectId: project.id,
      overrides: { concrete: { unitPriceCents: 16000, note: 'winter mix' } },
      manualLines: [manual],
    });
    const c1 = line(d.priced, 'concrete');
    expect(c1).toMatchObject({
      overridden: true,
      unitPriceCents: 16000,
      overrideNote: 'winter mix',
    });
    expect(c1.amountCents).toBe(cents(c1.quantity, 16000));
    expect(line(d.priced, 'manual-1')).toMatchObject({ source: 'manual', amountCents: 40000 });
    const q1 = await m.call<QuoteRevisionSummary>('quotes:save-revision', {
      projectId: project.id,
      note: 'first',
    });

    // a wider pier: new design revision, regenerate
    const rev2 = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: project.id,
      input: { ...w16, foundation: { ...w16.foundation, diameterFt: 3 } },
    });
    d = await m.call<QuoteDraft>('quotes:generate', {
      projectId: project.id,
      designRevisionId: rev2.id,
    });
    const c2 = line(d.priced, 'concrete');
    expect(c2.overridden).toBe(true);
    expect(c2.unitPriceCents).toBe(16000);
    expect(c2.quantity).not.toBe(c1.quantity);
    expect(line(d.priced, 'drilling').quantity).toBe(rev2.depthFt);
    expect(line(d.priced, 'manual-1').amountCents).toBe(40000);
    const q2 = await m.call<QuoteRevisionSummary>('quotes:save-revision', {
      projectId: project.id,
      note: 'wider',
    });

    const cmp = await m.call<QuoteComparison>('quotes:compare', { a: q1.id, b: q2.id });
    expect(cmp.facts.find((f) => f.label === 'Design revision')).toMatchObject({
      before: 1,
      after: 2,
    });
    const drill = cmp.lines.find((l) => l.code === 'drilling')!;
    expect(drill.change).toBe('changed');
    expect(drill.deltaCents).toBe(drill.after!.amountCents - drill.before!.amountCents);
    expect(cmp.lines.find((l) => l.code === 'manual-1')!.change).toBe('same');
    const total = cmp.totals.find((t) => t.key === 'total')!;
    expect(total.deltaCents).toBe(q2.totalCents - q1.totalCents);
    expect(total.deltaCents).not.toBe(0);
  });

  it('refuses an override without a value and a manual line without a description, naming the field', async () => {
    await m.call('quotes:generate', { projectId: project.id, designRevisionId: rev1.id });
    await expect(
      m.call('quotes:update-draft', {
        projectId: project.id,
        manualLines: [
          {
            code: 'manual-1',
            group: 'fees',
            description: '',
            quantity: 1,
            unit: 'each',
            unitPriceCents: 1,
          },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { 'manualLines.0.description': 'Description is required' },
    });
    await expect(
      m.call('quotes:update-draft', {
        projectId: project.id,
        overrides: { concrete: { unitPriceCents: -5 } },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('quote revisions', () => {
  beforeEach(() => m.call('quotes:save-company', COMPANY));

  it('writes audit and outbox rows and never changes an accepted revision', async () => {
    await m.call('quotes:generate', { projectId: project.id, designRevisionId: rev1.id });
    const q = await m.call<QuoteRevisionSummary>('quotes:save-revision', { projectId: project.id });
    expect(q).toMatchObject({ number: 1, status: 'draft', validUntil: '2026-03-31' });
    expect(
      count(`SELECT count(*) AS n FROM audit_events WHERE action = 'quote.revision-saved'`),
    ).toBe(1);
    expect(count(`SELECT count(*) AS n FROM audit_events WHERE action = 'quote.generated'`)).toBe(
      1,
    );
    expect(count(`SELECT count(*) AS n FROM outbox WHERE entity = 'quote'`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM audit_events WHERE entity = 'price-book'`)).toBe(1);

    await m.call('quotes:set-status', { id: q.id, to: 'sent' });
    // every outbox row of a quote is the whole revision (the sync client sends the latest only)
    const last = m.services.sqlite
      .prepare(`SELECT data FROM outbox WHERE entity = 'quote' ORDER BY seq DESC LIMIT 1`)
      .get() as { data: string };
    expect(JSON.parse(last.data)).toMatchObject({
      id: q.id,
      projectId: project.id,
      status: 'sent',
      totalCents: q.totalCents,
      priced: { totals: { totalCents: q.totalCents } },
    });
    const acc = await m.call<QuoteRevisionSummary>('quotes:set-status', {
      id: q.id,
      to: 'accepted',
    });
    expect(acc.status).toBe('accepted');
    const before = await m.call<QuoteRevision>('quotes:get-revision', { id: q.id });
    await expect(m.call('quotes:set-status', { id: q.id, to: 'declined' })).rejects.toMatchObject({
      code: 'ILLEGAL_STATE',
      message: expect.stringMatching(
        /Quote revision 1 was accepted on 2026-03-01; an accepted quote can never change/,
      ),
    });
    // the database refuses too, even behind the service's back
    expect(() =>
      m.services.sqlite
        .prepare(`UPDATE quote_revisions SET status = 'draft' WHERE id = ?`)
        .run(q.id),
    ).toThrow(/accepted quote revision can never change/);
    expect(() =>
      m.services.sqlite
        .prepare(`UPDATE quote_revisions SET total_cents = 1 WHERE id = ?`)
        .run(q.id),
    ).toThrow();
    expect(() =>
      m.services.sqlite.prepare(`DELETE FROM quote_revisions WHERE id = ?`).run(q.id),
    ).toThrow();
    // later price book edits do not touch it
    const book = await m.call<{ items: { code: string; price: number }[] }>(
      'pricebook:get-current',
    );
    await m.call('pricebook:save-version', {
      effectiveDate: '2026-03-01',
      items: book.items.map((i) => (i.code === 'concrete' ? { ...i, price: 99900 } : i)),
    });
    expect(await m.call<QuoteRevision>('quotes:get-revision', { id: q.id })).toEqual(before);
  });

  it('saves only the working quote the estimator is looking at', async () => {
    const d = await m.call<QuoteDraft>('quotes:generate', {
      projectId: project.id,
      designRevisionId: rev1.id,
    });
    // an edit lands after the screen showed the draft (settings still being applied)
    now = '2026-03-01T10:00:05.000Z';
    const changed = await m.call<QuoteDraft>('quotes:update-draft', {
      projectId: project.id,
      settings: { ...d.settings, markupPct: 35 },
      overrides: {},
      manualLines: [],
    });
    await expect(
      m.call('quotes:save-revision', { projectId: project.id, expectedUpdatedAt: d.updatedAt }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^The working quote changed since it was shown/),
    });
    expect(count(`SELECT count(*) AS n FROM quote_revisions`)).toBe(0);
    const q = await m.call<QuoteRevisionSummary>('quotes:save-revision', {
      projectId: project.id,
      expectedUpdatedAt: changed.updatedAt,
    });
    expect(q.totalCents).toBe(changed.priced.totals.totalCents);
  });

  it('follows the status rules and shows an expired quote as expired', async () => {
    await m.call('quotes:generate', { projectId: project.id, designRevisionId: rev1.id });
    const q = await m.call<QuoteRevisionSummary>('quotes:save-revision', {
      projectId: project.id,
      validUntil: '2026-03-10',
    });
    await expect(m.call('quotes:set-status', { id: q.id, to: 'accepted' })).rejects.toThrow(
      'A draft quote cannot be marked accepted.',
    );
    await m.call('quotes:set-status', { id: q.id, to: 'sent' });
    // every outbox row of a quote is the whole revision (the sync client sends the latest only)
    const last = m.services.sqlite
      .prepare(`SELECT data FROM outbox WHERE entity = 'quote' ORDER BY seq DESC LIMIT 1`)
      .get() as { data: string };
    expect(JSON.parse(last.data)).toMatchObject({
      id: q.id,
      projectId: project.id,
      status: 'sent',
      totalCents: q.totalCents,
      priced: { totals: { totalCents: q.totalCents } },
    });
    now = '2026-03-11T09:00:00.000Z';
    const [listed] = await m.call<QuoteRevisionSummary[]>('quotes:list-revisions', {
      projectId: project.id,
    });
    expect(listed).toMatchObject({ status: 'sent', displayStatus: 'expired' });
    await expect(m.call('quotes:set-status', { id: q.id, to: 'accepted' })).rejects.toThrow(
      'Quote revision 1 expired on 2026-03-10. Save a new revision with a new validity date.',
    );
    await expect(
      m.call('quotes:save-revision', { projectId: project.id, validUntil: '2026-03-01' }),
    ).rejects.toMatchObject({
      fields: { validUntil: 'Valid until must be today (2026-03-11) or later' },
    });
  });

  it('keeps the price book version it used; regenerating moves to the version in force', async () => {
    const d1 = await m.call<QuoteDraft>('quotes:generate', {
      projectId: project.id,
      designRevisionId: rev1.id,
    });
    const q1 = await m.call<QuoteRevisionSummary>('quotes:save-revision', {
      projectId: project.id,
    });
    const book = await m.call<{ items: { code: string; price: number }[] }>(
      'pricebook:get-current',
    );
    await m.call('pricebook:save-version', {
      effectiveDate: '2026-03-01',
      note: 'steel up',
      items: book.items.map((i) => (i.code === 'steel_pipe' ? { ...i, price: 110 } : i)),
    });
    const stale = await m.call<QuoteDraft>('quotes:get-draft', { projectId: project.id });
    expect(stale.newerPriceBook).toBe(2);
    expect(line(stale.priced, 'pole-steel').unitPriceCents).toBe(91);
    const d2 = await m.call<QuoteDraft>('quotes:generate', {
      projectId: project.id,
      designRevisionId: rev1.id,
    });
    expect(d2.newerPriceBook).toBeNull();
    expect(line(d2.priced, 'pole-steel').amountCents).toBe(cents(503.5, 110));
    const old = await m.call<QuoteRevision>('quotes:get-revision', { id: q1.id });
    expect(old.priceBookVersionNumber).toBe(1);
    expect(line(old.priced, 'pole-steel').amountCents).toBe(
      line(d1.priced, 'pole-steel').amountCents,
    );
    expect(() =>
      m.services.sqlite.prepare(`UPDATE price_book_versions SET items = '[]'`).run(),
    ).toThrow(/immutable/);
  });
});
