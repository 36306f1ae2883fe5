import type { SignDesignInput } from '../../../src-shared/engine/input';
import { mapFloor } from '../../../src-shared/engine/map-floors';
import type { StepLog } from '../steps';
import type { SignWind } from './sign-wind-result';

type StepText = [id: string, label: string, formula: string, codeRef: string, unit: string];

/** The texts of the wind steps (they depend on the edition, exposure, s/h >= 1 and gaps). */
function windStepTexts(
  ed: '7-22' | '7-16',
  exposure: string,
  wall: boolean,
  gaps: boolean,
  map: string,
  category: string,
): StepText[] {
  const A = `ASCE ${ed}`;
  const F = 'Fig. 29.3-1';
  const outline: StepText[] = gaps
    ? [
        ['wind.Acab', 'Cabinet face area', 'sum B_i s_i', `${F} note 2`, 'ft2'],
        [
          'wind.Agap',
          'Gap openings in the outline',
          'sum gap_i x min(B_i, B_i+1): the gap is an opening only between the faces above and below it',
          `${F} note 2 (outline reading)`,
          'ft2',
        ],
        [
          'wind.As',
          'Gross sign area As (outline)',
          'cabinet faces + gap openings',
          `${A} Eq. 29.3-1; ${F} note 2`,
          'ft2',
        ],
        [
          'wind.eps',
          'Solidity eps of the outline',
          'face solidity x cabinet faces / As (>= 0.7, else an open sign, refused)',
          `${F} note 2`,
          '',
        ],
      ]
    : [['wind.As', 'Gross sign area As', 'sum B_i s_i', `${A} Eq. 29.3-1`, 'ft2']];
  return [
    [
      'wind.V',
      `Basic wind speed V (map of risk category ${category})`,
      'input: V of the chosen risk category map (no importance factor)',
      `${A} 26.5.1, ${map}`,
      'mph',
    ],
    ['wind.h', 'Height to top of sign h', 'clearance + cabinets + gaps', `${A} 29.3.1`, 'ft'],
    ['wind.s', 'Sign height s (bottom to top)', 'h - clearance', `${F} note 6`, 'ft'],
    ...outline,
    [
      'wind.B',
      'Average width B',
      gaps ? 'As / s (outline average width)' : 'As / sum s_i',
      `${F} notes 3, 6`,
      'ft',
    ],
    [
      'wind.kz',
      'Exposure coefficient Kh at h',
      `${ed === '7-22' ? '2.41' : '2.01'} (max(h, 15) / zg)^(2/alpha), exposure ${exposure}`,
      `${A} Table 26.10-1`,
      '',
    ],
    ['wind.ke', 'Ground elevation factor Ke', 'e^(-0.0000362 zg)', `${A} Table 26.9-1`, ''],
    ['wind.kzt', 'Topographic factor Kzt', 'input', `${A} 26.8`, ''],
    [
      'wind.kd',
      'Directionality factor Kd (signs)',
      ed === '7-22' ? 'applied once, in F' : 'applied once, in qz',
      `${A} Table 26.6-1`,
      '',
    ],
    [
      'wind.qh',
      'Velocity pressure qh at the sign top',
      ed === '7-22' ? '0.00256 Kh Kzt Ke V^2' : '0.00256 Kh Kzt Kd Ke V^2',
      `${A} Eq. 26.10-1`,
      'psf',
    ],
    [
      'wind.G',
      'Gust-effect factor G (rigid)',
      'G = 0.85 for n1 >= 1 Hz; a flexible pole section uses Gf (26.11.5, see the gust steps)',
      `${A} 26.11.1`,
      '',
    ],
    ['wind.BoverS', 'Aspect ratio B/s', 'B / s', F, ''],
    ['wind.sOverH', 'Clearance ratio s/h', 's / h', F, ''],
    [
      'wind.cfA',
      'Force coefficient Cf, Cases A and B',
      'bilinear in s/h and B/s, clamped at the edges',
      `${F} note 5`,
      '',
    ],
    ['wind.solidity', 'Solidity reduction', '1 - (1 - eps)^1.5', `${F} note 2`, ''],
    [
      'wind.FA',
      'Sign force, Case A (strength)',
      ed === '7-22' ? 'qh Kd G Cf As' : 'qh G Cf As',
      `${A} Eq. 29.3-1`,
      'lb',
    ],
    [
      'wind.zA',
      'Resultant height above grade',
      wall
        ? 'centroid of the outline + 0.05 s (s/h = 1)'
        : gaps
          ? 'area centroid of the outline (cabinets and gap openings)'
          : 'area centroid of the cabinets',
      `${F} note 3`,
      'ft',
    ],
    ['wind.TB', 'Case B torsion (strength)', 'F x 0.2 B', `${F} note 3`, 'kip-ft'],
  ];
}

