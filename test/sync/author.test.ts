import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src-shared/projects';
import type { ConflictViewT } from '../../src-shared/sync/client';
import type { TestServer, TestUser } from '../server/harness';
import { BACKENDS, signedInClient, startServer, syncOk } from './helpers';

/** Pulled changes carry their `author` (src-shared/sync/protocol.ts), filled by the server. */
describe.each(BACKENDS)('the author of a pulled change ($name)', ({ pg }) => {
  let server: TestServer;
  let ann: TestUser;
  let ben: TestUser;
  beforeAll(async () => {
    server = await startServer(pg);
    ann = await server.createOrgAndUser({ name: 'Ann Estimator' });
    ben = await server.createOrgAndUser({ orgId: ann.orgId, name: 'Ben Field' });
  });
  afterAll(async () => server?.close());

  it('is the actor in Activity and the "theirs" of a conflict, with when', async () => {
    const a = await signedInClient(server, ann);
    const b = await signedInClient(server, ben);
    try {
      const p = await a.call<Project>('projects:create', { name: 'Authored', notes: 'v1' });
      await syncOk(a);
      await syncOk(b);
      const activity = await b.call<{ action: string; actor: string }[]>('projects:activity', {
        id: p.id,
      });
      expect(activity.find((e) => e.action === 'project.received-new')?.actor).toBe(
        'Ann Estimator',
      );
      expect(activity.some((e) => e.actor === 'Sync (from server)')).toBe(false);
      // both change the notes: B's inbox says Ann changed theirs, and when
      await a.call('projects:update', { id: p.id, patch: { notes: 'by Ann' } });
      await syncOk(a);
      await b.call('projects:update', { id: p.id, patch: { notes: 'by Ben' } });
      await syncOk(b);
      const [c] = await b.call<ConflictViewT[]>('sync:conflicts');
      expect(c.theirsBy).toBe('Ann Estimator');
      expect(c.theirsAt).toMatch(/^\d{4}-/);
      expect(c.fields.map((f) => [f.label, f.mine, f.theirs])).toEqual([
        ['Notes', 'by Ben', 'by Ann'],
      ]);
    } finally {
      a.close();
      b.close();
    }
  });
});
