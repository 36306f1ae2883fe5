import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent, Project } from '../../src-shared/projects';
import { freshMain } from '../helpers/main';

let m: ReturnType<typeof freshMain>;
beforeEach(() => {
  m = freshMain();
});
afterEach(() => m.close());

const create = (name: string, extra: Record<string, unknown> = {}) =>
  m.call<Project>('projects:create', { name, ...extra });

const count = (table: string) =>
  (m.services.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('projects: create, edit, validation', () => {
  it('creates a project with row, audit event and outbox row in one go', async () => {
    const p = await create('Main St pylon', {
      customer: {
        company: 'Acme Signs',
        contact: 'Ann',
        email: 'ann@acme.com',
        phone: '+1 (555) 010-2000',
      },
      siteAddress: '12 Main St, Springfield',
    });
    expect(p.status).toBe('draft');
    expect(p.customer.company).toBe('Acme Signs');
    expect(count('projects')).toBe(1);
    expect(count('audit_events')).toBe(1);
    expect(count('outbox')).toBe(1);
    const activity = await m.call<AuditEvent[]>('projects:activity', { id: p.id });
    expect(activity[0]).toMatchObject({
      action: 'project.created',
      actor: 'Test Estimator',
      before: null,
    });
  });

  it('refuses bad input with field-named messages and saves nothing', async () => {
    await expect(create('')).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { name: 'Project name is required' },
    });
    await expect(create('x'.repeat(500))).rejects.toMatchObject({
      fields: { name: 'Project name must be at most 200 characters' },
    });
    await expect(create('Ok', { customer: { email: 'not-an-email' } })).rejects.toMatchObject({
      fields: { 'customer.email': expect.stringContaining('valid email') },
    });
    expect(count('projects')).toBe(0);
    expect(count('audit_events')).toBe(0);
  });

  it('stores quotes, SQL-looking text, emoji and non-Latin text exactly', async () => {
    const names = [
      "Robert'); DROP TABLE projects;--",
      'Café “Zürich” 🚧',
      '東京タワー看板',
      'Δ sign \\ "quoted"',
    ];
    for (const n of names) await create(n);
    const list = await m.call<{ items: Project[] }>('projects:list', {});
    expect(list.items.map((p) => p.name).sort()).toEqual([...names].sort());
    const hit = await m.call<{ items: Project[] }>('projects:list', { query: "DROP TABLE'" });
    expect(hit.items.map((p) => p.name)).toEqual([names[0]]);
    expect(
      (await m.call<{ items: Project[] }>('projects:list', { query: '東京' })).items,
    ).toHaveLength(1);
    expect(
      (await m.call<{ items: Project[] }>('projects:list', { query: 'zurich' })).items,
    ).toHaveLength(1);
  });

  it('updates fields, bumps the version and keeps before/after in the audit trail', async () => {
    const p = await create('Old name');
    const u = await m.call<Project>('projects:update', {
      id: p.id,
      patch: { name: 'New name', notes: 'gate code 1234' },
    });
    expect(u).toMatchObject({ name: 'New name', notes: 'gate code 1234', version: 2 });
    const [last] = await m.call<AuditEvent[]>('projects:activity', { id: p.id });
    expect(last.action).toBe('project.updated');
    expect((last.before as Project).name).toBe('Old name');
    expect((last.after as Project).name).toBe('New name');
  });

  it('refuses a stale edit (expectedVersion) and keeps what was saved', async () => {
    const p = await create('Shared');
    await m.call('projects:update', { id: p.id, patch: { notes: 'first' } });
    await expect(
      m.call('projects:update', { id: p.id, patch: { notes: 'second' }, expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await m.call<Project>('projects:get', { id: p.id })).notes).toBe('first');
  });

  it('needs a profile before any change', async () => {
    const bare = freshMain({ profile: false });
    try {
      await expect(bare.call('projects:create', { name: 'x' })).rejects.toMatchObject({
        code: 'ILLEGAL_STATE',
      });
      await bare.call('profile:set', { name: 'Dana Field', initials: 'DF' });
      const p = await bare.call<Project>('projects:create', { name: 'x' });
      const [ev] = await bare.call<AuditEvent[]>('projects:activity', { id: p.id });
      expect(ev.actor).toBe('Dana Field');
    } finally {
      bare.close();
    }
  });
});

