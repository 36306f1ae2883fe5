import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevisionSummary } from '../../src-shared/designs';
import type { Project } from '../../src-shared/projects';
import type { QuoteDraft, QuoteRevisionSummary } from '../../src-shared/quotes';
import w16 from '../fixtures/w16-sign.json';
import { freshMain } from '../helpers/main';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../artifacts/reports');
// a 1x1 PNG logo
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const COMPANY = {
  name: 'Brightline Signs LLC',
  address: '12 Foundry Lane, Tulsa OK',
  phone: '918-555-0100',
  email: 'quotes@brightline.test',
  licenseNo: 'OK-SC-40412',
  exclusions: 'Permit fees\nRock excavation',
  logoDataUrl: PNG,
};
const money = (c: number) =>
  `$${(c / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

let m: ReturnType<typeof freshMain>;
let project: Project;
let rev1: RevisionSummary;
beforeEach(async () => {
  m = freshMain({ now: () => '2026-03-01T10:00:00.000Z' });
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

/** Writes the PDF under artifacts/reports (looked at page by page) and returns its text. */
async function pdfText(
  channel: string,
  source: object,
  saveAs?: string,
): Promise<{ file: string; text: string }> {
  const a = await m.call<{ fileName: string; base64: string }>(channel, source);
  const b = await m.call<{ fileName: string; base64: string }>(channel, source);
  const bytes = Buffer.from(a.base64, 'base64');
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  if ('id' in source) expect(a.base64, 'same revision, same bytes').toBe(b.base64);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, saveAs ?? a.fileName);
  fs.writeFileSync(file, bytes);
  return { file: a.fileName, text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }) };
}

describe('the customer quote and the internal cost sheet', () => {
  it('customer quote: description, scope, total and acceptance, and no costs, hours or markup', async () => {
    await m.call('quotes:save-company', COMPANY);
    const d = await m.call<QuoteDraft>('quotes:generate', {
      projectId: project.id,
      designRevisionId: rev1.id,
      settings: { includeFees: ['expedited'] },
    });
    const q = await m.call<QuoteRevisionSummary>('quotes:save-revision', { projectId: project.id });
    const { file, text } = await pdfText('quotes:customer-pdf', { id: q.id });
    expect(file).toBe('Harbor-Bank-pylon-quote-rev1.pdf');
    const flat = text.replace(/\s+/g, ' ');
    for (const needle of [
      'Brightline Signs LLC',
      'License no. OK-SC-40412',
      'QUOTE 1',
      'Valid until 2026-03-31',
      'Harbor Bank - Dana Reyes',
      '77 Wharf Rd',
      // W16: one 8 ft x 4 ft cabinet on one Pipe 6 Std., top at 20 ft, 2 ft x 6.5 ft footing
      'Double-faced illuminated aluminum cabinet 8 ft x 4 ft on one Pipe 6 Std. pole, 20 ft overall, drilled footing 2 ft diameter x 6.5 ft deep.',
      'Materials',
      'Labor',
      `Total ${money(q.totalCents)}`,
      'Included in this price: Expedited processing (3 days)',
      'Available on request: Printed copies mailed to the installer',
      'Not included',
      'Rock excavation',
      'Acceptance',
      'Customer signature',
      'Date',
      'Name (printed)',
    ])
      expect(flat, `customer quote should contain "${needle}"`).toContain(needle);
    // none of the internal figures: unit costs, crew hours, contingency, markup, override marks
    for (const l of d.priced.lines) {
      expect(flat).not.toContain(money(l.unitPriceCents) + ' ');
      if (l.group === 'labor') expect(flat).not.toContain(money(l.amountCents));
    }
    for (const banned of [
      /contingency/i,
      /markup/i,
      /overhead/i,
      /\bmargin\b/i,
      /\bhours?\b/i,
      /\d h\b/,
      /\*/,
      /yd³|yd3/,
      /\/ ?lb/,
    ])
      expect(flat, `customer quote must not show ${banned}`).not.toMatch(banned);
    // the group prices add up to the price before tax; the total is the quote's total
    const t = d.priced.totals;
    expect(flat).toContain(`Sales tax 8.25 % ${money(t.taxCents)}`);
  });

  it('one price for the job when the company chooses it', async () => {
    await m.call('quotes:save-company', { ...COMPANY, pricePresentation: 'total' });
    await m.call('quotes:generate', { projectId: project.id, designRevisionId: rev1.id });
    const q = await m.call<QuoteRevisionSummary>('quotes:save-revision', { projectId: project.id });
    const { text } = await pdfText(
      'quotes:customer-pdf',
      { id: q.id },
      'Harbor-Bank-pylon-quote-rev1-one-price.pdf',
    );
    const flat = text.replace(/\s+/g, ' ');
    const d = (await m.call<QuoteDraft>('quotes:get-draft', { projectId: project.id }))!;
    const t = d.priced.totals;
    expect(flat).toContain(
      `Price for the work above ${money(t.subtotalCents + t.contingencyCents + t.markupCents)}`,
    );
    expect(flat).not.toMatch(/Scope Includes Price/);
  });

  it('cost sheet: every line with quantity, unit cost, rounding, contingency and markup', async () => {
    await m.call('quotes:save-company', COMPANY);
    const d = await m.call<QuoteDraft>('quotes:generate', {
      projectId: project.id,
      designRevisionId: rev1.id,
    });
    await m.call('quotes:update-draft', {
      projectId: project.id,
      settings: d.settings,
      overrides: { concrete: { unitPriceCents: 16000, note: 'winter mix' } },
      manualLines: [],
    });
    const q = await m.call<QuoteRevisionSummary>('quotes:save-revision', { projectId: project.id });
    const { file, text } = await pdfText('quotes:cost-sheet-pdf', { id: q.id });
    expect(file).toBe('Harbor-Bank-pylon-cost-sheet-rev1.pdf');
    const flat = text.replace(/\s+/g, ' ');
    for (const needle of [
      'COST SHEET',
      'INTERNAL',
      'Structural steel pipe (A53 Gr. B): Pipe 6 Std.',
      '$458.19',
      '$130.00', // the foundation crew's hourly rate
      '6.60 h -> 6.75 h (rounded up to 0.25 h)',
      'Contingency 5 %',
      'Overhead and profit (markup) 25 %',
      'Ready-mix concrete, placed *',
      'set by the estimator: winter mix',
      `Total ${money(q.totalCents)}`,
    ])
      expect(flat, `cost sheet should contain "${needle}"`).toContain(needle);
  });

  it('both documents from the working quote, marked as a draft', async () => {
    await m.call('quotes:save-company', COMPANY);
    const d = await m.call<QuoteDraft>('quotes:generate', {
      projectId: project.id,
      designRevisionId: rev1.id,
    });
    const c = await pdfText('quotes:customer-pdf', { projectId: project.id });
    expect(c.file).toBe('Harbor-Bank-pylon-quote-draft.pdf');
    expect(c.text).toContain('DRAFT QUOTE');
    expect(c.text.replace(/\s+/g, ' ')).toContain(`Total ${money(d.priced.totals.totalCents)}`);
    const s = await pdfText('quotes:cost-sheet-pdf', { projectId: project.id });
    expect(s.file).toBe('Harbor-Bank-pylon-cost-sheet-draft.pdf');
    expect(s.text).toContain('Working quote (not saved)');
    await expect(m.call('quotes:customer-pdf', {})).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Give either a quote revision id or a project id (for the working quote)',
    });
  });
});
