import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresignResponse } from '../../src-shared/sync/protocol';
import { multipartUploads } from '../../src-server/db/schema';
import { sweepStaleUploads } from '../../src-server/services/upload-sweeper';
import { stagingKey } from '../../src-server/services/verified-objects';
import { SERVER_BACKENDS, startTestServer, type TestServer, type TestUser } from './harness';
import { bytes, createProject, sha256 } from './fixtures';

const KiB = 1024;
const HOUR = 3600 * 1000;

/**
 * Issue 12.10: multipart uploads never expired. An upload older than its lifetime (24 h by
 * default) is aborted in S3 and forgotten, and a staging copy never attached is removed; the
 * client is then told to upload again.
 */
describe.each(SERVER_BACKENDS)('uploads expire ($name)', ({ pg }) => {
  let t: TestServer;
  let a: TestUser;

  beforeAll(async () => {
    t = await startTestServer({ pg, multipartThresholdBytes: 64 * KiB, partSizeBytes: 32 * KiB });
    a = await t.createOrgAndUser();
  });
  afterAll(() => t?.close());

  const presign = (data: Buffer) =>
    t.api<PresignResponse>('/v1/attachments/presign', {
      method: 'POST',
      token: a.token,
      body: {
        sha256: sha256(data),
        size: data.length,
        contentType: 'image/png',
        fileName: 'p.png',
      },
    });

  it('aborts a multipart upload older than its lifetime and removes unattached staging copies', async () => {
    expect(t.server.settings.uploadLifetimeSeconds).toBe(24 * 3600);
    const big = bytes(100 * KiB, 1);
    const plan = (await presign(big)).body;
    if (plan.mode !== 'multipart') throw new Error('expected multipart');
    const first = await fetch(plan.parts[0].url, {
      method: 'PUT',
      body: new Uint8Array(big.subarray(0, plan.partSize)),
    });
    expect(first.status).toBe(200);
    const small = bytes(10 * KiB, 2);
    const single = (await presign(small)).body;
    if (single.mode !== 'single') throw new Error('expected single');
    expect((await fetch(single.url, { method: 'PUT', body: new Uint8Array(small) })).status).toBe(
      200,
    );
    const fresh = bytes(100 * KiB, 3);
    const recent = (await presign(fresh)).body;
    if (recent.mode !== 'multipart') throw new Error('expected multipart');

    // Nothing is old yet: a sweep keeps everything.
    expect(await t.server.sweepNow()).toEqual({ abortedUploads: 0, removedStaging: 0 });
    // The first upload was started 25 hours ago.
    await t.server.database.db
      .update(multipartUploads)
      .set({ createdAt: new Date(Date.now() - 25 * HOUR) })
      .where(eq(multipartUploads.uploadId, plan.uploadId));
    const report = await t.server.sweepNow();
    expect(report.abortedUploads).toBe(1);

    // The expired upload is gone on the server and in the storage.
    const parts = await t.api<{ error: { code: string } }>('/v1/attachments/multipart/parts', {
      method: 'POST',
      token: a.token,
      body: { sha256: sha256(big), uploadId: plan.uploadId, partNumbers: [2] },
    });
    expect(parts.status).toBe(404);
    const late = await fetch(plan.parts[1].url, {
      method: 'PUT',
      body: new Uint8Array(big.subarray(plan.partSize, 2 * plan.partSize)),
    });
    expect(late.status).toBe(404);
    // The recent one is untouched.
    const ok = await fetch(recent.parts[0].url, {
      method: 'PUT',
      body: new Uint8Array(fresh.subarray(0, recent.partSize)),
    });
    expect(ok.status).toBe(200);

    // The unattached single upload: removed once older than the lifetime (swept "25 h later").
    const key = stagingKey(a.orgId, a.userId, sha256(small), small.length);
    expect(await t.server.store.stat(key)).not.toBeNull();
    const later = await sweepAt(Date.now() + 25 * HOUR);
    expect(later.removedStaging).toBeGreaterThanOrEqual(1);
    expect(await t.server.store.stat(key)).toBeNull();
    const attach = await t.api<{ error: { code: string } }>('/v1/attachments/attach', {
      method: 'POST',
      token: a.token,
      body: {
        projectId: await createProject(t, a.token),
        sha256: sha256(small),
        size: small.length,
        fileName: 'p.png',
        contentType: 'image/png',
      },
    });
    expect(attach.status).toBe(422);
    expect(attach.body.error.code).toBe('UPLOAD_MISSING');
  });

  /** The sweep as it would run at `now` (the server's own timer runs it with the clock). */
  function sweepAt(now: number) {
    return sweepStaleUploads(
      t.server.database.db,
      t.server.store,
      t.server.settings.uploadLifetimeSeconds * 1000,
      t.server.settings.loginAccountLimit,
      now,
    );
  }
});
