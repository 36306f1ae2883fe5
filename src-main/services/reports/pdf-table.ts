import { COLORS, pdfText, type Doc } from './pdf-doc';
import { FONT } from './fonts';

/**
 * A ruled table whose cells wrap instead of being cut with "...": every word of a scope or a
 * quantity basis is printed. Rows never split across pages; the header repeats on a new page.
 */
export interface WrapColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
}
export interface WrapCell {
  text: string;
  /** a second, smaller muted line under the text (e.g. how a quantity was found) */
  note?: string;
  bold?: boolean;
}

const PAD = 3;

function cellHeight(doc: Doc, c: WrapCell, width: number): number {
  doc.font(c.bold ? FONT.bold : FONT.regular).fontSize(8.5);
  let h = doc.heightOfString(pdfText(c.text || ' '), { width: width - 2 * PAD });
  if (c.note) {
    doc.font(FONT.regular).fontSize(7);
    h += doc.heightOfString(pdfText(c.note), { width: width - 2 * PAD }) + 1;
  }
  return h;
}

export function wrapTable(
  doc: Doc,
  columns: WrapColumn[],
  rows: (WrapCell | string)[][],
  opts: { color?: (i: number) => string | undefined } = {},
): void {
  const left = doc.page.margins.left;
  const totalW = columns.reduce((s, c) => s + c.width, 0);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const header = () => {
    const y = doc.y;
    doc.font(FONT.bold).fontSize(8).fillColor(COLORS.muted);
    let x = left;
    for (const c of columns) {
      doc.text(pdfText(c.header), x + PAD, y, {
        width: c.width - 2 * PAD,
        align: c.align ?? 'left',
        lineBreak: false,
      });
      x += c.width;
    }
    doc.y = y + 12;
    doc
      .moveTo(left, doc.y - 1)
      .lineTo(left + totalW, doc.y - 1)
      .strokeColor(COLORS.line)
      .lineWidth(0.5)
      .stroke();
    doc.y += 2;
  };
  header();
  rows.forEach((raw, i) => {
    const cells = raw.map((c) => (typeof c === 'string' ? { text: c } : c));
    const h = Math.max(...cells.map((c, j) => cellHeight(doc, c, columns[j].width))) + 2 * PAD;
    if (doc.y + h > bottom()) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    let x = left;
    cells.forEach((c, j) => {
      const col = columns[j];
      const w = col.width - 2 * PAD;
      doc
        .font(c.bold ? FONT.bold : FONT.regular)
        .fontSize(8.5)
        .fillColor(opts.color?.(i) ?? COLORS.text)
        .text(pdfText(c.text), x + PAD, y + PAD, { width: w, align: col.align ?? 'left' });
      if (c.note)
        doc
          .font(FONT.regular)
          .fontSize(7)
          .fillColor(COLORS.muted)
          .text(pdfText(c.note), x + PAD, doc.y + 1, { width: w, align: col.align ?? 'left' });
      x += col.width;
    });
    doc.y = y + h;
    doc
      .moveTo(left, doc.y)
      .lineTo(left + totalW, doc.y)
      .strokeColor(COLORS.line)
      .lineWidth(0.3)
      .stroke();
  });
  doc.fillColor(COLORS.text);
  doc.x = left;
  doc.moveDown(0.4);
}

/** A boxed notice (the design status) in the warning colour, wrapping its text. */
export function noticeBox(doc: Doc, title: string, lines: string[]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const body = lines.map((l) => pdfText(l)).join('\n');
  doc.font(FONT.bold).fontSize(10);
  const th = doc.heightOfString(pdfText(title), { width: width - 16 });
  doc.font(FONT.regular).fontSize(9);
  const h = th + doc.heightOfString(body, { width: width - 16 }) + 16;
  if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  doc.rect(left, y, width, h).lineWidth(1.2).strokeColor(COLORS.warn).stroke();
  doc
    .font(FONT.bold)
    .fontSize(10)
    .fillColor(COLORS.warn)
    .text(pdfText(title), left + 8, y + 6, { width: width - 16 });
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(COLORS.text)
    .text(body, left + 8, doc.y + 2, { width: width - 16 });
  doc.y = y + h + 8;
  doc.x = left;
}
