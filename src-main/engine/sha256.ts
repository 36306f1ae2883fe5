// SHA-256 (FIPS 180-4) in plain TypeScript, so the engine stays free of node:crypto and runs
// unchanged in the main process, the CLI and the browser. Input is a JS string, hashed as UTF-8.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const W = new Int32Array(64);

/** UTF-8 bytes of a string (surrogate pairs combined; lone surrogates become U+FFFD). */
export function utf8Bytes(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/**
 * Message buffer reused between calls: encoding and padding allocate nothing. A larger message gets
 * its own buffer for that call (released after it, so a one-off big hash does not pin memory).
 */
const SMALL = 16384;
const small = new Uint8Array(SMALL);
let buf = small;

function ensure(size: number): Uint8Array {
  if (buf.length < size) {
    const big = new Uint8Array(Math.max(size, buf.length * 2));
    big.set(buf);
    buf = big;
  }
  return buf;
}

/** Room for a message of `len` bytes plus the padding. */
const paddedSize = (len: number) => (((len + 9 + 63) >> 6) << 6) >>> 0;

// TextEncoder is a web-platform global (Node, browsers, Electron); its encodeInto writes into the
// reused buffer natively (several times faster than a charCodeAt loop over a concatenated string).
const encoder: {
  encodeInto(s: string, dest: Uint8Array): { read: number; written: number };
} | null = typeof TextEncoder === 'function' ? new TextEncoder() : null;

/** UTF-8 of s into the shared buffer (same bytes as utf8Bytes / TextEncoder); returns the length. */
function encodeInto(s: string): number {
  const b = ensure(paddedSize(s.length * 3));
  return encoder ? encoder.encodeInto(s, b).written : utf8Into(s, b);
}

/**
 * UTF-8 of s into dest (room for 3 bytes per UTF-16 unit), the bytes of utf8Bytes; returns the
 * length. The fallback where TextEncoder is missing.
 */
export function utf8Into(s: string, dest: Uint8Array): number {
  const n = s.length;
  const b = dest;
  let j = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      b[j++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) {
      b[j++] = 0xc0 | (c >> 6);
      b[j++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      b[j++] = 0xe0 | (c >> 12);
      b[j++] = 0x80 | ((c >> 6) & 63);
      b[j++] = 0x80 | (c & 63);
    } else {
      b[j++] = 0xf0 | (c >> 18);
      b[j++] = 0x80 | ((c >> 12) & 63);
      b[j++] = 0x80 | ((c >> 6) & 63);
      b[j++] = 0x80 | (c & 63);
    }
  }
  return j;
}

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push((i < 16 ? '0' : '') + i.toString(16));
const hex32 = (v: number) =>
  HEX[v >>> 24] + HEX[(v >>> 16) & 255] + HEX[(v >>> 8) & 255] + HEX[v & 255];

/** SHA-256 of the first `len` bytes of the shared buffer (padding is written after them). */
function digestBuffer(len: number): string {
  const end = paddedSize(len);
  const p = ensure(end);
  p[len] = 0x80;
  p.fill(0, len + 1, end - 8);
  const bitLen = len * 8;
  const hiLen = Math.floor(bitLen / 0x100000000);
  const loLen = bitLen >>> 0;
  p[end - 8] = hiLen >>> 24;
  p[end - 7] = (hiLen >>> 16) & 255;
  p[end - 6] = (hiLen >>> 8) & 255;
  p[end - 5] = hiLen & 255;
  p[end - 4] = loLen >>> 24;
  p[end - 3] = (loLen >>> 16) & 255;
  p[end - 2] = (loLen >>> 8) & 255;
  p[end - 1] = loLen & 255;
  const w = W;
  const k = K;
  let h0 = 0x6a09e667 | 0,
    h1 = 0xbb67ae85 | 0,
    h2 = 0x3c6ef372 | 0,
    h3 = 0xa54ff53a | 0,
    h4 = 0x510e527f | 0,
    h5 = 0x9b05688c | 0,
    h6 = 0x1f83d9ab | 0,
    h7 = 0x5be0cd19 | 0;
  for (let off = 0; off < end; off += 64) {
    for (let i = 0, j = off; i < 16; i++, j += 4) {
      w[i] = (p[j] << 24) | (p[j + 1] << 16) | (p[j + 2] << 8) | p[j + 3];
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15],
        b = w[i - 2];
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let a = h0,
      b = h1,
      c = h2,
      d = h3,
      e = h4,
      f = h5,
      g = h6,
      h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + k[i] + w[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  buf = small;
  return (
    hex32(h0) + hex32(h1) + hex32(h2) + hex32(h3) + hex32(h4) + hex32(h5) + hex32(h6) + hex32(h7)
  );
}

/** SHA-256 of raw bytes, as lowercase hex. */
export function sha256Bytes(msg: Uint8Array): string {
  ensure(paddedSize(msg.length)).set(msg);
  return digestBuffer(msg.length);
}

/** SHA-256 of a string's UTF-8 bytes, as lowercase hex (encoded straight into a reused buffer). */
export function sha256Hex(s: string): string {
  return digestBuffer(encodeInto(s));
}
