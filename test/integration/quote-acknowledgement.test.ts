import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Revision, RevisionSummary } from '../../src-shared/designs';
import { designVerdict } from '../../src-shared/engine';
import type { Project } from '../../src-shared/projects';
import type {
  ProjectMove,
  QuoteDraft,
  QuoteRevision,
  QuoteRevisionSummary,
} from '../../src-shared/quotes';
import w16 from '../fixtures/w16-sign.json';
import { freshMain } from '../helpers/main';

// 180 mph, Exposure D, a 20 ft x 10 ft cabinet 20 ft up on pipe only: no pipe passes (AISC H3
// interaction of the closest, Pipe 12 XX-Strong, about 1.9) and the footing is past 12 ft.
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
const ARTIFACTS = path.resolve(import.meta.dirname, '../../artifacts/reports');

let m: ReturnType<typeof freshMain>;
let project: Project;
let failing: RevisionSummary;
beforeEach(async () => {
  m = freshMain({ now: () => '2026-03-01T10:00:00.000Z' });
  project = await m.call<Project>('projects:create', { name: 'Windy Point pylon' });
  failing = await m.call<RevisionSummary>('designs:save-revision', {
    projectId: project.id,
    input: FAILING,
  });
});
afterEach(() => m.close());

describe('a failing design is not a quote (issue 11)', () => {
  it('saves as a design revision, but generating needs an acknowledgement of every reason', async () => {
    expect(failing.number).toBe(1);
    const refused = m.call('quotes:generate', {
      projectId: project.id,
      designRevisionId: failing.id,
    });
    await expect(refused).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(
        /^Design does not pass: .*No steel section.*Generating a quote from it needs your explicit acknowledgement/,
      ),
    });
    expect(await m.call('quotes:get-draft', { projectId: project.id })).toBeNull();
    // an acknowledgement that leaves a reason out is not an acknowledgement
    await expect(
      m.call('quotes:generate', {
        projectId: project.id,
        designRevisionId: failing.id,
        acknowledge: { reasons: ['something else'] },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });

    const d = await generateAcknowledged();
    expect(d.verdict.status).toBe('fails');
    expect(d.acknowledgement).toMatchObject({
      kind: 'generate',
      status: 'fails',
      by: 'Test Estimator',
      at: '2026-03-01T10:00:00.000Z',
      reasons: d.verdict.reasons,
    });
    // settings changes and regeneration on the same design keep the acknowledgement
    const again = await m.call<QuoteDraft>('quotes:generate', {
      projectId: project.id,
      designRevisionId: failing.id,
    });
    expect(again.acknowledgement).toEqual(d.acknowledgement);
  });

  it('a quote of it is saved with the acknowledgement; sending needs another; both PDFs say so', async () => {
    await m.call('quotes:save-company', COMPANY);
    const d = await generateAcknowledged();
    const q = await m.call<QuoteRevisionSummary>('quotes:save-revision', { projectId: project.id });
    expect(q.verdict.status).toBe('fails');
    expect(q.acknowledgements.map((a) => a.kind)).toEqual(['generate']);

    await expect(m.call('quotes:set-status', { id: q.id, to: 'sent' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(
        /Sending quote revision 1 needs your explicit acknowledgement/,
      ),
    });
    const listed = await m.call<QuoteRevisionSummary[]>('quotes:list-revisions', {
      projectId: project.id,
    });
    expect(listed[0].status).toBe('draft');

    const sent = await m.call<QuoteRevisionSummary>('quotes:set-status', {
      id: q.id,
      to: 'sent',
      acknowledge: { reasons: d.verdict.reasons },
    });
    expect(sent.status).toBe('sent');
    const full = await m.call<QuoteRevision>('quotes:get-revision', { id: q.id });
    expect(full.acknowledgements.map((a) => [a.kind, a.by])).toEqual([
      ['generate', 'Test Estimator'],
      ['send', 'Test Estimator'],
    ]);
    const event = m.services.sqlite
      .prepare(`SELECT after FROM audit_events WHERE action = 'quote.status-changed'`)
      .get() as { after: string };
    expect(JSON.parse(event.after)).toMatchObject({
      status: 'sent',
      acknowledgement: { kind: 'send' },
    });

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const channel of ['quotes:customer-pdf', 'quotes:cost-sheet-pdf']) {
      const f = await m.call<{ fileName: string; base64: string }>(channel, { id: q.id });
      const file = path.join(ARTIFACTS, f.fileName);
      fs.writeFileSync(file, Buffer.from(f.base64, 'base64'));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      expect(text).toContain('Design does not pass:');
      expect(text).toContain('No steel section in the allowed families passes every check');
      expect(text).toContain('Sending acknowledged by Test Estimator on 2026-03-01.');
    }
  });

  it('a design that needs engineering review is acknowledged the same way and printed so', async () => {
    const tall = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: project.id,
      // the top at 64 ft (over 60 ft): it passes, but the engine asks for engineering review
      input: {
        site: { windSpeedMph: 95, exposure: 'B' },
        sign: { clearanceFt: 62, cabinets: [{ widthFt: 4, heightFt: 2, weightPsf: 5 }] },
        supports: { poleCount: 2 },
      },
    });
    await expect(
      m.call('quotes:generate', { projectId: project.id, designRevisionId: tall.id }),
    ).rejects.toThrow(/^Engineering review required: The sign top is 64 ft above grade/);
    const rev = await m.call<Revision>('designs:get-revision', { id: tall.id });
    const d = await m.call<QuoteDraft>('quotes:generate', {
      projectId: project.id,
      designRevisionId: tall.id,
      acknowledge: { reasons: designVerdict(rev.result).reasons },
    });
    expect(d.acknowledgement).toMatchObject({ kind: 'generate', status: 'review' });
    const f = await m.call<{ base64: string; fileName: string }>('quotes:cost-sheet-pdf', {
      projectId: project.id,
    });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `review-${f.fileName}`);
    fs.writeFileSync(file, Buffer.from(f.base64, 'base64'));
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(
      'Engineering review required:',
    );
  });

  it('a passing design needs no acknowledgement', async () => {
    const ok = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: project.id,
      input: w16,
    });
    const d = await m.call<QuoteDraft>('quotes:generate', {
      projectId: project.id,
      designRevisionId: ok.id,
    });
    expect(d.verdict).toEqual({ status: 'passes', reasons: [] });
    expect(d.acknowledgement).toBeNull();
  });
});

