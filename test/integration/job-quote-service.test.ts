import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Revision, RevisionSummary } from '../../src-shared/designs';
import type { Project } from '../../src-shared/projects';
import type { Sign } from '../../src-shared/signs';
import type {
  JobQuoteDraft,
  JobQuoteRevision,
  QuoteComparison,
  QuoteLine,
  QuoteRevisionSummary,
} from '../../src-shared/quotes';
import { formatMoney } from '../../src-shared/format';
import { quoteRevisionJobSchema } from '../../src-shared/quotes';
import { quoteDataSchema } from '../../src-shared/sync/entities';
import { MONUMENT, PYLON, TWO_POLE } from '../fixtures/job-signs';
import { freshMain } from '../helpers/main';

/**
 * Issue 15, one quote for the job, through the services and IPC: a pylon × 1, a monument × 2 and
 * a two-pole sign, each designed by the engine and saved as a revision.
 */

// 180 mph, Exposure D, a big cabinet on pipe only: no pipe passes (as in quote-acknowledgement)
const FAILING = {
  site: { windSpeedMph: 180, exposure: 'D' },
  sign: { clearanceFt: 20, cabinets: [{ widthFt: 20, heightFt: 10 }] },
  supports: { families: ['pipe'] },
  foundation: { diameterFt: 3 },
};
const COMPANY = {
  name: 'Brightline Signs LLC',
  address: '12 Foundry Lane, Tulsa OK',
  phone: '918-555-0100',
  email: 'quotes@brightline.test',
};

let now = '2026-03-01T10:00:00.000Z';
let m: ReturnType<typeof freshMain>;
let project: Project;
let signs: Sign[];
beforeEach(async () => {
  now = '2026-03-01T10:00:00.000Z';
  m = freshMain({ now: () => now });
  project = await m.call<Project>('projects:create', {
    name: 'Gas station signs',
    customer: { company: 'Corner Fuel', contact: 'Sam Ortiz' },
    siteAddress: '1 Main St',
    jurisdiction: 'Tulsa County',
  });
  const [s1] = await m.call<Sign[]>('signs:list', { projectId: project.id });
  const pylon = await m.call<Sign>('signs:update', { signId: s1.id, patch: { name: 'pylon' } });
  const monument = await m.call<Sign>('signs:add', {
    projectId: project.id,
    name: 'monument',
    quantity: 2,
  });
  const twoPole = await m.call<Sign>('signs:add', { projectId: project.id, name: 'two-pole' });
  signs = [pylon, monument, twoPole];
});
afterEach(() => m.close());

const save = (signId: string, input: unknown, note = '') =>
  m.call<RevisionSummary>('designs:save-revision-sign', { signId, input, note });
async function designAll(): Promise<RevisionSummary[]> {
  return [
    await save(signs[0].id, PYLON),
    await save(signs[1].id, MONUMENT),
    await save(signs[2].id, TWO_POLE),
  ];
}
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const amounts = (lines: readonly QuoteLine[]) => sum(lines.map((l) => l.amountCents));
const lineOf = (lines: readonly QuoteLine[], code: string) => {
  const l = lines.find((x) => x.code === code);
  if (!l) throw new Error(`no line ${code} in ${lines.map((x) => x.code).join(', ')}`);
  return l;
};
/** The starter book rounds ready-mix UP to the quarter yard. */
const quarter = (q: number) => Math.ceil(Math.round(q * 1000) / 250) / 4;

