import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * s3rver as the local stand-in for MinIO (default for `npm run server` without S3_ENDPOINT, and in
 * tests), run as a supervised child process (local-s3-child.ts) so that no s3rver failure can end
 * the API process. When the child dies it is started again on the same port (presigned URLs keep
 * working); while it is down, storage calls fail with a connection error and the API answers 503.
 * s3rver accepts the fixed key pair S3RVER/S3RVER and does not verify V4 signatures, which is why
 * the server re-hashes every upload itself before it trusts it.
 */
export const LOCAL_S3_KEY = 'S3RVER';

export interface LocalS3 {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  /** the child's process id while it runs (tests kill it to check the restart) */
  readonly pid: number | undefined;
  /** resolves once a child is up again (immediately when it is) */
  whenUp(): Promise<void>;
  close(): Promise<void>;
}

export interface LocalS3Options {
  directory: string;
  port?: number;
  /** told about unexpected exits and restarts */
  log?: (level: 'warn' | 'error' | 'info', msg: string) => void;
}

const CHILD = fileURLToPath(new URL('./local-s3-child.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const START_TIMEOUT_MS = 20_000;
const MAX_BACKOFF_MS = 5_000;

function spawnChild(
  directory: string,
  port: number,
): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(CHILD, [], {
    execArgv: ['--import', TSX_LOADER],
    env: { ...process.env, LOCAL_S3_DIR: directory, LOCAL_S3_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`local S3 did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    const fail = (msg: string) => {
      clearTimeout(timer);
      reject(new Error(`local S3 could not start on port ${port}: ${msg}`));
    };
    child.once('message', (m: { type: string; port?: number; message?: string }) => {
      if (m.type === 'ready' && m.port) {
        clearTimeout(timer);
        // The store never keeps the API process alive; the child exits when its parent does.
        child.unref();
        child.channel?.unref();
        resolve({ child, port: m.port });
      } else fail(m.message ?? 'unknown error');
    });
    child.once('exit', (code) => fail(`exited with code ${code}`));
    child.once('error', (err) => fail(err.message));
  });
}

export async function startLocalS3(opts: LocalS3Options): Promise<LocalS3> {
  const log = opts.log ?? (() => undefined);
  const first = await spawnChild(opts.directory, opts.port ?? 0);
  // Restarts reuse the first port: presigned URLs already handed out name it.
  const port = first.port;
  let child: ChildProcess | undefined = first.child;
  let closing = false;
  let up: Promise<void> = Promise.resolve();

  const watch = (c: ChildProcess) => {
    c.once('exit', (code, signal) => {
      if (closing) return;
      child = undefined;
      log('error', `local S3 (pid ${c.pid}) exited (${signal ?? code}); restarting it`);
      up = restart();
    });
  };
  const restart = async (): Promise<void> => {
    for (let delay = 100; !closing; delay = Math.min(delay * 2, MAX_BACKOFF_MS)) {
      try {
        const next = await spawnChild(opts.directory, port);
        if (closing) {
          next.child.kill('SIGTERM');
          return;
        }
        child = next.child;
        watch(next.child);
        log('info', `local S3 is up again on port ${port}`);
        return;
      } catch (err) {
        log('warn', `${(err as Error).message}; retrying in ${delay} ms`);
        await new Promise((r) => setTimeout(r, delay).unref());
      }
    }
  };
  watch(first.child);

  return {
    endpoint: `http://127.0.0.1:${port}`,
    accessKey: LOCAL_S3_KEY,
    secretKey: LOCAL_S3_KEY,
    get pid() {
      return child?.pid;
    },
    whenUp: () => up,
    async close() {
      closing = true;
      const c = child;
      child = undefined;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      const timer = setTimeout(() => c.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
