import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestUser } from '../server/harness';
import { freshMain } from '../helpers/main';
import { BACKENDS, rows, signedInClient, startServer, syncOk } from './helpers';

describe.each(BACKENDS)('company details sync as the org record `company` ($name)', ({ pg }) => {
  let server: TestServer;
  let ann: TestUser;
  let ben: TestUser;
  beforeAll(async () => {
    server = await startServer(pg);
    ann = await server.createOrgAndUser({ name: 'Ann Estimator' });
    ben = await server.createOrgAndUser({ orgId: ann.orgId, name: 'Ben Field' });
  });
  afterAll(async () => server?.close());

  it('saved before sign-in is queued at sign-in with the org id; reaches B; one-sided edits merge', async () => {
    const a = freshMain();
    const b = await signedInClient(server, ben);
    try {
      await a.call('quotes:save-company', { name: 'Acme Signs', phone: '555 0100' });
      expect(rows(a, `SELECT 1 FROM outbox WHERE entity = 'company'`)).toEqual([]);
      await a.call('sync:sign-in', {
        serverUrl: server.url,
        email: ann.email,
        password: ann.password,
      });
      expect(
        rows<{ entity_id: string }>(a, `SELECT entity_id FROM outbox WHERE entity = 'company'`),
      ).toEqual([{ entity_id: ann.orgId }]);
      await syncOk(a);
      await syncOk(b);
      expect(await b.call('quotes:get-company')).toMatchObject({
        name: 'Acme Signs',
        phone: '555 0100',
      });
      // both change a different field: nothing asked, both kept
      await a.call('quotes:save-company', {
        ...(await a.call<object>('quotes:get-company')),
        name: 'Acme Signs Inc.',
      });
      await b.call('quotes:save-company', {
        ...(await b.call<object>('quotes:get-company')),
        phone: '555 0199',
      });
      await syncOk(a);
      await syncOk(b);
      await syncOk(a);
      expect(await b.call('sync:conflicts')).toEqual([]);
      for (const c of [a, b])
        expect(await c.call('quotes:get-company')).toMatchObject({
          name: 'Acme Signs Inc.',
          phone: '555 0199',
        });
    } finally {
      a.close();
      b.close();
    }
  });
});
