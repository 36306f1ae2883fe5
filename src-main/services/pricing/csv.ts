import {
  CSV_COLUMNS,
  decimalToMinor,
  minorToDecimal,
  OPTIONAL_CSV_COLUMNS,
  PRICE_PER,
  priceItemSchema,
  type PriceItem,
} from '../../../src-shared/quotes';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../../src-shared/errors';

/**
 * Price book CSV (RFC 4180: comma separated, double quotes around fields holding commas, quotes
 * or line breaks; a doubled quote inside). Prices are written in dollars (or percent for the unit
 * percent) with two decimals, so an export re-imports to the same integer cents.
 */

/** A record of the file and its row as a spreadsheet shows it (header = row 1). */
type Row = { no: number; cells: string[] };

/**
 * Reads the records with csv-parse. Rows are numbered the way a spreadsheet numbers them: a
 * quoted field with line breaks stays one row, and blank lines count as (empty) rows, so an error
 * names the row the user sees. Line endings may be mixed (LF, CRLF, CR), as files that passed
 * through several editors are; a quote inside an unquoted field is kept as text.
 */
function parseRows(text: string): Row[] {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as string[][];
  } catch (e) {
    const err = e as { code?: string; records?: number };
    const row = (err.records ?? 0) + 1;
    const msg =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field is never closed (a " is missing)'
        : 'the row cannot be read as CSV';
    throw new AppError('VALIDATION', `The CSV file cannot be read: row ${row}: ${msg}.`, {
      [`row ${row}.file`]: `Row ${row}: ${msg}`,
    });
  }
  return records
    .map((cells, i) => ({ no: i + 1, cells }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
}

const cell = (v: string | number) => {
  const t = String(v);
  return /[",\r\n]/.test(t) || /^\s|\s$/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

export function toCsv(items: readonly PriceItem[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const it of items)
    lines.push(
      [
        it.code,
        it.category,
        it.name,
        it.unit,
        minorToDecimal(it.price),
        it.match,
        it.fixed,
        it.perPole,
        it.perYd3,
        it.perFt2,
        it.increment ?? '',
        it.per ?? '',
      ]
        .map(cell)
        .join(','),
    );
  return lines.join('\r\n') + '\r\n';
}

const COLUMN_LABEL: Record<string, string> = {
  code: 'code',
  category: 'category',
  name: 'name',
  unit: 'unit',
  price: 'price',
  match: 'match',
  fixed: 'fixed',
  perPole: 'per_pole',
  perYd3: 'per_yd3',
  perFt2: 'per_ft2',
  increment: 'increment',
  per: 'per',
};

/**
 * Parses and validates a whole CSV. Any bad row refuses the whole file: AppError VALIDATION with
 * one message per bad cell, keyed `row N.column` (N = the row as a spreadsheet shows the file,
 * header = row 1).
 */
export function fromCsv(text: string): PriceItem[] {
  const rows = parseRows(text);
  if (!rows.length) throw new AppError('VALIDATION', 'The CSV file is empty.');
  const header = rows[0].cells.map((h) => h.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter(
    (c) => !header.includes(c) && !OPTIONAL_CSV_COLUMNS.includes(c),
  );
  if (missing.length)
    throw new AppError(
      'VALIDATION',
      `The CSV header is missing the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. Expected: ${CSV_COLUMNS.join(',')}.`,
      Object.fromEntries(
        missing.map((c) => [`row ${rows[0].no}.${c}`, `Column ${c} is missing from the header`]),
      ),
    );
  const at = (c: string) => header.indexOf(c);
  const fields: Record<string, string> = {};
  const bad = (row: number, col: string, msg: string) => {
    const k = `row ${row}.${col}`;
    if (!(k in fields)) fields[k] = `Row ${row}, column ${col}: ${msg}`;
  };
  const needed =
    Math.max(...CSV_COLUMNS.filter((c) => !OPTIONAL_CSV_COLUMNS.includes(c)).map(at)) + 1;
  const perCol = (rowNo: number, t: string) => {
    const v = t.toLowerCase();
    if (!(PRICE_PER as readonly string[]).includes(v))
      bad(
        rowNo,
        'per',
        `Per must be sign or job, or empty for the category's default (got "${t}")`,
      );
    return v;
  };
  const raw: unknown[] = [];
  const rowNos: number[] = [];
  rows.slice(1).forEach(({ no: rowNo, cells: r }) => {
    rowNos.push(rowNo);
    // an optional column left empty at the end of a line (increment) is not a short row
    if (r.length < needed) {
      bad(
        rowNo,
        CSV_COLUMNS.find((c) => at(c) >= r.length) ?? 'code',
        `the row has ${r.length} columns, the header ${header.length}`,
      );
    }
    const get = (c: string) => (at(c) >= 0 ? (r[at(c)] ?? '') : '').trim();
    const price = decimalToMinor(get('price'));
    if (price === null)
      bad(
        rowNo,
        'price',
        get('price').startsWith('-')
          ? 'Price must not be negative'
          : `Price must be a number with at most 2 decimals (got "${get('price')}")`,
      );
    const numCol = (c: string) => {
      const t = get(c);
      if (t === '') return 0;
      const v = Number(t);
      if (!Number.isFinite(v) || !/^-?\d+(\.\d+)?$/.test(t)) {
        bad(rowNo, c, `${c} must be a number (got "${t}")`);
        return 0;
      }
      return v;
    };
    raw.push({
      code: get('code'),
      category: get('category'),
      name: get('name'),
      unit: get('unit'),
      price: price ?? 0,
      match: get('match'),
      fixed: numCol('fixed'),
      perPole: numCol('per_pole'),
      perYd3: numCol('per_yd3'),
      perFt2: numCol('per_ft2'),
      // empty = the category's default increment (crew hours 0.25 h, concrete 0.25 yd³)
      ...(get('increment') !== '' ? { increment: numCol('increment') } : {}),
      // empty = the category's default (travel once per job, everything else per sign)
      ...(get('per') !== '' ? { per: perCol(rowNo, get('per')) } : {}),
    });
  });
  // each row on its own (so every bad row is named), then codes across rows, by file line
  const items: PriceItem[] = [];
  const seen = new Map<string, number>();
  raw.forEach((r, i) => {
    const rowNo = rowNos[i];
    const parsed = priceItemSchema.safeParse(r);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        bad(rowNo, COLUMN_LABEL[String(issue.path[0])] ?? 'code', issue.message);
      return;
    }
    const first = seen.get(parsed.data.code);
    if (first !== undefined)
      bad(rowNo, 'code', `Code ${parsed.data.code} is used twice (rows ${first} and ${rowNo})`);
    else seen.set(parsed.data.code, rowNo);
    items.push(parsed.data);
  });
  if (!raw.length) fields['file'] = 'The CSV has a header but no price rows';
  if (raw.length > 500) fields['file'] = 'A price book can have at most 500 items';
  const n = Object.keys(fields).length;
  if (n) {
    const sorted = Object.fromEntries(
      Object.entries(fields).sort((a, b) => rowOf(a[0]) - rowOf(b[0])),
    );
    throw new AppError(
      'VALIDATION',
      `The price book was not imported: ${n} problem${n > 1 ? 's' : ''} (the current price book stays in force). ${Object.values(sorted).join('; ')}`,
      sorted,
    );
  }
  return items;
}

const rowOf = (k: string) => Number(/^row (\d+)/.exec(k)?.[1] ?? 0);
