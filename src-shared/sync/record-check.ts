import { badCharacter, badCharacterMessage, cleanText } from '../validation';
import { MAX_RECORD_BYTES } from './protocol';
import { formatBytes } from '../format';

/**
 * The last line of defence before a record is stored and queued for sync (and, on the server,
 * before a pushed record is accepted): every string and key of the record's data must be
 * storable, and its JSON must fit MAX_RECORD_BYTES. The form schemas give field-level messages
 * first; this catches whatever else could reach storage (imports, engine input, older data).
 */
export interface RecordProblem {
  code: 'BAD_TEXT' | 'RECORD_TOO_LARGE';
  message: string;
  /** dotted path of the field at fault (`customer.contact`, `items.3.name`) */
  field: string;
}

const utf8 = new TextEncoder();
export const jsonBytes = (v: unknown): number => utf8.encode(JSON.stringify(v) ?? '').length;

function findBadText(v: unknown, path: string[]): RecordProblem | null {
  const at = (p: string[]) => p.join('.') || '(record)';
  if (typeof v === 'string') {
    const what = badCharacter(v, { multiline: true });
    return what
      ? { code: 'BAD_TEXT', field: at(path), message: badCharacterMessage(`"${at(path)}"`, what) }
      : null;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = findBadText(v[i], [...path, String(i)]);
      if (p) return p;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) {
      const what = badCharacter(k);
      if (what)
        return {
          code: 'BAD_TEXT',
          field: at([...path, k]),
          message: badCharacterMessage(`The name of "${at([...path, k])}"`, what),
        };
      const p = findBadText(child, [...path, k]);
      if (p) return p;
    }
  }
  return null;
}

/** The biggest part of a too-large record, followed down while one child holds most of it. */
function largestPart(v: unknown, path: string[] = []): { path: string[]; bytes: number } {
  const bytes = jsonBytes(v);
  if (!v || typeof v !== 'object') return { path, bytes };
  let best: { key: string; bytes: number } | null = null;
  for (const [k, child] of Object.entries(v)) {
    const b = jsonBytes(child);
    if (!best || b > best.bytes) best = { key: k, bytes: b };
  }
  if (!best || best.bytes < bytes / 2) return { path, bytes };
  return largestPart((v as Record<string, unknown>)[best.key], [...path, best.key]);
}

export function checkRecord(
  data: unknown,
  opts: { what?: string; labels?: (path: string) => string } = {},
): RecordProblem | null {
  const bad = findBadText(data, []);
  if (bad) {
    const label = opts.labels?.(bad.field);
    return label ? { ...bad, message: bad.message.replace(`"${bad.field}"`, label) } : bad;
  }
  const bytes = jsonBytes(data);
  if (bytes > MAX_RECORD_BYTES) {
    const part = largestPart(data);
    const field = part.path.join('.') || '(record)';
    const label = opts.labels?.(field) ?? `"${field}"`;
    return {
      code: 'RECORD_TOO_LARGE',
      field,
      message:
        `${opts.what ?? 'This record'} is too large to save and sync (${formatBytes(bytes)}; ` +
        `the limit is ${formatBytes(MAX_RECORD_BYTES)}). The largest part is ${label} ` +
        `(${formatBytes(part.bytes)}): shorten it.`,
    };
  }
  return null;
}

/** A copy of a JSON value with every string and key cleaned (see cleanText). */
export function cleanDeep<T>(v: T): T {
  if (typeof v === 'string') return cleanText(v, { multiline: true }) as T;
  if (Array.isArray(v)) return v.map(cleanDeep) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v)) out[cleanText(k)] = cleanDeep(child);
    return out as T;
  }
  return v;
}
