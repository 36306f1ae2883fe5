import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Revision, RevisionSummary } from '../../src-shared/designs';
import type { Project } from '../../src-shared/projects';
import type { Sign, SignListItem } from '../../src-shared/signs';
import w16 from '../fixtures/w16-sign.json';
import { freshMain } from '../helpers/main';

let m: ReturnType<typeof freshMain>;
beforeEach(() => {
  m = freshMain();
});
afterEach(() => m.close());

const signsOf = (projectId: string) => m.call<SignListItem[]>('signs:list', { projectId });
const count = (table: string, projectId: string) =>
  (
    m.services.sqlite
      .prepare(`SELECT count(*) AS n FROM ${table} WHERE project_id = ?`)
      .get(projectId) as { n: number }
  ).n;

describe('a project duplicated as a template', () => {
  it('gets the signs (marks, names, quantities, order) and their designs, no quotes', async () => {
    const a = await m.call<Project>('projects:create', {
      name: 'Corner gas, Elm St',
      customer: { company: 'Elm Fuel', contact: '', email: '', phone: '' },
    });
    const [s1] = await signsOf(a.id);
    await m.call('signs:update', { signId: s1.id, patch: { name: 'pylon' } });
    const r1 = await m.call<RevisionSummary>('designs:save-revision-sign', {
      signId: s1.id,
      input: w16,
      note: 'as built on Elm',
    });
    // quoted while it was one sign (a quote needs every sign designed)
    await m.call('quotes:generate', { projectId: a.id, designRevisionId: r1.id });
    const s2 = await m.call<Sign>('signs:add', {
      projectId: a.id,
      name: 'monument',
      quantity: 2,
    });
    const monumentDraft = { ...w16, sign: { ...w16.sign, kind: 'monument', clearanceFt: 0 } };
    await m.call('designs:save-draft-sign', { signId: s2.id, input: monumentDraft });
    const s3 = await m.call<Sign>('signs:add', { projectId: a.id, name: 'removed one' });
    await m.call('signs:remove', { signId: s3.id });
    expect(count('quote_drafts', a.id)).toBe(1);

    const b = await m.call<Project>('projects:duplicate-template', {
      id: a.id,
      fields: { name: 'Corner gas, Oak Ave', siteAddress: '12 Oak Ave' },
    });
    expect(b.id).not.toBe(a.id);
    expect(b).toMatchObject({ name: 'Corner gas, Oak Ave', siteAddress: '12 Oak Ave' });
    // the customer is the new job's, not the template's
    expect(b.customer.company).toBe('');

    const schedule = await signsOf(b.id);
    expect(schedule.map((s) => [s.mark, s.name, s.quantity])).toEqual([
      ['S1', 'pylon', 1],
      ['S2', 'monument', 2],
    ]);
    expect(schedule.every((s) => s.projectId === b.id)).toBe(true);
    // S1: the latest revision's input designed again, as the new sign's revision 1
    const revs = await m.call<RevisionSummary[]>('designs:list-revisions-sign', {
      signId: schedule[0].id,
    });
    expect(revs).toHaveLength(1);
    expect(revs[0]).toMatchObject({ number: 1, inputHash: r1.inputHash, pole: r1.pole });
    expect(revs[0].note).toBe('From template “Corner gas, Elm St”, S1 revision 1');
    const rev = await m.call<Revision>('designs:get-revision', { id: revs[0].id });
    expect(rev.projectId).toBe(b.id);
    // S2: only a draft, copied as typed
    const draft = await m.call<{ input: unknown } | null>('designs:get-draft-sign', {
      signId: schedule[1].id,
    });
    expect(draft?.input).toEqual(monumentDraft);
    expect(
      await m.call<RevisionSummary[]>('designs:list-revisions-sign', { signId: schedule[1].id }),
    ).toHaveLength(0);
    // no quotes, and the template is untouched
    expect(count('quote_drafts', b.id)).toBe(0);
    expect(count('quote_revisions', b.id)).toBe(0);
    expect((await signsOf(a.id)).map((s) => s.mark)).toEqual(['S1', 'S2']);
  });

  it('refuses a bad body naming the field, and creates nothing', async () => {
    const a = await m.call<Project>('projects:create', { name: 'Template' });
    const before = (
      m.services.sqlite.prepare('SELECT count(*) AS n FROM projects').get() as {
        n: number;
      }
    ).n;
    const err = await m
      .call('projects:duplicate-template', { id: a.id, fields: { name: '' } })
      .then(
        () => null,
        (e: Error & { code: string; fields?: Record<string, string> }) => e,
      );
    expect(err?.code).toBe('VALIDATION');
    expect(Object.keys(err?.fields ?? {})).toContain('fields.name');
    const missing = await m
      .call('projects:duplicate-template', { id: 'no-such-project', fields: { name: 'X' } })
      .then(
        () => null,
        (e: Error & { code: string }) => e,
      );
    expect(missing?.code).toBe('NOT_FOUND');
    expect(
      (m.services.sqlite.prepare('SELECT count(*) AS n FROM projects').get() as { n: number }).n,
    ).toBe(before);
  });
});
