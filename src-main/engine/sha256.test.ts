import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonWith, canonicalPlan } from './canonical-json';
import { sha256Bytes, sha256Hex, utf8Bytes, utf8Into } from './sha256';

describe('sha256 (FIPS 180-4 vectors)', () => {
  it('matches the published test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with node:crypto on every length around the block boundaries and on UTF-8', () => {
    for (let n = 0; n < 200; n++) {
      const s = 'x'.repeat(n);
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s).digest('hex'));
    }
    for (const s of ['é', '€ sign', '😀 emoji', 'mixed ü ∑ 𝄞 text', 'lone \ud800 x \udc00']) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      expect(sha256Bytes(utf8Bytes(s))).toBe(sha256Hex(s));
      const dest = new Uint8Array(s.length * 3);
      const n = utf8Into(s, dest);
      expect(dest.subarray(0, n)).toEqual(new TextEncoder().encode(s));
      expect(utf8Bytes(s)).toEqual(new TextEncoder().encode(s));
    }
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
  it('rejects non-finite numbers', () => {
    expect(() => canonicalJson({ a: Infinity })).toThrow();
  });
});

describe('canonicalJsonWith (precompiled plan)', () => {
  const plan = canonicalPlan({ b: 'v', a: { d: ['v'], c: 'v' }, e: [{ y: 'v', z: 'v' }] });
  const same = (v: unknown) => {
    expect(canonicalJsonWith(v, plan)).toBe(canonicalJson(v));
  };
  it('writes exactly what canonicalJson writes, for values that fit the plan or not', () => {
    same({ b: 1, a: { d: [1, 2, undefined], c: 'x' }, e: [{ z: 1, y: 2 }] });
    same({ a: { c: undefined, d: [] }, b: 'é"\n', e: [] });
    same({ a: { c: true, d: [{ q: 1 }], extra: 2 }, b: null });
    same({ a: {}, b: 2 });
    same({ a: { d: [3], c: 1 }, b: 2 });
    same({ a: { c: 1, d: [3] }, b: 2 });
    same({ b: [1, { k: 2 }], x: 1 });
    same({ e: [null, 3, 'x', [1]], a: 5, b: false });
    same([1, 2]);
    same('text');
    same(-0);
    same({ b: 'mixed ü ∑ 𝄞 \ud800 text', a: { c: '😀'.repeat(3000), d: [1.5e-7, 1e21] } });
    // a getter that writes another value with the same plan while the plan is writing
    const reentrant = {
      b: 1,
      get a() {
        return { c: canonicalJsonWith({ b: 2, a: { c: 'inner', d: [9] } }, plan), d: [1] };
      },
    };
    same(reentrant);
    expect(() => canonicalJsonWith({ b: NaN }, plan)).toThrow();
    expect(() => canonicalJsonWith({ a: { d: [Infinity] } }, plan)).toThrow();
  });
});

describe('sha256 buffer reuse', () => {
  it('gives the same digests before and after a message larger than the reused buffer', () => {
    const small = 'mixed ü ∑ 𝄞 text '.repeat(40);
    const before = sha256Hex(small);
    const big = Array.from({ length: 3000 }, (_, i) => `piece ${i} ü;`).join('');
    expect(sha256Hex(big)).toBe(createHash('sha256').update(big, 'utf8').digest('hex'));
    expect(sha256Hex(small)).toBe(before);
    expect(before).toBe(createHash('sha256').update(small, 'utf8').digest('hex'));
    const bytes = utf8Bytes(big);
    expect(sha256Bytes(bytes)).toBe(sha256Hex(big));
  });
});
