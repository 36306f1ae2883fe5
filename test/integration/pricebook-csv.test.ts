import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PriceBookVersion, PriceItem } from '../../src-shared/quotes';
import { fromCsv, toCsv } from '../../src-main/services/pricing/csv';
import { freshMain } from '../helpers/main';

let m: ReturnType<typeof freshMain>;
beforeEach(() => {
  m = freshMain({ now: () => '2026-03-01T10:00:00.000Z' });
});
afterEach(() => m.close());

const HEADER = 'code,category,name,unit,price,match,fixed,per_pole,per_yd3,per_ft2';

/** The fields of the VALIDATION error the import answers with. */
async function importFields(csv: string): Promise<Record<string, string>> {
  const err = await m.call('pricebook:import-csv', { csv }).then(
    () => null,
    (e: { code?: string; fields?: Record<string, string> }) => e,
  );
  expect(err?.code).toBe('VALIDATION');
  return err!.fields!;
}

describe('price book CSV rows are named as a spreadsheet numbers them', () => {
  it('a quoted name over two lines is one row: the bad price after it is on row 4, not line 5', async () => {
    const csv = [
      HEADER,
      'steel_pipe,steel,Pipe,lb,0.91,pipe,0,0,0,0',
      '"sign_face","fee","Sign face, two lines',
      'second line of the note",each,12.00,,0,0,0,0',
      'concrete,concrete,Concrete,yd3,abc,,0,0,0,0',
    ].join('\r\n');
    const fields = await importFields(csv);
    expect(fields['row 4.price']).toBe(
      'Row 4, column price: Price must be a number with at most 2 decimals (got "abc")',
    );
    // the line break itself is refused for a one-line name, on the row that holds it
    expect(Object.keys(fields).sort()).toEqual(['row 3.name', 'row 4.price']);
    expect(fields['row 3.name']).toMatch(/^Row 3, column name: Name /);
  });

  it('blank lines count as rows; a BOM and CRLF are read; only the bad rows are named', async () => {
    const csv =
      '\uFEFF' +
      [
        HEADER,
        'steel_pipe,steel,Pipe,lb,0.91,pipe,0,0,0,0',
        '',
        ',,,,,,,,,',
        'concrete,concrete,Concrete,yd3,-145.00,,0,0,0,0',
        'labor_x,labor,Crew,hour,95.00,,two,0,0,0',
      ].join('\r\n') +
      '\r\n';
    const fields = await importFields(csv);
    expect(fields).toEqual({
      'row 5.price': 'Row 5, column price: Price must not be negative',
      'row 6.fixed': 'Row 6, column fixed: fixed must be a number (got "two")',
    });
  });

  it('mixed line endings (LF, CRLF, CR) are each a row end', async () => {
    const csv = `${HEADER}\nsteel_pipe,steel,Pipe,lb,0.91,pipe,0,0,0,0\r\nconcrete,concrete,Concrete,yd3,145.00,,0,0,0,0\rgalv,finish,Galv,lb,x,,0,0,0,0\n`;
    expect(await importFields(csv)).toEqual({
      'row 4.price':
        'Row 4, column price: Price must be a number with at most 2 decimals (got "x")',
    });
  });

  it('a quote that is never closed names the row it opens on; the old book stays', async () => {
    const before = await m.call<PriceBookVersion>('pricebook:get-current');
    const csv = [
      HEADER,
      'steel_pipe,steel,Pipe,lb,0.91,pipe,0,0,0,0',
      'concrete,concrete,"Concrete, placed,yd3,145.00,,0,0,0,0',
      'labor_x,labor,Crew,hour,95.00,,0,0,0,0',
    ].join('\n');
    const err = await m.call('pricebook:import-csv', { csv }).then(
      () => null,
      (e: { code?: string; message?: string; fields?: Record<string, string> }) => e,
    );
    expect(err?.message).toBe(
      'The CSV file cannot be read: row 3: a quoted field is never closed (a " is missing).',
    );
    expect(err?.fields).toEqual({
      'row 3.file': 'Row 3: a quoted field is never closed (a " is missing)',
    });
    const after = await m.call<PriceBookVersion>('pricebook:get-current');
    expect(after.id).toBe(before.id);
  });

  it('a header after blank lines is the header; the missing column is named on its row', async () => {
    const fields = await importFields('\n\ncode,category,name,unit\nx,fee,X,each\n');
    expect(fields['row 3.price']).toBe('Column price is missing from the header');
  });

  it('a quote inside an unquoted field is text, as before', () => {
    const items = fromCsv(`${HEADER}\npipe_6,steel,6" pipe,lb,0.91,pipe,0,0,0,0\n`);
    expect(items[0].name).toBe('6" pipe');
  });
});

describe('price book CSV export quoting round-trips', () => {
  it('commas and quotes are quoted and come back the same', () => {
    const item = (code: string, name: string, match: string): PriceItem =>
      fromCsv(`${HEADER}\n${code},fee,x,each,1.00,,0,0,0,0\n`).map((i) => ({
        ...i,
        name,
        match,
      }))[0];
    const items = [
      item('a', 'Anchor bolts, 1" x 36"', ''),
      item('b', '"Quoted" name', ''),
      item('c', 'Plain', ''),
    ];
    const csv = toCsv(items);
    expect(csv.split('\r\n')[1]).toBe('a,fee,"Anchor bolts, 1"" x 36""",each,1.00,,0,0,0,0,,');
    expect(csv.split('\r\n')[2]).toBe('b,fee,"""Quoted"" name",each,1.00,,0,0,0,0,,');
    expect(csv.split('\r\n')[3]).toBe('c,fee,Plain,each,1.00,,0,0,0,0,,');
    expect(fromCsv(csv)).toEqual(items);
  });
});
