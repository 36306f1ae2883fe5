import { z } from 'zod';

/**
 * Strict objects for the design input: a key the schema does not know is an error naming the key
 * (and, when it is plainly a misspelling, the key it resembles), never silently dropped: a
 * `site.windspeedmph: 180` must not be designed at the default 115 mph.
 */

/** Levenshtein distance, small strings only (field names). */
function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = cur;
  }
  return prev[n];
}

/** The known key an unknown one most plausibly meant, or undefined when none is close. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase().replace(/[\s_-]/g, '');
  const exact = known.find((k) => k.toLowerCase() === lower);
  if (exact) return exact;
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  // a misspelling: at most 2 edits, and fewer than a third of the word
  return bestD <= Math.min(2, Math.floor(lower.length / 3)) ? best : undefined;
}

/** "Unknown field "x" in site (did you mean "y"?)" for each unknown key. */
export function unknownKeysMessage(
  keys: readonly string[],
  known: readonly string[],
  where: string,
): string {
  const place = where ? ` in ${where}` : '';
  const hint = (k: string) => {
    const near = closestKey(k, known);
    return near ? ` (did you mean "${near}"?)` : '';
  };
  const head =
    keys.length === 1
      ? `Unknown field "${keys[0]}"${place}${hint(keys[0])}`
      : `Unknown fields${place}: ${keys.map((k) => `"${k}"${hint(k)}`).join(', ')}`;
  return `${head}; the fields here are ${known.join(', ')}`;
}

/** z.strictObject whose unknown-key error names each key, where it is and what was meant. */
export function strictObject<T extends z.core.$ZodLooseShape>(where: string, shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys' ? unknownKeysMessage(iss.keys, known, where) : undefined,
  });
}
