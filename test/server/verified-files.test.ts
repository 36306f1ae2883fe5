import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment, PresignResponse } from '../../src-shared/sync/protocol';
import { objectKey } from '../../src-server/services/verified-objects';
import { SERVER_BACKENDS, startTestServer, type TestServer, type TestUser } from './harness';
import { bytes, createProject, sha256 } from './fixtures';

type Err = { error: { code: string; message: string; fields?: Record<string, string> } };
const KiB = 1024;

/**
 * Issue 12.3 and 12.4. A verified file is immutable: every upload URL points at the uploader's
 * own staging key, the server hashes it and only then copies it to the content address, and a
 * failed check removes that upload only. These tests do not rely on S3 refusing a bad signature
 * (s3rver checks none): they show no URL to a verified key is ever handed out at all.
 */
describe.each(SERVER_BACKENDS)('verified files are immutable ($name)', ({ pg }) => {
  let t: TestServer;
  let ann: TestUser;
  let mallory: TestUser;
  let project: string;

  beforeAll(async () => {
    t = await startTestServer({ pg, multipartThresholdBytes: 256 * KiB, partSizeBytes: 128 * KiB });
    ann = await t.createOrgAndUser();
    // Any member of the same organization, field role included.
    mallory = await t.createOrgAndUser({ orgId: ann.orgId, role: 'field' });
    project = await createProject(t, ann.token, 'Photos');
  });
  afterAll(() => t?.close());

  const presign = (token: string, sha: string, size: number) =>
    t.api<PresignResponse & Err>('/v1/attachments/presign', {
      method: 'POST',
      token,
      body: { sha256: sha, size, contentType: 'image/jpeg', fileName: 'site.jpg' },
    });
  const attach = (token: string, data: Buffer, extra: Record<string, unknown> = {}) =>
    t.api<Attachment & Err>('/v1/attachments/attach', {
      method: 'POST',
      token,
      body: {
        projectId: project,
        sha256: sha256(data),
        size: data.length,
        fileName: 'site.jpg',
        contentType: 'image/jpeg',
        ...extra,
      },
    });
  const put = (url: string, data: Buffer) =>
    fetch(url, { method: 'PUT', body: new Uint8Array(data) }).then((r) => r.status);
  /** Follows the download URL and hashes what comes back. */
  async function downloaded(id: string) {
    const dl = await t.api<{ url: string }>(`/v1/attachments/${id}/download`, { token: ann.token });
    expect(dl.status).toBe(200);
    return sha256(Buffer.from(await (await fetch(dl.body.url)).arrayBuffer()));
  }
  const pathOf = (url: string) => decodeURIComponent(new URL(url).pathname);

  async function upload(user: TestUser, data: Buffer) {
    const plan = await presign(user.token, sha256(data), data.length);
    expect(plan.status).toBe(200);
    if (plan.body.mode === 'single') expect(await put(plan.body.url, data)).toBe(200);
    return plan.body;
  }

  it('never hands out a URL to a verified key, whatever size is announced', async () => {
    const photo = bytes(50 * KiB, 1);
    const plan = await upload(ann, photo);
    expect(plan.mode).toBe('single');
    if (plan.mode === 'single') {
      expect(pathOf(plan.url)).not.toContain(objectKey(ann.orgId, sha256(photo)));
      expect(pathOf(plan.url)).toContain(`/staging/${ann.orgId}/${ann.userId}/`);
    }
    const first = await attach(ann.token, photo);
    expect(first.status).toBe(201);

    // The attack: the same sha256 with another size, once a single PUT and once multipart.
    for (const size of [photo.length + 1, 300 * KiB]) {
      const res = await presign(mallory.token, sha256(photo), size);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('HASH_MISMATCH');
      expect(res.body.error.fields?.size).toContain(`stored with ${photo.length} bytes`);
      expect(JSON.stringify(res.body)).not.toContain('http');
    }
    // The right size: "exists", no URL at all.
    expect((await presign(mallory.token, sha256(photo), photo.length)).body).toEqual({
      mode: 'exists',
      exists: true,
      key: objectKey(ann.orgId, sha256(photo)),
    });
    // And attaching it again with a wrong size destroys nothing.
    const wrong = await attach(mallory.token, photo, { size: photo.length + 5 });
    expect(wrong.status).toBe(422);
    expect(await downloaded(first.body.id)).toBe(sha256(photo));
    const again = await attach(mallory.token, photo);
    expect(again.status).toBe(201);
    expect(await downloaded(again.body.id)).toBe(sha256(photo));
  });

  it('removes only what the failed upload wrote', async () => {
    const drawing = bytes(40 * KiB, 2);
    // Ann has uploaded the real bytes but not attached yet (say her attach answer was lost).
    await upload(ann, drawing);
    // Mallory uploads garbage under the same sha256 and size through her own URL.
    const plan = await presign(mallory.token, sha256(drawing), drawing.length);
    if (plan.body.mode !== 'single') throw new Error(`expected single, got ${plan.body.mode}`);
    expect(await put(plan.body.url, bytes(drawing.length, 99))).toBe(200);
    const bad = await attach(mallory.token, drawing);
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty('sha256');
    // Ann's upload is untouched: her attach verifies and records it.
    const ok = await attach(ann.token, drawing);
    expect(ok.status).toBe(201);
    expect(await downloaded(ok.body.id)).toBe(sha256(drawing));
    // Mallory's garbage is gone, so her next presign says the verified file exists.
    expect((await presign(mallory.token, sha256(drawing), drawing.length)).body.mode).toBe(
      'exists',
    );
  });

  it('keeps the verified copy when a second upload of the same file is promoted', async () => {
    const logo = bytes(30 * KiB, 3);
    await upload(ann, logo);
    await upload(mallory, logo);
    const [x, y] = await Promise.all([attach(ann.token, logo), attach(mallory.token, logo)]);
    expect([x.status, y.status]).toEqual([201, 201]);
    expect(await downloaded(x.body.id)).toBe(sha256(logo));
    const staged = await t.server.store.list(`staging/${ann.orgId}/`);
    expect(staged.filter((o) => o.key.includes(sha256(logo)))).toEqual([]);
  });

  it('answers the same attach request twice with the same answer', async () => {
    const plan = bytes(20 * KiB, 4);
    await upload(ann, plan);
    const id = crypto.randomUUID();
    const first = await attach(ann.token, plan, { id, fileName: 'Plan, rev B.pdf' });
    expect(first.status).toBe(201);
    // Stored JSON comes back from Postgres in another key order: compared field by field.
    const resend = await attach(ann.token, plan, { id, fileName: 'Plan, rev B.pdf' });
    expect(resend.status).toBe(first.status);
    expect(resend.body).toEqual(first.body);
    const [p, q] = await Promise.all([
      attach(ann.token, plan, { id, fileName: 'Plan, rev B.pdf' }),
      attach(ann.token, plan, { id, fileName: 'Plan, rev B.pdf' }),
    ]);
    expect(p.body).toEqual(first.body);
    expect(q.body).toEqual(first.body);
    const other = await attach(ann.token, plan, { id, fileName: 'Another name.pdf' });
    expect(other.status).toBe(409);
  });

  it('verifies a multipart upload from staging before it reaches the content address', async () => {
    const survey = bytes(300 * KiB + 17, 5);
    const plan = await presign(ann.token, sha256(survey), survey.length);
    if (plan.body.mode !== 'multipart')
      throw new Error(`expected multipart, got ${plan.body.mode}`);
    const parts = [];
    for (const part of plan.body.parts) {
      expect(pathOf(part.url)).toContain('/staging/');
      const from = (part.partNumber - 1) * plan.body.partSize;
      const res = await fetch(part.url, {
        method: 'PUT',
        body: new Uint8Array(survey.subarray(from, from + plan.body.partSize)),
      });
      parts.push({ partNumber: part.partNumber, etag: res.headers.get('etag') ?? '' });
    }
    const done = await t.api('/v1/attachments/multipart/complete', {
      method: 'POST',
      token: ann.token,
      body: { sha256: sha256(survey), uploadId: plan.body.uploadId, parts },
    });
    expect(done.status).toBe(200);
    expect(await t.server.store.stat(objectKey(ann.orgId, sha256(survey)))).toBeNull();
    const res = await attach(ann.token, survey);
    expect(res.status).toBe(201);
    expect(await downloaded(res.body.id)).toBe(sha256(survey));
  });
});
