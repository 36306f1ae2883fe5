// An estimator in Los Angeles at 8 pm: the UTC date is already tomorrow. Set before any Date use
// (Node re-reads TZ when it is assigned).
process.env.TZ = 'America/Los_Angeles';

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevisionSummary } from '../../src-shared/designs';
import type { Project } from '../../src-shared/projects';
import type {
  PriceBookVersion,
  QuoteRevisionSummary,
  VersionSummary,
} from '../../src-shared/quotes';
import { localDate } from '../../src-shared/format';
import w16 from '../fixtures/w16-sign.json';
import { freshMain } from '../helpers/main';

/** 2026-03-01 20:00 in Los Angeles (PST, UTC-8) = 2026-03-02 04:00 UTC. */
const EVENING = '2026-03-02T04:00:00.000Z';

let m: ReturnType<typeof freshMain>;
let project: Project;
let rev1: RevisionSummary;
beforeEach(async () => {
  m = freshMain({ now: () => EVENING });
  await m.call('quotes:save-company', {
    name: 'Brightline Signs LLC',
    address: '12 Foundry Lane, Tulsa OK',
    phone: '918-555-0100',
    email: 'quotes@brightline.test',
  });
  project = await m.call<Project>('projects:create', {
    name: 'Harbor Bank pylon',
    customer: { company: 'Harbor Bank', contact: 'Dana Reyes' },
  });
  rev1 = await m.call<RevisionSummary>('designs:save-revision', {
    projectId: project.id,
    input: w16,
  });
  await m.call('quotes:generate', { projectId: project.id, designRevisionId: rev1.id });
});
afterEach(() => m.close());

describe('"today" is the local calendar date (TZ=America/Los_Angeles, 20:00)', () => {
  it('the clock really reads 8 pm on March 1 here', () => {
    const d = new Date(EVENING);
    expect([d.getDate(), d.getHours()]).toEqual([1, 20]);
    expect(localDate(d)).toBe('2026-03-01');
    expect(EVENING.slice(0, 10)).toBe('2026-03-02'); // the UTC date the app used to take
  });

  it('a quote saved tonight is valid 30 days from today, and today is a valid "valid until"', async () => {
    const q = await m.call<QuoteRevisionSummary>('quotes:save-revision', { projectId: project.id });
    expect(q.validUntil).toBe('2026-03-31');
    const today = await m.call<QuoteRevisionSummary>('quotes:save-revision', {
      projectId: project.id,
      validUntil: '2026-03-01',
    });
    expect(today.validUntil).toBe('2026-03-01');
    // ...and it is not shown as expired tonight
    expect(today.displayStatus).toBe('draft');
  });

  it('the customer quote PDF is dated today, not tomorrow', async () => {
    const q = await m.call<QuoteRevisionSummary>('quotes:save-revision', { projectId: project.id });
    const pdf = await m.call<{ base64: string }>('quotes:customer-pdf', { id: q.id });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sw-dates-')), 'q.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Date 2026-03-01');
    expect(text).not.toContain('2026-03-02');
  });

  it('a CSV imported tonight is effective from today', async () => {
    const csv = (await m.call<{ csv: string }>('pricebook:export-csv', {})).csv;
    const v = await m.call<VersionSummary>('pricebook:import-csv', { csv });
    expect(v.effectiveDate).toBe('2026-03-01');
    // in force tonight already
    expect((await m.call<PriceBookVersion>('pricebook:get-current')).number).toBe(v.number);
  });
});
