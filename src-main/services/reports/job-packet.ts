import type { Revision } from '../../../src-shared/designs';
import type { Project } from '../../../src-shared/projects';
import { designVerdict } from '../../../src-shared/engine';
import { writeCalcReport, calcReportFooter } from './calc-report';
import { COLORS, createDoc, footerPages, heading, keyValues, pdfText, toBuffer } from './pdf-doc';
import { wrapTable } from './pdf-table';
import { FONT } from './fonts';
import { fixed, localDate } from '../../../src-shared/format';

const VERDICT_LABELS = {
  passes: 'Passes',
  fails: 'Does not pass',
  review: 'Engineering review required',
} as const;

export interface PacketSign {
  /** "S2 monument north × 2" */
  label: string;
  mark: string;
  name: string;
  quantity: number;
  rev: Revision;
}

/**
 * The job packet for the plan checker (issue 15): a cover (project, customer, site, jurisdiction,
 * the sign list with each sign's design revision, verdict, pole and footing), then every sign's
 * calc report as calc-report.ts prints it, each on its own pages with its own footer. Built from
 * stored data with a fixed date (the quote revision's, or the working quote's last change), fonts
 * embedded: the same input gives the same bytes.
 */
export async function jobPacketPdf(p: {
  project: Project;
  /** "Quote revision 2" / "Working quote (not saved)" */
  quote: string;
  date: string;
  author: string;
  signs: readonly PacketSign[];
}): Promise<Buffer> {
  const { project } = p;
  const doc = createDoc({
    title: `Job packet - ${project.name}`,
    subject: 'Sign structure calculations for every sign of the job',
    author: p.author,
    createdAt: p.date,
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font(FONT.bold).fontSize(20).fillColor(COLORS.text).text('Job packet');
  doc
    .moveDown(0.3)
    .font(FONT.regular)
    .fontSize(12)
    .fillColor(COLORS.muted)
    .text(pdfText(`Sign structure calculations - ${project.name}`));
  doc.moveDown(1);
  const count = p.signs.reduce((a, x) => a + x.quantity, 0);
  keyValues(doc, [
    ['Project', project.name],
    [
      'Customer',
      [project.customer.company, project.customer.contact].filter(Boolean).join(' - ') || '-',
    ],
    ['Site address', project.siteAddress || '-'],
    ['Jurisdiction', project.jurisdiction || '-'],
    ['Quote', p.quote],
    ['Date', localDate(p.date)],
    ['Signs', `${p.signs.length} sign${p.signs.length === 1 ? '' : 's'}, ${count} in all`],
  ]);
  heading(doc, 'Signs in this packet', 12);
  wrapTable(
    doc,
    [
      { header: 'Mark', width: 44 },
      { header: 'Sign', width: 110 },
      { header: 'Qty', width: 30, align: 'right' },
      { header: 'Revision', width: 50, align: 'right' },
      { header: 'Verdict', width: 110 },
      { header: 'Pole / footing', width: width - 344 },
    ],
    p.signs.map((x) => {
      const s = x.rev.result.summary;
      return [
        { text: x.mark, bold: true },
        x.name || '-',
        String(x.quantity),
        String(x.rev.number),
        VERDICT_LABELS[designVerdict(x.rev.result).status],
        `${x.rev.input.supports.poleCount} x ${s.pole.designation || 'no passing section'}; ${fixed(s.foundation.diameterFt, 1)} ft dia x ${fixed(s.foundation.depthFt, 1)} ft deep pier per pole`,
      ];
    }),
  );
  doc.moveDown(0.6);
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(COLORS.text)
    .text(
      'Each sign\u2019s calculations follow, in the order above, as its saved design revision computed them (engine version and input hash on each report\u2019s cover).',
      left,
      doc.y,
      { width },
    );
  const parts: { from: number; to: number; text: string }[] = [];
  parts.push({ from: 0, to: doc.bufferedPageRange().count, text: `Job packet - ${project.name}` });
  for (const x of p.signs) {
    doc.addPage();
    const from = doc.bufferedPageRange().count - 1;
    writeCalcReport(doc, project, x.rev, x.label);
    parts.push({
      from,
      to: doc.bufferedPageRange().count,
      text: `${x.mark} - ${calcReportFooter(project, x.rev)}`,
    });
  }
  for (const part of parts) footerPages(doc, part.text, part.from, part.to);
  return toBuffer(doc);
}