describe('status state machine', () => {
  it('walks draft -> estimating -> submitted -> accepted and refuses illegal moves', async () => {
    const p = await create('Bid');
    await expect(m.call('projects:transition', { id: p.id, to: 'accepted' })).rejects.toMatchObject(
      {
        code: 'ILLEGAL_STATE',
        message: expect.stringContaining('Allowed next: Estimating'),
      },
    );
    for (const to of ['estimating', 'submitted', 'accepted']) {
      expect((await m.call<Project>('projects:transition', { id: p.id, to })).status).toBe(to);
    }
    await expect(m.call('projects:transition', { id: p.id, to: 'draft' })).rejects.toMatchObject({
      message: expect.stringContaining('It is final'),
    });
    await expect(m.call('projects:transition', { id: p.id, to: 'bogus' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { to: expect.stringContaining('Status must be one of') },
    });
    expect((await m.call<Project>('projects:get', { id: p.id })).status).toBe('accepted');
  });

  it('undoes the latest status change only while it is the latest event', async () => {
    const p = await create('Undo me');
    await m.call('projects:transition', { id: p.id, to: 'estimating' });
    const [ev] = await m.call<AuditEvent[]>('projects:activity', { id: p.id });
    const undone = await m.call<Project>('projects:undo-transition', { id: p.id, eventId: ev.id });
    expect(undone.status).toBe('draft');
    await expect(
      m.call('projects:undo-transition', { id: p.id, eventId: ev.id }),
    ).rejects.toMatchObject({
      code: 'ILLEGAL_STATE',
    });
  });

  it('archives and restores from any state, keeping the status', async () => {
    const p = await create('Archive me');
    await m.call('projects:transition', { id: p.id, to: 'estimating' });
    await m.call('projects:archive', { id: p.id });
    expect((await m.call<{ items: Project[] }>('projects:list', {})).items).toHaveLength(0);
    const archived = await m.call<{ items: Project[] }>('projects:list', { view: 'archived' });
    expect(archived.items[0]).toMatchObject({ id: p.id, status: 'estimating' });
    await m.call('projects:unarchive', { id: p.id });
    expect((await m.call<{ items: Project[] }>('projects:list', {})).items[0].status).toBe(
      'estimating',
    );
  });
});

describe('trash', () => {
  it('soft-deletes into the trash and restores with everything intact', async () => {
    const p = await create('Trash me', { notes: 'keep these notes' });
    await m.call('projects:delete', { id: p.id });
    expect((await m.call<{ total: number }>('projects:list', {})).total).toBe(0);
    const trash = await m.call<{ items: Project[] }>('projects:list', { view: 'trash' });
    expect(trash.items.map((x) => x.id)).toEqual([p.id]);
    await expect(
      m.call('projects:update', { id: p.id, patch: { name: 'x' } }),
    ).rejects.toMatchObject({
      code: 'ILLEGAL_STATE',
    });
    const restored = await m.call<Project>('projects:restore', { id: p.id });
    expect(restored).toMatchObject({ deletedAt: null, notes: 'keep these notes' });
    expect(count('outbox')).toBe(3);
  });
});

describe('search, filter, sort', () => {
  it('finds by name, customer, address and notes; filters by status; newest first', async () => {
    let t = 0;
    const clock = freshMain({ now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, t++)).toISOString() });
    try {
      const a = await clock.call<Project>('projects:create', {
        name: 'Pylon at Oak Mall',
        customer: { company: 'Oakridge Retail' },
      });
      const b = await clock.call<Project>('projects:create', {
        name: 'Monument',
        siteAddress: '400 Birch Avenue',
      });
      const c = await clock.call<Project>('projects:create', {
        name: 'Gas station',
        notes: 'needs crane access from birch side',
      });
      const ids = async (q: Record<string, unknown>) =>
        (await clock.call<{ items: Project[] }>('projects:list', q)).items.map((p) => p.id);
      expect(await ids({})).toEqual([c.id, b.id, a.id]);
      expect(await ids({ query: 'oakr' })).toEqual([a.id]);
      expect(await ids({ query: 'birch' })).toEqual([c.id, b.id]);
      expect(await ids({ query: 'birch avenue' })).toEqual([b.id]);
      await clock.call('projects:transition', { id: a.id, to: 'estimating' });
      expect(await ids({ statuses: ['estimating'] })).toEqual([a.id]);
      expect(await ids({})).toEqual([a.id, c.id, b.id]);
      await clock.call('projects:update', {
        id: a.id,
        patch: { name: 'Pylon', customer: { company: 'Elm Co' } },
      });
      expect(await ids({ query: 'oakr' })).toEqual([]);
      expect(await ids({ query: 'elm' })).toEqual([a.id]);
      expect(await ids({ query: '"*)(' })).toEqual([a.id, c.id, b.id]);
    } finally {
      clock.close();
    }
  });
});

