import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresignResponse, PullResponse } from '../../src-shared/sync/protocol';
import { SERVER_BACKENDS, startTestServer, type TestServer, type TestUser } from './harness';
import { bytes, createProject, pushOk, sha256, upsert } from './fixtures';

type Err = { error: { code: string; message: string; fields?: Record<string, string> } };
const KiB = 1024;

/**
 * Issue 12.1: no request ends the process. These run against the default embedded S3 (s3rver),
 * in this very process's server: before the fix, completing an upload whose parts were never
 * sent threw inside s3rver and ended the test worker itself.
 */
describe.each(SERVER_BACKENDS)('storage failures are answers, not crashes ($name)', ({ pg }) => {
  let t: TestServer;
  let a: TestUser;
  let field: TestUser;

  beforeAll(async () => {
    t = await startTestServer({ pg, multipartThresholdBytes: 64 * KiB, partSizeBytes: 32 * KiB });
    a = await t.createOrgAndUser();
    field = await t.createOrgAndUser({ orgId: a.orgId, role: 'field' });
  });
  afterAll(() => t?.close());

  async function plan(token: string, data: Buffer) {
    const res = await t.api<PresignResponse>('/v1/attachments/presign', {
      method: 'POST',
      token,
      body: {
        sha256: sha256(data),
        size: data.length,
        contentType: 'image/png',
        fileName: 'p.png',
      },
    });
    expect(res.status).toBe(200);
    if (res.body.mode !== 'multipart') throw new Error(`expected multipart, got ${res.body.mode}`);
    return res.body;
  }
  const complete = (token: string, body: unknown) =>
    t.api<Err & { key: string }>('/v1/attachments/multipart/complete', {
      method: 'POST',
      token,
      body,
    });

  async function healthy() {
    expect((await t.api('/healthz', { protocol: false })).status).toBe(200);
    const ready = await t.api<{ checks: Record<string, string> }>('/readyz', { protocol: false });
    expect(ready.body.checks).toMatchObject({ database: 'ok', s3: 'ok' });
    const id = await createProject(t, a.token, 'Still syncing');
    const pulled = await t.api<PullResponse>('/v1/sync/pull?limit=1000', { token: a.token });
    expect(pulled.body.changes.map((c) => c.id)).toContain(id);
  }

  it('answers 400 naming the parts when an upload is completed with parts never sent', async () => {
    const data = bytes(100 * KiB, 3);
    const p = await plan(field.token, data);
    const res = await complete(field.token, {
      sha256: sha256(data),
      uploadId: p.uploadId,
      parts: p.parts.map((x) => ({
        partNumber: x.partNumber,
        etag: 'd41d8cd98f00b204e9800998ecf8427e',
      })),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.fields).toHaveProperty(['body.parts']);
    expect(res.body.error.message).toMatch(/never uploaded|ETag/);
    await healthy();
  });

  it('names missing and doubled parts, and refuses a wrong ETag, with the upload still usable', async () => {
    const data = bytes(100 * KiB, 4);
    const p = await plan(a.token, data);
    const etags: { partNumber: number; etag: string }[] = [];
    for (const part of p.parts) {
      const slice = data.subarray((part.partNumber - 1) * p.partSize, part.partNumber * p.partSize);
      const put = await fetch(part.url, { method: 'PUT', body: new Uint8Array(slice) });
      etags.push({ partNumber: part.partNumber, etag: put.headers.get('etag') ?? '' });
    }
    const missing = await complete(a.token, {
      sha256: sha256(data),
      uploadId: p.uploadId,
      parts: [etags[0], etags[0]],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields?.['body.parts']).toMatch(
      /part 1 is listed twice.*parts 2, 3, 4 missing/,
    );

    const wrong = await complete(a.token, {
      sha256: sha256(data),
      uploadId: p.uploadId,
      parts: etags.map((e, i) =>
        i === 2 ? { ...e, etag: '"0123456789abcdef0123456789abcdef"' } : e,
      ),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toHaveProperty(['body.parts']);

    // The same upload still completes with the right list, and a resend gets the same answer.
    const ok = await complete(a.token, {
      sha256: sha256(data),
      uploadId: p.uploadId,
      parts: etags,
    });
    expect(ok.status).toBe(200);
    const again = await complete(a.token, {
      sha256: sha256(data),
      uploadId: p.uploadId,
      parts: etags,
    });
    expect(again).toMatchObject({ status: 200, body: ok.body });
    const attached = await t.api('/v1/attachments/attach', {
      method: 'POST',
      token: a.token,
      body: {
        projectId: await createProject(t, a.token),
        sha256: sha256(data),
        size: data.length,
        fileName: 'p.png',
        contentType: 'image/png',
      },
    });
    expect(attached.status).toBe(201);
  });

  it('answers 404 for an upload the storage no longer has, and after an abort', async () => {
    const data = bytes(80 * KiB, 5);
    const p = await plan(a.token, data);
    const aborted = await t.api('/v1/attachments/multipart/abort', {
      method: 'POST',
      token: a.token,
      body: { sha256: sha256(data), uploadId: p.uploadId },
    });
    expect(aborted.status).toBe(200);
    // A part sent to the aborted upload is refused by the storage itself (NoSuchUpload).
    const late = await fetch(p.parts[0].url, {
      method: 'PUT',
      body: new Uint8Array(data.subarray(0, 10)),
    });
    expect(late.status).toBe(404);
    const res = await complete(a.token, {
      sha256: sha256(data),
      uploadId: p.uploadId,
      parts: [{ partNumber: 1, etag: 'x' }],
    });
    expect(res.status).toBe(404);
    await healthy();
  });

  it('answers 503 while the embedded S3 is down and recovers when it is restarted', async () => {
    const s3 = t.server.localS3!;
    const pid = s3.pid!;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL'); // the child this server started
    while (s3.pid === pid) await new Promise((r) => setTimeout(r, 5));
    // Down until the supervisor's new child reports ready (pid is set only then, ~0.5 s later).
    expect(s3.pid).toBeUndefined();
    {
      const data = bytes(10 * KiB, 6);
      const res = await t.api<Err>('/v1/attachments/presign', {
        method: 'POST',
        token: a.token,
        body: {
          sha256: sha256(data),
          size: data.length,
          contentType: 'image/png',
          fileName: 'x.png',
        },
      });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('UNAVAILABLE');
      expect(res.headers.get('retry-after')).toBe('5');
      // Sync without files keeps working meanwhile.
      expect(
        (await pushOk(t, a.token, [upsert('project', crypto.randomUUID(), 0, { name: 'x' })]))[0]
          .status,
      ).toBe('applied');
    }
    await s3.whenUp();
    expect(s3.pid).not.toBe(pid);
    await healthy();
    const data = bytes(10 * KiB, 7);
    const res = await t.api<PresignResponse>('/v1/attachments/presign', {
      method: 'POST',
      token: a.token,
      body: {
        sha256: sha256(data),
        size: data.length,
        contentType: 'image/png',
        fileName: 'y.png',
      },
    });
    expect(res.status).toBe(200);
  });
});
