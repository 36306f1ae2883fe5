import { elevationDrawing } from '../../../src-shared/drawing/elevation';
import { polePart, readingsPart, windSpeedLine, wrappedTable } from './calc-report-parts';
import type { Revision } from '../../../src-shared/designs';
import {
  SignDesignInputSchema,
  defaultDesignInput,
  type SignDesignInput,
} from '../../../src-shared/engine';
import type { Project } from '../../../src-shared/projects';
import {
  COLORS,
  createDoc,
  drawElevation,
  footers,
  heading,
  keyValues,
  pdfText,
  table,
  toBuffer,
  type Doc,
} from './pdf-doc';
import { FONT } from './fonts';
import { fixed, formatInteger, localDate } from '../../../src-shared/format';

// engine values print with toFixed rounding, as every calc report always has (byte-identical)
const f1 = (v: number) => fixed(v, 1);
const f2 = (v: number) => fixed(v, 2);
const f3 = (v: number) => fixed(v, 3);
const lb = (v: number) => formatInteger(Math.round(v));

function fmtValue(v: number | string, unit: string): string {
  if (typeof v === 'string') return v;
  const abs = Math.abs(v);
  const s =
    abs >= 1000 ? lb(v) : abs >= 10 ? f2(v) : abs >= 0.01 || v === 0 ? f3(v) : v.toExponential(3);
  return unit && unit !== '-' ? `${s} ${unit}` : s;
}

/**
 * The input as the engine used it. A stored revision's input is kept as it was saved (an older
 * engine's or the CLI's may lack fields added since, which took their defaults when it was
 * computed): print the defaults for what is missing instead of "undefined", section by section.
 */
export function reportInput(stored: SignDesignInput): SignDesignInput {
  const parsed = SignDesignInputSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const d = defaultDesignInput;
  const s = stored as Partial<SignDesignInput>;
  return {
    ...d,
    ...s,
    site: { ...d.site, ...s.site },
    sign: { ...d.sign, ...s.sign },
    supports: { ...d.supports, ...s.supports },
    foundation: { ...d.foundation, ...s.foundation, soil: s.foundation?.soil ?? d.foundation.soil },
    options: { ...d.options, ...s.options },
  } as SignDesignInput;
}

/**
 * The calc report of a saved design revision: cover (project, site, engine version, input
 * hash), inputs, wind steps with clauses, pole checks, foundation, the drawing, warnings and
 * assumptions. Built from the revision's stored result, so it prints what was saved.
 */
export async function calcReportPdf(
  project: Project,
  rev: Revision,
  /** "S2 monument × 2" when the project has several signs (a Sign row on the cover) */
  sign?: string,
): Promise<Buffer> {
  const doc = createDoc({
    title: `Sign structure calculations - ${project.name} - revision ${rev.number}`,
    subject: 'ASCE 7 wind, AISC 360 pole, IBC 1807.3 embedded foundation',
    author: rev.createdBy,
    createdAt: rev.createdAt,
  });
  writeCalcReport(doc, project, rev, sign);
  footers(doc, calcReportFooter(project, rev));
  return toBuffer(doc);
}

/** The footer line of a revision's calc report pages. */
export function calcReportFooter(project: Project, rev: Revision): string {
  return `Signwright ${rev.result.engineVersion} - ${project.name} - rev ${rev.number} - input ${rev.result.inputHash.slice(0, 12)}`;
}

/**
 * Writes a revision's calc report into `doc` from where it stands (a fresh document, or a new
 * page of the job packet). `sign` ("S2 monument north × 2") adds a Sign row to its cover.
 */
