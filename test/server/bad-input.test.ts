import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type PresignResponse,
  type PullResponse,
} from '../../src-shared/sync/protocol';
import { issueToken } from '../../src-server/auth/tokens';
import { PRIMARY_BACKEND, startTestServer, type TestServer, type TestUser } from './harness';
import { bytes, createProject, pushOk, sha256, upsert } from './fixtures';
import { bodies, nastySegment, nastyString, type RawRequest } from './bad-input.arbitraries';

const RUNS = 200;
const KiB = 1024;

/**
 * The bad-input suite: a few hundred bodies per route, nobody planned for any of them. Whatever
 * arrives, the server answers 4xx (or 2xx), never 5xx and never INTERNAL, and stays healthy:
 * /healthz answers and a normal push/pull still works afterwards.
 */
describe.each(PRIMARY_BACKEND)(
  'bad input never answers 5xx ($name)',
  { timeout: 300_000 },
  ({ pg }) => {
    let t: TestServer;
    let est: TestUser;
    let admin: TestUser;
    let victim: TestUser;
    let project: string;
    let attachmentId: string;
    let uploaded: { sha: string; size: number };
    let upload: { sha: string; uploadId: string };
    const seen = new Map<string, number>();

    beforeAll(async () => {
      t = await startTestServer({ pg, multipartThresholdBytes: 64 * KiB, partSizeBytes: 32 * KiB });
      est = await t.createOrgAndUser();
      admin = await t.createOrgAndUser({ orgId: est.orgId, role: 'admin' });
      victim = await t.createOrgAndUser({ orgId: est.orgId });
      project = await createProject(t, est.token, 'Fuzzed', 'estimating');
      const file = bytes(8 * KiB, 1);
      const plan = await t.api<PresignResponse>('/v1/attachments/presign', {
        method: 'POST',
        token: est.token,
        body: {
          sha256: sha256(file),
          size: file.length,
          contentType: 'image/png',
          fileName: 'f.png',
        },
      });
      if (plan.body.mode !== 'single') throw new Error('expected single');
      await fetch(plan.body.url, { method: 'PUT', body: new Uint8Array(file) });
      const att = await t.api<{ id: string }>('/v1/attachments/attach', {
        method: 'POST',
        token: est.token,
        body: {
          projectId: project,
          sha256: sha256(file),
          size: file.length,
          fileName: 'f.png',
          contentType: 'image/png',
        },
      });
      attachmentId = att.body.id;
      uploaded = { sha: sha256(file), size: file.length };
      const big = bytes(100 * KiB, 2);
      const mp = await t.api<PresignResponse>('/v1/attachments/presign', {
        method: 'POST',
        token: est.token,
        body: {
          sha256: sha256(big),
          size: big.length,
          contentType: 'image/png',
          fileName: 'b.png',
        },
      });
      if (mp.body.mode !== 'multipart') throw new Error('expected multipart');
      upload = { sha: sha256(big), uploadId: mp.body.uploadId };
    });
    afterAll(() => t?.close());

    /** Sends one request; a 5xx or INTERNAL fails the property with what was sent. */
    async function send(
      route: string,
      method: string,
      path: string,
      req: RawRequest,
      token?: string,
      headers: Record<string, string> = {},
    ) {
      const h: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...headers };
      if (token) h.authorization = `Bearer ${token}`;
      if (req.contentType) h['content-type'] = req.contentType;
      // No answer at all (a crashed or hung store) fails as surely as a 5xx.
      const res = await fetch(t.url + path, {
        method,
        headers: h,
        body: req.body,
        signal: AbortSignal.timeout(20_000),
      });
      const text = await res.text();
      seen.set(route, (seen.get(route) ?? 0) + 1);
      if (res.status >= 500 || text.includes('"INTERNAL"')) {
        throw new Error(
          `${method} ${path} -> ${res.status} ${text.slice(0, 300)}\nbody: ${String(req.body).slice(0, 300)}`,
        );
      }
    }
    const property = <T>(arb: fc.Arbitrary<T>, run: (v: T) => Promise<void>) =>
      fc.assert(fc.asyncProperty(arb, run), {
        numRuns: RUNS,
        interruptAfterTimeLimit: 120_000,
        markInterruptAsFailure: true,
      });

    const mutation = () => ({
      mutationId: randomUUID(),
      entity: 'project',
      id: randomUUID(),
      baseVersion: 0,
      op: 'upsert',
      data: { name: 'Pylon', status: 'draft', customer: { contact: 'Ann' }, notes: 'ok' },
    });
    const designMutation = () => ({
      mutationId: randomUUID(),
      entity: 'design',
      id: randomUUID(),
      baseVersion: 0,
      op: 'upsert',
      data: { projectId: project, input: { heightFt: 20, cabinets: [{ widthFt: 8 }] } },
    });
    const POST_ROUTES: { path: () => string; token: () => string; template: () => unknown }[] = [
      {
        path: () => '/v1/auth/login',
        token: () => '',
        template: () => ({ email: est.email, password: 'wrong password' }),
      },
      {
        path: () => '/v1/sync/push',
        token: () => est.token,
        template: () => ({ mutations: [mutation(), designMutation()] }),
      },
      {
        path: () => '/v1/attachments/presign',
        token: () => est.token,
        // Above the multipart threshold: the content type goes into the storage's upload header.
        template: () => ({
          sha256: 'a'.repeat(64),
          size: 100 * KiB,
          contentType: 'image/jpeg',
          fileName: 'site.jpg',
        }),
      },
      {
        path: () => '/v1/attachments/attach',
        token: () => est.token,
        // An uploaded file, so the request gets as far as being recorded.
        template: () => ({
          projectId: project,
          sha256: uploaded.sha,
          size: uploaded.size,
          fileName: 'x.jpg',
          contentType: 'image/jpeg',
          id: randomUUID(),
        }),
      },
      {
        path: () => '/v1/attachments/multipart/complete',
        token: () => est.token,
        template: () => ({
          sha256: upload.sha,
          uploadId: upload.uploadId,
          parts: [{ partNumber: 1, etag: '"abc"' }],
        }),
      },
      {
        path: () => '/v1/attachments/multipart/parts',
        token: () => est.token,
        template: () => ({ sha256: upload.sha, uploadId: upload.uploadId, partNumbers: [1, 2] }),
      },
      {
        path: () => '/v1/attachments/multipart/abort',
        token: () => est.token,
        template: () => ({ sha256: upload.sha, uploadId: `${upload.uploadId}x` }),
      },
    ];

    for (const [i, name] of [
      'login',
      'push',
      'presign',
      'attach',
      'complete',
      'parts',
      'abort',
    ].entries()) {
      it(`POST ${name}: ${RUNS} bodies, no 5xx`, async () => {
        const r = POST_ROUTES[i];
        await property(bodies(r.template), (req) =>
          send(name, 'POST', r.path(), req, r.token() || undefined),
        );
      });
    }

    it(`submit, logout, revoke-tokens: ${RUNS} requests each, no 5xx`, async () => {
      await property(
        fc.tuple(
          nastySegment,
          fc.stringMatching(/^[!-~]{0,250}$/),
          bodies(() => ({})),
        ),
        ([id, key, req]) =>
          send(
            'submit',
            'POST',
            `/v1/projects/${id.startsWith('%') ? id : project}/submit`,
            req,
            est.token,
            {
              'idempotency-key': key,
            },
          ),
      );
      await property(
        bodies(() => ({})),
        async (req) => {
          const { token } = await issueToken(
            t.server.database.db,
            { id: victim.userId, orgId: victim.orgId },
            3600,
          );
          await send('logout', 'POST', '/v1/auth/logout', req, token);
        },
      );
      await property(
        fc.tuple(
          nastySegment,
          bodies(() => ({})),
        ),
        ([id, req]) =>
          send('revoke', 'POST', `/v1/admin/users/${id}/revoke-tokens`, req, admin.token),
      );
    });

    it(`GET pull, me, download: ${RUNS} requests each, no 5xx`, async () => {
      await property(fc.tuple(nastySegment, nastySegment, fc.boolean()), ([cursor, limit, twice]) =>
        send(
          'pull',
          'GET',
          `/v1/sync/pull?cursor=${cursor}&limit=${limit}${twice ? `&cursor=${cursor}` : ''}`,
          {},
          est.token,
        ),
      );
      await property(fc.oneof(nastySegment, fc.constant(attachmentId)), (id) =>
        send('download', 'GET', `/v1/attachments/${id}/download`, {}, est.token),
      );
      await property(nastyString, (token) =>
        send('me', 'GET', '/v1/me', {}, token.replace(/[^\x21-\x7e]/g, '') || undefined),
      );
    });

    it('is healthy afterwards: /healthz, a normal push and pull', async () => {
      for (const [path, n] of seen) expect(n, path).toBeGreaterThanOrEqual(RUNS);
      expect(seen.size).toBeGreaterThanOrEqual(12);
      expect((await t.api('/healthz', { protocol: false })).status).toBe(200);
      const ready = await t.api<{ ok: boolean }>('/readyz', { protocol: false });
      expect(ready.body.ok).toBe(true);
      const id = randomUUID();
      const [r] = await pushOk(t, est.token, [
        upsert('project', id, 0, { name: 'After the storm', status: 'draft' }),
      ]);
      expect(r.status).toBe('applied');
      const pulled = await t.api<PullResponse>('/v1/sync/pull?limit=1000', { token: est.token });
      expect(pulled.body.changes.some((c) => c.id === id)).toBe(true);
    });
  },
);
