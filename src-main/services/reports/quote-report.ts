import {
  GROUP_LABELS,
  LINE_GROUPS,
  QUOTE_STATUS_LABELS,
  type QuoteRevision,
} from '../../../src-shared/quotes';
import {
  COLORS,
  createDoc,
  footers,
  heading,
  keyValues,
  pdfText,
  table,
  toBuffer,
} from './pdf-doc';

const money = (c: number) =>
  `${c < 0 ? '-' : ''}$${(Math.abs(c) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const qty = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toFixed(3))));
const pct = (bp: number) => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')} %`;

function logoBuffer(dataUrl: string): Buffer | null {
  const m = /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl);
  return m ? Buffer.from(m[2], 'base64') : null;
}

/**
 * The customer quote of a saved revision: company header and logo, customer and site, the design
 * it prices, lines by group, totals, terms and validity. Built only from the stored snapshot
 * (header included), with CreationDate = the revision's time, so the same revision always gives
 * the same bytes.
 */
export async function quoteReportPdf(q: QuoteRevision): Promise<Buffer> {
  const p = q.priced;
  const c = q.company;
  const doc = createDoc({
    title: `Quote ${q.number} - ${q.customer.projectName}`,
    subject: 'Sign quote',
    author: c.name || q.createdBy,
    createdAt: q.createdAt,
  });
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  const top = doc.y;
  const logo = logoBuffer(c.logoDataUrl);
  if (logo) {
    try {
      doc.image(logo, left, top, { fit: [120, 60] });
    } catch {
      // an unreadable image must not stop the quote; the header text still prints
    }
  }
  const tx = logo ? left + 135 : left;
  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .fillColor(COLORS.text)
    .text(pdfText(c.name || 'Quote'), tx, top, { width: right - tx - 160 });
  doc.font('Helvetica').fontSize(9).fillColor(COLORS.muted);
  for (const line of [c.address, c.phone, c.email].filter(Boolean))
    doc.text(pdfText(line), tx, doc.y, { width: right - tx - 160 });
  const afterCompany = doc.y;
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .fillColor(COLORS.accent)
    .text(`QUOTE ${q.number}`, right - 160, top, { width: 160, align: 'right' });
  doc.font('Helvetica').fontSize(9).fillColor(COLORS.text);
  doc.text(`Date ${q.createdAt.slice(0, 10)}`, right - 160, doc.y, { width: 160, align: 'right' });
  doc.text(`Valid until ${q.validUntil}`, right - 160, doc.y, { width: 160, align: 'right' });
  doc.text(`Status ${QUOTE_STATUS_LABELS[q.displayStatus]}`, right - 160, doc.y, {
    width: 160,
    align: 'right',
  });
  doc.y = Math.max(afterCompany, doc.y, logo ? top + 64 : 0) + 12;
  doc.x = left;

  heading(doc, 'Customer and site', 11);
  keyValues(doc, [
    ['Project', q.customer.projectName],
    ['Customer', [q.customer.company, q.customer.contact].filter(Boolean).join(' - ') || '-'],
    ['Contact', [q.customer.email, q.customer.phone].filter(Boolean).join(' - ') || '-'],
    ['Site address', q.customer.siteAddress || '-'],
    [
      'Sign structure',
      `${p.design.poleCount} x ${p.design.designation}, top at ${qty(p.design.topHeightFt)} ft; ${qty(p.design.diameterFt)} ft dia x ${qty(p.design.depthFt)} ft deep footing (design revision ${p.design.designRevisionNumber})`,
    ],
  ]);

  const cols = [
    { header: 'Description', width: 250 },
    { header: 'Qty', width: 56, align: 'right' as const },
    { header: 'Unit', width: 36 },
    { header: 'Unit price', width: 80, align: 'right' as const },
    { header: 'Amount', width: 82, align: 'right' as const },
  ];
  for (const g of LINE_GROUPS) {
    const lines = p.lines.filter((l) => l.group === g);
    if (!lines.length) continue;
    heading(doc, GROUP_LABELS[g], 11);
    table(doc, cols, [
      ...lines.map((l) => [
        l.description + (l.overridden ? ' *' : ''),
        qty(l.quantity),
        l.unit,
        money(l.unitPriceCents),
        money(l.amountCents),
      ]),
      ['', '', '', GROUP_LABELS[g], money(p.totals.byGroup[g])],
    ]);
  }
  const t = p.totals;
  // keep the totals block on one page
  if (doc.y > doc.page.height - doc.page.margins.bottom - 150) doc.addPage();
  heading(doc, 'Totals', 11);
  const rows: [string, string][] = [['Subtotal', money(t.subtotalCents)]];
  if (t.contingencyCents)
    rows.push([`Contingency ${pct(t.contingencyBp)}`, money(t.contingencyCents)]);
  if (t.markupCents)
    rows.push([
      `${t.markupMode === 'margin' ? 'Margin' : 'Overhead and profit'} ${pct(t.markupBp)}`,
      money(t.markupCents),
    ]);
  if (t.discountCents) rows.push([`Discount ${pct(t.discountBp)}`, money(-t.discountCents)]);
  rows.push([`Tax ${pct(t.taxBp)} on taxable ${money(t.taxableCents)}`, money(t.taxCents)]);
  table(
    doc,
    [
      { header: '', width: 422 },
      { header: 'USD', width: 82, align: 'right' },
    ],
    rows,
  );
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor(COLORS.text)
    .text(`Total ${money(t.totalCents)}`, left, doc.y, { width: right - left, align: 'right' });
  doc.font('Helvetica').fontSize(8).fillColor(COLORS.muted);
  if (p.lines.some((l) => l.overridden))
    doc.text('* price or quantity set by the estimator', left, doc.y + 4);

  heading(doc, 'Terms', 11);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(COLORS.text)
    .text(pdfText(c.terms || '-'), { width: right - left });
  doc
    .moveDown(0.5)
    .text(
      pdfText(
        `This quote is valid until ${q.validUntil}. Prices from price book version ${p.priceBookVersionNumber}.`,
      ),
    );
  footers(doc, `${c.name || 'Signwright'} - Quote ${q.number} - ${q.customer.projectName}`);
  return toBuffer(doc);
}
