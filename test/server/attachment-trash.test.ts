import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Attachment,
  MutationResult,
  PresignResponse,
  PullResponse,
} from '../../src-shared/sync/protocol';
import { objectKey } from '../../src-server/services/verified-objects';
import { SERVER_BACKENDS, startTestServer, type TestServer, type TestUser } from './harness';
import { bytes, createProject, del, pushOk, sha256, upsert } from './fixtures';

type Rejected = Extract<MutationResult, { status: 'rejected' }>;
const KiB = 1024;

/**
 * Files to the trash and back over push: a delete tombstones the record (every laptop moves the
 * file to its trash), a restore brings back the same record. The verified object is never
 * deleted, since other records may share its content.
 */
describe.each(SERVER_BACKENDS)('attachment trash and restore over push ($name)', ({ pg }) => {
  let t: TestServer;
  let ann: TestUser;
  let ben: TestUser;
  let outsider: TestUser;
  let project: string;

  beforeAll(async () => {
    t = await startTestServer({ pg });
    ann = await t.createOrgAndUser();
    ben = await t.createOrgAndUser({ orgId: ann.orgId });
    outsider = await t.createOrgAndUser();
    project = await createProject(t, ann.token, 'With files');
  });
  afterAll(() => t?.close());

  async function attached(data: Buffer, projectId = project): Promise<Attachment> {
    const plan = await t.api<PresignResponse>('/v1/attachments/presign', {
      method: 'POST',
      token: ann.token,
      body: {
        sha256: sha256(data),
        size: data.length,
        contentType: 'image/png',
        fileName: 'a.png',
      },
    });
    if (plan.body.mode === 'single') {
      await fetch(plan.body.url, { method: 'PUT', body: new Uint8Array(data) });
    }
    const res = await t.api<Attachment>('/v1/attachments/attach', {
      method: 'POST',
      token: ann.token,
      body: {
        projectId,
        sha256: sha256(data),
        size: data.length,
        fileName: 'a.png',
        contentType: 'image/png',
      },
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  const pulled = async (token: string, id: string) =>
    (await t.api<PullResponse>('/v1/sync/pull?limit=1000', { token })).body.changes.find(
      (c) => c.id === id,
    );
  const download = (token: string, id: string) =>
    t.api<{ url: string }>(`/v1/attachments/${id}/download`, { token });
  const restoreOf = (f: Attachment) => ({
    projectId: f.projectId,
    sha256: f.sha256,
    size: f.size,
    fileName: f.fileName,
    contentType: f.contentType,
  });

  it('trashes a file for every laptop and restores it, keeping the object', async () => {
    const data = bytes(24 * KiB, 1);
    const file = await attached(data);
    const [trash] = await pushOk(t, ann.token, [del('attachment', file.id, file.version)]);
    expect(trash).toMatchObject({ status: 'applied', version: file.version + 1 });

    // Ben's laptop pulls the tombstone; the file can no longer be downloaded...
    expect(await pulled(ben.token, file.id)).toMatchObject({
      entity: 'attachment',
      deleted: true,
      data: null,
    });
    expect((await download(ben.token, file.id)).status).toBe(404);
    // ...but its verified bytes are still there.
    expect(await t.server.store.stat(objectKey(ann.orgId, file.sha256))).toMatchObject({
      size: data.length,
    });

    const [back] = await pushOk(t, ben.token, [
      upsert('attachment', file.id, file.version + 1, restoreOf(file)),
    ]);
    expect(back).toMatchObject({ status: 'applied', version: file.version + 2 });
    expect(await pulled(ann.token, file.id)).toMatchObject({
      deleted: false,
      data: { sha256: file.sha256, size: file.size, projectId: project, fileName: 'a.png' },
      author: { userId: ben.userId },
    });
    const dl = await download(ann.token, file.id);
    expect(dl.status).toBe(200);
    expect(sha256(Buffer.from(await (await fetch(dl.body.url)).arrayBuffer()))).toBe(file.sha256);
  });

  it('keeps a shared object when one of the records using it is trashed', async () => {
    const data = bytes(16 * KiB, 2);
    const first = await attached(data);
    const other = await attached(data, await createProject(t, ann.token, 'Second site'));
    const [trash] = await pushOk(t, ann.token, [del('attachment', first.id, first.version)]);
    expect(trash.status).toBe('applied');
    expect((await download(ann.token, first.id)).status).toBe(404);
    const dl = await download(ann.token, other.id);
    expect(dl.status).toBe(200);
    expect(sha256(Buffer.from(await (await fetch(dl.body.url)).arrayBuffer()))).toBe(other.sha256);
  });

  it('refuses every other attachment push with a reason', async () => {
    const data = bytes(12 * KiB, 3);
    const file = await attached(data);
    const results = await pushOk(t, ann.token, [
      upsert('attachment', crypto.randomUUID(), 0, restoreOf(file)),
      upsert('attachment', file.id, file.version, { ...restoreOf(file), fileName: 'renamed.png' }),
    ]);
    expect(results.map((r) => (r as Rejected).code)).toEqual([
      'ATTACH_REQUIRED',
      'ATTACHMENT_IMMUTABLE',
    ]);

    await pushOk(t, ann.token, [del('attachment', file.id, file.version)]);
    const mismatched = await pushOk(t, ann.token, [
      upsert('attachment', file.id, file.version + 1, {
        ...restoreOf(file),
        sha256: 'f'.repeat(64),
      }),
      upsert('attachment', file.id, file.version + 1, { ...restoreOf(file), size: 1 }),
      upsert('attachment', file.id, file.version + 1, {
        ...restoreOf(file),
        projectId: crypto.randomUUID(),
      }),
    ]);
    expect(mismatched.map((r) => [(r as Rejected).code, (r as Rejected).field])).toEqual([
      ['ATTACHMENT_MISMATCH', 'sha256'],
      ['ATTACHMENT_MISMATCH', 'size'],
      ['ATTACHMENT_MISMATCH', 'projectId'],
    ]);
    // A restore onto a deleted project is refused too.
    const gone = await createProject(t, ann.token, 'Demolished');
    const orphan = await attached(bytes(8 * KiB, 4), gone);
    await pushOk(t, ann.token, [
      del('attachment', orphan.id, orphan.version),
      del('project', gone, 1),
    ]);
    const [res] = await pushOk(t, ann.token, [
      upsert('attachment', orphan.id, orphan.version + 1, restoreOf(orphan)),
    ]);
    expect(res).toMatchObject({ status: 'rejected', code: 'PROJECT_NOT_FOUND' });
  });

  it('lets no other organization trash or restore a file (it does not exist there)', async () => {
    const file = await attached(bytes(10 * KiB, 5));
    const [trash] = await pushOk(t, outsider.token, [del('attachment', file.id, file.version)]);
    expect(trash).toMatchObject({ status: 'conflict', serverVersion: 0 });
    const [fake] = await pushOk(t, outsider.token, [del('attachment', file.id, 0)]);
    expect(fake).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
    const [restore] = await pushOk(t, outsider.token, [
      upsert('attachment', file.id, 0, restoreOf(file)),
    ]);
    expect(restore).toMatchObject({ status: 'rejected', code: 'ATTACH_REQUIRED' });
    expect(await pulled(ann.token, file.id)).toMatchObject({
      deleted: false,
      version: file.version,
    });
    expect(await pulled(outsider.token, file.id)).toBeUndefined();
  });
});
