import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustProxy, readEnv, serverOptions } from '../../src-server/config';
import { PRIMARY_BACKEND, startTestServer, type TestServer, type TestUser } from './harness';

const root = path.resolve(import.meta.dirname, '../..');
type LoginBody = { token?: string; error?: { code: string; message: string } };

/** The api service's TRUST_PROXY in deploy/docker-compose.yml, `${VAR:-default}` resolved. */
function composeTrustProxy(env: Record<string, string> = {}): string | undefined {
  const yml = fs.readFileSync(path.join(root, 'deploy/docker-compose.yml'), 'utf8');
  const line = yml.split('\n').find((l) => /^\s+TRUST_PROXY:/.test(l));
  if (!line) return undefined;
  const raw = line.replace(/^\s+TRUST_PROXY:\s*/, '').replace(/^'(.*)'$/, '$1');
  return raw.replace(/\$\{(\w+):-([^}]*)\}/g, (_, name: string, dflt: string) => env[name] ?? dflt);
}

let n = 0;
const addr = () => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n++ & 255}`;

/**
 * Issue 12.7: a LAN client rotating X-Forwarded-For got 200 of 200 guesses through the deploy
 * config. Only the proxy in front is trusted, and the limit is per account as well as per address.
 */
describe.each(PRIMARY_BACKEND)('login limits ($name)', ({ pg }) => {
  const servers: TestServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));
  const start = async (opts: Parameters<typeof startTestServer>[0]) => {
    const s = await startTestServer({ pg, ...opts });
    servers.push(s);
    return s;
  };
  const login = (s: TestServer, email: string, password: string, forwardedFor?: string) =>
    s.api<LoginBody>('/v1/auth/login', {
      method: 'POST',
      body: { email, password },
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });

  it('gives a LAN client rotating X-Forwarded-For nothing with the deploy defaults', async () => {
    const trustProxy = serverOptions(readEnv({ TRUST_PROXY: composeTrustProxy() })).trustProxy;
    const s = await start({ trustProxy, loginRateLimit: { max: 3, timeWindowMs: 60_000 } });
    const statuses: number[] = [];
    // A different account each time, so only the per-address limit is in play.
    for (let i = 0; i < 8; i++) {
      statuses.push((await login(s, `guess${i}@example.test`, 'wrong', addr())).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('refuses a TRUST_PROXY that would trust clients, and says why', () => {
    for (const bad of [
      'true',
      'uniquelocal',
      'loopback,uniquelocal',
      '10.0.0.0/8',
      '2',
      'proxy.lan',
    ]) {
      expect(() => parseTrustProxy(bad)).toThrow(/address of the proxy in front/);
    }
    expect(parseTrustProxy('10.0.0.5')).toEqual(['10.0.0.5']);
    expect(parseTrustProxy('10.0.3.0/24, 10.0.9.7')).toEqual(['10.0.3.0/24', '10.0.9.7']);
    expect(parseTrustProxy('loopback')).toEqual(['loopback']);
    expect(parseTrustProxy('')).toBeUndefined();
    expect(composeTrustProxy({ TRUST_PROXY: '172.20.0.10' })).toBe('172.20.0.10');
  });

  describe('per account, behind the trusted proxy', () => {
    let s: TestServer;
    let alice: TestUser;
    const HOME = '10.200.0.7';

    beforeAll(async () => {
      // This test client plays the proxy (127.0.0.1): X-Forwarded-For is the client's address.
      s = await start({
        trustProxy: ['127.0.0.1'],
        loginAccountLimit: { freeFailures: 3, baseDelayMs: 3000, maxDelayMs: 6000 },
      });
      alice = await s.createOrgAndUser({ password: 'alice long pw' });
      expect((await login(s, alice.email, 'alice long pw', HOME)).status).toBe(200);
    });

    it('holds up a guesser who changes address every time; the owner still signs in', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++)
        statuses.push((await login(s, alice.email, `guess ${i}`, addr())).status);
      // 3 free failures, the 4th locks the account against new addresses.
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429]);
      const held = await login(s, alice.email, 'alice long pw', addr());
      expect(held.status).toBe(429);
      expect(held.body.error?.message).toMatch(
        /Too many failed sign-ins for this account; try again in [1-3] s/,
      );
      // From the address she signed in from before, Alice is not held up at all.
      expect((await login(s, alice.email, 'alice long pw', HOME)).status).toBe(200);
      // From a new one she waits at most the short lock, then gets in.
      const wait = Number(held.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(3);
      await new Promise((r) => setTimeout(r, wait * 1000 + 100));
      expect((await login(s, alice.email, 'alice long pw', addr())).status).toBe(200);
      // The next wrong guess locks it again, for longer (doubling up to the cap).
      expect((await login(s, alice.email, 'guess again', addr())).status).toBe(401);
      const next = await login(s, alice.email, 'guess again', addr());
      expect(next.status).toBe(429);
      expect(Number(next.headers.get('retry-after'))).toBeGreaterThan(3);
    });

    it('treats an unknown email the same way, so the answer tells nothing', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await login(s, 'nobody@example.test', 'x', addr())).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
    });
  });
});
