import fc from 'fast-check';

/**
 * Bodies nobody planned for, for the bad-input suite: valid request templates with one value
 * replaced by something nasty (text Postgres cannot hold, header-breaking text, numbers JSON or
 * Postgres cannot carry, 5,000-deep nesting, wrong types), unrelated JSON, extra keys, and bytes
 * that are not JSON at all under odd content types.
 */

// Placeholders replaced in the serialized body by what JSON.stringify would never write.
const RAW: Record<string, string> = {
  '"@@HUGE@@"': '1e999',
  '"@@NEG_HUGE@@"': '-1e999',
  '"@@LONG_INT@@"': '123456789012345678901234567890123456789',
  '"@@TINY@@"': '1e-400',
  '"@@DEEP@@"': '['.repeat(5000) + ']'.repeat(5000),
  '"@@DEEP_OBJ@@"': '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
};

export const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '\u0000',
    'Main St\u0000pylon',
    '\ud800',
    'x\udfff',
    'Ann \ud83d',
    '\r\n',
    'image/png\r\nX-Evil: 1',
    'image/\u0000png',
    'text/html; charset=\u0000',
    '',
    ' ',
    '../../etc/passwd',
    '%00',
    '<Part><PartNumber>1</PartNumber></Part>',
    '"quoted"',
    "'; DROP TABLE users; --",
    '\u202eevil',
    '😀'.repeat(20),
    'x'.repeat(5000),
    '__proto__',
    'constructor',
  ),
);

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    -1,
    0,
    -0,
    1.5,
    1e308,
    2 ** 31,
    2 ** 53,
    2 ** 63,
    Number.MAX_SAFE_INTEGER + 2,
    1e-300,
  ),
);

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 2, arbitrary: fc.constantFrom(...Object.keys(RAW).map((k) => k.slice(1, -1))) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, nastyString, { maxKeys: 3 }) },
);

type Json = unknown;

function leafPaths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...leafPaths(x, [...prefix, i])));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) out.push(...leafPaths(x, [...prefix, k]));
  }
  return out;
}

function setAt(v: Json, path: (string | number)[], value: unknown): Json {
  if (!path.length) return value;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, Json>;
  copy[path[0]] = setAt(copy[path[0]], path.slice(1), value);
  return copy;
}

export function serialize(v: Json): string {
  let s = JSON.stringify(v) ?? 'null';
  for (const [k, raw] of Object.entries(RAW)) s = s.split(k).join(raw);
  return s;
}

export interface RawRequest {
  body?: string;
  contentType?: string;
}

const ODD_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/JSON',
  'application/json;;;',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/octet-stream',
  'application/xml',
];

/** Requests for a route whose valid body is `template` (made fresh for every run). */
export function bodies(template: () => Json): fc.Arbitrary<RawRequest> {
  const json = (body: string): RawRequest => ({ body, contentType: 'application/json' });
  const mutated = fc.tuple(fc.nat(), nastyValue).map(([i, value]) => {
    const t = template();
    const paths = leafPaths(t);
    return json(serialize(setAt(t, paths[i % paths.length], value)));
  });
  const extraKey = fc
    .tuple(nastyString, nastyValue)
    .map(([k, value]) => json(serialize({ ...(template() as object), [k]: value })));
  const unrelated = fc.jsonValue({ maxDepth: 4 }).map((v) => json(JSON.stringify(v) ?? 'null'));
  const raw = fc.record({
    body: fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('', '{', '{"a":', 'null', '[]', '"str"', '{"__proto__":{"x":1}}', '\u0000'),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
    ),
    contentType: fc.constantFrom(...ODD_TYPES),
  });
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 1, arbitrary: extraKey },
    { weight: 1, arbitrary: unrelated },
    { weight: 2, arbitrary: raw },
  );
}

/** Path or query values: nasty, URL-encoded. */
export const nastySegment = fc.oneof(
  fc.uuid(),
  nastyString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, 'x')) || 'x'),
  fc.constantFrom('%00', '%ff', '..', '%2e%2e', 'a%2Fb', '-1', '1e999', '99999999999999999999'),
);
