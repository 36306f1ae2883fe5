import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMainContext, type MainContext, type MainOptions } from '../../src-main/main-context';

/** A fresh data folder + main context per test, with the profile set up. */
export function freshMain(
  opts: { profile?: boolean; now?: () => string; sync?: MainOptions['sync'] } = {},
): MainContext & {
  dir: string;
  call: <T = unknown>(channel: string, input?: unknown) => Promise<T>;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-test-'));
  const ctx = createMainContext({ dataDir: dir, host: 'memory', now: opts.now, sync: opts.sync });
  if (opts.profile !== false) {
    ctx.services.sqlite
      .prepare(
        `INSERT INTO profile (id, name, initials, created_at, updated_at) VALUES ('local', 'Test Estimator', 'TE', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
      )
      .run();
  }
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const env = await ctx.dispatch(channel, input ?? {});
    if (!env.ok) {
      const e = new Error(env.error.message) as Error & {
        code: string;
        fields?: Record<string, string>;
      };
      e.code = env.error.code;
      e.fields = env.error.fields;
      throw e;
    }
    return env.value as T;
  };
  const closeDb = ctx.close;
  return Object.assign(ctx, {
    dir,
    call,
    close: () => {
      closeDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}
