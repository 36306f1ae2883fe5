import { GROUP_LABELS, LINE_GROUPS, type QuoteLine } from '../../../src-shared/quotes';
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
import { wrapTable } from './pdf-table';
import { letterhead, money, printsAsJob, verdictNotice, type QuoteDoc } from './quote-doc';
import { FONT } from './fonts';
import { formatPercentBp, formatQty, localDate } from '../../../src-shared/format';

const qty = formatQty;
const pct = formatPercentBp;

/**
 * The INTERNAL cost sheet of a quote (never for the customer): every line with its quantity, how
 * the quantity was found (rounding included), unit price and amount; contingency, markup and tax;
 * overrides marked. The customer document is customer-quote.ts.
 */
export async function costSheetPdf(d: QuoteDoc): Promise<Buffer> {
  const p = d.priced;
  const c = d.company;
  const doc = createDoc({
    title: `Cost sheet ${d.number ?? 'draft'} - ${d.customer.projectName}`,
    subject: 'Internal cost sheet',
    author: c.name || d.createdBy,
    createdAt: d.date,
  });
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  letterhead(doc, d, 'COST SHEET', [
    d.number === null ? 'Working quote (not saved)' : `Quote revision ${d.number}`,
    `Date ${localDate(d.date)}`,
    `Valid until ${d.validUntil}`,
  ]);
  doc
    .font(FONT.bold)
    .fontSize(10)
    .fillColor(COLORS.warn)
    .text('INTERNAL - costs, hours and markup. Do not send to the customer.', left);
  doc.moveDown(0.4);
  verdictNotice(doc, d);

  heading(doc, 'Customer and design', 11);
  keyValues(doc, [
    ['Project', d.customer.projectName],
    ['Customer', [d.customer.company, d.customer.contact].filter(Boolean).join(' - ') || '-'],
    ['Site address', d.customer.siteAddress || '-'],
    ...(printsAsJob(d)
      ? d.job.signs.map((x): [string, string] => [
          x.label,
          `design revision ${x.design.designRevisionNumber}: ${d.signDescriptions.find((y) => y.signId === x.signId)?.description ?? ''}`,
        ])
      : [
          ['Sign', d.description] as [string, string],
          [
            'Priced from',
            `design revision ${p.design.designRevisionNumber}, price book version ${p.priceBookVersionNumber}`,
          ] as [string, string],
        ]),
    ...(printsAsJob(d)
      ? [['Price book', `version ${p.priceBookVersionNumber}`] as [string, string]]
      : []),
  ]);

  const cols = [
    { header: 'Description / how the quantity was found', width: 254 },
    { header: 'Qty', width: 56, align: 'right' as const },
    { header: 'Unit', width: 36 },
    { header: 'Unit price', width: 78, align: 'right' as const },
    { header: 'Amount', width: 80, align: 'right' as const },
  ];
  const lineRow = (l: QuoteLine) => [
    {
      text: l.description + (l.overridden ? ' *' : ''),
      note: l.overridden
        ? `${l.basis}; set by the estimator${l.overrideNote ? `: ${l.overrideNote}` : ''}`
        : l.basis,
    },
    qty(l.quantity),
    l.unit,
    money(l.unitPriceCents),
    money(l.amountCents),
  ];
  if (printsAsJob(d)) {
    // a job: each sign's lines (its quantity applied) with the sign subtotal, then the job lines
    const section = (title: string, lines: readonly QuoteLine[], label: string, cents: number) => {
      heading(doc, title, 11);
      const sorted = LINE_GROUPS.flatMap((g) => lines.filter((l) => l.group === g));
      wrapTable(doc, cols, [
        ...sorted.map(lineRow),
        ['', '', '', { text: label, bold: true }, { text: money(cents), bold: true }],
      ]);
    };
    for (const x of d.job.signs) section(x.label, x.lines, `${x.mark} subtotal`, x.subtotalCents);
    if (d.job.jobLines.length)
      section(
        'Job lines (once for the job)',
        d.job.jobLines,
        'Job lines',
        d.job.jobLinesSubtotalCents,
      );
  } else
    for (const g of LINE_GROUPS) {
      const lines = p.lines.filter((l) => l.group === g);
      if (!lines.length) continue;
      heading(doc, GROUP_LABELS[g], 11);
      wrapTable(doc, cols, [
        ...lines.map(lineRow),
        [
          '',
          '',
          '',
          { text: GROUP_LABELS[g], bold: true },
          { text: money(p.totals.byGroup[g]), bold: true },
        ],
      ]);
    }
  const t = p.totals;
  // keep the totals block on one page
  if (doc.y > doc.page.height - doc.page.margins.bottom - 150) doc.addPage();
  heading(doc, 'Totals', 11);
  const rows: [string, string][] = [['Subtotal (cost)', money(t.subtotalCents)]];
  rows.push([`Contingency ${pct(t.contingencyBp)}`, money(t.contingencyCents)]);
  rows.push([
    `${t.markupMode === 'margin' ? 'Margin' : 'Overhead and profit (markup)'} ${pct(t.markupBp)}`,
    money(t.markupCents),
  ]);
  if (t.discountCents) rows.push([`Discount ${pct(t.discountBp)}`, money(-t.discountCents)]);
  rows.push([`Tax ${pct(t.taxBp)} on taxable ${money(t.taxableCents)}`, money(t.taxCents)]);
  table(
    doc,
    [
      { header: '', width: 424 },
      { header: 'USD', width: 80, align: 'right' },
    ],
    rows,
  );
  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor(COLORS.text)
    .text(`Total ${money(t.totalCents)}`, left, doc.y, { width: right - left, align: 'right' });
  doc.font(FONT.regular).fontSize(8).fillColor(COLORS.muted);
  if (p.lines.some((l) => l.overridden))
    doc.text('* price or quantity set by the estimator', left, doc.y + 4);
  if (p.warnings.length) {
    heading(doc, 'Pricing warnings', 11);
    doc.font(FONT.regular).fontSize(9).fillColor(COLORS.warn);
    for (const w of p.warnings) doc.text(pdfText(`- ${w}`), { width: right - left });
  }
  footers(
    doc,
    `${c.name || 'Signwright'} - INTERNAL cost sheet ${d.number ?? 'draft'} - ${d.customer.projectName}`,
  );
  return toBuffer(doc);
}
