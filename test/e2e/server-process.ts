import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** The central server as a real process (`npm run server` defaults: PGlite + s3rver), stoppable. */
export class ServerProcess {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-e2e-server-'));
  port = 0;
  s3Port = 0;
  private child?: ChildProcess;

  private env() {
    // the embedded defaults: no DATABASE_URL (PGlite), no S3_ENDPOINT (s3rver)
    const { DATABASE_URL: _d, S3_ENDPOINT: _s, ...rest } = process.env;
    return {
      ...rest,
      PGLITE_DIR: path.join(this.dir, 'pglite'),
      LOCAL_S3_DIR: path.join(this.dir, 's3'),
      LOCAL_S3_PORT: String(this.s3Port),
      PORT: String(this.port),
      LOG_LEVEL: 'silent',
    };
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The admin CLI, run while the server is stopped (PGlite has one writer). */
  admin(...args: string[]): string {
    return execFileSync(process.execPath, ['--import', 'tsx', 'src-server/admin-cli.ts', ...args], {
      cwd: root,
      env: this.env(),
      encoding: 'utf8',
    });
  }

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    if (!this.s3Port) this.s3Port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
      cwd: root,
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('listening on') && resolve());
      child.once('exit', (c) => reject(new Error(`server exited ${c}: ${err}`)));
    });
  }

  async stop(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null) return;
    const done = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await done;
  }

  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
