import PDFDocument from 'pdfkit';
import { fitToBox, type Drawing } from '../../../src-shared/drawing/elevation';
import { FONT, canDraw, registerFonts } from './fonts';

/**
 * Shared PDF plumbing for the calc report and the quote (pdfkit: pure JS, no Electron), in the
 * embedded DejaVu fonts (fonts.ts). Output is deterministic: the only time in the file is the declared CreationDate, which callers set from
 * the record being printed, so the same record gives the same bytes.
 */
export type Doc = PDFKit.PDFDocument;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Zero-width marks, joiners and variation selectors: fine to drop where the font has none. */
const ignorable = (cp: number) =>
  (cp >= 0x200b && cp <= 0x200f) ||
  (cp >= 0x2060 && cp <= 0x2064) ||
  (cp >= 0xfe00 && cp <= 0xfe0f);
const PLAIN = /^[\x20-\x7e\n]*$/;

/**
 * Text as the embedded fonts print it: every character they draw stays (Ω, √, ≤, ², accents,
 * Greek, Cyrillic); a character they have no glyph for (CJK, emoji) prints as U+FFFD "�", one per
 * user-perceived character, never as an empty box or a crash; a tab is a space, other control
 * characters "?" (stored text is checked before it is saved, so these are old or foreign data).
 */
export function pdfText(s: string): string {
  if (PLAIN.test(s)) return s;
  let out = '';
  for (const { segment } of graphemes.segment(s)) {
    if (segment === '\n' || segment === '\r\n' || segment === '\r') {
      out += '\n';
      continue;
    }
    if (segment === '\t') {
      out += ' ';
      continue;
    }
    let kept = '';
    let bad = false;
    for (const ch of segment) {
      const cp = ch.codePointAt(0) as number;
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
        kept = '?';
        break;
      }
      if (canDraw(cp)) kept += ch;
      else if (!ignorable(cp)) bad = true;
    }
    out += bad ? '\ufffd' : kept;
  }
  return out;
}

export function createDoc(opts: {
  title: string;
  subject: string;
  author: string;
  createdAt: string;
}): Doc {
  const created = new Date(opts.createdAt);
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: 54, bottom: 54, left: 54, right: 54 },
    compress: true,
    bufferPages: true,
    info: {
      // the document information is Unicode text (PDF text strings): no font involved
      Title: opts.title,
      Subject: opts.subject,
      Author: opts.author,
      Creator: 'Signwright',
      Producer: 'Signwright (pdfkit)',
      CreationDate: created,
      ModDate: created,
    },
  });
  registerFonts(doc);
  return doc;
}

export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export const COLORS = {
  text: '#1d2430',
  muted: '#5d6878',
  line: '#c9cfd8',
  accent: '#1f5fbf',
  warn: '#b3261e',
};

export function heading(doc: Doc, text: string, size = 14): void {
  if (doc.y > doc.page.height - 120) doc.addPage();
  doc.moveDown(0.6).font(FONT.bold).fontSize(size).fillColor(COLORS.text).text(pdfText(text));
  doc.moveDown(0.3).font(FONT.regular).fontSize(9);
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** A simple ruled table that breaks across pages and repeats its header. */
export function table(
  doc: Doc,
  columns: Column[],
  rows: string[][],
  opts: { highlight?: (i: number) => string | undefined } = {},
): void {
  const left = doc.page.margins.left;
  const rowH = 14;
  const drawHeader = () => {
    let x = left;
    const y = doc.y;
    doc.font(FONT.bold).fontSize(8).fillColor(COLORS.muted);
    for (const c of columns) {
      doc.text(pdfText(c.header), x + 2, y, {
        width: c.width - 4,
        height: 10,
        align: c.align ?? 'left',
        lineBreak: false,
        ellipsis: true,
      });
      x += c.width;
    }
    doc.y = y + rowH - 2;
    doc
      .moveTo(left, doc.y - 2)
      .lineTo(left + columns.reduce((s, c) => s + c.width, 0), doc.y - 2)
      .strokeColor(COLORS.line)
      .lineWidth(0.5)
      .stroke();
    doc.font(FONT.regular).fontSize(8.5).fillColor(COLORS.text);
  };
  drawHeader();
  rows.forEach((row, i) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - rowH) {
      doc.addPage();
      drawHeader();
    }
    const color = opts.highlight?.(i);
    doc.fillColor(color ?? COLORS.text);
    let x = left;
    const y = doc.y;
    row.forEach((cell, j) => {
      const c = columns[j];
      doc.text(pdfText(cell), x + 2, y, {
        width: c.width - 4,
        height: 10,
        align: c.align ?? 'left',
        lineBreak: false,
        ellipsis: true,
      });
      x += c.width;
    });
    doc.y = y + rowH;
  });
  doc.fillColor(COLORS.text);
  doc.x = left;
  doc.moveDown(0.4);
}

/** The font size (at most `size`, at least 7) at which `text` fits `width` on one line. */
function sizeToFit(doc: Doc, text: string, width: number, size: number): number {
  doc.fontSize(size);
  const w = doc.widthOfString(text);
  return w <= width ? size : Math.max(7, (size * width) / (w + 1));
}

