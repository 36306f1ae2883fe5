import { TEXT_LIMITS as L } from '../../src-shared/limits';
import { SIGN_LIMITS } from '../../src-shared/signs';
import { MAX_RECORD_BYTES, type RejectCode } from '../../src-shared/sync/protocol';
import { BAD_TEXT, describeBadText, printable } from '../http/text';
import { formatInteger } from '../../src-shared/format';

/**
 * What the server refuses in a synced record's `data`, judged per mutation so one bad record is
 * answered `rejected` (with a plain reason and the field) while the rest of its batch applies:
 * - text Postgres cannot store: NUL (U+0000) and unpaired UTF-16 surrogates, in values and keys;
 * - numbers JSON cannot carry (a literal like 1e999 parses to Infinity and would be stored as null);
 * - nesting deeper than MAX_DEPTH (Postgres' JSON parser runs out of stack first, near 5,000);
 * - a record over MAX_RECORD_BYTES of UTF-8 JSON, so it can never reach, and break, another
 *   laptop's pull; strings longer than the shared form limits (project fields) or MAX_TEXT_CHARS.
 */

export interface RecordProblem {
  code: RejectCode;
  message: string;
  /** dotted path into data (`customer.contact`, `lines.3.note`); absent for the whole record */
  field?: string;
}

/** Deeper than any record the app writes (a design revision nests about 8 levels). */
export const MAX_DEPTH = 64;
/** Longest text of any synced field: above the largest legit one (a 400,000-character logo). */
export const MAX_TEXT_CHARS = 512 * 1024;

type Limits = Map<string, number>;

/** Per-entity field limits: the numbers the desktop forms use (src-shared/limits.ts). */
const FIELD_LIMITS: Record<string, Limits> = {
  project: new Map([
    ['name', L.projectName],
    ['customer.company', L.customerCompany],
    ['customer.contact', L.customerContact],
    ['customer.email', L.customerEmail],
    ['customer.phone', L.customerPhone],
    ['siteAddress', L.siteAddress],
    ['jurisdiction', L.jurisdiction],
    ['notes', L.projectNotes],
  ]),
  sign: new Map([
    ['mark', SIGN_LIMITS.mark],
    ['name', SIGN_LIMITS.name],
  ]),
  design: new Map([['note', L.revisionNote]]),
};

/**
 * Walks data without recursion (a 5,000-deep body must not blow the stack here either). Returns
 * the first problem that makes the record unstorable, and apart from it the first over-long text.
 */
function walk(
  data: Record<string, unknown>,
  limits: Limits | undefined,
): { fatal: RecordProblem | null; tooLong: RecordProblem | null } {
  let tooLong: RecordProblem | null = null;
  const stack: { value: unknown; path: string[]; depth: number }[] = [
    { value: data, path: [], depth: 1 },
  ];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    const field = path.join('.');
    if (typeof value === 'string') {
      if (BAD_TEXT.test(value)) {
        return {
          tooLong,
          fatal: {
            code: 'INVALID_TEXT',
            message: `The server cannot store ${field}: it contains ${describeBadText(value)}; remove it and sync again.`,
            field,
          },
        };
      }
      const max = limits?.get(field) ?? MAX_TEXT_CHARS;
      if (value.length > max && !tooLong) {
        tooLong = {
          code: 'FIELD_TOO_LONG',
          message: `${field} is ${formatInteger(value.length)} characters long; at most ${formatInteger(max)} are allowed.`,
          field,
        };
      }
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) {
        return {
          tooLong,
          fatal: {
            code: 'INVALID_NUMBER',
            message: `${field} is a number too large to store (it reads as ${value}).`,
            field,
          },
        };
      }
    } else if (value !== null && typeof value === 'object') {
      if (depth > MAX_DEPTH) {
        return {
          tooLong,
          fatal: {
            code: 'TOO_DEEP',
            message: `${field} is nested more than ${MAX_DEPTH} levels deep; records this deep are refused.`,
            field,
          },
        };
      }
      const entries = Array.isArray(value)
        ? value.map((v, i) => [String(i), v] as const)
        : Object.entries(value);
      for (const [k, v] of entries) {
        if (BAD_TEXT.test(k)) {
          const at = [...path, printable(k)].join('.');
          return {
            tooLong,
            fatal: {
              code: 'INVALID_TEXT',
              message: `The server cannot store the field name ${at}: it contains ${describeBadText(k)}; rename or remove it.`,
              field: at,
            },
          };
        }
        stack.push({ value: v, path: [...path, k], depth: depth + 1 });
      }
    }
  }
  return { fatal: null, tooLong };
}

/** The first reason this record's data cannot be stored, or null when it can. */
export function checkRecordData(
  entity: string,
  data: Record<string, unknown>,
): RecordProblem | null {
  const { fatal, tooLong } = walk(data, FIELD_LIMITS[entity]);
  if (fatal) return fatal;
  // Size before field lengths: a 5 MB record is refused for its size, naming its largest field.
  // The JSON of an object is `{"k":v,...}`: sum its fields' JSON instead of stringifying twice.
  const fields: [string, number][] = [];
  let bytes = 2;
  for (const [k, v] of Object.entries(data)) {
    const json = JSON.stringify(v);
    if (json === undefined) continue;
    const size = Buffer.byteLength(json, 'utf8');
    fields.push([k, size]);
    bytes += (fields.length > 1 ? 1 : 0) + Buffer.byteLength(JSON.stringify(k), 'utf8') + 1 + size;
  }
  if (bytes > MAX_RECORD_BYTES) {
    const biggest = fields.sort((x, y) => y[1] - x[1])[0];
    return {
      code: 'RECORD_TOO_LARGE',
      message:
        `This ${entity} is ${formatInteger(bytes)} bytes; the limit is ${formatInteger(MAX_RECORD_BYTES)} bytes (1 MiB)` +
        (biggest
          ? `; its largest field is ${biggest[0]} (${formatInteger(biggest[1])} bytes).`
          : '.'),
      field: biggest?.[0],
    };
  }
  return tooLong;
}
