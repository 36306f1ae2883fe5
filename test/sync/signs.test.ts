import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDesignParsed } from '../../src-main/engine';
import { parseDesignInput } from '../../src-shared/engine';
import type { RevisionSummary } from '../../src-shared/designs';
import type { Project } from '../../src-shared/projects';
import { firstSignId, type Sign, type SignListItem } from '../../src-shared/signs';
import type { ConflictViewT, SyncStatusView } from '../../src-shared/sync/client';
import { pushOk, upsert } from '../server/fixtures';
import type { TestServer, TestUser } from '../server/harness';
import w16 from '../fixtures/w16-sign.json';
import { BACKENDS, signedInClient, startServer, syncOk, type Client } from './helpers';

const windy = (windSpeedMph: number) => ({ ...w16, site: { ...w16.site, windSpeedMph } });
const design = (windSpeedMph: number) => {
  const parsed = parseDesignInput(windy(windSpeedMph));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
  return { input: parsed.value, result: computeDesignParsed(parsed.value) };
};

describe.each(BACKENDS)('sign schedules between two laptops ($name)', ({ pg }) => {
  let server: TestServer;
  let userA: TestUser;
  let userB: TestUser;
  beforeAll(async () => {
    server = await startServer(pg);
    userA = await server.createOrgAndUser({ name: 'Ann Estimator', role: 'estimator' });
    userB = await server.createOrgAndUser({
      orgId: userA.orgId,
      name: 'Ben Field',
      role: 'estimator',
    });
  });
  afterAll(async () => server?.close());

  const schedule = async (c: Client, projectId: string, trash = false) =>
    (await c.call<SignListItem[]>('signs:list', { projectId, trash })).map((s) => ({
      id: s.id,
      mark: s.mark,
      name: s.name,
      quantity: s.quantity,
      revisionNumber: s.revisionNumber,
    }));
  const numbers = async (c: Client, signId: string) =>
    (await c.call<RevisionSummary[]>('designs:list-revisions-sign', { signId })).map((r) => [
      r.number,
      r.inputHash,
    ]);

  it('A adds a sign while B designs another sign offline: both arrive, no conflict', async () => {
    const a = await signedInClient(server, userA);
    const b = await signedInClient(server, userB);
    try {
      const p = await a.call<Project>('projects:create', { name: 'Gas station' });
      const s1 = firstSignId(p.id);
      await a.call('designs:save-revision', { projectId: p.id, input: w16, note: 'pylon from A' });
      await syncOk(a);
      await syncOk(b);
      // B made the same first sign from the project id, with A's revision on it
      expect(await schedule(b, p.id)).toEqual([
        { id: s1, mark: 'S1', name: '', quantity: 1, revisionNumber: 1 },
      ]);

      // offline on both: A adds the monuments (x 2) and designs them, B revises the pylon
      const s2 = await a.call<Sign>('signs:add', {
        projectId: p.id,
        name: 'monument',
        quantity: 2,
      });
      const aRev = await a.call<RevisionSummary>('designs:save-revision-sign', {
        signId: s2.id,
        input: windy(130),
      });
      // renamed after its revision was saved: the sign record comes after the revision in a pull
      await a.call('signs:update', { signId: s2.id, patch: { name: 'monument north' } });
      const bRev = await b.call<RevisionSummary>('designs:save-revision-sign', {
        signId: s1,
        input: windy(140),
        note: 'pylon from B',
      });
      expect([aRev.number, bRev.number]).toEqual([1, 2]);

      await syncOk(a);
      await syncOk(b);
      await syncOk(a);
      const expected = [
        { id: s1, mark: 'S1', name: '', quantity: 1, revisionNumber: 2 },
        { id: s2.id, mark: 'S2', name: 'monument north', quantity: 2, revisionNumber: 1 },
      ];
      expect(await schedule(a, p.id)).toEqual(expected);
      expect(await schedule(b, p.id)).toEqual(expected);
      for (const c of [a, b]) {
        expect(await numbers(c, s1)).toEqual([
          [2, bRev.inputHash],
          [1, expect.any(String)],
        ]);
        expect(await numbers(c, s2.id)).toEqual([[1, aRev.inputHash]]);
        expect(await c.call<ConflictViewT[]>('sync:conflicts')).toEqual([]);
      }
    } finally {
      a.close();
      b.close();
    }
  });

  it('a removed sign reaches the other laptop as a tombstone (to its trash), and a restore follows', async () => {
    const a = await signedInClient(server, userA);
    const b = await signedInClient(server, userB);
    try {
      const p = await a.call<Project>('projects:create', { name: 'Shopping center' });
      const panel = await a.call<Sign>('signs:add', { projectId: p.id, name: 'tenant panel' });
      await a.call('designs:save-revision-sign', { signId: panel.id, input: w16 });
      await syncOk(a);
      await syncOk(b);
      expect((await schedule(b, p.id)).map((s) => s.mark)).toEqual(['S1', 'S2']);

      await a.call('signs:remove', { signId: panel.id });
      await syncOk(a);
      await syncOk(b);
      expect((await schedule(b, p.id)).map((s) => s.mark)).toEqual(['S1']);
      expect((await schedule(b, p.id, true)).map((s) => [s.mark, s.revisionNumber])).toEqual([
        ['S2', 1],
      ]);

      await a.call('signs:restore', { signId: panel.id });
      await syncOk(a);
      await syncOk(b);
      expect((await schedule(b, p.id)).map((s) => s.mark)).toEqual(['S1', 'S2']);
      expect(await b.call('sync:conflicts')).toEqual([]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('edits of one sign on both laptops merge by field; the same field on both is asked', async () => {
    const a = await signedInClient(server, userA);
    const b = await signedInClient(server, userB);
    try {
      const p = await a.call<Project>('projects:create', { name: 'Bank campus' });
      const s2 = await a.call<Sign>('signs:add', { projectId: p.id, name: 'monument' });
      await syncOk(a);
      await syncOk(b);
      // different fields: merged without asking
      await a.call('signs:update', { signId: s2.id, patch: { quantity: 3 } });
      await b.call('signs:update', { signId: s2.id, patch: { name: 'monument east' } });
      await syncOk(a);
      await syncOk(b);
      await syncOk(a);
      for (const c of [a, b]) {
        expect(await c.call('sync:conflicts')).toEqual([]);
        const [, sign] = await schedule(c, p.id);
        expect(sign).toMatchObject({ name: 'monument east', quantity: 3 });
      }
      // the same field: B is asked, naming it as the form does
      await a.call('signs:update', { signId: s2.id, patch: { quantity: 4 } });
      await b.call('signs:update', { signId: s2.id, patch: { quantity: 5 } });
      await syncOk(a);
      await syncOk(b);
      const conflicts = await b.call<ConflictViewT[]>('sync:conflicts');
      expect(conflicts.map((c) => [c.entity, c.fields])).toEqual([
        ['sign', [{ path: 'quantity', label: 'Quantity', mine: 5, theirs: 4, base: 3 }]],
      ]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('a laptop that first syncs after the project was edited gets its signs and designs too', async () => {
    const a = await signedInClient(server, userA);
    const c = await signedInClient(server, userB);
    try {
      const p = await a.call<Project>('projects:create', { name: 'Depot' });
      const s2 = await a.call<Sign>('signs:add', { projectId: p.id, name: 'directional' });
      await a.call('designs:save-revision-sign', { signId: s2.id, input: w16 });
      await syncOk(a);
      // the project's latest change now comes after its sign and revision in a pull
      await a.call('projects:update', { id: p.id, patch: { name: 'Depot (rev)' } });
      await syncOk(a);
      await syncOk(c);
      expect((await c.call<Project>('projects:get', { id: p.id })).name).toBe('Depot (rev)');
      expect((await schedule(c, p.id)).map((s) => [s.mark, s.name, s.revisionNumber])).toEqual([
        ['S1', '', null],
        ['S2', 'directional', 1],
      ]);
    } finally {
      a.close();
      c.close();
    }
  });

  it('design revisions the server got before signs (no signId) land on the first sign', async () => {
    // as a protocol-1 laptop pushed them: a project and two revisions naming only the project
    const projectId = randomUUID();
    const d = design(115);
    const revs = [randomUUID(), randomUUID()];
    const results = await pushOk(server, userA.token, [
      upsert('project', projectId, 0, { name: 'Before signs', status: 'draft' }),
      ...revs.map((id, i) =>
        upsert('design', id, 0, {
          projectId,
          number: i + 1,
          note: '',
          input: d.input,
          result: d.result,
          engineVersion: d.result.engineVersion,
          inputHash: d.result.inputHash,
        }),
      ),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const c = await signedInClient(server, userB);
    try {
      await syncOk(c);
      expect(await schedule(c, projectId)).toEqual([
        { id: firstSignId(projectId), mark: 'S1', name: '', quantity: 1, revisionNumber: 2 },
      ]);
      const listed = await c.call<RevisionSummary[]>('designs:list-revisions', { projectId });
      expect(listed.map((r) => [r.id, r.number, r.inputHash])).toEqual([
        [revs[1], 2, d.result.inputHash],
        [revs[0], 1, d.result.inputHash],
      ]);
    } finally {
      c.close();
    }
  });

  it('refuses a client of protocol 1 (one design per project) with "update"', async () => {
    const old = await server.api<{ error: { code: string; message: string } }>('/v1/sync/pull', {
      token: userA.token,
      headers: { 'x-signwright-protocol': '1' },
    });
    expect(old.status).toBe(426);
    expect(old.body.error.code).toBe('PROTOCOL_UNSUPPORTED');
    expect(old.body.error.message).toMatch(/Protocol 1 is no longer supported.*Update Signwright/);
  });

  it('a pull that would trash most of the signs here stops and asks first', async () => {
    // an organization of its own, so the share of removed signs is known exactly
    const ua = await server.createOrgAndUser({ name: 'Mass A' });
    const ub = await server.createOrgAndUser({ orgId: ua.orgId, name: 'Mass B' });
    const a = await signedInClient(server, ua);
    const b = await signedInClient(server, ub);
    try {
      const p = await a.call<Project>('projects:create', { name: 'Strip mall' });
      const added: Sign[] = [];
      for (let i = 0; i < 4; i++)
        added.push(await a.call<Sign>('signs:add', { projectId: p.id, name: `tenant ${i + 1}` }));
      await syncOk(a);
      await syncOk(b);
      expect(await schedule(b, p.id)).toHaveLength(5);
      for (const s of added) await a.call('signs:remove', { signId: s.id });
      await syncOk(a);
      // on B that is 4 of its 5 signs: nothing is applied until the estimator confirms
      const st = await b.call<SyncStatusView>('sync:now');
      expect(st.phase).toBe('needs-confirmation');
      expect(st.massDelete).toEqual({ count: 4, total: 5, what: 'signs' });
      expect(st.lastError).toBe(
        'The server would move 4 of your 5 signs to the trash. Nothing was changed; confirm to continue.',
      );
      expect(await schedule(b, p.id)).toHaveLength(5);
      const after = await b.call<SyncStatusView>('sync:confirm-deletes');
      expect(after.phase).toBe('idle');
      expect((await schedule(b, p.id)).map((s) => s.mark)).toEqual(['S1']);
      expect((await schedule(b, p.id, true)).map((s) => s.mark).sort()).toEqual([
        'S2',
        'S3',
        'S4',
        'S5',
      ]);
    } finally {
      a.close();
      b.close();
    }
  });
});
