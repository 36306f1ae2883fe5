import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Revision } from '../../src-shared/designs';
import { designVerdict, parseDesignInput, type SignDesignResult } from '../../src-shared/engine';
import { firstSignId } from '../../src-shared/signs';
import {
  priceItemsSchema,
  quoteSettingsSchema,
  type Company,
  type JobQuoteDraft,
  type JobQuoteRevision,
  type LineOverride,
  type ManualLine,
  type PriceItem,
  type QuoteRevisionSummary,
} from '../../src-shared/quotes';
import { computeDesignParsed } from '../../src-main/engine';
import { createMainContext, DB_FILE_NAME, type MainContext } from '../../src-main/main-context';
import { STARTER_ITEMS } from '../../src-main/services/pricing/starter-book';
import { priceQuote } from '../../src-main/services/pricing/price-quote';
import { jobFromQuote, priceJob } from '../../src-main/services/pricing/price-job';
import { factsFromRevision } from '../../src-main/services/pricing/facts';
import { describeRevision } from '../../src-main/services/quotes-design';
import { customerQuotePdf } from '../../src-main/services/reports/customer-quote';
import { costSheetPdf } from '../../src-main/services/reports/quote-report';
import type { QuoteDoc } from '../../src-main/services/reports/quote-doc';
import w16 from '../fixtures/w16-sign.json';
import { migrationsUpTo } from '../helpers/migrations-up-to';

/**
 * A database as the sign schedule branch writes it (migrations 0000-0010: signs, but one design
 * per quote), migrated to the job quote (0011-0012): the working quote becomes a one-sign job as
 * jobFromQuote splits it, quote revisions pin their sign and regenerate their PDFs byte for byte.
 */
const LAST_BEFORE_JOB_QUOTE = 10;

