import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type {
  Mutation,
  PresignResponse,
  PullResponse,
  PushResponse,
} from '../src-shared/sync/protocol';
import { startTestServer } from '../test/server/harness';
import { benchDatabaseUrl } from './backend';
import { round } from './stats';

/**
 * Central server figures, all on loopback in this process: the API (PGlite, or Postgres when
 * BENCH_DATABASE_URL / TEST_DATABASE_URL is set, in a throwaway database) plus an s3rver.
 * Bounded: 1,000 + 10,000 pushed mutations, a 5 s load run, one 32 MiB upload.
 * Note the load generator shares the process (and the 2 cores) with the server it measures.
 */

interface CannonResult {
  latency: { p50: number; p99: number; average: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
}
type Cannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  method?: string;
  requests?: { setupRequest: (req: { body?: string }) => { body?: string } }[];
}) => Promise<CannonResult>;
// autocannon ships no types; the shape above is the documented result object.
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

const MiB = 1024 * 1024;
const mutation = (i: number): Mutation => ({
  mutationId: randomUUID(),
  entity: 'project',
  id: randomUUID(),
  baseVersion: 0,
  op: 'upsert',
  data: {
    name: `Bench project ${i}`,
    status: 'draft',
    customer: { name: 'ACME' },
    notes: 'x'.repeat(200),
  },
});

const loadFigures = (r: CannonResult) => ({
  reqPerSec: round(r.requests.average, 0),
  p50Ms: r.latency.p50,
  p99Ms: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors,
});