function pdfText(base64: string, name: string): string {
  const file = path.join(m.dir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
function pdfPages(base64: string, name: string): number {
  const file = path.join(m.dir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

describe('one quote for a three-sign job', () => {
  it('is refused while a sign is not designed, naming the sign and its schedule row', async () => {
    await save(signs[0].id, PYLON);
    await save(signs[1].id, MONUMENT);
    await expect(m.call('quotes:generate', { projectId: project.id })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Sign S3 two-pole is not designed yet'),
      fields: { 'signs.2.designRevisionId': expect.stringContaining('S3 is not designed') },
    });
    expect(await m.call('quotes:get-draft', { projectId: project.id })).toBeNull();

    // a sign added after the quote was generated is listed, and the quote cannot be saved
    await save(signs[2].id, TWO_POLE);
    await m.call('quotes:generate', { projectId: project.id });
    const s4 = await m.call<Sign>('signs:add', { projectId: project.id, name: 'canopy' });
    const d = await m.call<JobQuoteDraft>('quotes:get-draft', { projectId: project.id });
    expect(d.unpriced).toEqual([
      { signId: s4.id, mark: 'S4', name: 'canopy', reason: 'not-designed' },
    ]);
    await expect(m.call('quotes:save-revision', { projectId: project.id })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('S4 canopy (not designed)'),
    });
  });

  it('prices each sign with its quantity; the total is the sign subtotals plus the job lines, to the cent', async () => {
    const revs = await designAll();
    const d = await m.call<JobQuoteDraft>('quotes:generate', {
      projectId: project.id,
      settings: { travelMiles: 40 },
    });
    const job = d.job;
    expect(job.signs.map((x) => [x.label, x.quantity, x.design.designRevisionId])).toEqual([
      ['S1 pylon', 1, revs[0].id],
      ['S2 monument × 2', 2, revs[1].id],
      ['S3 two-pole', 1, revs[2].id],
    ]);
    expect(job.signCount).toBe(4);
    // the picker defaults to each sign's latest revision
    expect(d.signs.map((x) => x.designRevisionNumber)).toEqual([1, 1, 1]);

    // each sign's subtotal is the sum of its lines, the job's subtotal the signs' plus the job's
    for (const x of job.signs) expect(x.subtotalCents).toBe(amounts(x.lines));
    const t = job.totals;
    expect(job.jobLinesSubtotalCents).toBe(amounts(job.jobLines));
    expect(t.subtotalCents).toBe(
      sum(job.signs.map((x) => x.subtotalCents)) + job.jobLinesSubtotalCents,
    );
    expect(t.totalCents).toBe(
      t.subtotalCents + t.contingencyCents + t.markupCents - t.discountCents + t.taxCents,
    );
    // the sign prices and the job lines' price add up to the total exactly
    expect(sum(job.signs.map((x) => x.priceCents!)) + job.jobLinesPriceCents!).toBe(t.totalCents);

    // the monument × 2 buys twice its concrete (each footing's ready-mix rounded up, then × 2)
    const monument = await m.call<Revision>('designs:get-revision', { id: revs[1].id });
    const concrete = lineOf(job.signs[1].lines, 'concrete');
    expect(concrete.quantity).toBe(2 * quarter(monument.result.summary.foundation.concreteYd3));
    expect(concrete.amountCents).toBe(Math.round(concrete.quantity * concrete.unitPriceCents));
    // mobilization and travel once for the job, not per sign
    expect(job.jobLines.map((l) => l.code)).toEqual(expect.arrayContaining(['mobilization']));
    for (const x of job.signs) expect(x.lines.map((l) => l.code)).not.toContain('mobilization');
    // the one-design view has the same total
    expect(d.priced.totals.totalCents).toBe(t.totalCents);
  });

  it('keeps each sign’s overrides and manual lines and the job’s across a regeneration on a changed sign', async () => {
    const revs = await designAll();
    const first = await m.call<JobQuoteDraft>('quotes:generate', { projectId: project.id });
    const manual = {
      code: 'manual-1',
      group: 'materials',
      description: 'Brick veneer',
      quantity: 1,
      unit: 'lot',
      unitPriceCents: 45000,
      taxable: true,
    };
    const edited = await m.call<JobQuoteDraft>('quotes:update-draft', {
      projectId: project.id,
      settings: first.settings,
      overrides: { mobilization: { unitPriceCents: 50000, note: 'two trucks' } },
      manualLines: [],
      signs: [
        {
          signId: signs[1].id,
          overrides: { concrete: { unitPriceCents: 16000, note: 'winter mix' } },
          manualLines: [manual],
        },
      ],
    });
    const s2 = edited.job.signs[1];
    expect(lineOf(s2.lines, 'concrete')).toMatchObject({ unitPriceCents: 16000, overridden: true });
    // the monument's manual line is per sign: × 2
    expect(lineOf(s2.lines, 'manual-1')).toMatchObject({ quantity: 2, amountCents: 90000 });
    expect(lineOf(edited.job.jobLines, 'mobilization')).toMatchObject({
      amountCents: 50000,
      overridden: true,
    });
    // other signs' concrete is untouched
    expect(lineOf(edited.job.signs[0].lines, 'concrete').overridden).toBe(false);

    const q1 = await m.call<QuoteRevisionSummary>('quotes:save-revision', {
      projectId: project.id,
    });
    // S1 redesigned at a higher wind; regenerate with S1 on its new revision
    const s1v2 = await save(signs[0].id, { ...PYLON, site: { ...PYLON.site, windSpeedMph: 140 } });
    const regen = await m.call<JobQuoteDraft>('quotes:generate', {
      projectId: project.id,
      signs: [{ signId: signs[0].id, designRevisionId: s1v2.id }],
    });
    expect(regen.signs.map((x) => x.designRevisionId)).toEqual([s1v2.id, revs[1].id, revs[2].id]);
    // S2 and S3 priced exactly as before; S2's override and manual line kept; the job's too
    expect(regen.job.signs[1].lines).toEqual(s2.lines);
    expect(regen.job.signs[2].lines).toEqual(edited.job.signs[2].lines);
    expect(regen.signs[1].overrides).toEqual({
      concrete: { unitPriceCents: 16000, note: 'winter mix' },
    });
    expect(lineOf(regen.job.jobLines, 'mobilization').amountCents).toBe(50000);
    expect(regen.job.signs[0].subtotalCents).not.toBe(edited.job.signs[0].subtotalCents);

    now = '2026-03-02T10:00:00.000Z';
    const q2 = await m.call<QuoteRevisionSummary>('quotes:save-revision', {
      projectId: project.id,
    });
    // each revision pins every sign's design revision
    expect(q1.signs.map((x) => [x.mark, x.designRevisionNumber])).toEqual([
      ['S1', 1],
      ['S2', 1],
      ['S3', 1],
    ]);
    expect(q2.signs.map((x) => [x.mark, x.designRevisionId])).toEqual([
      ['S1', s1v2.id],
      ['S2', revs[1].id],
      ['S3', revs[2].id],
    ]);
    const pins = m.services.sqlite
      .prepare(
        'SELECT sign_id, design_revision_id FROM quote_revision_signs WHERE quote_revision_id = ? ORDER BY position',
      )
      .all(q2.id);
    expect(pins).toEqual(
      [s1v2.id, revs[1].id, revs[2].id].map((id, i) => ({
        sign_id: signs[i].id,
        design_revision_id: id,
      })),
    );
    // the outbox row syncs the job snapshot (the one optional `job` field of the quote data)
    const out = m.services.sqlite
      .prepare(`SELECT data FROM outbox WHERE entity = 'quote' AND entity_id = ? ORDER BY seq DESC`)
      .get(q2.id) as { data: string };
    const synced = quoteDataSchema.parse(JSON.parse(out.data));
    const syncedJob = quoteRevisionJobSchema.parse(synced.job);
    expect(syncedJob.signs.map((x) => x.designRevisionId)).toEqual([
      s1v2.id,
      revs[1].id,
      revs[2].id,
    ]);
    expect(syncedJob.signs[1].overrides).toEqual({
      concrete: { unitPriceCents: 16000, note: 'winter mix' },
    });
    expect(syncedJob.pricedJob.totals.totalCents).toBe(q2.totalCents);
    // a later regeneration does not touch the saved revision
    const full = await m.call<JobQuoteRevision>('quotes:get-revision', { id: q1.id });
    expect(full.job.totals.totalCents).toBe(q1.totalCents);
    expect(full.job.signs[0].design.designRevisionId).toBe(revs[0].id);

    // compare names the sign that changed: its design revision, lines and subtotal
    const cmp = await m.call<QuoteComparison>('quotes:compare', { a: q1.id, b: q2.id });
    expect(cmp.signs.map((x) => [x.mark, x.change])).toEqual([
      ['S1', 'changed'],
      ['S2', 'same'],
      ['S3', 'same'],
    ]);
    const s1cmp = cmp.signs[0];
    expect(s1cmp).toMatchObject({
      designRevisionBefore: 1,
      designRevisionAfter: 2,
      subtotalBefore: full.job.signs[0].subtotalCents,
      subtotalAfter: regen.job.signs[0].subtotalCents,
    });
    expect(s1cmp.lines.some((l) => l.change === 'changed')).toBe(true);
    expect(cmp.signs[1].lines.every((l) => l.change === 'same')).toBe(true);
    expect(cmp.facts.find((f) => f.label === 'S1 design revision')).toEqual({
      label: 'S1 design revision',
      before: 1,
      after: 2,
    });
    const total = cmp.totals.find((x) => x.key === 'total')!;
    expect(total.deltaCents).toBe(q2.totalCents - q1.totalCents);
  });

  it('prints the customer quote with the three signs and their prices, and the job packet', async () => {
    const revs = await designAll();
    await m.call('quotes:save-company', COMPANY);
    await m.call('quotes:generate', { projectId: project.id, settings: { travelMiles: 40 } });
    const q = await m.call<QuoteRevisionSummary>('quotes:save-revision', {
      projectId: project.id,
    });
    const full = await m.call<JobQuoteRevision>('quotes:get-revision', { id: q.id });

    const pdf = await m.call<{ fileName: string; base64: string }>('quotes:customer-pdf', {
      id: q.id,
    });
    expect(pdf.fileName).toBe('Gas-station-signs-quote-rev1.pdf');
    const text = pdfText(pdf.base64, 'customer.pdf');
    for (const [mark, name, qty] of [
      ['S1', 'pylon', '1'],
      ['S2', 'monument', '2'],
      ['S3', 'two-pole', '1'],
    ])
      expect(text).toMatch(new RegExp(`${mark}\\s+${name}\\s+${qty}\\s`));
    for (const x of full.job.signs) expect(text).toContain(formatMoney(x.priceCents!));
    expect(text).toContain(formatMoney(full.job.jobLinesPriceCents!));
    expect(text).toContain(`Total ${formatMoney(full.job.totals.totalCents)}`);
    // no internal figures
    expect(text).not.toMatch(/contingency|markup|unit price|hours?\b/i);
    expect(text).not.toContain(formatMoney(full.job.signs[0].subtotalCents));

    // the cost sheet: lines grouped by sign with each sign's subtotal
    const sheet = await m.call<{ base64: string }>('quotes:cost-sheet-pdf', { id: q.id });
    const sheetText = pdfText(sheet.base64, 'sheet.pdf');
    for (const x of full.job.signs)
      expect(sheetText).toMatch(
        new RegExp(`${x.mark} subtotal\\s+${formatMoney(x.subtotalCents).replace('$', '\\$')}`),
      );
    expect(sheetText).toContain('S2 monument × 2');

    // the job packet: the cover, then each sign's calc report (its pages as printed alone)
    const packet = await m.call<{ fileName: string; base64: string; bytes: number }>(
      'quotes:job-packet-pdf',
      { id: q.id },
    );
    expect(packet.fileName).toBe('Gas-station-signs-job-packet-rev1.pdf');
    const reportPages = await Promise.all(
      revs.map(async (r, i) =>
        pdfPages(
          (await m.call<{ base64: string }>('designs:report-pdf', { id: r.id })).base64,
          `calc-${i}.pdf`,
        ),
      ),
    );
    expect(pdfPages(packet.base64, 'packet.pdf')).toBe(1 + sum(reportPages));
    const packetText = pdfText(packet.base64, 'packet2.pdf');
    expect(packetText).toContain('Job packet');
    expect(packetText).toContain('Tulsa County');
    expect(packetText.match(/Sign structure calculations\n/g)).toHaveLength(3);
    for (const label of ['S1 pylon', 'S2 monument × 2', 'S3 two-pole'])
      expect(packetText).toContain(label);
    // the same revision gives the same bytes
    const again = await m.call<{ base64: string }>('quotes:job-packet-pdf', { id: q.id });
    expect(again.base64).toBe(packet.base64);
    // and the working quote has its packet too
    const draftPacket = await m.call<{ fileName: string }>('quotes:job-packet-pdf', {
      projectId: project.id,
    });
    expect(draftPacket.fileName).toBe('Gas-station-signs-job-packet-draft.pdf');
  });

  it('lets a sign set its own settings (an unlit monument): priced, described and frozen so', async () => {
    await designAll();
    const d = await m.call<JobQuoteDraft>('quotes:generate', { projectId: project.id });
    expect(d.job.signs[1].lines.map((l) => l.code)).toContain('led_lighting');
    const unlit = await m.call<JobQuoteDraft>('quotes:update-draft', {
      projectId: project.id,
      settings: d.settings,
      signs: [{ signId: signs[1].id, settings: { illuminated: false } }],
    });
    const codes = (i: number) => unlit.job.signs[i].lines.map((l) => l.code);
    expect(codes(1)).not.toContain('led_lighting');
    expect(codes(1)).not.toContain('electrical_hookup');
    // the other signs stay lit, and the monument's description says it is not
    expect(codes(0)).toContain('led_lighting');
    expect(unlit.signs[1].settings).toEqual({ illuminated: false });
    expect(unlit.signs[1].description).toMatch(/non-illuminated/);
    expect(unlit.signs[0].description).not.toMatch(/non-illuminated/);
    expect(unlit.job.totals.totalCents).toBeLessThan(d.job.totals.totalCents);
    // kept by a regeneration and by an edit that does not name it
    await m.call('quotes:generate', { projectId: project.id });
    const again = await m.call<JobQuoteDraft>('quotes:update-draft', {
      projectId: project.id,
      settings: d.settings,
      signs: [{ signId: signs[1].id, manualLines: [] }],
    });
    expect(again.signs[1].settings).toEqual({ illuminated: false });
    const q = await m.call<QuoteRevisionSummary>('quotes:save-revision', {
      projectId: project.id,
    });
    const full = await m.call<JobQuoteRevision>('quotes:get-revision', { id: q.id });
    expect(full.signDescriptions[1].description).toMatch(/non-illuminated/);
    expect(full.job.signs[1].lines.map((l) => l.code)).not.toContain('led_lighting');
    // a bad setting names the field
    await expect(
      m.call('quotes:update-draft', {
        projectId: project.id,
        settings: d.settings,
        signs: [{ signId: signs[1].id, settings: { faceSides: 3 } }],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { 'signs.0.settings.faceSides': expect.stringContaining('Faces') },
    });
  });

  it('ranks one sign’s alternatives with the job total, and the job total follows the pick', async () => {
    const revs = await designAll();
    const d = await m.call<JobQuoteDraft>('quotes:generate', { projectId: project.id });
    const alts = await m.call<{
      signId: string;
      currentTotalCents: number;
      alternatives: { designation: string; diameterFt: number; totalCents: number }[];
    }>('quotes:alternatives', { projectId: project.id, signId: signs[1].id, limit: 3 });
    expect(alts.signId).toBe(signs[1].id);
    expect(alts.currentTotalCents).toBe(d.job.totals.totalCents);
    const pick = alts.alternatives[alts.alternatives.length - 1];
    const applied = await m.call<JobQuoteDraft>('quotes:apply-alternative', {
      projectId: project.id,
      signId: signs[1].id,
      designation: pick.designation,
      diameterFt: pick.diameterFt,
    });
    expect(applied.job.totals.totalCents).toBe(pick.totalCents);
    expect(applied.job.signs[1].design).toMatchObject({
      designation: pick.designation,
      diameterFt: pick.diameterFt,
      designRevisionNumber: 2,
    });
    // the other signs keep their pins
    expect(applied.signs[0].designRevisionId).toBe(revs[0].id);
    expect(applied.signs[2].designRevisionId).toBe(revs[2].id);
  });

  it('needs the acknowledgement of a failing sign, recorded on that sign only', async () => {
    await save(signs[0].id, PYLON);
    const bad = await save(signs[1].id, FAILING);
    await save(signs[2].id, TWO_POLE);
    const refused = m.call('quotes:generate', { projectId: project.id });
    await expect(refused).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining(
        'Quoting sign S2 monument needs your explicit acknowledgement',
      ),
    });
    const rev = await m.call<Revision>('designs:get-revision', { id: bad.id });
    const reasons = (
      await m
        .call<{ verdict: { reasons: string[] } }>('quotes:generate', {
          projectId: project.id,
          signs: [{ signId: signs[1].id, acknowledge: { reasons: ['something else'] } }],
        })
        .catch(() => ({ verdict: { reasons: [] as string[] } }))
    ).verdict.reasons;
    expect(reasons).toEqual([]); // a wrong acknowledgement is still refused
    const { designVerdict } = await import('../../src-shared/engine');
    const v = designVerdict(rev.result);
    const d = await m.call<JobQuoteDraft>('quotes:generate', {
      projectId: project.id,
      signs: [{ signId: signs[1].id, acknowledge: { reasons: v.reasons } }],
    });
    expect(d.verdict.status).toBe('fails');
    expect(d.verdict.reasons).toEqual(v.reasons.map((r) => `S2: ${r}`));
    expect(d.signs.map((x) => x.acknowledgement?.reasons ?? null)).toEqual([null, v.reasons, null]);
    // regenerating on the same designs keeps it
    await m.call('quotes:generate', { projectId: project.id, settings: { travelMiles: 10 } });
    const q = await m.call<QuoteRevisionSummary>('quotes:save-revision', {
      projectId: project.id,
    });
    expect(q.acknowledgements.map((a) => a.reasons)).toEqual([v.reasons.map((r) => `S2: ${r}`)]);
  });

  it('refuses bad per-sign choices with VALIDATION naming the field', async () => {
    await designAll();
    await expect(
      m.call('quotes:generate', { projectId: project.id, signs: [{ signId: '' }] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { 'signs.0.signId': 'Sign id is required' },
    });
    const other = await m.call<Project>('projects:create', { name: 'Other' });
    const [otherSign] = await m.call<Sign[]>('signs:list', { projectId: other.id });
    const otherRev = await save(otherSign.id, PYLON);
    await expect(
      m.call('quotes:generate', {
        projectId: project.id,
        signs: [{ signId: signs[1].id, designRevisionId: otherRev.id }],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { 'signs.0.designRevisionId': 'Choose a design revision of sign S2' },
    });
    await expect(
      m.call('quotes:generate', { projectId: project.id, signs: [{ signId: otherSign.id }] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { 'signs.0.signId': expect.any(String) },
    });

    const d = await m.call<JobQuoteDraft>('quotes:generate', { projectId: project.id });
    await expect(
      m.call('quotes:update-draft', {
        projectId: project.id,
        settings: d.settings,
        signs: [{ signId: signs[1].id, overrides: { concrete: { unitPriceCents: -5 } } }],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: {
        'signs.0.overrides.concrete.unitPriceCents': expect.stringMatching(/between 0 and/),
      },
    });
    // an override in the wrong scope would price nothing: refused, naming the field
    await expect(
      m.call('quotes:update-draft', {
        projectId: project.id,
        settings: d.settings,
        signs: [{ signId: signs[0].id, overrides: { mobilization: { unitPriceCents: 1 } } }],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('charged once for the job'),
      fields: { 'signs.0.overrides.mobilization': 'Override this line on the job lines' },
    });
    await expect(
      m.call('quotes:update-draft', {
        projectId: project.id,
        settings: d.settings,
        overrides: { concrete: { unitPriceCents: 1 } },
        signs: [],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { 'overrides.concrete': 'Override this line on a sign' },
    });
    await expect(
      m.call('quotes:update-draft', {
        projectId: project.id,
        settings: d.settings,
        signs: [{ signId: otherSign.id }],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { 'signs.0.signId': 'Choose a sign the quote prices' },
    });
    await expect(
      m.call('quotes:alternatives', { projectId: project.id, signId: otherSign.id }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fields: { signId: expect.any(String) } });
    // nothing was lost
    const after = await m.call<JobQuoteDraft>('quotes:get-draft', { projectId: project.id });
    expect(after.job.totals.totalCents).toBe(d.job.totals.totalCents);
  });
});
