import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src-shared/projects';
import type { SyncStatusView } from '../../src-shared/sync/client';
import type { TestServer, TestUser } from '../server/harness';
import { BACKENDS, rows, signedInClient, startServer, syncOk, type Client } from './helpers';

type Json = Record<string, unknown>;
type Tamper = (path: string, body: Json) => Json;

/**
 * The sync client's inbound side (issue 14): every server answer is parsed with the shared
 * protocol schemas and every pulled record with its entity schema. Here a real server's answers
 * are rewritten on their way to laptop B: a record that fails is not applied and is listed on the
 * Sync screen with its reason while the rest of the page applies and the cursor moves on; an
 * answer that is nonsense as a whole changes nothing locally and is reported in the Sync status.
 */
describe.each(BACKENDS)('the sync client reads bad server answers safely ($name)', ({ pg }) => {
  let server: TestServer;
  let ann: TestUser;
  let ben: TestUser;
  beforeAll(async () => {
    server = await startServer(pg);
    ann = await server.createOrgAndUser({ name: 'Ann Estimator' });
    ben = await server.createOrgAndUser({ orgId: ann.orgId, name: 'Ben Field' });
  });
  afterAll(async () => server?.close());

  /** laptop B, whose answers pass through `tamper` (when set) */
  async function tamperedClient() {
    const box: { tamper: Tamper | null; served: { path: string; body: Json }[] } = {
      tamper: null,
      served: [],
    };
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await fetch(input, init);
      const path = new URL(String(input)).pathname;
      if (!box.tamper || !path.startsWith('/v1/sync/')) return res;
      const body = (await res.json()) as Json;
      box.served.push({ path, body });
      return new Response(JSON.stringify(box.tamper(path, structuredClone(body))), {
        status: res.status,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    const b = await signedInClient(server, ben, { sync: { fetchImpl } });
    return { b, box };
  }

  const cursor = (c: Client) =>
    rows<{ value: string }>(c, `SELECT value FROM settings WHERE key = 'sync.cursor'`)[0]?.value;
  const names = (c: Client) =>
    rows<{ name: string }>(c, 'SELECT name FROM projects ORDER BY name').map((r) => r.name);

  it('applies the good records of a page, lists the bad ones with their reason, moves on', async () => {
    const a = await signedInClient(server, ann);
    const { b, box } = await tamperedClient();
    try {
      const good = await a.call<Project>('projects:create', { name: 'Good one' });
      const badField = await a.call<Project>('projects:create', { name: 'Bad field' });
      const badEnvelope = await a.call<Project>('projects:create', { name: 'Bad envelope' });
      await syncOk(a);

      box.tamper = (path, body) => {
        if (path !== '/v1/sync/pull') return body;
        const changes = body.changes as Json[];
        for (const c of changes) {
          const data = c.data as Json | null;
          c.extraJunk = { from: 'a newer server' }; // extra keys are ignored
          if (c.id === good.id) data!.unknownField = 'ignored';
          if (c.id === badField.id) data!.name = 42;
          if (c.id === badEnvelope.id) c.version = 'seven';
        }
        return { ...body, junk: [1, 2, 3] };
      };
      const s = await syncOk(b);
      // the good record (and everything else on the page) applied; the two bad ones did not
      expect(names(b)).toContain('Good one');
      expect(names(b)).not.toContain('Bad field');
      expect(names(b)).not.toContain('Bad envelope');
      const refused = Object.fromEntries(s.refused.map((r) => [r.entityId, r]));
      expect(Object.keys(refused).sort()).toEqual([badField.id, badEnvelope.id].sort());
      expect(refused[badField.id]).toMatchObject({
        entity: 'project',
        field: 'name',
        fieldLabel: 'Project name',
        message: 'Project name must be text',
      });
      expect(refused[badField.id].version).toBeGreaterThan(0);
      expect(refused[badEnvelope.id]).toMatchObject({ entity: 'project', field: 'version' });
      expect(refused[badEnvelope.id].message).toMatch(/^version: /);
      // the cursor moved to the end of what the server sent: the page is not asked for again
      const lastPage = box.served.filter((x) => x.path === '/v1/sync/pull').at(-1)!.body;
      expect(cursor(b)).toBe(lastPage.nextCursor);
      expect(lastPage.hasMore).toBe(false);

      // a second sync neither loops nor applies anything twice; the list stays
      const pulls = box.served.length;
      const again = await syncOk(b);
      expect(box.served.length - pulls).toBe(1);
      expect(again.refused).toHaveLength(2);
      expect(
        rows(
          b,
          `SELECT 1 FROM audit_events WHERE entity_id = ? AND action = 'project.received-new'`,
          good.id,
        ),
      ).toHaveLength(1);

      // once the server sends a valid version of the record, it applies and leaves the list
      box.tamper = null;
      await a.call('projects:update', { id: badField.id, patch: { name: 'Bad field, fixed' } });
      await syncOk(a);
      const fixed = await syncOk(b);
      expect(names(b)).toContain('Bad field, fixed');
      expect(fixed.refused.map((r) => r.entityId)).toEqual([badEnvelope.id]);
      // "Repair sync" pulls everything again: the record the tampering hid arrives too
      const repaired = await b.call<SyncStatusView>('sync:repair');
      expect(repaired.phase).toBe('idle');
      expect(names(b)).toContain('Bad envelope');
      expect(repaired.refused).toEqual([]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('a page that is nonsense as a whole changes nothing and is reported', async () => {
    const a = await signedInClient(server, ann);
    const { b, box } = await tamperedClient();
    try {
      await syncOk(b);
      const before = { cursor: cursor(b), names: names(b) };
      await a.call<Project>('projects:create', { name: 'Arrives later' });
      await syncOk(a);

      box.tamper = (path, body) => (path === '/v1/sync/pull' ? { ...body, nextCursor: 12 } : body);
      let s = await b.call<SyncStatusView>('sync:now');
      expect(s.phase).toBe('error');
      expect(s.lastError).toContain('GET /v1/sync/pull');
      expect(s.lastError).toContain('nextCursor');
      expect({ cursor: cursor(b), names: names(b) }).toEqual(before);

      // "there is more" without moving the cursor would be asked for forever: refused
      box.tamper = (path, body) =>
        path === '/v1/sync/pull'
          ? { changes: [], hasMore: true, nextCursor: before.cursor ?? '0' }
          : body;
      s = await b.call<SyncStatusView>('sync:now');
      expect(s.phase).toBe('error');
      expect(s.lastError).toMatch(/nextCursor.*does not move past/);
      expect({ cursor: cursor(b), names: names(b) }).toEqual(before);

      box.tamper = null;
      await syncOk(b);
      expect(names(b)).toContain('Arrives later');
    } finally {
      a.close();
      b.close();
    }
  });

  it('a push answer that does not fit keeps the change queued, not lost or marked sent', async () => {
    const { b, box } = await tamperedClient();
    try {
      await syncOk(b);
      const p = await b.call<Project>('projects:create', { name: 'Queued on B' });
      box.tamper = (path, body) => {
        if (path !== '/v1/sync/push') return body;
        const results = body.results as Json[];
        return { results: results.map((r) => ({ ...r, version: 'one' })) };
      };
      const s = await b.call<SyncStatusView>('sync:now');
      expect(s.phase).toBe('error');
      expect(s.lastError).toContain('POST /v1/sync/push');
      expect(s.lastError).toContain('results.0');
      expect(s.pending).toBe(1);
      expect(s.parked).toEqual([]);
      expect(rows(b, 'SELECT 1 FROM outbox WHERE entity_id = ?', p.id)).toHaveLength(1);

      // the server did apply it; the resend is answered idempotently and settles the row
      box.tamper = null;
      const ok = await syncOk(b);
      expect(ok.pending).toBe(0);
      expect(rows(b, 'SELECT 1 FROM sync_conflicts')).toEqual([]);
    } finally {
      b.close();
    }
  });
});