/** Texts by edition x exposure x s/h >= 1 x gaps x risk category (an index, not a string key). */
const textCache: (StepText[] | undefined)[] = [];
const EXPOSURE_INDEX: Record<string, number> = { B: 0, C: 1, D: 2 };
const CATEGORY_INDEX: Record<string, number> = { I: 0, II: 1, III: 2, IV: 3 };

/** The wind steps of the calc sheet, each with its ASCE 7 clause. */
export function logSignWindSteps(log: StepLog, input: SignDesignInput, w: SignWind): void {
  const ed = input.standard === 'ASCE7-22' ? '7-22' : '7-16';
  const wall = w.sOverH >= 1;
  const gaps = w.gapAreaFt2 > 0;
  const cat = input.site.riskCategory;
  const key =
    ((((ed === '7-22' ? 1 : 0) * 3 + EXPOSURE_INDEX[input.site.exposure]) * 2 + (wall ? 1 : 0)) *
      2 +
      (gaps ? 1 : 0)) *
      4 +
    CATEGORY_INDEX[cat];
  let texts = textCache[key];
  if (!texts) {
    const map = mapFloor(input.standard, cat).figure.replace(/^ASCE 7-\d\d /, '');
    texts = windStepTexts(ed, input.site.exposure, wall, gaps, map, cat);
    textCache[key] = texts;
  }
  const values = gaps
    ? [
        input.site.windSpeedMph,
        w.topHeightFt,
        w.signHeightFt,
        w.cabinetAreaFt2,
        w.gapAreaFt2,
        w.areaFt2,
        w.solidity,
      ]
    : [input.site.windSpeedMph, w.topHeightFt, w.signHeightFt, w.areaFt2];
  values.push(
    w.avgWidthFt,
    w.kz,
    w.ke,
    input.site.kzt,
    w.kd,
    w.qhPsf,
    w.g,
    w.bOverS,
    w.sOverH,
    w.cfA,
    w.solidityFactor,
    w.forceALb,
    w.resultantFt,
    (w.forceALb * w.eccentricityBFt) / 1000,
  );
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    log.add(t[0], t[1], t[2], t[3], values[i], t[4]);
  }
  if (!w.caseC) return;
  const F = 'Fig. 29.3-1';
  for (const r of w.regions) {
    log.add(
      `wind.caseC.${r.fromFt.toFixed(2)}`,
      `Case C region ${r.fromFt.toFixed(2)}-${r.toFt.toFixed(2)} ft: Cf`,
      'by B/s; x return corner (starred); x (1.8 - s/h) if s/h > 0.8',
      `${F} Case C, notes 4-5`,
      r.cf,
      '',
    );
  }
  log.add(
    'wind.FC',
    'Sign force, Case C total (strength)',
    'sum qh (Kd) G Cf_i A_i',
    `${F} Case C`,
    w.forceCLb,
    'lb',
  );
  log.add(
    'wind.eC',
    'Case C resultant offset from centre',
    'B/2 - x_resultant',
    `${F} Case C`,
    w.eccentricityCFt,
    'ft',
  );
}