describe('marking a quote sent', () => {
  async function savedQuote(): Promise<QuoteRevisionSummary> {
    const ok = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: project.id,
      input: w16,
    });
    await m.call('quotes:generate', { projectId: project.id, designRevisionId: ok.id });
    return m.call<QuoteRevisionSummary>('quotes:save-revision', { projectId: project.id });
  }

  it('refuses without the company details and names what is missing', async () => {
    await m.call('quotes:save-company', { name: 'Brightline Signs LLC', phone: '918-555-0100' });
    const q = await savedQuote();
    await expect(m.call('quotes:set-status', { id: q.id, to: 'sent' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message:
        'Quote revision 1 cannot be sent: the company details on it are missing the address and email. Add them in Settings > Company, then save a new quote revision.',
    });
  });

  it('moves an estimating project to Submitted, and asks when the state machine needs two steps', async () => {
    await m.call('quotes:save-company', COMPANY);
    const q1 = await savedQuote();
    // Draft -> Submitted is two steps (Draft -> Estimating -> Submitted): asked, not done
    const a = await m.call<QuoteRevisionSummary & { projectMove: ProjectMove }>(
      'quotes:set-status',
      { id: q1.id, to: 'sent' },
    );
    expect(a.projectMove).toMatchObject({
      from: 'draft',
      to: 'submitted',
      moved: false,
      path: ['estimating', 'submitted'],
      message: 'The project is Draft; Submitted is reached through Draft → Estimating → Submitted.',
    });
    expect((await m.call<Project>('projects:get', { id: project.id })).status).toBe('draft');
    // the estimator says yes: both steps are recorded
    const moved = await m.call<{ project: Project }>('projects:move-to', {
      id: project.id,
      to: 'submitted',
    });
    expect(moved.project.status).toBe('submitted');
    const steps = m.services.sqlite
      .prepare(
        `SELECT after FROM audit_events WHERE action = 'project.status' AND entity_id = ? ORDER BY seq`,
      )
      .all(project.id) as { after: string }[];
    expect(steps.map((s) => (JSON.parse(s.after) as Project).status)).toEqual([
      'estimating',
      'submitted',
    ]);

    // accepted: Submitted -> Accepted is direct, done at once with the quote
    const b = await m.call<QuoteRevisionSummary & { projectMove: ProjectMove }>(
      'quotes:set-status',
      { id: q1.id, to: 'accepted' },
    );
    expect(b.projectMove).toMatchObject({
      from: 'submitted',
      to: 'accepted',
      moved: true,
      message: 'Project moved from Submitted to Accepted.',
    });
    expect(b.projectMove.eventId).toBeTruthy();
    expect((await m.call<Project>('projects:get', { id: project.id })).status).toBe('accepted');
  });

  it('moves an estimating project directly and says nothing needs asking', async () => {
    await m.call('quotes:save-company', COMPANY);
    await m.call('projects:transition', { id: project.id, to: 'estimating' });
    const q = await savedQuote();
    const r = await m.call<QuoteRevisionSummary & { projectMove: ProjectMove }>(
      'quotes:set-status',
      { id: q.id, to: 'sent' },
    );
    expect(r.projectMove).toMatchObject({ moved: true, from: 'estimating', to: 'submitted' });
    // declining has no project meaning: the project is left as it is
    const d = await m.call<QuoteRevisionSummary & { projectMove: ProjectMove | null }>(
      'quotes:set-status',
      { id: q.id, to: 'declined' },
    );
    expect(d.projectMove).toBeNull();
  });
});

/** The reasons as the UI shows them (designVerdict of the stored result), acknowledged. */
async function generateAcknowledged(): Promise<QuoteDraft> {
  const rev = await m.call<Revision>('designs:get-revision', { id: failing.id });
  const v = designVerdict(rev.result);
  expect(v.status).toBe('fails');
  return m.call<QuoteDraft>('quotes:generate', {
    projectId: project.id,
    designRevisionId: failing.id,
    acknowledge: { reasons: v.reasons },
  });
}
