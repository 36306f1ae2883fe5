import { hash } from 'node:crypto';

/**
 * Canonical JSON, the one implementation (the engine's input hash, the audit chain, the sync
 * outbox): object keys sorted in code-unit order at every level (integer-like keys too: the order
 * never depends on how the keys look), no whitespace, `undefined` members dropped (`null` in an
 * array, as JSON.stringify), numbers as JSON writes them, non-finite numbers and values JSON
 * cannot carry (functions, symbols, bigint) rejected rather than silently turned into null or
 * dropped. Two values that mean the same thing (key order aside) give the same text, so the
 * same hash.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
      return String(value);
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i) out += ',';
          const v: unknown = value[i];
          out += v === undefined ? 'null' : canonicalJson(v);
        }
        return out + ']';
      }
      const obj = value as Record<string, unknown>;
      let out = '{';
      let first = true;
      for (const k of Object.keys(obj).sort()) {
        const v = obj[k];
        if (v === undefined) continue;
        out += (first ? '' : ',') + quotedKey(k) + canonicalJson(v);
        first = false;
      }
      return out + '}';
    }
    default:
      throw new Error(`canonicalJson: unsupported ${typeof value}`);
  }
}

/** `"key":` for a key, remembered for the few hundred keys the app's records use. */
const QUOTED = new Map<string, string>();
function quotedKey(k: string): string {
  let q = QUOTED.get(k);
  if (q === undefined) {
    q = JSON.stringify(k) + ':';
    if (QUOTED.size < 4096) QUOTED.set(k, q);
  }
  return q;
}

/** SHA-256 (FIPS 180-4, node:crypto's one-shot hash) of a text's UTF-8 bytes, lower-case hex. */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
