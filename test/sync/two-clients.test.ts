import { createHash, randomBytes } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { auditEvents } from '../../src-server/db/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentInfoT, ConflictViewT, SyncStatusView } from '../../src-shared/sync/client';
import type { Revision } from '../../src-shared/designs';
import { designVerdict } from '../../src-shared/engine';
import type { Project } from '../../src-shared/projects';
import { initialsOf } from '../../src-main/services/sync/sign-in';
import type { TestServer, TestUser } from '../server/harness';
import w16 from '../fixtures/w16-sign.json';
import { BACKENDS, rows, signedInClient, startServer, syncOk, type Client } from './helpers';

describe.each(BACKENDS)('two clients through the real server ($name)', ({ pg }) => {
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

  const pair = async () =>
    [await signedInClient(server, userA), await signedInClient(server, userB)] as const;
  const project = (c: Client, id: string) => c.call<Project>('projects:get', { id });

  it('signing in keeps the local profile, fills an empty one from the server user, never shows the token', async () => {
    const [a, b] = await pair();
    const fresh = await signedInClient(server, userA, { profile: false });
    try {
      // the estimator's own name and initials stay (signing in once turned them into "A(A")
      expect(await a.call('profile:get')).toEqual({ name: 'Test Estimator', initials: 'TE' });
      expect(await fresh.call('profile:get')).toEqual({ name: 'Ann Estimator', initials: 'AE' });
      expect(initialsOf('Ann (Acme) Lee')).toBe('AAL');
      const st = await a.call<SyncStatusView>('sync:status');
      expect(st.user?.email).toBe(userA.email);
      expect(JSON.stringify(st)).not.toContain(userA.token.slice(0, 10));
      await expect(
        b.call('sync:sign-in', { serverUrl: server.url, email: userB.email, password: 'wrong' }),
      ).rejects.toMatchObject({ fields: { password: 'The email or password is not right.' } });
    } finally {
      a.close();
      b.close();
      fresh.close();
    }
  });

  it('the badge: a project synced, then only one of its designs changed, reads pending', async () => {
    const [a, b] = await pair();
    try {
      const states = async (ids: string[]) =>
        a.call<Record<string, string>>('sync:states', { ids });
      const p = await a.call<Project>('projects:create', { name: 'Badge pylon' });
      const q = await a.call<Project>('projects:create', { name: 'Untouched pylon' });
      await syncOk(a);
      expect(await states([p.id, q.id])).toEqual({ [p.id]: 'synced', [q.id]: 'synced' });
      await a.call('designs:save-revision', { projectId: p.id, input: w16 });
      expect(await states([p.id, q.id])).toEqual({ [p.id]: 'pending', [q.id]: 'synced' });
      expect(await states([])).toEqual({});
    } finally {
      a.close();
      b.close();
    }
  });

  it('edits on A appear on B, with design revisions', async () => {
    const [a, b] = await pair();
    try {
      const p = await a.call<Project>('projects:create', {
        name: 'Harbor pylon',
        customer: { company: 'Harbor Bank' },
      });
      await a.call('designs:save-revision', { projectId: p.id, input: w16, note: 'from A' });
      expect((await a.call<Record<string, string>>('sync:states', { ids: [p.id] }))[p.id]).toBe(
        'pending',
      );
      await syncOk(a);
      expect((await a.call<Record<string, string>>('sync:states', { ids: [p.id] }))[p.id]).toBe(
        'synced',
      );
      await syncOk(b);
      expect(await project(b, p.id)).toMatchObject({
        name: 'Harbor pylon',
        customer: { company: 'Harbor Bank' },
      });
      const revs = await b.call<{ pole: string; note: string }[]>('designs:list-revisions', {
        projectId: p.id,
      });
      expect(revs).toMatchObject([{ pole: 'Pipe 6 Std.', note: 'from A' }]);
      const activity = await b.call<{ action: string }[]>('projects:activity', { id: p.id });
      expect(activity.map((e) => e.action)).toContain('project.received-new');
      // B edits, A receives
      await b.call('projects:update', { id: p.id, patch: { notes: 'gate code 4411' } });
      await syncOk(b);
      await syncOk(a);
      expect((await project(a, p.id)).notes).toBe('gate code 4411');
    } finally {
      a.close();
      b.close();
    }
  });

  it('edits to different fields on both laptops merge by themselves (three-way), nothing asked', async () => {
    const [a, b] = await pair();
    try {
      const p = await a.call<Project>('projects:create', { name: 'Oak sign', notes: 'base' });
      await syncOk(a);
      await syncOk(b);
      await a.call('projects:update', { id: p.id, patch: { notes: 'notes by A' } });
      await b.call('projects:update', { id: p.id, patch: { name: 'Oak Street sign' } });
      await syncOk(a);
      await syncOk(b);
      expect(await b.call('sync:conflicts')).toEqual([]);
      await syncOk(a);
      for (const c of [a, b])
        expect(await project(c, p.id)).toMatchObject({
          name: 'Oak Street sign',
          notes: 'notes by A',
        });
      const activity = await b.call<{ action: string; actor: string }[]>('projects:activity', {
        id: p.id,
      });
      expect(activity.find((e) => e.action === 'sync.conflict-resolved')?.actor).toBe(
        'Sync (automatic merge)',
      );
    } finally {
      a.close();
      b.close();
    }
  });

  it('the same field changed on both laptops is asked about, with the form label, who and when', async () => {
    const [a, b] = await pair();
    try {
      const p = await a.call<Project>('projects:create', {
        name: 'Oak sign',
        customer: { contact: 'Base contact' },
        notes: 'base',
      });
      await syncOk(a);
      await syncOk(b);
      await a.call('projects:update', {
        id: p.id,
        patch: { customer: { contact: 'Contact by A' }, notes: 'notes by A' },
      });
      await b.call('projects:update', {
        id: p.id,
        patch: { name: 'Oak Street sign', customer: { contact: 'Contact by B' } },
      });
      await syncOk(a);
      await syncOk(b);
      const conflicts = await b.call<ConflictViewT[]>('sync:conflicts');
      expect(conflicts).toHaveLength(1);
      // only the field both changed is asked; the one-sided ones merge by themselves
      expect(conflicts[0].fields).toEqual([
        {
          path: 'customer.contact',
          label: 'Customer contact',
          mine: 'Contact by B',
          theirs: 'Contact by A',
          base: 'Base contact',
        },
      ]);
      expect(conflicts[0].merged?.map((m) => [m.label, m.side])).toEqual([
        ['Project name', 'mine'],
        ['Notes', 'theirs'],
      ]);
      expect(conflicts[0].theirsAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect((await b.call<Record<string, string>>('sync:states', { ids: [p.id] }))[p.id]).toBe(
        'conflict',
      );
      // until resolved, B's local copy is B's
      expect((await project(b, p.id)).name).toBe('Oak Street sign');
      await b.call('sync:resolve', {
        id: conflicts[0].id,
        choice: 'merge',
        picks: { 'customer.contact': 'theirs' },
      });
      await syncOk(b);
      await syncOk(a);
      for (const c of [a, b])
        expect(await project(c, p.id)).toMatchObject({
          name: 'Oak Street sign',
          notes: 'notes by A',
          customer: { contact: 'Contact by A' },
        });
      expect(await b.call('sync:conflicts')).toEqual([]);
      await syncOk(a);
      await syncOk(b);
      expect(await a.call('sync:conflicts')).toEqual([]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('deletes propagate (to the trash), and a mass delete stops and asks first', async () => {
    // an organization of its own, so the share of deleted projects is known exactly
    const ua = await server.createOrgAndUser({ name: 'Del A' });
    const ub = await server.createOrgAndUser({ orgId: ua.orgId, name: 'Del B' });
    const a = await signedInClient(server, ua);
    const b = await signedInClient(server, ub);
    try {
      const ps = [];
      for (let i = 0; i < 5; i++)
        ps.push(await a.call<Project>('projects:create', { name: `Mass ${i}` }));
      await syncOk(a);
      await syncOk(b);
      await a.call('projects:delete', { id: ps[0].id });
      await syncOk(a);
      await syncOk(b);
      expect((await project(b, ps[0].id)).deletedAt).not.toBeNull();
      // now A trashes all four remaining: on B that is every active project, so B asks first
      expect(
        rows<{ n: number }>(b, 'SELECT count(*) AS n FROM projects WHERE deleted_at IS NULL')[0].n,
      ).toBe(4);
      const toTrash = ps.slice(1).map((p) => p.id);
      for (const id of toTrash) await a.call('projects:delete', { id });
      await syncOk(a);
      const st = await b.call<SyncStatusView>('sync:now');
      expect(st.phase).toBe('needs-confirmation');
      expect(st.massDelete).toEqual({ count: 4, total: 4, what: 'projects' });
      for (const id of toTrash) expect((await project(b, id)).deletedAt).toBeNull();
      const after = await b.call<SyncStatusView>('sync:confirm-deletes');
      expect(after.phase).toBe('idle');
      for (const id of toTrash) expect((await project(b, id)).deletedAt).not.toBeNull();
    } finally {
      a.close();
      b.close();
    }
  });

  it('submits through the server once, even when retried', async () => {
    const [a, b] = await pair();
    try {
      const p = await a.call<Project>('projects:create', { name: 'Submit me' });
      await a.call('projects:transition', { id: p.id, to: 'estimating' });
      await a.call('projects:transition', { id: p.id, to: 'submitted' });
      expect(
        rows<{ op: string }>(a, `SELECT op FROM outbox WHERE entity_id = ? ORDER BY seq`, p.id).map(
          (r) => r.op,
        ),
      ).toEqual(['upsert', 'upsert', 'submit']);
      await syncOk(a);
      await syncOk(a);
      await syncOk(b);
      expect((await project(b, p.id)).status).toBe('submitted');
      // counted on the server: exactly one submit audit event for this project
      const events = await server.server.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, p.id), like(auditEvents.action, '%submit%')));
      expect(events).toHaveLength(1);
    } finally {
      a.close();
      b.close();
    }
  });

  it('repair sync re-pulls everything and keeps unsent local work', async () => {
    const [a, b] = await pair();
    try {
      const p = await a.call<Project>('projects:create', { name: 'Repair me' });
      await syncOk(a);
      await syncOk(b);
      // B loses track (a damaged cursor/versions) and has an unsent edit on another project
      b.services.sqlite.prepare('DELETE FROM sync_entities').run();
      b.services.sqlite.prepare(`UPDATE projects SET name = 'damaged' WHERE id = ?`).run(p.id);
      const mine = await b.call<Project>('projects:create', { name: 'Unsent on B' });
      const st = await b.call<SyncStatusView>('sync:repair');
      expect(st.phase).toBe('idle');
      expect((await project(b, p.id)).name).toBe('Repair me');
      await syncOk(a);
      expect((await project(a, mine.id)).name).toBe('Unsent on B');
    } finally {
      a.close();
      b.close();
    }
  });

  it('price book versions and quote revisions reach B; a status change follows', async () => {
    const [a, b] = await pair();
    try {
      const p = await a.call<Project>('projects:create', { name: 'Quoted pylon' });
      // a quote is sent only with the company's details on it (issue 13)
      await a.call('quotes:save-company', {
        name: 'A',
        address: 'B',
        phone: '1',
        email: 'a@b.test',
      });
      const rev = await a.call<{ id: string }>('designs:save-revision', {
        projectId: p.id,
        input: w16,
      });
      await a.call('quotes:generate', { projectId: p.id, designRevisionId: rev.id });
      const q = await a.call<{ id: string; totalCents: number }>('quotes:save-revision', {
        projectId: p.id,
        note: 'first offer',
      });
      await syncOk(a);
      await syncOk(b);
      const onB = await b.call<{ id: string; totalCents: number; status: string }[]>(
        'quotes:list-revisions',
        { projectId: p.id },
      );
      expect(onB).toMatchObject([{ id: q.id, totalCents: q.totalCents, status: 'draft' }]);
      await a.call('quotes:set-status', { id: q.id, to: 'sent' });
      await syncOk(a);
      await syncOk(b);
      expect(
        (await b.call<{ status: string }[]>('quotes:list-revisions', { projectId: p.id }))[0]
          .status,
      ).toBe('sent');
    } finally {
      a.close();
      b.close();
    }
  });

  it('a quote of a failing design reaches B with who acknowledged it, for what, at generate and send', async () => {
    const [a, b] = await pair();
    try {
      const p = await a.call<Project>('projects:create', { name: 'Windy Point pylon' });
      await a.call('quotes:save-company', {
        name: 'Brightline Signs LLC',
        address: '12 Foundry Lane, Tulsa OK',
        phone: '918-555-0100',
        email: 'quotes@brightline.test',
      });
      // 180 mph, Exposure D, a 20 x 10 ft cabinet 20 ft up on pipe only: no pipe passes
      const rev = await a.call<{ id: string }>('designs:save-revision', {
        projectId: p.id,
        input: {
          site: { windSpeedMph: 180, exposure: 'D' },
          sign: { clearanceFt: 20, cabinets: [{ widthFt: 20, heightFt: 10 }] },
          supports: { families: ['pipe'] },
          foundation: { diameterFt: 3 },
        },
      });
      const refused = await a
        .call('quotes:generate', { projectId: p.id, designRevisionId: rev.id })
        .catch((e: { message: string }) => e.message);
      expect(refused).toMatch(/needs your explicit acknowledgement/);
      const { result } = await a.call<Revision>('designs:get-revision', { id: rev.id });
      const { reasons } = designVerdict(result);
      await a.call('quotes:generate', {
        projectId: p.id,
        designRevisionId: rev.id,
        acknowledge: { reasons },
      });
      const q = await a.call<{ id: string }>('quotes:save-revision', { projectId: p.id });
      await a.call('quotes:set-status', { id: q.id, to: 'sent', acknowledge: { reasons } });
      await syncOk(a);
      await syncOk(b);
      const onB = await b.call<{
        status: string;
        acknowledgements: { kind: string; by: string; reasons: string[] }[];
      }>('quotes:get-revision', { id: q.id });
      expect(onB.status).toBe('sent');
      expect(onB.acknowledgements.map((x) => [x.kind, x.by])).toEqual([
        ['generate', 'Test Estimator'],
        ['send', 'Test Estimator'],
      ]);
      expect(onB.acknowledgements[0].reasons).toEqual(reasons);
    } finally {
      a.close();
      b.close();
    }
  });

  it('a file added on A uploads, appears on B, downloads on demand with the right SHA-256', async () => {
    const [a, b] = await pair();
    try {
      const p = await a.call<Project>('projects:create', { name: 'Photo site' });
      const bytes = randomBytes(300_000);
      const att = await a.call<AttachmentInfoT>('attachments:import', {
        projectId: p.id,
        fileName: 'site.bin',
        contentType: 'application/octet-stream',
        base64: bytes.toString('base64'),
      });
      expect(att.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      await syncOk(a);
      expect(
        (await a.call<AttachmentInfoT[]>('attachments:list', { projectId: p.id }))[0].uploaded,
      ).toBe(true);
      await syncOk(b);
      const onB = await b.call<AttachmentInfoT[]>('attachments:list', { projectId: p.id });
      expect(onB).toMatchObject([{ id: att.id, fileName: 'site.bin', present: false }]);
      await expect(b.call('attachments:read', { id: att.id })).rejects.toMatchObject({
        code: 'ILLEGAL_STATE',
      });
      const got = await b.call<AttachmentInfoT>('attachments:download', { id: att.id });
      expect(got.present).toBe(true);
      const read = await b.call<{ base64: string }>('attachments:read', { id: att.id });
      expect(createHash('sha256').update(Buffer.from(read.base64, 'base64')).digest('hex')).toBe(
        att.sha256,
      );
    } finally {
      a.close();
      b.close();
    }
  });
});
