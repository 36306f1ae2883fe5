import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

const FAST = { log2N: 10, r: 8, p: 1 };

describe('scrypt passwords', () => {
  it('stores parameters and salt with the hash and verifies only the right password', async () => {
    const h = await hashPassword('correct horse', FAST);
    expect(h).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('correct horse', h)).toBe(true);
    expect(await verifyPassword('correct horsE', h)).toBe(false);
    expect(await hashPassword('correct horse', FAST)).not.toBe(h);
  });

  it('verifies hashes made with other parameters (cost can be raised later)', async () => {
    const old = await hashPassword('pw', { log2N: 11, r: 8, p: 1 });
    expect(await verifyPassword('pw', old)).toBe(true);
  });

  it('refuses malformed or absurd stored hashes instead of throwing', async () => {
    expect(await verifyPassword('pw', 'plain')).toBe(false);
    expect(await verifyPassword('pw', 'scrypt$40$8$1$AAAA$AAAA')).toBe(false);
  });
});
