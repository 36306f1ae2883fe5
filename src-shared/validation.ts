import { z } from 'zod';

/**
 * Plain-words validation helpers shared by every schema. A message always names the field and, for
 * numbers, the allowed range with its unit ("Width must be more than 0 ft"), so the UI can show it
 * next to the field and the CLI can print it as is. Never a schema path or a stack trace.
 */

export interface NumberRule {
  /** inclusive lower bound */
  min?: number;
  /** exclusive lower bound ("more than") */
  gt?: number;
  /** inclusive upper bound */
  max?: number;
  int?: boolean;
}

function unitSuffix(unit?: string): string {
  return unit ? ` ${unit}` : '';
}

function describeRange(rule: NumberRule, unit?: string): string {
  const u = unitSuffix(unit);
  const lo = rule.gt !== undefined ? `more than ${rule.gt}${u}` : undefined;
  if (rule.min !== undefined && rule.max !== undefined) {
    return `between ${rule.min} and ${rule.max}${u}`;
  }
  if (lo && rule.max !== undefined) return `${lo} and at most ${rule.max}${u}`;
  if (lo) return lo;
  if (rule.min !== undefined) return `at least ${rule.min}${u}`;
  if (rule.max !== undefined) return `at most ${rule.max}${u}`;
  return 'a number';
}

/** A finite number (zod 4 refuses NaN and Infinity as not numbers) with a plain-words message naming `label`, the range and the unit. */
export function num(label: string, unit: string | undefined, rule: NumberRule = {}) {
  const range = describeRange(rule, unit);
  const msg = `${label} must be ${rule.int ? 'a whole number ' : ''}${range}`.replace(
    /must be a whole number a number$/,
    'must be a whole number',
  );
  // z.number() refuses NaN and +-Infinity itself (zod 4), with the type message above
  return z
    .number({ error: `${label} must be a number (${range})` })
    .check(
      z.refine(
        (v) =>
          (!rule.int || Number.isInteger(v)) &&
          (rule.min === undefined || v >= rule.min) &&
          (rule.gt === undefined || v > rule.gt) &&
          (rule.max === undefined || v <= rule.max),
        { message: msg },
      ),
    );
}

/**
 * Characters no stored text may hold: C0 controls (NUL, bell, escape, ...), DEL, C1 controls, the
 * non-characters U+FFFE/U+FFFF and lone UTF-16 surrogates. Postgres refuses NUL and lone
 * surrogates outright (one such record used to stop an organization's sync); the others are
 * invisible, break CSV/PDF output and are never typed on purpose. Newline and tab are allowed in
 * multi-line fields only.
 */
const BAD_ALWAYS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_SINGLE_LINE = /[\t\n\r]/;

/** The first character of `s` that cannot be stored, described for a message; null when clean. */
export function badCharacter(s: string, opts: { multiline?: boolean } = {}): string | null {
  const m = BAD_ALWAYS.exec(s) ?? (opts.multiline ? null : BAD_SINGLE_LINE.exec(s));
  if (!m) return null;
  const c = m[0];
  if (c === '\t') return 'a tab';
  if (c === '\n' || c === '\r') return 'a line break';
  const code = c.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0) return `a NUL character (${hex})`;
  if (code >= 0xd800 && code <= 0xdfff)
    return `a broken character (half of an emoji or symbol, ${hex})`;
  return `an invisible control character (${hex})`;
}

/** The plain-words message for a field holding a character that cannot be stored. */
export function badCharacterMessage(label: string, what: string): string {
  return `${label} contains ${what}, which cannot be saved. Remove it (retype the text if it was pasted).`;
}

/**
 * Replaces what cannot be stored (for the repair of old data and for arriving records): line
 * breaks and tabs become spaces in single-line text, CRLF becomes LF, anything else becomes
 * U+FFFD so the reader sees where something was. Everything else is kept as it is.
 */
export function cleanText(s: string, opts: { multiline?: boolean } = {}): string {
  let out = opts.multiline ? s.replace(/\r\n?/g, '\n') : s.replace(/[\t\n\r]/g, ' ');
  const all = new RegExp(BAD_ALWAYS.source, 'g');
  out = out.replace(all, '\uFFFD');
  return out;
}

/** A string rule (no unstorable characters) to add to any string schema that reaches storage. */
export function storable(label: string, opts: { multiline?: boolean } = {}) {
  return z.refine<string>((v) => badCharacter(v, opts) === null, {
    error: (iss) =>
      badCharacterMessage(label, badCharacter(iss.input as string, opts) ?? 'a character'),
  });
}

/**
 * A trimmed text with a length limit, named in the message. `multiline` allows line breaks and
 * tabs (CRLF is stored as LF); every other control character, and broken characters, are refused.
 */
export function text(
  label: string,
  opts: { required?: boolean; max: number; multiline?: boolean },
) {
  let s = z
    .string({ error: `${label} must be text` })
    .trim()
    .max(opts.max, { message: `${label} must be at most ${opts.max} characters` });
  if (opts.multiline) s = s.overwrite((v) => v.replace(/\r\n?/g, '\n'));
  s = s.check(storable(label, { multiline: opts.multiline }));
  if (opts.required) s = s.min(1, { message: `${label} is required` });
  return s;
}

export const emailOrEmpty = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(254, { message: `${label} must be at most 254 characters` })
    .check(storable(label))
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
      message: `${label} must be a valid email address, like name@company.com`,
    });

/** Zod issues -> `{ 'customer.email': 'Email must be ...' }` (first message per field wins). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    // an unknown key of a strict object is reported at the key itself (`site.windspeedmph`)
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) {
      const key = path.length ? path.map(String).join('.') : '(input)';
      if (!(key in out)) out[key] = issue.message;
    }
  }
  return out;
}

/** One line per bad field, for CLIs and logs: `customer.email: Email must be ...`. */
export function describeFieldErrors(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}