export async function run(): Promise<Record<string, unknown>> {
  const pgUrl = await benchDatabaseUrl();
  const t = await startTestServer({ pg: pgUrl });
  try {
    const user = await t.createOrgAndUser({ role: 'estimator' });
    const headers = {
      authorization: `Bearer ${user.token}`,
      'x-signwright-protocol': '1',
      'content-type': 'application/json',
    };
    const push = async (mutations: Mutation[]) => {
      const res = await fetch(`${t.url}/v1/sync/push`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ mutations }),
      });
      const body = (await res.json()) as PushResponse;
      if (res.status !== 200 || body.results.some((r) => r.status !== 'applied')) {
        throw new Error(`push failed: ${res.status}`);
      }
    };

    // 1. push 1,000 mutations in batches of 100
    const t0 = performance.now();
    for (let b = 0; b < 10; b++)
      await push(Array.from({ length: 100 }, (_, i) => mutation(b * 100 + i)));
    const pushMs = performance.now() - t0;

    // 2. pull 10,000 changes (seed 9,000 more, then page through all 10,000 at limit 1000)
    for (let b = 0; b < 18; b++) await push(Array.from({ length: 500 }, (_, i) => mutation(i)));
    const t1 = performance.now();
    let cursor = '0';
    let pulled = 0;
    for (;;) {
      const res = await fetch(`${t.url}/v1/sync/pull?cursor=${cursor}&limit=1000`, { headers });
      const body = (await res.json()) as PullResponse;
      pulled += body.changes.length;
      cursor = body.nextCursor;
      if (!body.hasMore) break;
    }
    const pullMs = performance.now() - t1;

    // 3. pulling a 100-change page for 5 s: one client, then 50 at once (same run, same data)
    const pullLoad = (connections: number) =>
      autocannon({
        url: `${t.url}/v1/sync/pull?cursor=0&limit=100`,
        connections,
        duration: 5,
        headers,
      });
    const pull1 = await pullLoad(1);
    const load = await pullLoad(50);

    // 3b. pushing 10 new projects per request for 5 s: one client, then 50 of the same org
    let n = 0;
    const pushLoad = (connections: number) =>
      autocannon({
        url: `${t.url}/v1/sync/push`,
        method: 'POST',
        connections,
        duration: 5,
        headers,
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({
                mutations: Array.from({ length: 10 }, () => mutation(n++)),
              }),
            }),
          },
        ],
      });
    const push1 = await pushLoad(1);
    const push50 = await pushLoad(50);

    // 4. attachment upload through presign -> PUT(s) -> attach vs a raw PUT of the same bytes
    const data = randomBytes(32 * MiB);
    const sha = createHash('sha256').update(data).digest('hex');
    const body = new Uint8Array(data);
    const rawUrl = await t.server.store.presignPut(`bench/raw-${randomUUID()}`, 600);
    const t2 = performance.now();
    const raw = await fetch(rawUrl, { method: 'PUT', body });
    if (raw.status !== 200) throw new Error(`raw PUT ${raw.status}`);
    const rawMs = performance.now() - t2;

    const project = randomUUID();
    await push([{ ...mutation(0), id: project }]);
    const t3 = performance.now();
    const api = async <T>(path: string, json: unknown): Promise<T> => {
      const res = await fetch(t.url + path, {
        method: 'POST',
        headers,
        body: JSON.stringify(json),
      });
      if (res.status >= 300) throw new Error(`${path} ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    };
    const meta = {
      sha256: sha,
      size: data.length,
      contentType: 'application/pdf',
      fileName: 'plans.pdf',
    };
    const plan = await api<PresignResponse>('/v1/attachments/presign', meta);
    if (plan.mode === 'single') {
      await fetch(plan.url, { method: 'PUT', body });
    } else if (plan.mode === 'multipart') {
      const parts = [];
      for (const p of plan.parts) {
        const slice = body.subarray(
          (p.partNumber - 1) * plan.partSize,
          p.partNumber * plan.partSize,
        );
        const res = await fetch(p.url, { method: 'PUT', body: slice });
        parts.push({ partNumber: p.partNumber, etag: res.headers.get('etag') ?? '' });
      }
      await api('/v1/attachments/multipart/complete', {
        sha256: sha,
        uploadId: plan.uploadId,
        parts,
      });
    }
    const tAttach = performance.now();
    await api('/v1/attachments/attach', { ...meta, projectId: project });
    const flowMs = performance.now() - t3;
    const attachMs = performance.now() - tAttach;

    const pushRatio = push50.requests.average / push1.requests.average;
    const pullRatio = load.requests.average / pull1.requests.average;
    return {
      database: t.dbKind,
      concurrentPush: {
        route: 'POST /v1/sync/push (10 new projects each), one org',
        durationS: 5,
        oneClient: loadFigures(push1),
        fiftyClients: loadFigures(push50),
        throughputVsOneClient: round(pushRatio, 2),
        targets: {
          'throughput >= 3x one client': pushRatio >= 3 ? 'pass' : 'fail',
          'push p99 < 150 ms': push50.latency.p99 < 150 ? 'pass' : 'fail',
        },
      },
      concurrentPullVsOne: {
        oneClient: loadFigures(pull1),
        fiftyClients: loadFigures(load),
        throughputVsOneClient: round(pullRatio, 2),
        targets: { 'pull p99 < 100 ms': load.latency.p99 < 100 ? 'pass' : 'fail' },
      },
      push1000: {
        batches: 10,
        batchSize: 100,
        totalMs: round(pushMs, 1),
        mutationsPerSec: round(1000 / (pushMs / 1000), 0),
      },
      pull10000: { changes: pulled, pageSize: 1000, totalMs: round(pullMs, 1) },
      concurrentPull: {
        clients: 50,
        durationS: 5,
        route: 'GET /v1/sync/pull?limit=100',
        p50Ms: load.latency.p50,
        p99Ms: load.latency.p99,
        reqPerSec: round(load.requests.average, 0),
        non2xx: load.non2xx,
        errors: load.errors,
      },
      attachmentUpload: {
        bytes: data.length,
        mode: plan.mode,
        rawPutMs: round(rawMs, 1),
        rawMiBps: round(32 / (rawMs / 1000), 1),
        presignPutAttachMs: round(flowMs, 1),
        ofWhichAttachVerifyMs: round(attachMs, 1),
        flowMiBps: round(32 / (flowMs / 1000), 1),
        throughputRatio: round(rawMs / flowMs, 3),
      },
    };
  } finally {
    await t.close();
  }
}