export function keyValues(doc: Doc, pairs: [string, string][], keyWidth = 170): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - keyWidth - doc.page.margins.right;
  doc.font(FONT.regular);
  for (const [k, v] of pairs) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 14) doc.addPage();
    const y = doc.y;
    const key = pdfText(k);
    // a key stays on its line; so does a value of one long word (the 64-digit input hash, a URL)
    doc
      .fillColor(COLORS.muted)
      .fontSize(sizeToFit(doc, key, keyWidth - 6, 9.5))
      .text(key, left, y, { width: keyWidth, lineBreak: false });
    const value = pdfText(v);
    doc
      .fillColor(COLORS.text)
      .fontSize(/\s/.test(value) ? 9.5 : sizeToFit(doc, value, width, 9.5))
      .text(value, left + keyWidth, y, { width });
    doc.fontSize(9.5);
    doc.y = Math.max(doc.y, y + 13);
  }
  doc.x = left;
}

/** Draws the shared elevation geometry as vector paths in a box at the current position. */
export function drawElevation(doc: Doc, drawing: Drawing, width: number, height: number): void {
  const x0 = doc.page.margins.left;
  const y0 = doc.y;
  const t = fitToBox(drawing.bounds, width, height, 10);
  const X = (x: number) => x0 + t.x(x);
  const Y = (y: number) => y0 + t.y(y);
  doc.save().lineWidth(0.8);
  for (const s of drawing.shapes) {
    if (s.kind === 'rect') {
      const fill = s.role === 'cabinet' ? '#e6eefb' : s.role === 'footing' ? '#e9e9e9' : '#8a96a8';
      doc.rect(X(s.x), Y(s.y + s.h), s.w * t.scale, s.h * t.scale).fillAndStroke(fill, '#1d2430');
    } else if (s.kind === 'line') {
      doc
        .moveTo(X(s.x1), Y(s.y1))
        .lineTo(X(s.x2), Y(s.y2))
        .strokeColor(s.role === 'grade' ? '#1d2430' : '#9aa3af')
        .lineWidth(s.role === 'grade' ? 1.2 : 0.4)
        .stroke();
    } else if (s.kind === 'dim') {
      const off = 8;
      const dx = s.side === 'left' ? -off : s.side === 'right' ? off : 0;
      const dy = s.side === 'above' ? -off : s.side === 'below' ? off : 0;
      const ax = X(s.x1) + dx;
      const ay = Y(s.y1) + dy;
      const bx = X(s.x2) + dx;
      const by = Y(s.y2) + dy;
      doc.moveTo(ax, ay).lineTo(bx, by).strokeColor(COLORS.accent).lineWidth(0.5).stroke();
      doc.fontSize(7).fillColor(COLORS.accent);
      const mx = (ax + bx) / 2;
      const my = (ay + by) / 2;
      if (s.side === 'left')
        doc.text(pdfText(s.text), mx - 104, my - 4, {
          width: 100,
          align: 'right',
          lineBreak: false,
        });
      else if (s.side === 'right')
        doc.text(pdfText(s.text), mx + 4, my - 4, { width: 100, lineBreak: false });
      else
        doc.text(pdfText(s.text), mx - 50, s.side === 'above' ? my - 10 : my + 3, {
          width: 100,
          align: 'center',
          lineBreak: false,
        });
    } else if (s.kind === 'arrow') {
      const ax = X(s.x1);
      const ay = Y(s.y1);
      const bx = X(s.x2);
      const by = Y(s.y2);
      doc.moveTo(ax, ay).lineTo(bx, by).strokeColor(COLORS.warn).lineWidth(1.2).stroke();
      doc.polygon([bx, by], [bx - 6, by - 3], [bx - 6, by + 3]).fill(COLORS.warn);
      doc
        .fontSize(7.5)
        .fillColor(COLORS.warn)
        .text(pdfText(s.text), ax, ay - 11, { width: 140, lineBreak: false });
    } else if (s.kind === 'label') {
      doc
        .fontSize(7)
        .fillColor(COLORS.text)
        .text(pdfText(s.text), X(s.x) + 2, Y(s.y) - 4, { width: 120, lineBreak: false });
    }
  }
  doc.restore();
  doc.fillColor(COLORS.text);
  doc.x = x0;
  doc.y = y0 + height + 6;
}

/** Page numbers and a footer line on every page (needs bufferPages). */
export function footers(doc: Doc, text: string): void {
  const range = doc.bufferedPageRange();
  footerPages(doc, text, range.start, range.start + range.count);
}

/** The footer line on pages [from, to) (numbered over the whole document): the job packet's parts. */
export function footerPages(doc: Doc, text: string, from: number, to: number): void {
  const range = doc.bufferedPageRange();
  for (let i = from; i < to; i++) {
    doc.switchToPage(i);
    // below the bottom margin: lift the margin while writing so pdfkit does not add a page
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const bottom = doc.page.height - 36;
    doc.font(FONT.regular).fontSize(7.5).fillColor(COLORS.muted);
    doc.text(pdfText(text), doc.page.margins.left, bottom, { width: 400, lineBreak: false });
    doc.text(
      `Page ${i + 1} of ${range.count}`,
      doc.page.width - doc.page.margins.right - 100,
      bottom,
      {
        width: 100,
        align: 'right',
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = margin;
  }
}
