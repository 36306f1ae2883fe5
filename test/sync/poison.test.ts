import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src-shared/projects';
import type { SyncStatusView } from '../../src-shared/sync/client';
import type { TestServer, TestUser } from '../server/harness';
import w16 from '../fixtures/w16-sign.json';
import { BACKENDS, rows, signedInClient, startServer, syncOk, type Client } from './helpers';

/**
 * A record the server cannot take must never stop the rest of an organization's sync. The queued
 * payloads below are written straight into the outbox, as data saved before the text rules (or by
 * an older build) would be: the client must isolate the record, park it with its reason where the
 * user sees it, and send everything else.
 */
describe.each(BACKENDS)('a refused or poisoned record on laptop A ($name)', ({ pg }) => {
  let server: TestServer;
  let userA: TestUser;
  let userB: TestUser;
  beforeAll(async () => {
    server = await startServer(pg);
    userA = await server.createOrgAndUser({ name: 'Ann Estimator' });
    userB = await server.createOrgAndUser({ orgId: userA.orgId, name: 'Ben Field' });
  });
  afterAll(async () => server?.close());

  const names = (c: Client) =>
    rows<{ name: string }>(c, 'SELECT name FROM projects ORDER BY name').map((r) => r.name);

  it('a NUL in a queued project name: the other 50 edits reach B, A shows the parked one, a rename recovers', async () => {
    const a = await signedInClient(server, userA);
    const b = await signedInClient(server, userB);
    try {
      const bad = await a.call<Project>('projects:create', { name: 'Harbor Bank' });
      // as stored by a build before the text rules
      a.services.sqlite
        .prepare(
          `UPDATE outbox SET data = json_set(data, '$.name', 'Harbor' || char(0) || 'Bank') WHERE entity_id = ?`,
        )
        .run(bad.id);
      for (let i = 0; i < 50; i++)
        await a.call('projects:create', { name: `Normal ${String(i).padStart(2, '0')}` });
      const st = await a.call<SyncStatusView>('sync:now');
      expect(st.pending).toBe(0);
      expect(st.parked).toHaveLength(1);
      expect(st.parked[0]).toMatchObject({
        entity: 'project',
        entityId: bad.id,
        title: 'Project “Harbor Bank”',
      });
      expect(st.parked[0].error).toMatch(/server/i);
      await syncOk(b);
      expect(names(b)).toHaveLength(50);
      expect(names(b)[0]).toBe('Normal 00');
      // later syncs stay quiet and keep it parked (never resent in a loop)
      expect((await syncOk(a)).parked).toHaveLength(1);
      // the user fixes it by renaming: the new version syncs and the parked one is gone
      await a.call('projects:update', { id: bad.id, patch: { name: 'Harbor Bank pylon' } });
      const fixed = await syncOk(a);
      expect(fixed.parked).toEqual([]);
      await syncOk(b);
      expect(names(b)).toContain('Harbor Bank pylon');
    } finally {
      a.close();
      b.close();
    }
  });

  it('a change the server rejects is parked with its reason; the rest flows; "Discard my change" drops it', async () => {
    const a = await signedInClient(server, userA);
    const b = await signedInClient(server, userB);
    try {
      const p = await a.call<Project>('projects:create', { name: 'Rejected design home' });
      await syncOk(a);
      const rev = await a.call<{ id: string }>('designs:save-revision', {
        projectId: p.id,
        input: w16,
      });
      // a design whose project the server does not know (rejected today: PROJECT_NOT_FOUND)
      a.services.sqlite
        .prepare(
          `UPDATE outbox SET data = json_set(data, '$.projectId', '00000000-0000-4000-8000-000000000001') WHERE entity_id = ?`,
        )
        .run(rev.id);
      const after = await a.call<Project>('projects:create', { name: 'After the rejected one' });
      const st = await a.call<SyncStatusView>('sync:now');
      expect(st.phase).toBe('idle');
      expect(st.parked).toEqual([
        expect.objectContaining({ entity: 'design', entityId: rev.id, code: 'PROJECT_NOT_FOUND' }),
      ]);
      expect(st.parked[0].error).toContain('projectId');
      await syncOk(b);
      expect((await b.call<Project>('projects:get', { id: after.id })).name).toBe(
        'After the rejected one',
      );
      const gone = await a.call<SyncStatusView>('sync:discard-parked', {
        entity: 'design',
        entityId: rev.id,
      });
      expect(gone.parked).toEqual([]);
      expect(rows(a, `SELECT 1 FROM outbox WHERE entity_id = ?`, rev.id)).toEqual([]);
      // the discarded payload is kept in the audit trail
      const audit = rows<{ action: string; before: string }>(
        a,
        `SELECT action, before FROM audit_events WHERE entity_id = ? AND action = 'sync.change-discarded'`,
        rev.id,
      );
      expect(audit).toHaveLength(1);
      expect(audit[0].before).toContain('00000000-0000-4000-8000-000000000001');
    } finally {
      a.close();
      b.close();
    }
  });

  it('discarding a parked edit brings in the change another laptop made meanwhile', async () => {
    const a = await signedInClient(server, userA);
    const b = await signedInClient(server, userB);
    try {
      const p = await a.call<Project>('projects:create', { name: 'Shared sign', notes: 'v1' });
      await syncOk(a);
      await syncOk(b);
      await b.call('projects:update', { id: p.id, patch: { name: 'Shared sign B' } });
      b.services.sqlite
        .prepare(
          `UPDATE outbox SET data = json_set(data, '$.name', 'Shared' || char(0)) WHERE entity_id = ?`,
        )
        .run(p.id);
      // alone in its batch, a 500 is retried once before the record is parked
      await b.call<SyncStatusView>('sync:now');
      expect((await b.call<SyncStatusView>('sync:now')).parked).toHaveLength(1);
      await a.call('projects:update', { id: p.id, patch: { notes: 'v2 from A' } });
      await syncOk(a);
      await syncOk(b); // held back behind the parked edit
      await b.call('sync:discard-parked', { entity: 'project', entityId: p.id });
      expect(await b.call<Project>('projects:get', { id: p.id })).toMatchObject({
        name: 'Shared sign',
        notes: 'v2 from A',
      });
      // and B is back in step: its next edit applies without a conflict
      await b.call('projects:update', { id: p.id, patch: { jurisdiction: 'Austin' } });
      await syncOk(b);
      expect(await b.call('sync:conflicts')).toEqual([]);
      await syncOk(a);
      expect((await a.call<Project>('projects:get', { id: p.id })).jurisdiction).toBe('Austin');
    } finally {
      a.close();
      b.close();
    }
  });

  it('a submit the server keeps failing on is parked after a second try; later work still goes out', async () => {
    // the real server, with its submit route failing as a crashing storage call would
    const failing: typeof fetch = async (input, init) =>
      String(input).includes('/submit')
        ? new Response(JSON.stringify({ error: { code: 'INTERNAL', message: 'boom' } }), {
            status: 500,
            headers: { 'content-type': 'application/json' },
          })
        : fetch(input, init);
    const a = await signedInClient(server, userA, { sync: { fetchImpl: failing } });
    const b = await signedInClient(server, userB);
    try {
      const p = await a.call<Project>('projects:create', { name: 'Submit fails' });
      await a.call('projects:transition', { id: p.id, to: 'estimating' });
      await a.call('projects:transition', { id: p.id, to: 'submitted' });
      const after = await a.call<Project>('projects:create', { name: 'Queued after the submit' });
      expect((await a.call<SyncStatusView>('sync:now')).phase).toBe('error');
      const st = await a.call<SyncStatusView>('sync:now');
      expect(st.phase).toBe('idle');
      expect(st.parked).toEqual([
        expect.objectContaining({ entity: 'project', entityId: p.id, code: 'INTERNAL' }),
      ]);
      expect(st.parked[0].error).toContain('The server failed to store this change 2 times');
      await syncOk(b);
      expect((await b.call<Project>('projects:get', { id: after.id })).name).toBe(
        'Queued after the submit',
      );
    } finally {
      a.close();
      b.close();
    }
  });

  it('"Repair sync" with a parked record finishes and keeps it parked, not stuck', async () => {
    const a = await signedInClient(server, userA);
    try {
      const p = await a.call<Project>('projects:create', { name: 'Repair poison' });
      a.services.sqlite
        .prepare(
          `UPDATE outbox SET data = json_set(data, '$.notes', 'x' || char(0)) WHERE entity_id = ?`,
        )
        .run(p.id);
      await a.call('projects:create', { name: 'Repair normal' });
      await a.call('sync:now');
      const st = await a.call<SyncStatusView>('sync:repair');
      expect(st.phase).toBe('idle');
      expect(st.pending).toBe(0);
      expect(st.parked.map((x) => x.entityId)).toEqual([p.id]);
      // deleting it (to the trash) is a new version too, and it syncs
      await a.call('projects:delete', { id: p.id });
      expect((await syncOk(a)).parked).toEqual([]);
    } finally {
      a.close();
    }
  });
});
