import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { authTokens } from '../../src-server/db/schema';
import { startTestServer, type TestServer, type TestUser } from './harness';
import { upsert } from './fixtures';

let t: TestServer;
let alice: TestUser;

beforeAll(async () => {
  t = await startTestServer();
  alice = await t.createOrgAndUser({ role: 'estimator', password: 'correct horse 1' });
});
afterAll(() => t?.close());

const login = (email: string, password: string) =>
  t.api<{ token: string; error?: { code: string } }>('/v1/auth/login', {
    method: 'POST',
    body: { email, password },
  });

describe(`auth (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('logs in with the right password and refuses a wrong one or unknown email', async () => {
    const ok = await login(alice.email.toUpperCase(), 'correct horse 1');
    expect(ok.status).toBe(200);
    expect(ok.body.token).toMatch(/^swt_/);
    const me = await t.api<{ id: string }>('/v1/me', { token: ok.body.token });
    expect(me.body.id).toBe(alice.userId);

    expect((await login(alice.email, 'wrong password')).status).toBe(401);
    expect((await login('nobody@example.test', 'whatever')).status).toBe(401);
  });

  it('stores only the SHA-256 of tokens', async () => {
    const rows = await t.server.database.db
      .select({ h: authTokens.tokenHash })
      .from(authTokens)
      .where(eq(authTokens.userId, alice.userId));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.h).toMatch(/^[0-9a-f]{64}$/);
      expect(r.h).not.toContain(alice.token);
    }
  });

  it('refuses missing, bad, expired and revoked tokens with 401', async () => {
    expect((await t.api('/v1/sync/pull')).status).toBe(401);
    expect((await t.api('/v1/sync/pull', { token: 'swt_not-a-token' })).status).toBe(401);
    expect((await t.api('/v1/sync/pull', { token: 'garbage' })).status).toBe(401);

    const u = await t.createOrgAndUser({ orgId: alice.orgId });
    expect((await t.api('/v1/sync/pull', { token: u.token })).status).toBe(200);
    await t.server.database.db
      .update(authTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(authTokens.userId, u.userId));
    const expired = await t.api<{ error: { code: string } }>('/v1/sync/pull', { token: u.token });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('UNAUTHORIZED');

    const fresh = (await login(alice.email, 'correct horse 1')).body.token;
    expect((await t.api('/v1/auth/logout', { method: 'POST', token: fresh })).status).toBe(200);
    expect((await t.api('/v1/sync/pull', { token: fresh })).status).toBe(401);
  });

  it('lets an admin revoke the tokens of a user of the same org only', async () => {
    const admin = await t.createOrgAndUser({ orgId: alice.orgId, role: 'admin' });
    const victim = await t.createOrgAndUser({ orgId: alice.orgId });
    const outsider = await t.createOrgAndUser({ role: 'estimator' });

    const forbidden = await t.api(`/v1/admin/users/${victim.userId}/revoke-tokens`, {
      method: 'POST',
      token: alice.token,
    });
    expect(forbidden.status).toBe(403);

    const other = await t.api(`/v1/admin/users/${outsider.userId}/revoke-tokens`, {
      method: 'POST',
      token: admin.token,
    });
    expect(other.status).toBe(404);
    expect((await t.api('/v1/me', { token: outsider.token })).status).toBe(200);

    const res = await t.api<{ revoked: number }>(`/v1/admin/users/${victim.userId}/revoke-tokens`, {
      method: 'POST',
      token: admin.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.revoked).toBe(1);
    expect((await t.api('/v1/me', { token: victim.token })).status).toBe(401);
  });

  it('answers malformed bodies with 400 naming the field', async () => {
    const bad = await t.api<{
      error: { code: string; message: string; fields: Record<string, string> };
    }>('/v1/sync/push', {
      method: 'POST',
      token: alice.token,
      body: { mutations: [{ ...upsert('project', crypto.randomUUID(), 0, {}), baseVersion: 'x' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION');
    expect(bad.body.error.fields).toHaveProperty(['body.mutations.0.baseVersion']);
    expect(bad.body.error.message).toContain('body.mutations.0.baseVersion');

    const badEntity = await t.api<{ error: { fields: Record<string, string> } }>('/v1/sync/push', {
      method: 'POST',
      token: alice.token,
      body: { mutations: [{ ...upsert('project', 'not-a-uuid', 0, {}) }] },
    });
    expect(badEntity.status).toBe(400);
    expect(Object.keys(badEntity.body.error.fields)).toContain('body.mutations.0.id');

    const notJson = await t.api<{ error: { code: string } }>('/v1/sync/push', {
      method: 'POST',
      token: alice.token,
      body: '{"mutations": [',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('VALIDATION');

    const login400 = await t.api<{ error: { fields: Record<string, string> } }>('/v1/auth/login', {
      method: 'POST',
      body: { email: 'not-an-email', password: 'x' },
    });
    expect(login400.status).toBe(400);
    expect(login400.body.error.fields).toHaveProperty(['body.email']);
  });

  it('refuses a push from the field role (read and attach only)', async () => {
    const field = await t.createOrgAndUser({ orgId: alice.orgId, role: 'field' });
    const res = await t.api('/v1/sync/push', {
      method: 'POST',
      token: field.token,
      body: { mutations: [upsert('project', crypto.randomUUID(), 0, { name: 'x' })] },
    });
    expect(res.status).toBe(403);
    expect((await t.api('/v1/sync/pull', { token: field.token })).status).toBe(200);
  });

  it('answers 426 for a missing, old or unknown protocol header', async () => {
    const missing = await t.api<{ error: { code: string; message: string } }>('/v1/sync/pull', {
      token: alice.token,
      protocol: false,
    });
    expect(missing.status).toBe(426);
    expect(missing.body.error.code).toBe('PROTOCOL_UNSUPPORTED');
    expect(missing.body.error.message).toMatch(/x-signwright-protocol/);
    const old = await t.api('/v1/sync/pull', {
      token: alice.token,
      headers: { 'x-signwright-protocol': '0' },
    });
    expect(old.status).toBe(426);
    const newer = await t.api('/v1/sync/pull', {
      token: alice.token,
      headers: { 'x-signwright-protocol': '99' },
    });
    expect(newer.status).toBe(426);
  });
});

describe('login rate limit', () => {
  it('answers 429 after the configured number of attempts', async () => {
    const limited = await startTestServer({ loginRateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.api<{ error: { code: string } }>('/v1/auth/login', {
          method: 'POST',
          body: { email: 'x@example.test', password: 'nope' },
        });
        statuses.push(r.status);
        if (r.status === 429) expect(r.body.error.code).toBe('RATE_LIMITED');
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
