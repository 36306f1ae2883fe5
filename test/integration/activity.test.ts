import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevisionSummary } from '../../src-shared/designs';
import type { AuditEvent, Project } from '../../src-shared/projects';
import type { QuoteDraft, QuoteRevisionSummary } from '../../src-shared/quotes';
import { describeActivity } from '../../src-renderer/features/projects/activity-text';
import w16 from '../fixtures/w16-sign.json';
import { freshMain } from '../helpers/main';

let m: ReturnType<typeof freshMain>;
let project: Project;
beforeEach(async () => {
  m = freshMain({ now: () => '2026-03-01T10:00:00.000Z' });
  project = await m.call<Project>('projects:create', { name: 'Harbor Bank pylon' });
});
afterEach(() => m.close());

describe('project activity: every audited change of the project, in plain words', () => {
  it('lists design and quote revisions, the working quote, quote status and files, with who', async () => {
    const other = await m.call<Project>('projects:create', { name: 'Someone else' });
    await m.call('designs:save-revision', { projectId: other.id, input: w16 });
    await m.call('projects:update', { id: project.id, patch: { customer: { contact: 'Dana' } } });
    const rev = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: project.id,
      input: w16,
      note: 'first',
    });
    const d = await m.call<QuoteDraft>('quotes:generate', {
      projectId: project.id,
      designRevisionId: rev.id,
    });
    await m.call('quotes:update-draft', {
      projectId: project.id,
      settings: { ...d.settings, markupPct: 35 },
      overrides: { concrete: { unitPriceCents: 16000, note: 'winter mix' } },
      manualLines: [
        {
          code: 'manual-1',
          group: 'fees',
          description: 'Night work',
          quantity: 1,
          unit: 'each',
          unitPriceCents: 40000,
        },
      ],
    });
    await m.call('quotes:save-company', {
      name: 'B',
      address: 'A',
      phone: '1',
      email: 'b@b.test',
    });
    const q = await m.call<QuoteRevisionSummary>('quotes:save-revision', { projectId: project.id });
    await m.call('quotes:set-status', { id: q.id, to: 'sent' });
    await m.call('attachments:import', {
      projectId: project.id,
      fileName: 'site photo.jpg',
      contentType: 'image/jpeg',
      base64: Buffer.from('not really a jpeg').toString('base64'),
    });

    const events = await m.call<AuditEvent[]>('projects:activity', { id: project.id });
    const lines = events.map((e) => {
      const t = describeActivity(e);
      return `${e.actor}: ${t.what}${t.detail ? ` — ${t.detail}` : ''}`;
    });
    expect(lines).toEqual([
      'Test Estimator: Added a file — site photo.jpg',
      'Test Estimator: Marked quote revision 1 sent — (was draft).',
      'Test Estimator: Saved quote revision 1 — total ' +
        (q.totalCents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' }),
      'Test Estimator: Changed the working quote — Markup (%): book → 35; Overrode Ready-mix concrete, placed: unit price $160.00 (winter mix); Added the line “Night work” ($400.00 × 1)',
      'Test Estimator: Generated the quote — from design revision 1.',
      'Test Estimator: Saved design revision 1 — Pipe 6 Std., footing 2 ft × 6.5 ft deep, “first”',
      'Test Estimator: Edited the project details — Customer contact: — → Dana',
      'Test Estimator: Created the project — Harbor Bank pylon',
    ]);
    // nothing of the other project
    expect(lines.join('\n')).not.toContain('Someone else');
  });
});
