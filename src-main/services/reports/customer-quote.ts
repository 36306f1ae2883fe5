import { customerPrices } from '../pricing/customer-prices';
import {
  COLORS,
  createDoc,
  footers,
  heading,
  keyValues,
  pdfText,
  toBuffer,
  type Doc,
} from './pdf-doc';
import { wrapTable } from './pdf-table';
import { letterhead, money, printsAsJob, verdictNotice, type QuoteDoc } from './quote-doc';
import { FONT } from './fonts';
import { formatPercentBp, localDate } from '../../../src-shared/format';

const pct = formatPercentBp;

function paragraph(doc: Doc, text: string, size = 9.5): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font(FONT.regular).fontSize(size).fillColor(COLORS.text).text(pdfText(text), left, doc.y, {
    width,
  });
}

function bullets(doc: Doc, items: string[]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right - 12;
  doc.font(FONT.regular).fontSize(9).fillColor(COLORS.text);
  for (const it of items) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 14) doc.addPage();
    const y = doc.y;
    doc.text('-', left, y, { width: 10, lineBreak: false });
    doc.text(pdfText(it), left + 12, y, { width });
  }
  doc.x = left;
}

/** One design: the sign's description, then scope and price per group (or one price). */
function designScope(doc: Doc, d: QuoteDoc): void {
  const c = d.company;
  heading(doc, 'The sign', 11);
  paragraph(doc, d.description, 10);

  const cp = customerPrices(d.priced);
  heading(doc, 'Scope and price', 11);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  if (c.pricePresentation === 'total' || !cp.splittable) {
    bullets(
      doc,
      cp.groups.map((g) => `${g.label}: ${g.scope.join('; ')}`),
    );
    doc.moveDown(0.4);
    wrapTable(
      doc,
      [
        { header: '', width: width - 100 },
        { header: 'Price', width: 100, align: 'right' },
      ],
      [
        [
          { text: 'Price for the work above', bold: true },
          { text: money(cp.priceCents), bold: true },
        ],
      ],
    );
  } else {
    wrapTable(
      doc,
      [
        { header: 'Scope', width: 110 },
        { header: 'Includes', width: width - 210 },
        { header: 'Price', width: 100, align: 'right' },
      ],
      cp.groups.map((g) => [
        { text: g.label, bold: true },
        g.scope.join('; '),
        money(g.priceCents),
      ]),
    );
  }
  const rows: [string, string][] = [];
  if (cp.discountCents) rows.push([`Discount ${pct(cp.discountBp)}`, money(-cp.discountCents)]);
  if (cp.taxCents) rows.push([`Sales tax ${pct(cp.taxBp)}`, money(cp.taxCents)]);
  for (const [k, v] of rows)
    doc
      .font(FONT.regular)
      .fontSize(9.5)
      .fillColor(COLORS.text)
      .text(`${pdfText(k)}   ${v}`, left, doc.y, { width, align: 'right' });
  doc
    .font(FONT.bold)
    .fontSize(13)
    .fillColor(COLORS.text)
    .text(`Total ${money(cp.totalCents)}`, left, doc.y + 4, { width, align: 'right' });
}

/**
 * A job of several signs: each sign (mark, name, quantity, description) with its price (its share
 * of the job total, splitCents in price-job.ts), the work done once for the job with its price,
 * and the total. Never costs, hours or markup. One price for the job when the company shows one
 * total or when credits leave no fair split.
 */
function jobScope(doc: Doc, d: QuoteDoc): void {
  const c = d.company;
  const job = d.job;
  const t = job.totals;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const priced =
    c.pricePresentation !== 'total' &&
    job.signs.every((x) => x.priceCents !== null) &&
    (job.jobLines.length === 0 || job.jobLinesPriceCents !== null);
  heading(doc, `The signs (${job.signCount})`, 11);
  const descOf = (signId: string) =>
    d.signDescriptions.find((x) => x.signId === signId)?.description ?? '';
  const cols = [
    { header: 'Mark', width: 44 },
    { header: 'Sign', width: 96 },
    { header: 'Qty', width: 34, align: 'right' as const },
    { header: 'Description', width: width - (priced ? 274 : 174) },
    ...(priced ? [{ header: 'Price', width: 100, align: 'right' as const }] : []),
  ];
  const rows = job.signs.map((x) => [
    { text: x.mark, bold: true },
    x.name || '-',
    String(x.quantity),
    descOf(x.signId),
    ...(priced ? [money(x.priceCents!)] : []),
  ]);
  if (job.jobLines.length)
    rows.push([
      { text: 'Job', bold: true },
      'Once for the job',
      '',
      [...new Set(job.jobLines.map((l) => l.description))].join('; '),
      ...(priced ? [money(job.jobLinesPriceCents!)] : []),
    ]);
  wrapTable(doc, cols, rows);
  const notes: string[] = [];
  if (t.discountCents)
    notes.push(`Prices include a discount of ${pct(t.discountBp)} (${money(-t.discountCents)}).`);
  if (t.taxCents) notes.push(`Prices include sales tax ${pct(t.taxBp)} (${money(t.taxCents)}).`);
  if (!priced) notes.push('One price for the work above.');
  for (const n of notes)
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor(COLORS.text)
      .text(pdfText(n), left, doc.y, { width, align: 'right' });
  doc
    .font(FONT.bold)
    .fontSize(13)
    .fillColor(COLORS.text)
    .text(`Total ${money(t.totalCents)}`, left, doc.y + 4, { width, align: 'right' });
}

