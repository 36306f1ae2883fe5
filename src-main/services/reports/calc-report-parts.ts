import { mapFloor } from '../../../src-shared/engine/map-floors';
import type { SignDesignResult } from '../../../src-shared/engine/output';
import { COLORS, heading, keyValues, pdfText, type Column, type Doc } from './pdf-doc';
import { FONT } from './fonts';

/**
 * Parts of the calc report a plan checker asks for: a table that WRAPS every cell (clauses and
 * formulas in full, never cut with "..."), the section properties used, the pole spacing and each
 * pole's share, and the readings a reviewer must accept. Results saved before engine 2.0 lack
 * some of these; those parts are then left out, never invented.
 */

const CELL_PAD = 3;

/** A ruled table whose cells wrap; rows break across pages and the header repeats. */
export function wrappedTable(
  doc: Doc,
  columns: Column[],
  rows: string[][],
  opts: { highlight?: (i: number) => string | undefined; fontSize?: number } = {},
): void {
  const left = doc.page.margins.left;
  const size = opts.fontSize ?? 8;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const drawHeader = () => {
    let x = left;
    const y = doc.y;
    doc.font(FONT.bold).fontSize(size).fillColor(COLORS.muted);
    let h = 0;
    for (const c of columns) {
      const t = pdfText(c.header);
      doc.text(t, x + 2, y, { width: c.width - 4, align: c.align ?? 'left' });
      h = Math.max(h, doc.heightOfString(t, { width: c.width - 4 }));
      x += c.width;
    }
    doc.y = y + h + CELL_PAD;
    doc
      .moveTo(left, doc.y - 1)
      .lineTo(left + total, doc.y - 1)
      .strokeColor(COLORS.line)
      .lineWidth(0.5)
      .stroke();
    doc.font(FONT.regular).fontSize(size).fillColor(COLORS.text);
  };
  drawHeader();
  rows.forEach((row, i) => {
    const cells = row.map(pdfText);
    doc.font(FONT.regular).fontSize(size);
    let h = 0;
    cells.forEach((cell, j) => {
      h = Math.max(h, doc.heightOfString(cell, { width: columns[j].width - 4 }));
    });
    if (doc.y + h + CELL_PAD > bottom()) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    doc.fillColor(opts.highlight?.(i) ?? COLORS.text);
    let x = left;
    cells.forEach((cell, j) => {
      const c = columns[j];
      doc.text(cell, x + 2, y, { width: c.width - 4, align: c.align ?? 'left' });
      x += c.width;
    });
    doc.y = y + h + CELL_PAD;
    doc
      .moveTo(left, doc.y - 1.5)
      .lineTo(left + total, doc.y - 1.5)
      .strokeColor('#eceff3')
      .lineWidth(0.3)
      .stroke();
  });
  doc.fillColor(COLORS.text);
  doc.x = left;
  doc.moveDown(0.4);
}

const SHARING: Record<string, string> = {
  single: 'One pole: the whole sign force, the torque as pole torsion (AISC H3).',
  'rigid-diaphragm':
    'Cabinet as a rigid diaphragm: V_i = F/n + T x_i / sum x^2 (Fig. 29.3-1 Cases B/C); no pole torsion. Every pole and footing is sized for the critical pole.',
  stiffness:
    'By stiffness (explicit option): pole torsion GJ/L against the bending couple 3EI/L^3 x^2; relies on a designed torsionally rigid pole-to-cabinet connection (not designed here).',
};

/** Where V comes from: the map of the chosen risk category (no importance factor). */
export function windSpeedLine(r: SignDesignResult): [string, string] {
  const std = r.wind.standard === 'ASCE7-16' ? 'ASCE7-16' : 'ASCE7-22';
  const cat = r.wind.riskCategory as 'I' | 'II' | 'III' | 'IV';
  const m = mapFloor(std, cat);
  return [
    'Basic wind speed V',
    `${r.wind.windSpeedMph} mph from the Risk Category ${cat} map (${m.figure}; lowest contiguous-US contour ${m.floorMph} mph), no importance factor`,
  ];
}

/** Section properties used, pole spacing and each pole's share. */
export function polePart(doc: Doc, r: SignDesignResult): void {
  const p = r.poles;
  const sec = p.section;
  if (sec) {
    doc.font(FONT.bold).fontSize(9.5).fillColor(COLORS.text);
    doc.text(pdfText(`Section properties used: ${sec.designation}`));
    doc.moveDown(0.2);
    wrappedTable(
      doc,
      [
        { header: sec.shape === 'round' ? 'D (in)' : 'B (in)', width: 52, align: 'right' },
        { header: 't design (in)', width: 56, align: 'right' },
        { header: 'A (in2)', width: 50, align: 'right' },
        { header: 'I (in4)', width: 50, align: 'right' },
        { header: 'S (in3)', width: 50, align: 'right' },
        { header: 'Z (in3)', width: 50, align: 'right' },
        { header: 'J (in4)', width: 50, align: 'right' },
        { header: 'C (in3)', width: 50, align: 'right' },
        { header: 'Fy (ksi)', width: 48, align: 'right' },
        { header: 'Hole (in)', width: 48, align: 'right' },
      ],
      [
        [
          sec.sizeIn,
          sec.tDesignIn,
          sec.areaIn2,
          sec.iIn4,
          sec.sIn3,
          sec.zIn3,
          sec.jIn4,
          sec.cIn3,
          sec.fyKsi,
          sec.minHoleIn,
        ].map(String),
      ],
    );
  }
  if (p.shares?.length) {
    keyValues(doc, [
      ['Poles', `${p.poleCount}${p.poleCount > 1 ? ` at ${p.spacingFt} ft centre to centre` : ''}`],
      ['Torque sharing', SHARING[p.sharing ?? 'single']],
    ]);
    doc.moveDown(0.2);
    wrappedTable(
      doc,
      [
        { header: 'Pole', width: 40 },
        { header: 'x from centre (ft)', width: 80, align: 'right' },
        { header: 'Sign force, strength (lb)', width: 110, align: 'right' },
        { header: 'V, ASD (lb)', width: 80, align: 'right' },
        { header: 'M, ASD (kip-ft)', width: 90, align: 'right' },
        { header: 'T, ASD (kip-ft)', width: 90, align: 'right' },
      ],
      p.shares.map((s) => [
        String(s.pole),
        String(s.xFt),
        String(s.signForceLb),
        String(s.shearLb),
        String(s.momentKipFt),
        String(s.torsionKipFt),
      ]),
    );
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(COLORS.muted)
      .text(
        pdfText(
          `Governing case ${r.wind.governingCase}, offset toward pole ${p.poleCount}; wind from the other side mirrors the shares.`,
        ),
      )
      .fillColor(COLORS.text);
  }
}

/** The readings of the codes a reviewer must accept (engine 2.0 results); false when none. */
export function readingsPart(doc: Doc, r: SignDesignResult): boolean {
  if (!r.readings?.length) return false;
  heading(doc, '6. Readings a reviewer must accept');
  wrappedTable(
    doc,
    [
      { header: 'Reading', width: 130 },
      { header: 'What this calculation takes', width: 374 },
    ],
    r.readings.map((x) => [x.title, x.text]),
    { fontSize: 8.5 },
  );
  return true;
}
