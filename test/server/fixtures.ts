import { createHash, randomUUID } from 'node:crypto';
import type { Mutation, PushResponse } from '../../src-shared/sync/protocol';
import type { TestServer } from './harness';

/** Small builders shared by the server integration tests. */

export function upsert(
  entity: Mutation['entity'],
  id: string,
  baseVersion: number,
  data: Record<string, unknown>,
): Mutation {
  return { mutationId: randomUUID(), entity, id, baseVersion, op: 'upsert', data };
}

export function del(entity: Mutation['entity'], id: string, baseVersion: number): Mutation {
  return { mutationId: randomUUID(), entity, id, baseVersion, op: 'delete' };
}

export async function pushOk(t: TestServer, token: string, mutations: Mutation[]) {
  const res = await t.api<PushResponse>('/v1/sync/push', {
    method: 'POST',
    token,
    body: { mutations },
  });
  if (res.status !== 200) throw new Error(`push ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.results;
}

/** Creates a project (draft unless told) and returns its id. */
export async function createProject(
  t: TestServer,
  token: string,
  name = 'Main St pylon',
  status: 'draft' | 'estimating' = 'draft',
) {
  const id = randomUUID();
  const [r] = await pushOk(t, token, [upsert('project', id, 0, { name, status })]);
  if (r.status !== 'applied') throw new Error(`project not applied: ${JSON.stringify(r)}`);
  return id;
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Deterministic pseudo-random bytes (fast, no entropy needed). */
export function bytes(size: number, seed = 1): Buffer {
  const b = Buffer.allocUnsafe(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}
