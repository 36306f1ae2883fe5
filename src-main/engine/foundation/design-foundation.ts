import type { SignDesignInput } from '../../../src-shared/engine/input';
import type { StepLog } from '../steps';
import {
  DIAMETER_TABLE_FT,
  concreteYd3,
  nonConstrainedA,
  solveRoundedDepth,
  s1AtDepth,
  s3AtDepth,
  soilBearing,
  solveConstrainedDepth,
  solveNonConstrainedDepth,
  type SoilBearing,
} from './ibc-1807';

export interface FoundationDesign {
  method: 'non-constrained' | 'constrained';
  diameterFt: number;
  soil: SoilBearing;
  lateralLoadLb: number;
  momentLbFt: number;
  loadHeightFt: number;
  requiredDepthFt: number;
  depthFt: number;
  /** S1 at d/3 (non-constrained) or S3 at d (constrained), at the required depth, psf */
  s1Psf: number;
  concreteYd3: number;
  /** smallest footing diameter the pole fits (IBC 1807.3.3 item 1), ft */
  minDiameterFt: number;
  /** from the smallest table diameter the pole fits (augers come in 6 in steps) */
  table: { diameterFt: number; depthFt: number; concreteYd3: number }[];
}

export interface FoundationOptions {
  log: StepLog | null;
  /** build the diameter -> depth table */
  table: boolean;
  /** the pole's smallest hole (1807.3.3 item 1), ft: the table starts at the first that fits */
  minDiameterFt: number;
  /** why P is not the selected pole's own shear ('' when it is) */
  pNote: string;
}

type FoundationInput = SignDesignInput['foundation'];

/** Required embedment (unrounded) for one diameter. */
export function requiredDepth(
  f: FoundationInput,
  soil: SoilBearing,
  pLb: number,
  hFt: number,
  bFt: number,
) {
  return f.constrained
    ? solveConstrainedDepth(pLb, hFt, bFt, soil)
    : solveNonConstrainedDepth(pLb, hFt, bFt, soil);
}