export function writeCalcReport(doc: Doc, project: Project, rev: Revision, sign?: string): void {
  const { result } = rev;
  const input = reportInput(rev.input);
  const s = result.summary;

  // Cover
  doc.font(FONT.bold).fontSize(20).fillColor(COLORS.text).text('Sign structure calculations');
  doc
    .moveDown(0.3)
    .font(FONT.regular)
    .fontSize(12)
    .fillColor(COLORS.muted)
    .text(pdfText(project.name));
  doc.moveDown(1);
  keyValues(doc, [
    [
      'Customer',
      [project.customer.company, project.customer.contact].filter(Boolean).join(' - ') || '-',
    ],
    ['Site address', project.siteAddress || '-'],
    ['Jurisdiction', project.jurisdiction || '-'],
    ...(sign !== undefined ? [['Sign', sign] as [string, string]] : []),
    ['Design revision', `${rev.number}${rev.note ? ` - ${rev.note}` : ''}`],
    ['Saved', `${localDate(rev.createdAt)} by ${rev.createdBy}`],
    ['Standards', `${result.wind.standard}, AISC 360-16 (ASD), IBC 2021 1807.3`],
    ['Engine version', result.engineVersion],
    ['Input hash (SHA-256)', result.inputHash],
  ]);
  heading(doc, 'Result');
  keyValues(doc, [
    [
      'Wind',
      `${result.wind.windSpeedMph} mph, Exposure ${result.wind.exposure}, Risk Category ${result.wind.riskCategory}`,
    ],
    windSpeedLine(result),
    ['Velocity pressure qh', `${f1(s.qhPsf)} psf (Kz ${f3(s.kz)}, Ke ${f3(s.ke)})`],
    [
      'Sign force F (Case A)',
      `${lb(s.signForceLb)} lb on ${f1(s.signAreaFt2)} ft2, Cf ${f2(s.cf)}, G ${f2(s.g)}`,
    ],
    [
      input.supports.poleCount > 1 ? 'At grade, critical pole (ASD)' : 'At grade, per pole (ASD)',
      `V ${lb(s.groundlineShearLb)} lb, M ${f2(s.groundlineMomentKipFt)} kip-ft, T ${f2(s.torsionKipFt)} kip-ft${input.supports.poleCount > 1 ? `; poles at ${result.poles.spacingFt} ft` : ''}`,
    ],
    [
      'Pole',
      s.pole.designation
        ? `${input.supports.poleCount} x ${s.pole.designation} (${s.pole.family}, ${f1(s.pole.weightPlf)} lb/ft), governing ${s.pole.governingCheck} ratio ${f2(s.pole.governingRatio)}${s.pole.passes ? '' : ' - DOES NOT PASS'}`
        : 'No catalog section passes',
    ],
    [
      'Foundation',
      `${f1(s.foundation.diameterFt)} ft dia x ${f1(s.foundation.depthFt)} ft deep drilled pier per pole, ${f2(s.foundation.concreteYd3)} yd3 concrete`,
    ],
  ]);
  if (result.warnings.length) {
    doc
      .moveDown(0.5)
      .fillColor(COLORS.warn)
      .font(FONT.bold)
      .fontSize(9.5)
      .text(`${result.warnings.length} warning(s): see the last section.`);
    doc.fillColor(COLORS.text).font(FONT.regular);
  }

  // Inputs
  doc.addPage();
  heading(doc, '1. Inputs');
  keyValues(doc, [
    ['Standard', input.standard],
    ['Basic wind speed V', `${input.site.windSpeedMph} mph`],
    ['Risk category / exposure', `${input.site.riskCategory} / ${input.site.exposure}`],
    ['Kzt / ground elevation', `${input.site.kzt} / ${input.site.groundElevationFt} ft`],
    ['Sign kind / clearance', `${input.sign.kind} / ${input.sign.clearanceFt} ft`],
    ['Solidity', `${input.sign.solidity}`],
    [
      'Poles',
      `${input.supports.poleCount} ${input.supports.material} (${input.supports.families.join(', ')})${input.supports.poleCount > 1 ? `, spacing ${input.supports.spacingFt !== undefined ? `${input.supports.spacingFt} ft` : `${result.poles.spacingFt} ft (default B / n)`}, torque ${input.supports.torsionSharing === 'stiffness' ? 'by stiffness' : 'rigid diaphragm'}` : ''}`,
    ],
    [
      'Damping ratio (flexible signs, 26.11.5)',
      `${f2((input.options?.dampingRatio ?? 0.01) * 100)} % of critical`,
    ],
    [
      'Soil',
      input.foundation.soil.class !== undefined
        ? `IBC Table 1806.2 class ${input.foundation.soil.class}`
        : `geotechnical ${input.foundation.soil.geotechPsfPerFt} psf/ft`,
    ],
    [
      'Isolated pole increase (1806.3.4)',
      input.foundation.isolatedPoleIncrease ? 'yes (2x)' : 'no',
    ],
    ['Constrained at grade', input.foundation.constrained ? 'yes (1807.3.2.2)' : 'no (1807.3.2.1)'],
    ['Footing diameter', `${input.foundation.diameterFt} ft`],
  ]);
  table(
    doc,
    [
      { header: 'Cabinet (bottom to top)', width: 150 },
      { header: 'Width (ft)', width: 80, align: 'right' },
      { header: 'Height (ft)', width: 80, align: 'right' },
      { header: 'Weight (psf)', width: 80, align: 'right' },
      { header: 'Gap above (ft)', width: 90, align: 'right' },
    ],
    input.sign.cabinets.map((c, i) => [
      `Cabinet ${i + 1}`,
      f1(c.widthFt),
      f1(c.heightFt),
      f1(c.weightPsf),
      i < input.sign.gapsFt.length ? f1(input.sign.gapsFt[i]) : '-',
    ]),
  );

  // Steps (every clause and formula in full: the cells wrap)
  heading(doc, '2. Calculation steps');
  wrappedTable(
    doc,
    [
      { header: 'Step', width: 140 },
      { header: 'Formula', width: 170 },
      { header: 'Reference', width: 110 },
      { header: 'Value', width: 84, align: 'right' },
    ],
    result.steps.map((st) => [st.label, st.formula, st.codeRef, fmtValue(st.value, st.unit)]),
  );

  // Pole checks
  heading(doc, '3. Pole checks (AISC 360-16, ASD)');
  wrappedTable(
    doc,
    [
      { header: 'Check', width: 170 },
      { header: 'Reference', width: 110 },
      { header: 'Demand', width: 75, align: 'right' },
      { header: 'Capacity', width: 75, align: 'right' },
      { header: 'Ratio', width: 40, align: 'right' },
      { header: '', width: 34 },
    ],
    result.checks.map((c) => [
      c.label,
      c.codeRef,
      fmtValue(c.demand, c.unit),
      fmtValue(c.capacity, c.unit),
      f2(c.ratio),
      c.passes ? 'OK' : 'FAIL',
    ]),
    { highlight: (i) => (result.checks[i].passes ? undefined : COLORS.warn) },
  );
  polePart(doc, result);
  doc.moveDown(0.4);
  const options = result.poles.options.slice(0, 12);
  doc
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(COLORS.muted)
    .text(
      `Lightest ${options.length} of ${result.poles.options.length} sections checked (sorted by weight):`,
    );
  doc.moveDown(0.2);
  table(
    doc,
    [
      { header: 'Section', width: 124 },
      { header: 'lb/ft', width: 42, align: 'right' },
      { header: 'Flexure', width: 46, align: 'right' },
      { header: 'Shear', width: 40, align: 'right' },
      { header: 'Torsion', width: 44, align: 'right' },
      { header: 'Interact.', width: 46, align: 'right' },
      { header: 'Defl.', width: 40, align: 'right' },
      { header: 'Hole', width: 40, align: 'right' },
      { header: 'Result', width: 82 },
    ],
    options.map((o) => [
      o.designation,
      f1(o.weightPlf),
      f2(o.ratios.flexure),
      f2(o.ratios.shear),
      f2(o.ratios.torsion),
      f2(o.ratios.interaction),
      f2(o.ratios.deflection),
      o.ratios.hole === undefined ? '-' : f2(o.ratios.hole),
      o.passes
        ? o.designation === s.pole.designation
          ? 'SELECTED'
          : 'passes'
        : `fails (${o.governingCheck})`,
    ]),
    { highlight: (i) => (options[i].passes ? undefined : COLORS.warn) },
  );

  // Foundation
  heading(doc, '4. Foundation (IBC 2021 1807.3)');
  keyValues(doc, [
    ['Method', result.foundation.method],
    [
      'Lateral bearing',
      `${f1(result.foundation.tabularPsfPerFt)} psf/ft x ${result.foundation.increaseFactor} = ${f1(result.foundation.designPsfPerFt)} psf/ft (cap ${lb(result.foundation.capPsf)} psf)`,
    ],
    [
      'P per pole / height h',
      `${lb(result.foundation.lateralLoadLb)} lb at ${f2(result.foundation.loadHeightFt)} ft${result.foundation.loadNote ? `. ${result.foundation.loadNote}` : result.foundation.loadNote === '' ? ` (the groundline shear of ${s.pole.designation})` : ''}`,
    ],
    ['S1 (at d/3)', `${f1(result.foundation.s1Psf)} psf`],
    [
      'Required depth',
      `${f2(result.foundation.requiredDepthFt)} ft -> ${f1(result.foundation.depthFt)} ft (rounded up)`,
    ],
    [
      'Concrete',
      `${f2(result.foundation.concreteYd3)} yd3 per footing incl. ${Math.round(result.foundation.wasteFactor * 100)} % waste`,
    ],
  ]);
  doc.moveDown(0.3);
  // keep the diameter -> depth table on one page (header + rows, 14 pt each)
  const tableH = (result.foundation.diameterTable.length + 1) * 14 + 8;
  if (doc.y + tableH > doc.page.height - doc.page.margins.bottom) doc.addPage();
  table(
    doc,
    [
      { header: 'Diameter (ft)', width: 90, align: 'right' },
      { header: 'Depth (ft)', width: 90, align: 'right' },
      { header: 'Concrete (yd3)', width: 100, align: 'right' },
    ],
    result.foundation.diameterTable.map((r) => [
      f1(r.diameterFt),
      f1(r.depthFt),
      f2(r.concreteYd3),
    ]),
  );

  // Drawing (on this page when it fits below the foundation)
  if (doc.y + 460 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  heading(doc, '5. Elevation');
  drawElevation(doc, elevationDrawing(input, result), doc.page.width - 108, 420);

  const hasReadings = readingsPart(doc, result);

  // Warnings and assumptions
  heading(doc, `${hasReadings ? 7 : 6}. Warnings and assumptions`);
  doc.font(FONT.regular).fontSize(9);
  if (result.warnings.length === 0) doc.text('No warnings.');
  for (const w of result.warnings)
    doc
      .fillColor(COLORS.warn)
      .text(pdfText(`- ${w.message}`))
      .fillColor(COLORS.text);
  doc.moveDown(0.5);
  for (const a of [
    'Wind loads per ASCE 7 Chapter 29.3 (solid freestanding signs); velocity pressure at the top of the sign; G = 0.85 for rigid poles (n1 >= 1 Hz), Gf of 26.11.5 for flexible ones.',
    'ASD load combinations D + 0.6W and 0.6D + 0.6W (ASCE 7 2.4.1).',
    'Steel poles cantilevered from grade, AISC 360-16 ASD; design wall thickness 0.93 t (B4.2).',
    'Embedded pole foundation per IBC 2021 1807.3.2; lateral bearing per Table 1806.2; 12 ft limit on d for computing lateral pressure.',
    'Base plates, anchor bolts, connections and cabinet framing are outside the scope of this calculation.',
  ]) {
    doc.text(pdfText(`- ${a}`));
  }
}
