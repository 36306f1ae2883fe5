import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevisionSummary } from '../../src-shared/designs';
import type { AuditEvent, Project } from '../../src-shared/projects';
import { firstSignId, type Sign, type SignListItem } from '../../src-shared/signs';
import w16 from '../fixtures/w16-sign.json';
import { freshMain } from '../helpers/main';

let m: ReturnType<typeof freshMain>;
let project: Project;
beforeEach(async () => {
  m = freshMain({ now: () => '2026-03-01T10:00:00.000Z' });
  project = await m.call<Project>('projects:create', { name: 'Gas station' });
});
afterEach(() => m.close());

const list = (trash = false) =>
  m.call<SignListItem[]>('signs:list', { projectId: project.id, trash });
const outbox = (entity: string) =>
  m.services.sqlite
    .prepare('SELECT op, entity_id AS id, data FROM outbox WHERE entity = ? ORDER BY seq')
    .all(entity) as { op: string; id: string; data: string }[];
const windy = (windSpeedMph: number) => ({ ...w16, site: { ...w16.site, windSpeedMph } });

async function rejects(channel: string, input: unknown) {
  try {
    await m.call(channel, input);
  } catch (e) {
    return e as Error & { code: string; fields?: Record<string, string> };
  }
  throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
}

describe('sign schedule', () => {
  it('a new project has sign S1, not designed, and the project design calls work on it', async () => {
    const [s1] = await list();
    expect(s1).toMatchObject({
      id: firstSignId(project.id),
      mark: 'S1',
      name: '',
      quantity: 1,
      status: 'not-designed',
      pole: null,
    });
    const saved = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: project.id,
      input: w16,
    });
    expect(saved).toMatchObject({ number: 1, signId: s1.id, pole: 'Pipe 6 Std.' });
    const [after] = await list();
    expect(after).toMatchObject({
      status: 'passes',
      source: 'revision',
      revisionNumber: 1,
      revisionId: saved.id,
      pole: 'Pipe 6 Std.',
      footingDepthFt: 6.5,
    });
    expect(after.footingDiameterFt).toBe(saved.diameterFt);
  });

  it('adds S2, S3 with their own drafts and revision lines numbered per sign', async () => {
    const s2 = await m.call<Sign>('signs:add', {
      projectId: project.id,
      name: 'monument north',
      quantity: 2,
    });
    const s3 = await m.call<Sign>('signs:add', { projectId: project.id, name: 'canopy fascia' });
    expect([s2.mark, s2.quantity, s3.mark, s3.quantity]).toEqual(['S2', 2, 'S3', 1]);

    await m.call('designs:save-revision', { projectId: project.id, input: w16 });
    await m.call('designs:save-draft-sign', { signId: s2.id, input: windy(130) });
    const r1 = await m.call<RevisionSummary>('designs:save-revision-sign', {
      signId: s2.id,
      input: windy(130),
      note: 'monument',
    });
    const r2 = await m.call<RevisionSummary>('designs:save-revision-sign', {
      signId: s2.id,
      input: w16,
    });
    expect([r1.number, r2.number]).toEqual([1, 2]);
    const s2Revs = await m.call<RevisionSummary[]>('designs:list-revisions-sign', {
      signId: s2.id,
    });
    expect(s2Revs.map((r) => r.number)).toEqual([2, 1]);
    // the project calls still see only the first sign's line and draft
    const s1Revs = await m.call<RevisionSummary[]>('designs:list-revisions', {
      projectId: project.id,
    });
    expect(s1Revs.map((r) => r.number)).toEqual([1]);
    expect(await m.call('designs:get-draft', { projectId: project.id })).toBeNull();
    const draft = await m.call<{ input: { site: { windSpeedMph: number } } }>(
      'designs:get-draft-sign',
      { signId: s2.id },
    );
    expect(draft.input.site.windSpeedMph).toBe(130);

    const schedule = await list();
    expect(schedule.map((s) => [s.mark, s.status, s.revisionNumber])).toEqual([
      ['S1', 'passes', 1],
      ['S2', 'passes', 2],
      ['S3', 'not-designed', null],
    ]);
    // each change is audited on the project's activity and queued for sync
    const activity = await m.call<AuditEvent[]>('projects:activity', { id: project.id });
    expect(activity.filter((a) => a.action === 'sign.created')).toHaveLength(2);
    expect(outbox('sign').map((o) => o.id)).toEqual([s2.id, s3.id]);
  });

  it('edits mark, name and quantity, and refuses bad values naming the field', async () => {
    const [s1] = await list();
    const edited = await m.call<Sign>('signs:update', {
      signId: s1.id,
      patch: { name: 'pylon', quantity: 3, mark: 'P1' },
    });
    expect(edited).toMatchObject({ mark: 'P1', name: 'pylon', quantity: 3 });

    const q0 = await rejects('signs:update', { signId: s1.id, patch: { quantity: 0 } });
    expect(q0.code).toBe('VALIDATION');
    expect(q0.fields).toEqual({
      'patch.quantity': 'Quantity must be a whole number between 1 and 999',
    });
    const q15 = await rejects('signs:update', { signId: s1.id, patch: { quantity: 1.5 } });
    expect(q15.fields?.['patch.quantity']).toBe(
      'Quantity must be a whole number between 1 and 999',
    );
    const q1000 = await rejects('signs:add', { projectId: project.id, quantity: 1000 });
    expect(q1000.fields?.quantity).toBe('Quantity must be a whole number between 1 and 999');
    const long = await rejects('signs:update', { signId: s1.id, patch: { mark: 'M'.repeat(21) } });
    expect(long.fields?.['patch.mark']).toBe('Sign mark must be at most 20 characters');
    const empty = await rejects('signs:update', { signId: s1.id, patch: { mark: '  ' } });
    expect(empty.fields?.['patch.mark']).toBe('Sign mark is required');
    const name = await rejects('signs:update', { signId: s1.id, patch: { name: 'n'.repeat(81) } });
    expect(name.fields?.['patch.name']).toBe('Sign name must be at most 80 characters');
    const ctl = await rejects('signs:update', { signId: s1.id, patch: { name: 'pylon\u0007' } });
    expect(ctl.fields?.['patch.name']).toMatch(
      /^Sign name contains an invisible control character \(U\+0007\)/,
    );
    const noId = await rejects('signs:duplicate', {});
    expect(noId.fields?.signId).toBe('Sign id is required');

    await m.call('signs:add', { projectId: project.id, mark: 'M1' });
    const dup = await rejects('signs:update', { signId: s1.id, patch: { mark: 'm1' } });
    expect(dup.fields).toEqual({
      mark: 'Sign mark m1 is already used by another sign of this project',
    });
    const dupAdd = await rejects('signs:add', { projectId: project.id, mark: 'P1' });
    expect(dupAdd.message).toBe('Sign mark P1 is already used by another sign of this project.');
    // nothing of the refused edits was stored
    const [after] = await list();
    expect(after).toMatchObject({ mark: 'P1', name: 'pylon', quantity: 3 });
  });

  it('duplicates a sign with its draft and latest revision as the copy revision 1', async () => {
    const [s1] = await list();
    await m.call('signs:add', { projectId: project.id, name: 'directional' });
    await m.call('signs:update', { signId: s1.id, patch: { name: 'monument', quantity: 2 } });
    await m.call('designs:save-revision', { projectId: project.id, input: windy(110) });
    const latest = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: project.id,
      input: w16,
    });
    await m.call('designs:save-draft', { projectId: project.id, input: windy(140) });

    const copy = await m.call<Sign>('signs:duplicate', { signId: s1.id });
    expect(copy).toMatchObject({ mark: 'S3', name: 'monument', quantity: 2, position: 1 });
    const schedule = await list();
    expect(schedule.map((s) => s.mark)).toEqual(['S1', 'S3', 'S2']);
    const revs = await m.call<RevisionSummary[]>('designs:list-revisions-sign', {
      signId: copy.id,
    });
    expect(revs).toHaveLength(1);
    expect(revs[0]).toMatchObject({
      number: 1,
      inputHash: latest.inputHash,
      pole: latest.pole,
      note: 'Copied from S1 revision 2',
    });
    const draft = await m.call<{ input: { site: { windSpeedMph: number } } }>(
      'designs:get-draft-sign',
      { signId: copy.id },
    );
    expect(draft.input.site.windSpeedMph).toBe(140);
    // the original keeps its two revisions
    expect(
      (await m.call<RevisionSummary[]>('designs:list-revisions', { projectId: project.id })).length,
    ).toBe(2);
    expect(outbox('design').map((o) => o.id)).toContain(revs[0].id);
  });

  it('reorders with a full list and refuses a partial or repeated one', async () => {
    const [s1] = await list();
    const s2 = await m.call<Sign>('signs:add', { projectId: project.id });
    const s3 = await m.call<Sign>('signs:add', { projectId: project.id });
    await m.call('signs:reorder', { projectId: project.id, ids: [s3.id, s1.id, s2.id] });
    expect((await list()).map((s) => s.mark)).toEqual(['S3', 'S1', 'S2']);
    // the project design calls follow the first sign of the schedule
    const saved = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: project.id,
      input: w16,
    });
    expect(saved.signId).toBe(s3.id);

    const partial = await rejects('signs:reorder', { projectId: project.id, ids: [s1.id, s2.id] });
    expect(partial.code).toBe('VALIDATION');
    expect(partial.message).toBe(
      "The new order must list each of the project's 3 signs exactly once.",
    );
    const twice = await rejects('signs:reorder', {
      projectId: project.id,
      ids: [s1.id, s1.id, s2.id],
    });
    expect(twice.fields?.ids).toBe("List each of the project's 3 signs exactly once");
    const notList = await rejects('signs:reorder', { projectId: project.id, ids: 'S1,S2' });
    expect(notList.fields?.ids).toBe('Sign order must be a list of sign ids');
    expect((await list()).map((s) => s.mark)).toEqual(['S3', 'S1', 'S2']);
  });

  it('removes a sign to the trash with its designs kept, and restores it (undo)', async () => {
    const s2 = await m.call<Sign>('signs:add', { projectId: project.id, name: 'monument' });
    const rev = await m.call<RevisionSummary>('designs:save-revision-sign', {
      signId: s2.id,
      input: w16,
    });
    await m.call('signs:remove', { signId: s2.id });
    expect((await list()).map((s) => s.mark)).toEqual(['S1']);
    const trash = await list(true);
    expect(trash.map((s) => [s.mark, s.status])).toEqual([['S2', 'passes']]);
    expect(trash[0].deletedAt).toBe('2026-03-01T10:00:00.000Z');
    // a removed sign cannot be designed; its revision still opens (a quote may pin it)
    const refused = await rejects('designs:save-revision-sign', { signId: s2.id, input: w16 });
    expect(refused.message).toBe('Sign S2 is in the trash. Restore it first.');
    expect(await m.call('designs:get-revision', { id: rev.id })).toMatchObject({ number: 1 });
    expect(outbox('sign').at(-1)).toMatchObject({ op: 'delete', id: s2.id });

    // the only sign left stays
    const [s1] = await list();
    const last = await rejects('signs:remove', { signId: s1.id });
    expect(last.code).toBe('ILLEGAL_STATE');
    expect(last.message).toBe(
      "Sign S1 is the project's only sign and cannot be removed. Add another sign first.",
    );

    await m.call('signs:restore', { signId: s2.id });
    expect((await list()).map((s) => [s.mark, s.revisionNumber])).toEqual([
      ['S1', null],
      ['S2', 1],
    ]);
    expect(await list(true)).toEqual([]);
    expect(outbox('sign').at(-1)).toMatchObject({ op: 'upsert', id: s2.id });
    const again = await rejects('signs:restore', { signId: s2.id });
    expect(again.message).toBe('Sign S2 is not in the trash.');
  });

  it('an undone removal puts the sign back in its place; a mark taken meanwhile is named', async () => {
    const s2 = await m.call<Sign>('signs:add', { projectId: project.id, name: 'monument' });
    await m.call('signs:add', { projectId: project.id, name: 'directional' });
    await m.call('signs:remove', { signId: s2.id });
    expect((await list()).map((s) => s.mark)).toEqual(['S1', 'S3']);
    await m.call('signs:restore', { signId: s2.id });
    expect((await list()).map((s) => [s.mark, s.position])).toEqual([
      ['S1', 0],
      ['S2', 1],
      ['S3', 2],
    ]);
    // removed again, and meanwhile another sign is marked S2: restoring says why it cannot
    await m.call('signs:remove', { signId: s2.id });
    const s3 = (await list())[1];
    await m.call('signs:update', { signId: s3.id, patch: { mark: 'S2' } });
    const clash = await rejects('signs:restore', { signId: s2.id });
    expect(clash.code).toBe('ILLEGAL_STATE');
    expect(clash.message).toBe(
      'Sign S2 cannot come back while another sign is marked S2. Give that sign another mark first.',
    );
    expect((await list(true)).map((s) => s.id)).toEqual([s2.id]);
  });

  it('names the sign in the calc report file once the project has several signs', async () => {
    const r1 = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: project.id,
      input: w16,
    });
    const file = async (id: string) =>
      (await m.call<{ fileName: string }>('designs:report-pdf', { id })).fileName;
    expect(await file(r1.id)).toBe('Gas-station-calc-rev1.pdf');
    const s2 = await m.call<Sign>('signs:add', { projectId: project.id, mark: 'M 2' });
    const r2 = await m.call<RevisionSummary>('designs:save-revision-sign', {
      signId: s2.id,
      input: w16,
    });
    expect(await file(r1.id)).toBe('Gas-station-S1-calc-rev1.pdf');
    expect(await file(r2.id)).toBe('Gas-station-M-2-calc-rev1.pdf');
    // and the report itself says which sign it is, for the plan checker reading it alone
    await m.call('signs:update', { signId: s2.id, patch: { name: 'monument', quantity: 2 } });
    const text = async (id: string) => {
      const { base64 } = await m.call<{ base64: string }>('designs:report-pdf', { id });
      const f = path.join(os.tmpdir(), `sw-sign-report-${id}.pdf`);
      fs.writeFileSync(f, Buffer.from(base64, 'base64'));
      try {
        return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
      } finally {
        fs.rmSync(f, { force: true });
      }
    };
    expect(await text(r2.id)).toMatch(/Sign\s+M 2 monument × 2/);
    expect(await text(r1.id)).toMatch(/Sign\s+S1\n/);
  });

  it('names a missing project or sign', async () => {
    const p = await rejects('signs:list', { projectId: 'nope' });
    expect(p.code).toBe('NOT_FOUND');
    const s = await rejects('signs:update', { signId: 'nope', patch: { name: 'x' } });
    expect(s.code).toBe('NOT_FOUND');
    const noProject = await rejects('signs:add', { name: 'x' });
    expect(noProject.fields?.projectId).toBe('Project id is required');
  });
});