/** IBC 2021 1807.3.2 embedded footing for the per-pole ASD lateral load P at height h = M / P. */
export function designFoundation(
  f: FoundationInput,
  pLb: number,
  mLbFt: number,
  opts: FoundationOptions,
): FoundationDesign {
  const log = opts.log;
  const soil = soilBearing(f.soil, f.isolatedPoleIncrease);
  const h = pLb > 0 ? mLbFt / pLb : 0;
  const b = f.diameterFt;
  const dReq = requiredDepth(f, soil, pLb, h, b);
  const depth = solveRoundedDepth(f.constrained, pLb, h, b, soil, f.depthIncrementFt);
  const s1 = f.constrained ? s3AtDepth(soil, dReq) : s1AtDepth(soil, dReq);
  const table: FoundationDesign['table'] = [];
  if (opts.table) {
    // increasing diameters: each depth brackets the next (the depth never grows with b)
    let known = 0;
    for (let i = 0; i < DIAMETER_TABLE_FT.length; i++) {
      const bt = DIAMETER_TABLE_FT[i];
      if (bt < opts.minDiameterFt - 1e-9) continue; // the pole does not fit that hole
      const d =
        bt === b
          ? depth
          : solveRoundedDepth(f.constrained, pLb, h, bt, soil, f.depthIncrementFt, known);
      known = d;
      table.push({ diameterFt: bt, depthFt: d, concreteYd3: concreteYd3(bt, d, f.wasteFactor) });
    }
  }
  const vol = concreteYd3(b, depth, f.wasteFactor);
  if (log) {
    log.add(
      'fdn.soil',
      'Lateral soil bearing (tabular)',
      soil.source,
      soil.factor === 1 && f.soil.geotechPsfPerFt !== undefined
        ? 'geotechnical value (IBC 1806.2 allows)'
        : 'IBC 2021 Table 1806.2',
      soil.tabularPsfPerFt,
      'psf/ft',
    );
    log.add(
      'fdn.factor',
      'Isolated pole increase',
      soil.factor === 2 ? '2 x tabular' : 'not applied',
      'IBC 2021 1806.3.4',
      soil.factor,
      '',
    );
    log.add(
      'fdn.S',
      'Design lateral bearing per ft of depth',
      'tabular x factor (no 1/3 increase with ASCE 7 2.4 combos, 1806.1)',
      'IBC 2021 1806.3.4, 1806.1',
      soil.designPsfPerFt,
      'psf/ft',
    );
    log.add(
      'fdn.cap',
      'Lateral bearing cap',
      '15 x tabular',
      'IBC 2021 1806.3.3',
      soil.capPsf,
      'psf',
    );
    log.add(
      'fdn.P',
      'Lateral load per pole P (ASD)',
      opts.pNote
        ? `largest groundline shear of the sections enveloped: ${opts.pNote}`
        : 'groundline shear of the selected pole (the critical one), D + 0.6W',
      'ASCE 7 2.4.1; IBC 1807.3.2',
      pLb,
      'lb',
    );
    log.add('fdn.h', 'Height of P above grade h', 'M / P', 'IBC 2021 1807.3.2.1', h, 'ft');
    log.add('fdn.b', 'Footing diameter b', 'input', 'IBC 2021 1807.3.2.1', b, 'ft');
    log.add(
      'fdn.bMin',
      'Smallest footing the pole fits',
      'pole diameter (or diagonal of a square pole) + 4 in',
      'IBC 2021 1807.3.3 item 1',
      opts.minDiameterFt,
      'ft',
    );
    if (f.constrained) {
      log.add(
        'fdn.S3',
        'S3 at depth d',
        'S x min(d, 12), <= 15 x tabular (d capped at 12 ft: the conservative reading)',
        'IBC 2021 1807.3.2.2',
        s1,
        'psf',
      );
      log.add(
        'fdn.dReq',
        'Required embedment (constrained)',
        'd^2 = 4.25 P h / (S3 b), solved for d',
        'IBC 2021 Eq. 18-2',
        dReq,
        'ft',
      );
    } else {
      log.add(
        'fdn.S1',
        'S1 at d/3',
        'S x min(d, 12) / 3, <= 15 x tabular (d capped at 12 ft before d/3: the conservative reading)',
        'IBC 2021 1807.3.2.1',
        s1,
        'psf',
      );
      log.add(
        'fdn.A',
        'A',
        '2.34 P / (S1 b)',
        'IBC 2021 1807.3.2.1',
        nonConstrainedA(pLb, Math.max(s1, 1e-9), b),
        'ft',
      );
      log.add(
        'fdn.dReq',
        'Required embedment (non-constrained)',
        'd = 0.5 A {1 + [1 + 4.36 h / A]^0.5}, fixed point in d',
        'IBC 2021 Eq. 18-1',
        dReq,
        'ft',
      );
    }
    log.add(
      'fdn.d',
      'Embedment depth (rounded up)',
      `ceil(d / ${f.depthIncrementFt}) x ${f.depthIncrementFt}`,
      'practice',
      depth,
      'ft',
    );
    log.add(
      'fdn.vol',
      'Concrete volume',
      `pi/4 b^2 d / 27 x (1 + ${f.wasteFactor})`,
      'IBC 2021 1807.3.3 (concrete backfill)',
      vol,
      'yd3',
    );
  }
  return {
    method: f.constrained ? 'constrained' : 'non-constrained',
    diameterFt: b,
    soil,
    lateralLoadLb: pLb,
    momentLbFt: mLbFt,
    loadHeightFt: h,
    requiredDepthFt: dReq,
    depthFt: depth,
    s1Psf: s1,
    concreteYd3: vol,
    minDiameterFt: opts.minDiameterFt,
    table,
  };
}
