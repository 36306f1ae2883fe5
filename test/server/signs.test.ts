import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src-shared/sync/protocol';
import { startTestServer, type TestServer, type TestUser } from './harness';
import { createProject, del, pushOk, upsert } from './fixtures';

let t: TestServer;
let a: TestUser;
let b: TestUser;
beforeAll(async () => {
  t = await startTestServer({ pg: process.env.TEST_DATABASE_URL ?? false });
  a = await t.createOrgAndUser({ orgName: 'Signs A' });
  b = await t.createOrgAndUser({ orgName: 'Signs B' });
});
afterAll(() => t?.close());

const sign = (projectId: string, over: Record<string, unknown> = {}) => ({
  projectId,
  mark: 'S2',
  name: 'monument north',
  quantity: 2,
  position: 1,
  deletedAt: null,
  ...over,
});

describe(`signs on the server (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('stores a sign of a live project, its tombstone, and a design revision naming it', async () => {
    const projectId = await createProject(t, a.token, 'Gas station');
    const id = randomUUID();
    const [made] = await pushOk(t, a.token, [upsert('sign', id, 0, sign(projectId))]);
    expect(made).toMatchObject({ status: 'applied', version: 1 });
    const rev = randomUUID();
    const [design] = await pushOk(t, a.token, [
      upsert('design', rev, 0, {
        projectId,
        signId: id,
        number: 1,
        input: {},
        result: {},
        engineVersion: '2.0.0',
        inputHash: 'abc',
      }),
    ]);
    expect(design.status).toBe('applied');
    const [gone] = await pushOk(t, a.token, [del('sign', id, 1)]);
    expect(gone).toMatchObject({ status: 'applied', version: 2 });

    const pull = await t.api<PullResponse>('/v1/sync/pull', { token: a.token });
    const signChange = pull.body.changes.find((c) => c.id === id);
    expect(signChange).toMatchObject({ entity: 'sign', deleted: true, version: 2 });
    const designChange = pull.body.changes.find((c) => c.id === rev);
    expect(designChange?.data).toMatchObject({ signId: id, number: 1 });
    // another organization sees none of it
    const other = await t.api<PullResponse>('/v1/sync/pull', { token: b.token });
    expect(other.body.changes.map((c) => c.id)).not.toContain(id);
  });

  it('refuses a bad sign naming the field, and one of a project it does not have', async () => {
    const projectId = await createProject(t, a.token, 'Shopping center');
    const [qty, mark, stranger] = await pushOk(t, a.token, [
      upsert('sign', randomUUID(), 0, sign(projectId, { quantity: 0 })),
      upsert('sign', randomUUID(), 0, sign(projectId, { mark: 'M'.repeat(21) })),
      upsert('sign', randomUUID(), 0, sign(randomUUID())),
    ]);
    expect(qty).toMatchObject({
      status: 'rejected',
      code: 'INVALID_FIELD',
      field: 'quantity',
      message: 'Quantity must be a whole number between 1 and 999',
    });
    // the shared length limit, as for every synced text field
    expect(mark).toMatchObject({
      status: 'rejected',
      code: 'FIELD_TOO_LONG',
      field: 'mark',
      message: 'mark is 21 characters long; at most 20 are allowed.',
    });
    expect(stranger).toMatchObject({ status: 'rejected', code: 'PROJECT_NOT_FOUND' });
  });
});
