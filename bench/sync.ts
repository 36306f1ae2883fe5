import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMainContext, type MainContext } from '../src-main/main-context';
import {
  DEFAULT_PARTS_IN_FLIGHT,
  setPartsInFlight,
} from '../src-main/services/sync/uploads-parallel';
import { startTestServer } from '../test/server/harness';
import { seedBigOrg } from '../test/helpers/big-org';
import { benchDatabaseUrl } from './backend';
import { round } from './stats';

const MiB = 1024 * 1024;

async function call<T>(ctx: MainContext, channel: string, input: unknown = {}): Promise<T> {
  const r = await ctx.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

/**
 * Issue 7 figures, on loopback: 1,000 projects created on laptop A reach laptop B (A pushes, B
 * pulls, both through the real server); and a 32 MiB attachment through presign -> PUT -> attach
 * compared with a raw PUT of the same bytes to the same S3 in the same run.
 */
export async function run(): Promise<Record<string, unknown>> {
  const server = await startTestServer({ pg: await benchDatabaseUrl() });
  const dirs: string[] = [];
  const client = async (email: string, password: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-sync-'));
    dirs.push(dir);
    const ctx = createMainContext({ dataDir: dir, host: 'memory' });
    await call(ctx, 'sync:sign-in', { serverUrl: server.url, email, password });
    return ctx;
  };
  try {
    const ua = await server.createOrgAndUser({ name: 'Bench A' });
    const ub = await server.createOrgAndUser({ orgId: ua.orgId, name: 'Bench B' });
    const a = await client(ua.email, ua.password);
    const b = await client(ub.email, ub.password);
    for (let i = 0; i < 1000; i++) {
      await call(a, 'projects:create', {
        name: `Bench sync ${i}`,
        siteAddress: `${i} Main St`,
        notes: 'n'.repeat(100),
      });
    }
    const t0 = performance.now();
    await call(a, 'sync:now');
    const t1 = performance.now();
    await call(b, 'sync:now');
    const t2 = performance.now();
    const onB = (await call<{ total: number }>(b, 'projects:list', { limit: 1 })).total;

    // attachment: through the app's presign -> PUT -> attach vs a raw PUT of the same bytes
    const bytes = randomBytes(32 * MiB);
    const p = await call<{ id: string }>(a, 'projects:create', { name: 'Bench file' });
    await call(a, 'sync:now');
    await call(a, 'attachments:import', {
      projectId: p.id,
      fileName: 'big.bin',
      contentType: 'application/octet-stream',
      base64: bytes.toString('base64'),
    });
    const u0 = performance.now();
    await call(a, 'sync:now');
    const appMs = performance.now() - u0;
    // the raw PUT: the same bytes straight to the same bucket with a presigned URL, no app flow
    const rawPut = async (body: NonSharedBuffer) => {
      const rawUrl = await server.server.store.presignPut(`bench/raw-${randomUUID()}`, 600);
      const raw0 = performance.now();
      const res = await fetch(rawUrl, { method: 'PUT', body });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`raw PUT failed: ${res.status}`);
      return performance.now() - raw0;
    };
    const rawMs = await rawPut(bytes);
    // parts in flight (the setting's default was chosen from this): each a new 32 MiB file
    const partsInFlight: Record<string, unknown> = {};
    for (const n of [1, 2, 4]) {
      setPartsInFlight(n);
      const file = randomBytes(32 * MiB);
      await call(a, 'attachments:import', {
        projectId: p.id,
        fileName: `parts-${n}.bin`,
        contentType: 'application/octet-stream',
        base64: file.toString('base64'),
      });
      const t = performance.now();
      await call(a, 'sync:now');
      const ms = performance.now() - t;
      const raw = await rawPut(file);
      partsInFlight[n] = {
        appMs: round(ms, 0),
        rawPutMs: round(raw, 0),
        ratio: round(raw / ms, 2),
      };
    }
    setPartsInFlight(undefined);
    a.close();
    b.close();

    // a new laptop joining a big org: 20,000 projects, 100,000 revisions, 5,000 files' metadata
    const big = await server.createOrgAndUser({ name: 'Bench joiner' });
    const size = { projects: 20_000, revisions: 100_000, files: 5_000 };
    const records = await seedBigOrg(server.server.database.db, big.orgId, big.userId, size);
    const joiner = await client(big.email, big.password);
    let listFilledMs = NaN;
    let lastProgress = { received: 0, total: 0 };
    const j0 = performance.now();
    joiner.sync.onStatus((s) => {
      if (s.records) lastProgress = s.records;
      if (Number.isNaN(listFilledMs) && s.records && s.records.received >= size.projects) {
        const n = (
          joiner.services.sqlite.prepare('SELECT count(*) AS n FROM projects').get() as {
            n: number;
          }
        ).n;
        if (n === size.projects) listFilledMs = performance.now() - j0;
      }
    });
    await call(joiner, 'sync:now');
    const joinMs = performance.now() - j0;
    const joined = (await call<{ total: number }>(joiner, 'projects:list', { limit: 1 })).total;
    joiner.close();
    return {
      bigOrgJoin: {
        records,
        ...size,
        projectListFilledMs: round(listFilledMs, 0),
        wholeJoinMs: round(joinMs, 0),
        projectsListed: joined,
        lastProgress,
        targets: { 'project list filled within 30 s': listFilledMs < 30_000 ? 'pass' : 'fail' },
      },
      projects: 1000,
      pushMs: round(t1 - t0, 1),
      pullMs: round(t2 - t1, 1),
      clientToClientMs: round(t2 - t0, 1),
      receivedOnB: onB,
      attachmentMiB: 32,
      attachmentAppMs: round(appMs, 1),
      attachmentRawPutMs: round(rawMs, 1),
      attachmentThroughputRatio: round(rawMs / appMs, 3),
      attachmentPartsInFlight: { default: DEFAULT_PARTS_IN_FLIGHT, ...partsInFlight },
      attachmentTarget: { 'app >= 0.8 of raw PUT': rawMs / appMs >= 0.8 ? 'pass' : 'fail' },
      backend: server.dbKind,
    };
  } finally {
    await server.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
}
