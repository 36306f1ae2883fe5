import { describe, expect, it } from 'vitest';
import { SignDesignInputSchema } from '../../src-shared/engine/input';
import { canonicalJson, sha256Hex } from './canonical-json';

describe('sha256Hex (node:crypto, FIPS 180-4 vectors)', () => {
  it('matches the published test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });
  it('hashes the UTF-8 bytes of the text', () => {
    // "é" is C3 A9 in UTF-8 (not the Latin-1 byte E9)
    expect(sha256Hex('é')).toBe(sha256Hex(Buffer.from([0xc3, 0xa9]).toString('utf8')));
    expect(sha256Hex('é')).not.toBe(sha256Hex('e'));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members (null in arrays)', () => {
    expect(
      canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }, undefined], c: 'x' }, u: undefined }),
    ).toBe('{"a":{"c":"x","d":[1,{"y":2,"z":1},null]},"b":1}');
  });
  it('writes strings and numbers as JSON does', () => {
    const v = { s: 'é"\n\u2028😀', n: [0, -0, 1e21, 1e-7, 0.1 + 0.2, -12.5], t: true, f: false };
    expect(JSON.parse(canonicalJson(v))).toEqual({ ...v, n: [0, 0, 1e21, 1e-7, 0.1 + 0.2, -12.5] });
    expect(canonicalJson(v.n)).toBe(JSON.stringify(v.n));
    expect(canonicalJson(v.s)).toBe(JSON.stringify(v.s));
  });
  it('sorts integer-like keys as text too (not first, in the order JavaScript lists them)', () => {
    expect(canonicalJson({ b: 1, 10: 'x', 9: 'y', a: 2 })).toBe('{"10":"x","9":"y","a":2,"b":1}');
  });
  it('rejects what JSON cannot carry instead of writing null or dropping it', () => {
    expect(() => canonicalJson({ a: Infinity })).toThrow(/non-finite/);
    expect(() => canonicalJson([Number.NaN])).toThrow(/non-finite/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/unsupported function/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/unsupported bigint/);
  });
  it('writes a parsed design input with sorted keys that reads back the same', () => {
    // the same text the engine has always hashed: sorted keys of the parsed, defaulted input
    const input = SignDesignInputSchema.parse({
      sign: { cabinets: [{ widthFt: 8, heightFt: 3 }] },
      site: { windSpeedMph: 115 },
    });
    const text = canonicalJson(input);
    expect(text.startsWith('{"foundation":{"constrained":false,')).toBe(true);
    expect(JSON.parse(text)).toEqual(input);
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });
});