describe('audit chain', () => {
  it('verifies, refuses in-place edits, and detects tampering behind its back', async () => {
    const p = await create('Chain');
    await m.call('projects:update', { id: p.id, patch: { notes: 'n1' } });
    await m.call('projects:transition', { id: p.id, to: 'estimating' });
    expect(await m.call('audit:verify', {})).toEqual({ ok: true, checked: 3, brokenAtSeq: null });
    const db = m.services.sqlite;
    expect(() => db.prepare(`UPDATE audit_events SET actor = 'Mallory'`).run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare(`DELETE FROM audit_events`).run()).toThrow(/append-only/);
    // A tamperer who drops the guard and edits a row is caught by the hash chain.
    db.exec('DROP TRIGGER audit_events_no_update');
    db.prepare(`UPDATE audit_events SET after = replace(after, 'n1', 'n2') WHERE seq = 2`).run();
    expect(await m.call('audit:verify', {})).toEqual({ ok: false, checked: 2, brokenAtSeq: 2 });
  });
});

describe('the project list shows each job at a glance', () => {
  it('signs to build (quantities counted, the trash not) and the latest quoted total', async () => {
    const w16 = (await import('../fixtures/w16-sign.json')).default;
    const p = await create('Strip mall');
    const other = await create('Untouched');
    const [s1] = await m.call<{ id: string }[]>('signs:list', { projectId: p.id });
    await m.call('designs:save-revision-sign', { signId: s1.id, input: w16 });
    const s2 = await m.call<{ id: string }>('signs:add', { projectId: p.id, quantity: 2 });
    await m.call('designs:save-revision-sign', { signId: s2.id, input: w16 });
    const gone = await m.call<{ id: string }>('signs:add', { projectId: p.id, quantity: 5 });
    await m.call('signs:remove', { signId: gone.id });
    type Row = Project & { signsToBuild: number; quotedTotalCents: number | null };
    const row = async (id: string) =>
      (await m.call<{ items: Row[] }>('projects:list', {})).items.find((x) => x.id === id)!;
    expect(await row(p.id)).toMatchObject({ signsToBuild: 3, quotedTotalCents: null });
    expect(await row(other.id)).toMatchObject({ signsToBuild: 1, quotedTotalCents: null });

    await m.call('quotes:generate', { projectId: p.id });
    const q1 = await m.call<{ totalCents: number }>('quotes:save-revision', { projectId: p.id });
    expect((await row(p.id)).quotedTotalCents).toBe(q1.totalCents);
    // a second revision after a quantity change: the list follows the latest one
    await m.call('signs:update', { signId: s2.id, patch: { quantity: 3 } });
    await m.call('quotes:generate', { projectId: p.id });
    const q2 = await m.call<{ totalCents: number }>('quotes:save-revision', { projectId: p.id });
    expect(q2.totalCents).toBeGreaterThan(q1.totalCents);
    expect(await row(p.id)).toMatchObject({ signsToBuild: 4, quotedTotalCents: q2.totalCents });
  });
});