let dir = '';
let ctx: MainContext | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-quote-job-mig-'));
});
afterEach(() => {
  ctx?.close();
  ctx = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const at = (d: number) => `2026-02-0${d}T09:00:00.000Z`;
const COMPANY: Company = {
  name: 'Brightline Signs LLC',
  address: '12 Foundry Lane, Tulsa OK',
  phone: '918-555-0100',
  email: 'quotes@brightline.test',
  licenseNo: 'OK-1234',
  terms: '50 % deposit, balance on completion.',
  exclusions: 'Permits fees\nElectrical to the sign',
  validityDays: 30,
  pricePresentation: 'groups',
  logoDataUrl: '',
};
const CUSTOMER = {
  projectName: 'Harbor Bank pylon',
  company: 'Harbor Bank',
  contact: 'Dana Reyes',
  email: '',
  phone: '',
  siteAddress: '77 Wharf Rd',
};

interface OldDb {
  file: string;
  projectId: string;
  rev: Revision;
  items: PriceItem[];
  bookId: string;
  quoteRevisionId: string;
  overrides: Record<string, LineOverride>;
  manual: ManualLine;
}

/** One project, its sign S1 and a design revision, a working quote and an accepted quote revision. */
function oldDatabase(): OldDb {
  const file = path.join(dir, DB_FILE_NAME);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(drizzle(db), { migrationsFolder: migrationsUpTo(dir, LAST_BEFORE_JOB_QUOTE) });
  db.prepare(
    `INSERT INTO profile (id, name, initials, created_at, updated_at) VALUES ('local', 'Dana Estimator', 'DE', ?, ?)`,
  ).run(at(1), at(1));
  const projectId = randomUUID();
  db.prepare(
    `INSERT INTO projects (id, name, customer_company, customer_contact, site_address, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    projectId,
    CUSTOMER.projectName,
    CUSTOMER.company,
    CUSTOMER.contact,
    CUSTOMER.siteAddress,
    at(1),
    at(1),
  );
  const signId = firstSignId(projectId);
  db.prepare(
    `INSERT INTO signs (id, project_id, mark, name, quantity, position, created_at, updated_at) VALUES (?, ?, 'S1', '', 1, 0, ?, ?)`,
  ).run(signId, projectId, at(1), at(1));
  const parsed = parseDesignInput(w16);
  if (!parsed.ok) throw new Error('fixture');
  const result = computeDesignParsed(parsed.value);
  const revId = randomUUID();
  db.prepare(
    `INSERT INTO design_revisions (id, project_id, sign_id, number, note, input, result, engine_version, input_hash, created_at, created_by) VALUES (?, ?, ?, 1, 'first', ?, ?, ?, ?, ?, 'Dana Estimator')`,
  ).run(
    revId,
    projectId,
    signId,
    JSON.stringify(parsed.value),
    JSON.stringify(result),
    result.engineVersion,
    result.inputHash,
    at(2),
  );
  const rev: Revision = {
    id: revId,
    projectId,
    signId,
    number: 1,
    note: 'first',
    createdAt: at(2),
    createdBy: 'Dana Estimator',
    engineVersion: result.engineVersion,
    inputHash: result.inputHash,
    pole: result.summary.pole.designation || null,
    depthFt: result.summary.foundation.depthFt,
    diameterFt: result.summary.foundation.diameterFt,
    verdict: designVerdict(result as SignDesignResult).status,
    input: parsed.value,
    result,
  };
  // an older book: its travel item has no `per` (travel defaults to once per job)
  const items = priceItemsSchema
    .parse(STARTER_ITEMS)
    .map((it) => (it.code === 'travel_mileage' ? { ...it, per: undefined } : it));
  const bookId = randomUUID();
  db.prepare(
    `INSERT INTO price_book_versions (id, number, effective_date, note, source, items, created_at, created_by) VALUES (?, 1, '2026-01-01', '', 'seed', ?, ?, 'Dana Estimator')`,
  ).run(bookId, JSON.stringify(items), at(1));

  const settings = quoteSettingsSchema.parse({ travelMiles: 30 });
  const overrides: Record<string, LineOverride> = {
    concrete: { unitPriceCents: 16000, note: 'winter mix' },
    mobilization: { unitPriceCents: 50000, note: 'two trucks' },
    travel_mileage: { quantity: 80, note: 'detour' },
  };
  const manual: ManualLine = {
    code: 'manual-1',
    group: 'materials',
    description: 'Brick veneer',
    quantity: 1,
    unit: 'lot',
    unitPriceCents: 45000,
    taxable: true,
  };
  db.prepare(
    `INSERT INTO quote_drafts (project_id, design_revision_id, price_book_version_id, settings, overrides, manual_lines, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    projectId,
    revId,
    bookId,
    JSON.stringify(settings),
    JSON.stringify(overrides),
    JSON.stringify([manual]),
    at(3),
  );
  const priced = priceQuote({
    facts: factsFromRevision(rev),
    book: { id: bookId, number: 1, items },
    settings,
    overrides,
    manualLines: [manual],
  });
  const quoteRevisionId = randomUUID();
  db.prepare(
    `INSERT INTO quote_revisions (id, project_id, number, note, status, valid_until, design_revision_id, price_book_version_id, priced, overrides, manual_lines, header, total_cents, created_at, created_by, status_changed_at, status_changed_by) VALUES (?, ?, 1, '', 'accepted', '2026-03-01', ?, ?, ?, ?, ?, ?, ?, ?, 'Dana Estimator', ?, 'Dana Estimator')`,
  ).run(
    quoteRevisionId,
    projectId,
    revId,
    bookId,
    JSON.stringify(priced),
    JSON.stringify(overrides),
    JSON.stringify([manual]),
    JSON.stringify({ company: COMPANY, customer: CUSTOMER }),
    priced.totals.totalCents,
    at(4),
    at(5),
  );
  db.close();
  return { file, projectId, rev, items, bookId, quoteRevisionId, overrides, manual };
}

async function call<T>(channel: string, input: unknown): Promise<T> {
  const env = await ctx!.dispatch(channel, input);
  if (!env.ok) throw new Error(`${channel}: ${env.error.message}`);
  return env.value as T;
}

/** The customer quote and cost sheet of the old revision as the one-design documents printed it. */
async function pdfsBefore(old: OldDb, file: string) {
  const db = new Database(file, { readonly: true });
  const r = db.prepare('SELECT * FROM quote_revisions WHERE id = ?').get(old.quoteRevisionId) as {
    priced: string;
    created_at: string;
    valid_until: string;
    overrides: string;
    manual_lines: string;
  };
  db.close();
  const priced = JSON.parse(r.priced) as QuoteDoc['priced'];
  const doc: QuoteDoc = {
    label: 'QUOTE 1',
    number: 1,
    date: r.created_at,
    validUntil: r.valid_until,
    company: COMPANY,
    customer: CUSTOMER,
    priced,
    description: describeRevision(old.rev, priced.settings, old.items),
    verdict: designVerdict(old.rev.result),
    acknowledgements: [],
    createdBy: 'Dana Estimator',
    optionsAvailable: old.items
      .filter(
        (i) =>
          i.category === 'fee' &&
          i.match === 'optional' &&
          !priced.settings.includeFees.includes(i.code),
      )
      .map((i) => i.name),
    // a one-sign job of quantity 1 prints as the one-design document
    job: priceJob(
      jobFromQuote(
        {
          facts: priced.design,
          book: { id: old.bookId, number: 1, items: old.items },
          settings: priced.settings,
          overrides: JSON.parse(r.overrides) as Record<string, LineOverride>,
          manualLines: JSON.parse(r.manual_lines) as ManualLine[],
        },
        { signId: old.rev.signId!, mark: 'S1' },
      ),
    ),
    signDescriptions: [],
  };
  return { customer: await customerQuotePdf(doc), sheet: await costSheetPdf(doc), priced };
}

describe('migrating one-design quotes to one quote for the job (0011-0012)', () => {
  it('splits the working quote as jobFromQuote does and prices it the same', async () => {
    const old = oldDatabase();
    const book = { id: old.bookId, number: 1, items: old.items };
    const settings = quoteSettingsSchema.parse({ travelMiles: 30 });
    const expected = jobFromQuote(
      {
        facts: factsFromRevision(old.rev),
        book,
        settings,
        overrides: old.overrides,
        manualLines: [old.manual],
      },
      { signId: old.rev.signId!, mark: 'S1' },
    );
    const oldTotal = priceQuote({
      facts: factsFromRevision(old.rev),
      book,
      settings,
      overrides: old.overrides,
      manualLines: [old.manual],
    }).totals.totalCents;

    ctx = createMainContext({ dataDir: dir, host: 'memory' });
    const db = ctx.services.sqlite;
    const pin = db.prepare('SELECT * FROM quote_draft_signs').all() as Record<string, string>[];
    expect(pin).toHaveLength(1);
    expect(pin[0]).toMatchObject({
      project_id: old.projectId,
      sign_id: old.rev.signId,
      design_revision_id: old.rev.id,
      acknowledgement: null,
    });
    // the sign keeps concrete and the manual line; mobilization (per job) and travel (no per:
    // travel is per job) stay on the job
    expect(JSON.parse(pin[0].overrides)).toEqual(expected.signs[0].overrides);
    expect(Object.keys(JSON.parse(pin[0].overrides) as object)).toEqual(['concrete']);
    expect(JSON.parse(pin[0].manual_lines)).toEqual([old.manual]);
    const draftRow = db.prepare('SELECT * FROM quote_drafts').get() as Record<string, string>;
    expect(JSON.parse(draftRow.overrides)).toEqual(expected.overrides);
    expect(Object.keys(JSON.parse(draftRow.overrides) as object).sort()).toEqual([
      'mobilization',
      'travel_mileage',
    ]);
    expect(JSON.parse(draftRow.manual_lines)).toEqual([]);

    const d = await call<JobQuoteDraft>('quotes:get-draft', { projectId: old.projectId });
    expect(d.job.totals.totalCents).toBe(oldTotal);
    expect(d.priced.totals.totalCents).toBe(oldTotal);
    expect(d.job.signs.map((x) => x.label)).toEqual(['S1']);
    // the one-design view shows the overrides and the manual line as before
    expect(d.overrides).toEqual(old.overrides);
    expect(d.manualLines).toEqual([old.manual]);
  });

  it('pins the quote revision’s sign and regenerates its customer quote and cost sheet byte for byte', async () => {
    const old = oldDatabase();
    const before = await pdfsBefore(old, old.file);
    const rowBefore = new Database(old.file, { readonly: true })
      .prepare('SELECT * FROM quote_revisions')
      .get() as Record<string, unknown>;

    ctx = createMainContext({ dataDir: dir, host: 'memory' });
    const db = ctx.services.sqlite;
    const { job, ...rowAfter } = db.prepare('SELECT * FROM quote_revisions').get() as Record<
      string,
      unknown
    >;
    expect(job).toBeNull();
    expect(rowAfter).toEqual(rowBefore);
    expect(db.prepare('SELECT * FROM quote_revision_signs').all()).toEqual([
      {
        quote_revision_id: old.quoteRevisionId,
        sign_id: old.rev.signId,
        position: 0,
        design_revision_id: old.rev.id,
      },
    ]);
    // still an accepted snapshot: the triggers refuse any change, the job column included
    expect(() =>
      db.prepare(`UPDATE quote_revisions SET job = '{}' WHERE id = ?`).run(old.quoteRevisionId),
    ).toThrow(/immutable|accepted/);
    expect(() =>
      db
        .prepare(`UPDATE quote_revision_signs SET position = 1 WHERE quote_revision_id = ?`)
        .run(old.quoteRevisionId),
    ).toThrow(/immutable/);

    const listed = await call<QuoteRevisionSummary[]>('quotes:list-revisions', {
      projectId: old.projectId,
    });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      number: 1,
      status: 'accepted',
      totalCents: before.priced.totals.totalCents,
      signs: [{ mark: 'S1', designRevisionId: old.rev.id, designRevisionNumber: 1 }],
    });
    const full = await call<JobQuoteRevision>('quotes:get-revision', { id: old.quoteRevisionId });
    expect(full.job.totals.totalCents).toBe(before.priced.totals.totalCents);

    const customer = await call<{ base64: string; bytes: number }>('quotes:customer-pdf', {
      id: old.quoteRevisionId,
    });
    expect(customer.bytes).toBe(before.customer.length);
    expect(Buffer.from(customer.base64, 'base64').equals(before.customer)).toBe(true);
    const sheet = await call<{ base64: string; bytes: number }>('quotes:cost-sheet-pdf', {
      id: old.quoteRevisionId,
    });
    expect(Buffer.from(sheet.base64, 'base64').equals(before.sheet)).toBe(true);
  });
});
