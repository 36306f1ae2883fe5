/**
 * Text Postgres cannot store: NUL (U+0000, refused by `text` and `jsonb` alike) and UTF-16
 * surrogate halves without their partner (not Unicode; jsonb refuses the `\udXXX` escape JSON
 * gives them). With the `u` flag a valid surrogate pair is one code point and does not match.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
export const BAD_TEXT = /\u0000|\p{Surrogate}/u;
// eslint-disable-next-line no-control-regex -- as above
const BAD_TEXT_ALL = /\u0000|\p{Surrogate}/gu;

/** "a NUL character (U+0000)", for a message naming the field. */
export function describeBadText(s: string): string {
  const ch = BAD_TEXT.exec(s)?.[0] ?? '';
  const hex = ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return ch === '\u0000'
    ? 'a NUL character (U+0000)'
    : `an unpaired UTF-16 surrogate (U+${hex}), which is not valid Unicode text`;
}

/** A key made printable for a message or a field path: bad characters as \uXXXX. */
export function printable(key: string): string {
  return key.replace(BAD_TEXT_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The first string (value or key) with bad text in a parsed request part, as a dotted path, or
 * null. Iterative, so a 5,000-deep body cannot exhaust the stack; `skip` leaves out subtrees
 * judged elsewhere (a push's record data is judged per mutation).
 */
export function findBadText(
  value: unknown,
  skip: (path: string[]) => boolean = () => false,
): { path: string; what: string } | null {
  const stack: { v: unknown; path: string[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (skip(path)) continue;
    if (typeof v === 'string') {
      if (BAD_TEXT.test(v)) return { path: path.join('.'), what: describeBadText(v) };
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (BAD_TEXT.test(k)) {
          return {
            path: [...path, printable(k)].join('.'),
            what: `a name with ${describeBadText(k)}`,
          };
        }
        stack.push({ v: child, path: [...path, k] });
      }
    }
  }
  return null;
}
