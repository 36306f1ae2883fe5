import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard, in node:crypto). The parameters and salt are stored
 * with the hash, so the cost can be raised later without invalidating existing passwords.
 */

export interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
}

// N = 2^15, r = 8: 32 MiB per hash (OWASP's scrypt floor is 2^17 with r=8,p=1 at 128 MiB; we
// trade some margin for login latency on a 2-core box). Raise via SCRYPT_LOG2N.
export const DEFAULT_SCRYPT: ScryptParams = { log2N: 15, r: 8, p: 1 };
const KEY_LEN = 32;

function derive(password: string, salt: Buffer, prm: ScryptParams): Promise<Buffer> {
  const N = 2 ** prm.log2N;
  const opts: ScryptOptions = { N, r: prm.r, p: prm.p, maxmem: 256 * N * prm.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LEN, opts, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, prm = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, prm);
  return ['scrypt', prm.log2N, prm.r, prm.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [log2N, r, p] = parts.slice(1, 4).map(Number);
  if (![log2N, r, p].every((n) => Number.isInteger(n) && n > 0) || log2N > 22) return false;
  const expected = Buffer.from(parts[5], 'base64');
  const actual = await derive(password, Buffer.from(parts[4], 'base64'), { log2N, r, p });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Verified against when the email is unknown, so a miss costs the same time as a wrong password:
// made with the configured cost (a raised SCRYPT_LOG2N must not make misses faster than hits).
const dummyHashes = new Map<string, Promise<string>>();
export function dummyPasswordHash(prm = DEFAULT_SCRYPT): Promise<string> {
  const key = `${prm.log2N}/${prm.r}/${prm.p}`;
  let h = dummyHashes.get(key);
  if (!h) {
    h = hashPassword('not-a-real-password', prm);
    dummyHashes.set(key, h);
  }
  return h;
}