/** Signature, name, title and date lines for the customer's acceptance, kept on one page. */
function acceptance(doc: Doc, d: QuoteDoc): void {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  // the block is about 150 pt tall: never split across pages
  if (doc.y > doc.page.height - doc.page.margins.bottom - 150) doc.addPage();
  heading(doc, 'Acceptance', 12);
  paragraph(
    doc,
    `The undersigned accepts this quote${d.number !== null ? ` (quote ${d.number})` : ''}, its scope, price of ${money(d.priced.totals.totalCents)} and terms, and authorizes ${d.company.name || 'the contractor'} to proceed.`,
  );
  doc.moveDown(1.2);
  const half = (right - left - 30) / 2;
  const line = (label: string, x: number, y: number, w: number) => {
    doc
      .moveTo(x, y)
      .lineTo(x + w, y)
      .strokeColor(COLORS.text)
      .lineWidth(0.6)
      .stroke();
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(COLORS.muted)
      .text(label, x, y + 3, { width: w });
  };
  let y = doc.y + 18;
  line('Customer signature', left, y, half);
  line('Date', left + half + 30, y, half);
  y += 42;
  line('Name (printed)', left, y, half);
  line('Title', left + half + 30, y, half);
  doc.y = y + 20;
  doc.x = left;
}

/**
 * The customer quote: letterhead with logo and license no., customer and site, a plain
 * description of the sign, scope and price per group (or one price, as the company chose),
 * options, exclusions, terms, validity and an acceptance block. Never unit costs, crew hours,
 * contingency, markup lines or override marks (those are on the internal cost sheet).
 */
export async function customerQuotePdf(d: QuoteDoc): Promise<Buffer> {
  const c = d.company;
  const doc = createDoc({
    title: `${d.label} - ${d.customer.projectName}`,
    subject: 'Sign quote',
    author: c.name || d.createdBy,
    createdAt: d.date,
  });
  letterhead(doc, d, d.label, [
    `Date ${localDate(d.date)}`,
    `Valid until ${d.validUntil}`,
    ...(d.number === null ? ['Draft: not yet a saved revision'] : []),
  ]);
  verdictNotice(doc, d);

  heading(doc, 'Prepared for', 11);
  keyValues(
    doc,
    [
      ['Customer', [d.customer.company, d.customer.contact].filter(Boolean).join(' - ') || '-'],
      ['Contact', [d.customer.email, d.customer.phone].filter(Boolean).join(' - ') || '-'],
      ['Project', d.customer.projectName],
      ['Site', d.customer.siteAddress || '-'],
    ],
    110,
  );

  if (printsAsJob(d)) jobScope(doc, d);
  else designScope(doc, d);

  const included = d.priced.lines
    .filter((l) => d.priced.settings.includeFees.includes(l.code))
    .map((l) => l.description);
  if (included.length || d.optionsAvailable.length) {
    heading(doc, 'Options', 11);
    if (included.length) paragraph(doc, `Included in this price: ${included.join('; ')}.`, 9);
    if (d.optionsAvailable.length)
      paragraph(doc, `Available on request: ${d.optionsAvailable.join('; ')}.`, 9);
  }
  const exclusions = c.exclusions
    .split('\n')
    .map((l) => l.replace(/^\s*[-*•]\s*/, '').trim())
    .filter(Boolean);
  if (exclusions.length) {
    heading(doc, 'Not included', 11);
    bullets(doc, exclusions);
  }
  heading(doc, 'Terms', 11);
  paragraph(doc, c.terms || '-', 9);
  doc.moveDown(0.4);
  paragraph(
    doc,
    `This quote is valid until ${d.validUntil}${c.validityDays ? ` (${c.validityDays} days)` : ''}.`,
    9,
  );
  acceptance(doc, d);
  footers(doc, `${c.name || 'Quote'} - ${d.label} - ${d.customer.projectName}`);
  return toBuffer(doc);
}
