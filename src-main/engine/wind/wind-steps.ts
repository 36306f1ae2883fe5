import type { SignDesignInput } from '../../../src-shared/engine/input';
import type { StepLog } from '../steps';
import type { SignWind } from './sign-wind';

/** The wind steps of the calc sheet, each with its ASCE 7 clause. */
export function logSignWindSteps(log: StepLog, input: SignDesignInput, w: SignWind): void {
  const ed = input.standard === 'ASCE7-22' ? '7-22' : '7-16';
  const A = `ASCE ${ed}`;
  const F = 'Fig. 29.3-1';
  const rows: [string, string, string, string, number, string][] = [
    [
      'wind.h',
      'Height to top of sign h',
      'clearance + cabinets + gaps',
      `${A} 29.3.1`,
      w.topHeightFt,
      'ft',
    ],
    [
      'wind.s',
      'Sign height s (bottom to top)',
      'h - clearance',
      `${F} note 6`,
      w.signHeightFt,
      'ft',
    ],
    ['wind.As', 'Gross sign area As', 'sum B_i s_i', `${A} Eq. 29.3-1`, w.areaFt2, 'ft2'],
    ['wind.B', 'Average width B', 'As / sum s_i', `${F} note 6`, w.avgWidthFt, 'ft'],
    [
      'wind.kz',
      'Exposure coefficient Kh at h',
      `${ed === '7-22' ? '2.41' : '2.01'} (max(h, 15) / zg)^(2/alpha), exposure ${input.site.exposure}`,
      `${A} Table 26.10-1`,
      w.kz,
      '',
    ],
    ['wind.ke', 'Ground elevation factor Ke', 'e^(-0.0000362 zg)', `${A} Table 26.9-1`, w.ke, ''],
    ['wind.kzt', 'Topographic factor Kzt', 'input', `${A} 26.8`, input.site.kzt, ''],
    [
      'wind.kd',
      'Directionality factor Kd (signs)',
      ed === '7-22' ? 'applied once, in F' : 'applied once, in qz',
      `${A} Table 26.6-1`,
      w.kd,
      '',
    ],
    [
      'wind.qh',
      'Velocity pressure qh at the sign top',
      ed === '7-22' ? '0.00256 Kh Kzt Ke V^2' : '0.00256 Kh Kzt Kd Ke V^2',
      `${A} Eq. 26.10-1`,
      w.qhPsf,
      'psf',
    ],
    ['wind.G', 'Gust-effect factor G (rigid)', 'G = 0.85', `${A} 26.11.1`, w.g, ''],
    ['wind.BoverS', 'Aspect ratio B/s', 'B / s', F, w.bOverS, ''],
    ['wind.sOverH', 'Clearance ratio s/h', 's / h', F, w.sOverH, ''],
    [
      'wind.cfA',
      'Force coefficient Cf, Cases A and B',
      'bilinear in s/h and B/s, clamped at the edges',
      `${F} note 5`,
      w.cfA,
      '',
    ],
    [
      'wind.solidity',
      'Solidity reduction',
      '1 - (1 - eps)^1.5',
      `${F} note 2`,
      w.solidityFactor,
      '',
    ],
    [
      'wind.FA',
      'Sign force, Case A (strength)',
      ed === '7-22' ? 'qh Kd G Cf As' : 'qh G Cf As',
      `${A} Eq. 29.3-1`,
      w.forceALb,
      'lb',
    ],
    [
      'wind.zA',
      'Resultant height above grade',
      w.sOverH >= 1 ? 'centroid + 0.05 s (s/h = 1)' : 'area centroid of the cabinets',
      `${F} note 3`,
      w.resultantFt,
      'ft',
    ],
    [
      'wind.TB',
      'Case B torsion (strength)',
      'F x 0.2 B',
      `${F} note 3`,
      (w.forceALb * w.eccentricityBFt) / 1000,
      'kip-ft',
    ],
  ];
  for (const r of rows) log.add(r[0], r[1], r[2], r[3], r[4], r[5]);
  if (!w.caseC) return;
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
