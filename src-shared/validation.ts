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

/** A finite number with a plain-words message naming `label`, the range and the unit. */
export function num(label: string, unit: string | undefined, rule: NumberRule = {}) {
  const range = describeRange(rule, unit);
  const msg = `${label} must be ${rule.int ? 'a whole number ' : ''}${range}`.replace(
    /must be a whole number a number$/,
    'must be a whole number',
  );
  return z.number({ error: `${label} must be a number${rule.int ? '' : ''} (${range})` }).check(
    z.refine((v) => Number.isFinite(v), { message: `${label} must be a finite number` }),
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

/** A trimmed text with a length limit, named in the message. */
export function text(label: string, opts: { required?: boolean; max: number }) {
  let s = z
    .string({ error: `${label} must be text` })
    .trim()
    .max(opts.max, { message: `${label} must be at most ${opts.max} characters` });
  if (opts.required) s = s.min(1, { message: `${label} is required` });
  return s;
}

export const emailOrEmpty = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(254, { message: `${label} must be at most 254 characters` })
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
      message: `${label} must be a valid email address, like name@company.com`,
    });

/** Zod issues -> `{ 'customer.email': 'Email must be ...' }` (first message per field wins). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '(input)';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** One line per bad field, for CLIs and logs: `customer.email: Email must be ...`. */
export function describeFieldErrors(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}
