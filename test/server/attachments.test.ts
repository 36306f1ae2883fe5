import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Attachment, PresignResponse, PullResponse } from '../../src-shared/sync/protocol';
import { auditEvents, records } from '../../src-server/db/schema';
import { startTestServer, type TestServer, type TestUser } from './harness';
import { bytes, createProject, sha256 } from './fixtures';

const KiB = 1024;
let t: TestServer;
let a: TestUser;
let b: TestUser;
let project: string;

beforeAll(async () => {
  // Small multipart threshold and parts so the multipart path runs on a ~1 MiB file.
  t = await startTestServer({ multipartThresholdBytes: 512 * KiB, partSizeBytes: 256 * KiB });
  a = await t.createOrgAndUser({ orgName: 'Org A' });
  b = await t.createOrgAndUser({ orgName: 'Org B', role: 'field' });
  project = await createProject(t, a.token, 'With photos');
});
afterAll(() => t?.close());

type Err = { error: { code: string; fields?: Record<string, string> } };

async function presign(token: string, data: Buffer, fileName = 'photo.jpg', announced?: string) {
  const res = await t.api<PresignResponse>('/v1/attachments/presign', {
    method: 'POST',
    token,
    body: {
      sha256: announced ?? sha256(data),
      size: data.length,
      contentType: 'image/jpeg',
      fileName,
    },
  });
  expect(res.status).toBe(200);
  return res.body;
}

async function put(url: string, data: Buffer) {
  const res = await fetch(url, { method: 'PUT', body: new Uint8Array(data) });
  expect(res.status).toBe(200);
  return res.headers.get('etag') ?? '';
}

const attach = (token: string, data: Buffer, projectId = project, announced?: string) =>
  t.api<Attachment & Err>('/v1/attachments/attach', {
    method: 'POST',
    token,
    body: {
      projectId,
      sha256: announced ?? sha256(data),
      size: data.length,
      fileName: 'photo.jpg',
      contentType: 'image/jpeg',
    },
  });

async function attachmentRows(projectId: string) {
  const rows = await t.server.database.db
    .select()
    .from(records)
    .where(eq(records.entity, 'attachment'));
  return rows.filter((r) => r.data.projectId === projectId);
}

describe(`attachments (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('uploads through presign -> PUT -> attach, then says exists for the same bytes', async () => {
    const data = bytes(100 * KiB, 7);
    const plan = await presign(a.token, data);
    expect(plan.mode).toBe('single');
    if (plan.mode !== 'single') return;
    expect(plan.key).toBe(`org/${a.orgId}/sha256/${sha256(data)}`);
    await put(plan.url, data);

    const res = await attach(a.token, data);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ projectId: project, sha256: sha256(data), size: data.length });

    const again = await presign(a.token, data);
    expect(again).toEqual({ mode: 'exists', exists: true, key: plan.key });

    const events = await t.server.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'attachment.attach'), eq(auditEvents.entityId, res.body.id)),
      );
    expect(events).toHaveLength(1);

    const pulled = await t.api<PullResponse>('/v1/sync/pull?limit=1000', { token: a.token });
    expect(pulled.body.changes.find((c) => c.id === res.body.id)).toMatchObject({
      entity: 'attachment',
      data: { sha256: sha256(data) },
    });

    const dl = await t.api<{ url: string; sha256: string }>(
      `/v1/attachments/${res.body.id}/download`,
      { token: a.token },
    );
    expect(dl.status).toBe(200);
    const got = Buffer.from(await (await fetch(dl.body.url)).arrayBuffer());
    expect(sha256(got)).toBe(sha256(data));
  });

  it('refuses a tampered upload at attach with 422 and records nothing', async () => {
    const announced = bytes(64 * KiB, 11);
    const tampered = bytes(64 * KiB, 12);
    const p2 = await createProject(t, a.token, 'Tamper target');
    const plan = await presign(a.token, announced);
    if (plan.mode !== 'single') throw new Error('expected single');
    await put(plan.url, tampered);

    const res = await attach(a.token, announced, p2);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('HASH_MISMATCH');
    expect(res.body.error.fields).toHaveProperty('sha256');
    expect(await attachmentRows(p2)).toHaveLength(0);
    // The bad bytes were removed, so the client is offered a fresh upload.
    expect((await presign(a.token, announced)).mode).toBe('single');
  });

  it('refuses attach when nothing was uploaded or the size differs', async () => {
    const data = bytes(10 * KiB, 21);
    const missing = await attach(a.token, data);
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('UPLOAD_MISSING');

    const plan = await presign(a.token, data);
    if (plan.mode !== 'single') throw new Error('expected single');
    await put(plan.url, data.subarray(0, 5 * KiB));
    const short = await attach(a.token, data);
    expect(short.status).toBe(422);
    expect(short.body.error.fields).toHaveProperty('size');
  });

  it('uploads a multi-part file and verifies it at attach', async () => {
    const data = bytes(1024 * KiB + 123, 31);
    const plan = await presign(a.token, data, 'survey.pdf');
    expect(plan.mode).toBe('multipart');
    if (plan.mode !== 'multipart') return;
    expect(plan.parts).toHaveLength(5);
    const etags = [];
    for (const part of plan.parts) {
      const slice = data.subarray(
        (part.partNumber - 1) * plan.partSize,
        part.partNumber * plan.partSize,
      );
      etags.push({ partNumber: part.partNumber, etag: await put(part.url, slice) });
    }
    const done = await t.api('/v1/attachments/multipart/complete', {
      method: 'POST',
      token: a.token,
      body: { sha256: sha256(data), uploadId: plan.uploadId, parts: etags },
    });
    expect(done.status).toBe(200);
    const res = await attach(a.token, data);
    expect(res.status).toBe(201);
    expect(res.body.size).toBe(data.length);
    expect((await presign(a.token, data)).mode).toBe('exists');
  });

  it("keeps another organization's attachments and projects out of reach (404)", async () => {
    const data = bytes(20 * KiB, 41);
    const plan = await presign(a.token, data);
    if (plan.mode !== 'single') throw new Error('expected single');
    await put(plan.url, data);
    const mine = await attach(a.token, data);
    expect(mine.status).toBe(201);

    const dl = await t.api<Err>(`/v1/attachments/${mine.body.id}/download`, { token: b.token });
    expect(dl.status).toBe(404);
    const absent = await t.api<Err>(`/v1/attachments/${randomUUID()}/download`, { token: b.token });
    expect(absent.body).toEqual(dl.body);

    // B cannot attach onto A's project, even naming bytes that exist in A's prefix.
    const cross = await attach(b.token, data, project);
    expect(cross.status).toBe(404);
    // And B's own prefix does not contain A's object: B must upload it itself.
    expect((await presign(b.token, data)).mode).toBe('single');
  });

  it('answers 400 naming the field for a malformed presign', async () => {
    const res = await t.api<Err>('/v1/attachments/presign', {
      method: 'POST',
      token: a.token,
      body: { sha256: 'XYZ', size: -1, contentType: 'image/png', fileName: 'a.png' },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields ?? {}).sort()).toEqual(['body.sha256', 'body.size']);
  });
});
