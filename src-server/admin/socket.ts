import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../http/errors';
import { adminCommandSchema, type AdminCommand } from './commands';

/**
 * The running server's admin socket (embedded PGlite only: on Postgres the CLI writes directly).
 * PGlite has one process per data directory, so `npm run server:admin` hands its command to the
 * server that holds the directory instead of opening it a second time. A Unix socket (a named pipe
 * on Windows) readable by the server's user only: whoever may use it may already read the data
 * directory. One JSON line in, one JSON line out, one command per connection.
 */

const MAX_REQUEST = 64 * 1024;

export type AdminReply = { ok: true; lines: unknown[] } | { ok: false; error: string };

export function socketPathFor(dir: string): string {
  const abs = path.resolve(dir);
  const tag = createHash('sha256').update(abs).digest('hex').slice(0, 16);
  if (process.platform === 'win32') return `\\\\.\\pipe\\signwright-admin-${tag}`;
  const beside = `${abs}.admin.sock`;
  // Unix socket paths are limited to ~104 bytes; fall back to the temp folder.
  return Buffer.byteLength(beside) < 100
    ? beside
    : path.join(os.tmpdir(), `signwright-admin-${tag}.sock`);
}

export async function serveAdmin(
  socketPath: string,
  run: (cmd: AdminCommand) => Promise<unknown[]>,
  log: (err: unknown, msg: string) => void,
): Promise<{ close(): Promise<void> }> {
  const server = net.createServer((conn) => {
    let buf = '';
    const answer = (reply: AdminReply) => conn.end(`${JSON.stringify(reply)}\n`);
    conn.setEncoding('utf8');
    conn.setTimeout(30_000, () => conn.destroy());
    conn.on('error', () => undefined);
    conn.on('data', (chunk: string) => {
      buf += chunk;
      const nl = buf.indexOf('\n');
      if (nl < 0 && buf.length <= MAX_REQUEST) return;
      conn.removeAllListeners('data');
      if (nl < 0) return answer({ ok: false, error: 'Request too large.' });
      let parsed: ReturnType<typeof adminCommandSchema.safeParse>;
      try {
        parsed = adminCommandSchema.safeParse(JSON.parse(buf.slice(0, nl)));
      } catch {
        return answer({ ok: false, error: 'Malformed request.' });
      }
      if (!parsed.success) {
        return answer({ ok: false, error: parsed.error.issues.map((i) => i.message).join('; ') });
      }
      run(parsed.data).then(
        (lines) => answer({ ok: true, lines }),
        (err: unknown) => {
          if (!(err instanceof ApiError)) log(err, 'admin command failed');
          answer({
            ok: false,
            error:
              err instanceof ApiError ? err.message : 'The command failed; see the server log.',
          });
        },
      );
    });
  });
  if (process.platform !== 'win32') fs.rmSync(socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  if (process.platform !== 'win32') fs.chmodSync(socketPath, 0o600);
  server.unref();
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if (process.platform !== 'win32') fs.rmSync(socketPath, { force: true });
      }),
  };
}

/** Sends one command to a running server; throws when nothing answers at the socket. */
export function sendAdmin(
  socketPath: string,
  cmd: AdminCommand,
  timeoutMs = 60_000,
): Promise<AdminReply> {
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(socketPath);
    let buf = '';
    conn.setEncoding('utf8');
    conn.setTimeout(timeoutMs, () => conn.destroy(new Error('the server did not answer in time')));
    conn.on('connect', () => conn.write(`${JSON.stringify(cmd)}\n`));
    conn.on('data', (d: string) => (buf += d));
    conn.on('error', reject);
    conn.on('end', () => {
      try {
        resolve(JSON.parse(buf) as AdminReply);
      } catch {
        reject(new Error('the server sent no answer'));
      }
    });
  });
}
