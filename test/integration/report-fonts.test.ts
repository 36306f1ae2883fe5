// The PDFs embed DejaVu Sans (resources/fonts): Ω, √, ≤, ², accented and Greek text print as
// themselves (the standard PDF fonts printed "Omega" and "?"); what the font cannot draw (CJK,
// emoji) prints as U+FFFD, one per character, never a crash or an empty box. The same record
// still gives the same bytes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevisionSummary } from '../../src-shared/designs';
import type { Project } from '../../src-shared/projects';
import type { QuoteRevisionSummary } from '../../src-shared/quotes';
import w16 from '../fixtures/w16-sign.json';
import { freshMain } from '../helpers/main';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../artifacts/reports');
const NOTE = 'Checked: Ω = 1.67, √(4.36 h / A), ratio ≤ 1.0, area 32 ft², α = 7.5';
const CUSTOMER = 'Zoë Łukasiewicz-Ødegård';
const SITE = '東京都 1-2 Ginza 🏗️, Chūō';

let m: ReturnType<typeof freshMain>;
let project: Project;
let rev: RevisionSummary;
beforeEach(async () => {
  m = freshMain({ now: () => '2026-03-01T10:00:00.000Z' });
  project = await m.call<Project>('projects:create', {
    name: 'Pylon Ω-7 für Café Müller',
    customer: { company: 'Café Müller', contact: CUSTOMER },
    siteAddress: SITE,
  });
  rev = await m.call<RevisionSummary>('designs:save-revision', {
    projectId: project.id,
    input: w16,
    note: NOTE,
  });
});
afterEach(() => m.close());

/** Generates the PDF twice: the bytes must match. Returns its file, text and fonts. */
async function generate(channel: string, source: object, name: string) {
  const a = await m.call<{ base64: string }>(channel, source);
  const b = await m.call<{ base64: string }>(channel, source);
  expect(a.base64, 'same record, same bytes').toBe(b.base64);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  fs.writeFileSync(file, Buffer.from(a.base64, 'base64'));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return { file, text, fonts, info };
}

function expectEmbeddedDejaVu(fonts: string) {
  // only the embedded subsets (name "XXXXXX+DejaVuSans", emb yes, sub yes, uni yes)
  const rows = fonts.split('\n').slice(2).filter(Boolean);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?\s.*yes\s+yes\s+yes/);
  expect(fonts).not.toMatch(/Helvetica/);
}

describe('PDF text in the embedded font', () => {
  it('calc report: Ω, √, ≤, ², accents and Greek as written; CJK and emoji as �', async () => {
    const { text, fonts, info, file } = await generate(
      'designs:report-pdf',
      { id: rev.id },
      'fonts-calc-report.pdf',
    );
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(NOTE);
    expect(flat).toContain(`Café Müller - ${CUSTOMER}`);
    expect(flat).toContain('Pylon Ω-7 für Café Müller');
    // 東京都 are three characters the font cannot draw, the emoji one (its variation selector
    // dropped); the rest of the address is kept
    expect(flat).toContain('��� 1-2 Ginza �, Chūō');
    expectEmbeddedDejaVu(fonts);
    // the document information keeps the full Unicode title (no font needed there)
    expect(info).toMatch(/Title:\s+.*Pylon Ω-7 für Café Müller/);
    // the first page still lays out: the 64-digit input hash stays whole on its line
    const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-l', '1', file, '-'], {
      encoding: 'utf8',
    });
    expect(layout).toMatch(/Input hash \(SHA-256\)\s+[0-9a-f]{64}\n/);
  });

  it('customer quote and cost sheet: the accented customer and the address print', async () => {
    await m.call('quotes:save-company', {
      name: 'Señal & Søn Signs',
      address: '12 Foundry Lane, Tulsa OK',
      phone: '918-555-0100',
      email: 'quotes@brightline.test',
    });
    await m.call('quotes:generate', { projectId: project.id, designRevisionId: rev.id });
    const q = await m.call<QuoteRevisionSummary>('quotes:save-revision', { projectId: project.id });
    for (const [channel, name] of [
      ['quotes:customer-pdf', 'fonts-customer-quote.pdf'],
      ['quotes:cost-sheet-pdf', 'fonts-cost-sheet.pdf'],
    ] as const) {
      const { text, fonts } = await generate(channel, { id: q.id }, name);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat, name).toContain('Señal & Søn Signs');
      expect(flat, name).toContain(CUSTOMER);
      expect(flat, name).toContain('��� 1-2 Ginza �, Chūō');
      expectEmbeddedDejaVu(fonts);
    }
  });
});
