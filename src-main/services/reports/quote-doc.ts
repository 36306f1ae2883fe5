import type { DesignVerdict } from '../../../src-shared/engine';
import {
  verdictHeadline,
  type Company,
  type DesignAcknowledgement,
  type PricedJob,
  type PricedQuote,
  type QuoteRevision,
} from '../../../src-shared/quotes';
import { COLORS, pdfText, type Doc } from './pdf-doc';
import { noticeBox } from './pdf-table';
import { FONT } from './fonts';
import { formatMoney, localDate } from '../../../src-shared/format';

/**
 * What both quote documents print, from a saved revision or from the working quote. Built only
 * from stored data with a fixed date, so the same revision always gives the same bytes.
 */
export interface QuoteDoc {
  /** "QUOTE 2", or "DRAFT QUOTE" for the working quote */
  label: string;
  /** revision number; null for the working quote */
  number: number | null;
  /** the document date (ISO): the revision's time, or the draft's last change */
  date: string;
  validUntil: string;
  company: Company;
  customer: QuoteRevision['customer'];
  priced: PricedQuote;
  description: string;
  verdict: DesignVerdict;
  acknowledgements: DesignAcknowledgement[];
  createdBy: string;
  /** names of the price book's optional items the quote does not include (offered on request) */
  optionsAvailable: string[];
  /** the job (issue 15) and each sign's plain description, in schedule order */
  job: PricedJob;
  signDescriptions: { signId: string; description: string }[];
}

/**
 * Whether the documents print the job's layout (signs, then job lines): a job of several signs or
 * of one sign × more than 1. A job of one sign × 1 prints exactly as a one-design quote did, so a
 * revision saved before the sign schedule regenerates the same bytes.
 */
export function printsAsJob(d: Pick<QuoteDoc, 'job'>): boolean {
  return d.job.signs.length > 1 || d.job.signs.some((x) => x.quantity > 1);
}

/** Integer cents as "$12,345.67" / "-$3.50" (the shared format module). */
export const money = formatMoney;

export function logoBuffer(dataUrl: string): Buffer | null {
  const m = /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl);
  return m ? Buffer.from(m[2], 'base64') : null;
}

/**
 * The company block at the top left (logo, name, address, contacts, license) and the document
 * title at the top right. Returns with doc.y below both.
 */
export function letterhead(doc: Doc, d: QuoteDoc, title: string, meta: string[]): void {
  const c = d.company;
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  const top = doc.y;
  const logo = logoBuffer(c.logoDataUrl);
  let logoShown = false;
  if (logo) {
    try {
      doc.image(logo, left, top, { fit: [120, 60] });
      logoShown = true;
    } catch {
      // an unreadable image must not stop the quote; the header text still prints
    }
  }
  const tx = logoShown ? left + 135 : left;
  const tw = right - tx - 170;
  doc
    .font(FONT.bold)
    .fontSize(16)
    .fillColor(COLORS.text)
    .text(pdfText(c.name || 'Quote'), tx, top, { width: tw });
  doc.font(FONT.regular).fontSize(9).fillColor(COLORS.muted);
  const contact = [c.phone, c.email].filter(Boolean).join('  ·  ');
  for (const line of [c.address, contact, c.licenseNo ? `License no. ${c.licenseNo}` : ''])
    if (line) doc.text(pdfText(line), tx, doc.y, { width: tw });
  const afterCompany = doc.y;
  doc
    .font(FONT.bold)
    .fontSize(18)
    .fillColor(COLORS.accent)
    .text(pdfText(title), right - 170, top, { width: 170, align: 'right' });
  doc.font(FONT.regular).fontSize(9).fillColor(COLORS.text);
  for (const m of meta) doc.text(pdfText(m), right - 170, doc.y, { width: 170, align: 'right' });
  doc.y = Math.max(afterCompany, doc.y, logoShown ? top + 64 : 0) + 12;
  doc.x = left;
}

/** The design status, printed plainly on both documents when the design does not pass. */
export function verdictNotice(doc: Doc, d: QuoteDoc): void {
  if (d.verdict.status === 'passes') return;
  const acks = d.acknowledgements.map(
    (a) =>
      `${a.kind === 'send' ? 'Sending' : 'Quoting'} acknowledged by ${a.by} on ${localDate(a.at)}.`,
  );
  noticeBox(doc, `${verdictHeadline(d.verdict)}:`, [...d.verdict.reasons, ...acks]);
}

/** pdfkit writes a time-free file name: project name reduced to letters and digits. */
export function fileStem(projectName: string): string {
  return (
    projectName
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'project'
  );
}
