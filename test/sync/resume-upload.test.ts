import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMainContext } from '../../src-main/main-context';
import type { Project } from '../../src-shared/projects';
import type { AttachmentInfoT, SyncStatusView } from '../../src-shared/sync/client';
import type { TestServer, TestUser } from '../server/harness';
import { signedInClient, startServer } from './helpers';

const MiB = 1024 * 1024;

describe('a 50 MB attachment survives a client killed halfway', () => {
  let server: TestServer;
  let ua: TestUser;
  let ub: TestUser;
  beforeAll(async () => {
    server = await startServer(false, {
      multipartThresholdBytes: 16 * MiB,
      partSizeBytes: 8 * MiB,
    });
    ua = await server.createOrgAndUser({ name: 'Uploader' });
    ub = await server.createOrgAndUser({ orgId: ua.orgId, name: 'Receiver' });
  });
  afterAll(async () => server?.close());

  it('resumes from the last finished part and arrives with the right SHA-256 on B', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-resume-'));
    const setup = createMainContext({ dataDir: dir, host: 'memory' });
    const call = async <T>(ch: string, input: unknown) => {
      const r = await setup.dispatch(ch, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    await call('sync:sign-in', { serverUrl: server.url, email: ua.email, password: ua.password });
    const p = await call<Project>('projects:create', { name: 'Big plans' });
    await call('sync:now', {});
    const bytes = randomBytes(50 * MiB);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const att = await call<AttachmentInfoT>('attachments:import', {
      projectId: p.id,
      fileName: 'plans.pdf',
      contentType: 'application/pdf',
      base64: bytes.toString('base64'),
    });
    setup.close();

    // first attempt: killed after some parts landed
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/helpers/upload-child.ts', dir],
      {
        cwd: path.resolve(import.meta.dirname, '../..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const db = new Database(path.join(dir, 'signwright.sqlite'), { readonly: true });
    const doneParts = () => {
      const r = db
        .prepare('SELECT done_parts FROM attachment_uploads WHERE sha256 = ?')
        .get(sha) as { done_parts: string } | undefined;
      return r ? (JSON.parse(r.done_parts) as unknown[]).length : 0;
    };
    const deadline = Date.now() + 60_000;
    while (doneParts() < 3 && Date.now() < deadline && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));
    const before = doneParts();
    db.close();
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(7);

    // restart: only the missing parts go up
    const puts: string[] = [];
    const counting: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT') puts.push(String(input));
      return fetch(input, init);
    };
    const again = createMainContext({
      dataDir: dir,
      host: 'memory',
      sync: { fetchImpl: counting },
    });
    const st = await again.dispatch('sync:now', {});
    expect(st.ok && (st.value as SyncStatusView).phase).toBe('idle');
    expect(puts).toHaveLength(7 - before);
    const list = await again.dispatch('attachments:list', { projectId: p.id });
    expect(list.ok && (list.value as AttachmentInfoT[])[0].uploaded).toBe(true);
    again.close();

    // B sees it and downloads the same bytes
    const b = await signedInClient(server, ub);
    await b.call('sync:now');
    const got = await b.call<AttachmentInfoT>('attachments:download', { id: att.id });
    expect(got.present).toBe(true);
    const read = await b.call<{ base64: string }>('attachments:read', { id: att.id });
    expect(createHash('sha256').update(Buffer.from(read.base64, 'base64')).digest('hex')).toBe(sha);
    b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
