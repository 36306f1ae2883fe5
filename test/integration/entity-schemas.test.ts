import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevisionSummary } from '../../src-shared/designs';
import type { Project } from '../../src-shared/projects';
import { ENTITY_DATA_SCHEMAS } from '../../src-shared/sync/entities';
import w16 from '../fixtures/w16-sign.json';
import { freshMain } from '../helpers/main';

let m: ReturnType<typeof freshMain>;
beforeEach(() => {
  m = freshMain({ now: () => '2026-03-01T10:00:00.000Z' });
});
afterEach(() => m.close());

/**
 * What this laptop pushes is what another laptop's pull accepts: every payload the services
 * queue (project, design and quote revisions, price book, file) parses with the shared entity
 * schema the sync client reads pulled records with (src-shared/sync/entities.ts).
 */
describe('pushed payloads fit the pulled-record schemas', () => {
  it('holds for every synced entity the services write', async () => {
    const p = await m.call<Project>('projects:create', {
      name: 'Harbor Bank pylon',
      customer: { company: 'Harbor Bank', contact: 'Dana Reyes', phone: '918-555-0100' },
      siteAddress: '77 Wharf Rd',
      notes: 'two lines\nof notes',
    });
    await m.call('projects:update', { id: p.id, patch: { jurisdiction: 'Tulsa' } });
    const rev = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: p.id,
      input: w16,
    });
    await m.call('quotes:generate', { projectId: p.id, designRevisionId: rev.id });
    await m.call('quotes:save-revision', { projectId: p.id, note: 'first' });
    await m.call('attachments:import', {
      projectId: p.id,
      fileName: 'site.txt',
      contentType: 'text/plain',
      base64: Buffer.from('a site note').toString('base64'),
    });
    const queued = m.services.sqlite
      .prepare(`SELECT entity, data FROM outbox WHERE op IN ('upsert', 'attach') ORDER BY seq`)
      .all() as { entity: keyof typeof ENTITY_DATA_SCHEMAS | 'company'; data: string }[];
    const entities = new Set(queued.map((q) => q.entity));
    expect([...entities].sort()).toEqual(
      expect.arrayContaining(['attachment', 'design', 'price-book', 'project', 'quote']),
    );
    for (const q of queued) {
      if (q.entity === 'company') continue;
      const r = ENTITY_DATA_SCHEMAS[q.entity].safeParse(JSON.parse(q.data));
      expect(r.success ? 'ok' : `${q.entity}: ${JSON.stringify(r.error.issues[0])}`).toBe('ok');
    }
  });

  it('refuses what the old hand coercion let through, naming the field', () => {
    const bad = ENTITY_DATA_SCHEMAS.design.safeParse({
      projectId: 'p1',
      number: '3',
      input: {},
      result: {},
      engineVersion: '1',
      inputHash: 'h',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['number']);
    const quote = ENTITY_DATA_SCHEMAS.quote.safeParse({ projectId: 'p1' });
    expect(quote.success).toBe(false);
    // a single-line field with a line break from an older client is cleaned, not refused
    const project = ENTITY_DATA_SCHEMAS.project.parse({ name: 'Two\nlines', junk: 1 });
    expect(project.name).toBe('Two lines');
    expect(project).not.toHaveProperty('junk');
    expect(project.status).toBe('draft');
  });
});
