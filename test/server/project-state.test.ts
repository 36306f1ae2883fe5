import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationResult, PullResponse } from '../../src-shared/sync/protocol';
import { SERVER_BACKENDS, startTestServer, type TestServer, type TestUser } from './harness';
import { createProject, pushOk, upsert } from './fixtures';

type Rejected = Extract<MutationResult, { status: 'rejected' }>;

/**
 * Issue 12.6: the server holds the project state machine (src-shared/projects.ts). Before, a
 * plain push moved a submitted project back to draft, a second submit then succeeded, and
 * submittedAt/submittedBy could be rewritten.
 */
describe.each(SERVER_BACKENDS)('project state machine on the server ($name)', ({ pg }) => {
  let t: TestServer;
  let a: TestUser;

  beforeAll(async () => {
    t = await startTestServer({ pg });
    a = await t.createOrgAndUser();
  });
  afterAll(() => t?.close());

  const submit = (id: string) =>
    t.api<{ version: number; submittedAt: string; error?: { code: string; message: string } }>(
      `/v1/projects/${id}/submit`,
      { method: 'POST', token: a.token, headers: { 'idempotency-key': randomUUID() } },
    );
  const push1 = async (id: string, base: number, data: Record<string, unknown>) =>
    (await pushOk(t, a.token, [upsert('project', id, base, data)]))[0];
  async function serverCopy(id: string) {
    const res = await t.api<PullResponse>('/v1/sync/pull?limit=1000', { token: a.token });
    return res.body.changes.find((c) => c.id === id)!;
  }

  async function submitted() {
    const id = await createProject(t, a.token, 'Bid', 'estimating');
    const s = await submit(id);
    expect(s.status).toBe(200);
    return { id, version: s.body.version, submittedAt: s.body.submittedAt };
  }

  it('cannot un-submit a submitted project, so it is never submitted twice', async () => {
    const p = await submitted();
    const back = await push1(p.id, p.version, { name: 'Bid', status: 'draft' });
    expect(back).toMatchObject({ status: 'rejected', code: 'INVALID_TRANSITION', field: 'status' });
    expect((back as Rejected).message).toMatch(/submitted project cannot be un-submitted/);
    expect((back as Rejected).message).toMatch(/Accepted or Rejected/);
    const again = await submit(p.id);
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('ALREADY_SUBMITTED');
    expect((await serverCopy(p.id)).data).toMatchObject({ status: 'submitted' });
  });

  it('keeps submittedAt/submittedBy: an edit keeps them, a rewrite is refused', async () => {
    const p = await submitted();
    const edit = await push1(p.id, p.version, { name: 'Bid, renamed', status: 'submitted' });
    expect(edit.status).toBe('applied');
    const copy = await serverCopy(p.id);
    expect(copy.data).toMatchObject({
      name: 'Bid, renamed',
      status: 'submitted',
      submittedAt: p.submittedAt,
      submittedBy: a.userId,
    });
    const forged = await push1(p.id, copy.version, {
      name: 'Bid',
      status: 'submitted',
      submittedAt: '2020-01-01T00:00:00.000Z',
    });
    expect(forged).toMatchObject({
      status: 'rejected',
      code: 'SERVER_OWNED_FIELD',
      field: 'submittedAt',
    });
    const by = await push1(p.id, copy.version, { name: 'Bid', submittedBy: randomUUID() });
    expect(by).toMatchObject({
      status: 'rejected',
      code: 'SERVER_OWNED_FIELD',
      field: 'submittedBy',
    });
    // Echoing what was pulled is fine.
    const echo = await push1(p.id, copy.version, { ...copy.data, notes: 'called the customer' });
    expect(echo.status).toBe('applied');
    const draft = await createProject(t, a.token, 'Never submitted');
    const early = await push1(draft, 1, { name: 'x', submittedAt: new Date().toISOString() });
    expect(early).toMatchObject({ code: 'SERVER_OWNED_FIELD' });
  });

  it('allows only the moves of the shared state machine from the server status', async () => {
    const id = await createProject(t, a.token, 'Walk');
    const skip = await push1(id, 1, { name: 'Walk', status: 'accepted' });
    expect(skip).toMatchObject({ status: 'rejected', code: 'INVALID_TRANSITION' });
    expect((skip as Rejected).message).toMatch(
      /Draft cannot move to Accepted; from Draft it can move to Estimating/,
    );
    expect(await push1(id, 1, { name: 'Walk', status: 'estimating' })).toMatchObject({
      status: 'applied',
    });
    expect(await push1(id, 2, { name: 'Walk', status: 'draft' })).toMatchObject({
      status: 'applied',
    });
    const bogus = await push1(id, 3, { name: 'Walk', status: 'won' });
    expect(bogus).toMatchObject({ status: 'rejected', code: 'INVALID_STATUS', field: 'status' });

    const p = await submitted();
    expect(await push1(p.id, p.version, { name: 'Bid', status: 'rejected' })).toMatchObject({
      status: 'applied',
    });
    expect(await push1(p.id, p.version + 1, { name: 'Bid', status: 'estimating' })).toMatchObject({
      status: 'applied',
    });
    // Reworked after a rejection: submitted again, through the route.
    expect((await submit(p.id)).status).toBe(200);

    const won = await submitted();
    expect(await push1(won.id, won.version, { name: 'Bid', status: 'accepted' })).toMatchObject({
      status: 'applied',
    });
    const reopen = await push1(won.id, won.version + 1, { name: 'Bid', status: 'estimating' });
    expect(reopen).toMatchObject({ status: 'rejected', code: 'INVALID_TRANSITION' });
    expect((reopen as Rejected).message).toMatch(/Accepted is final/);
  });

  it('creates projects only as draft or estimating, and submits only an estimate', async () => {
    const created = await pushOk(t, a.token, [
      upsert('project', randomUUID(), 0, { name: 'A', status: 'accepted' }),
      upsert('project', randomUUID(), 0, { name: 'B', status: 'submitted' }),
      upsert('project', randomUUID(), 0, { name: 'C', status: 'estimating' }),
    ]);
    expect(created.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'INVALID_TRANSITION',
      'SUBMIT_REQUIRED',
      'applied',
    ]);
    const draft = await createProject(t, a.token, 'Draft only');
    const res = await submit(draft);
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toBe(
      'A project is submitted from Estimating; this one is Draft.',
    );
  });
});
