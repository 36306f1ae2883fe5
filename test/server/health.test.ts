import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ bodyLimitBytes: 64 * 1024 });
});
afterAll(() => t?.close());

describe(`health, docs and errors (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('reports liveness and readiness', async () => {
    expect((await t.api('/healthz', { protocol: false })).status).toBe(200);
    const ready = await t.api<{ ok: boolean; checks: Record<string, string> }>('/readyz', {
      protocol: false,
    });
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({ database: 'ok', s3: 'ok', databaseKind: t.dbKind });
  });

  it('serves the OpenAPI document with the sync routes', async () => {
    const doc = await t.api<{ paths: Record<string, unknown> }>('/docs/json', { protocol: false });
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/sync/push', '/v1/sync/pull', '/v1/attachments/presign']),
    );
  });

  it('answers unknown routes and oversized bodies with JSON errors', async () => {
    const missing = await t.api<{ error: { code: string } }>('/v1/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const big = await t.api<{ error: { code: string } }>('/v1/auth/login', {
      method: 'POST',
      body: { email: 'a@b.co', password: 'x'.repeat(100 * 1024) },
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('reports not ready when S3 is unreachable', async () => {
    // Own server: stopping its s3rver must not disturb the other tests of this file.
    const s = await startTestServer({ pg: false });
    try {
      await s.server.localS3?.close();
      const ready = await s.api<{ ok: boolean; checks: Record<string, string> }>('/readyz', {
        protocol: false,
      });
      expect(ready.status).toBe(503);
      expect(ready.body.checks).toMatchObject({ database: 'ok', s3: 'unavailable' });
    } finally {
      await s.close();
    }
  });
});
