import { eq } from 'drizzle-orm';
import { AppError } from '../../../src-shared/errors';
import { isInsecureServer } from '../../../src-shared/sync/client';
import { cleanText } from '../../../src-shared/validation';

export { isInsecureServer };
import { outbox, profile, syncEntities } from '../../db/schema';
import type { ServiceContext } from '../context';
import { SyncApi, SyncHttpError } from './api';
import { queueCompany } from './company';
import type { Credentials } from './credentials';
import { getSetting, KEYS, setSetting } from './state';

const BAD_URL = 'Server URL must be an http(s) address, like https://sync.example.com';
export const INSECURE_URL =
  'This address starts with http://, so your password and your projects would cross the network ' +
  'unencrypted. Use the https:// address of your sync server, or tick “Allow an unencrypted connection” ' +
  'if IT told you this server is on a trusted network.';

/** Initials from the letters of a name ("Ann (Acme) Lee" -> "AAL"), at most 4. */
export function initialsOf(name: string): string {
  return (
    name
      .split(/\s+/)
      .map((w) => /\p{L}/u.exec(w)?.[0]?.toUpperCase() ?? '')
      .join('')
      .slice(0, 4) || 'U'
  );
}

/**
 * Logs in and makes this laptop the server user's: the local profile takes the user's name, and
 * a different server or organization restarts the change feed from the beginning. Errors come
 * back in plain words on the field they concern.
 */
export async function logIn(
  ctx: ServiceContext,
  input: { serverUrl: string; email: string; password: string; allowInsecure?: boolean },
  opts: { fetchImpl?: typeof fetch; timeoutMs?: number },
): Promise<Credentials> {
  let url: URL;
  try {
    url = new URL(input.serverUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(BAD_URL);
  } catch {
    throw new AppError('VALIDATION', BAD_URL, { serverUrl: BAD_URL });
  }
  if (isInsecureServer(url.toString()) && !input.allowInsecure)
    throw new AppError('VALIDATION', INSECURE_URL, { serverUrl: INSECURE_URL });
  const api = new SyncApi({
    baseUrl: url.toString(),
    fetchImpl: opts.fetchImpl,
    timeoutMs: opts.timeoutMs,
  });
  let res;
  try {
    res = await api.login(input.email, input.password);
  } catch (err) {
    if (!(err instanceof SyncHttpError)) throw err;
    if (err.kind === 'auth') {
      const msg = 'The email or password is not right.';
      throw new AppError('VALIDATION', msg, { password: msg });
    }
    const msg =
      err.kind === 'offline'
        ? `Cannot reach ${url.origin}. Check the address and your connection.`
        : err.message;
    throw new AppError('UNAVAILABLE', msg);
  }
  const feed = `${api.baseUrl}|${res.user.orgId}`;
  const previous = getSetting(ctx.sqlite, KEYS.serverUrl);
  ctx.sqlite.transaction(() => {
    if (previous && previous !== feed) {
      setSetting(ctx.sqlite, KEYS.cursor, '0');
      ctx.db.delete(syncEntities).run();
    }
    setSetting(ctx.sqlite, KEYS.serverUrl, feed);
    // company details saved before there was an org id go out now (id = the org id)
    const pending = ctx.db
      .select({ seq: outbox.seq })
      .from(outbox)
      .where(eq(outbox.entity, 'company'))
      .limit(1)
      .get();
    if (!pending) queueCompany(ctx.sqlite, ctx.now());
    // the server's name fills the profile only when there is none: a local name and initials
    // the estimator chose are theirs (signing in once turned "AE" into "A(A")
    const now = ctx.now();
    const current = ctx.db
      .select({ name: profile.name })
      .from(profile)
      .where(eq(profile.id, 'local'))
      .get();
    if (!current?.name?.trim()) {
      const name = cleanText(res.user.name).trim().slice(0, 100) || res.user.email;
      const initials = initialsOf(name);
      ctx.db
        .insert(profile)
        .values({ id: 'local', name, initials, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: profile.id, set: { name, initials, updatedAt: now } })
        .run();
    }
  })();
  return { serverUrl: api.baseUrl, token: res.token, expiresAt: res.expiresAt, user: res.user };
}
