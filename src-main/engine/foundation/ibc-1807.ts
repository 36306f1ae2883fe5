import {
  ISOLATED_POLE_FACTOR,
  MAX_TABULAR_MULTIPLE,
  PRESSURE_DEPTH_CAP_FT,
  SOIL_CLASSES,
} from '../data/soil-table-1806-2';

/** Lateral soil bearing used in the embedment equations. */
export interface SoilBearing {
  /** Table 1806.2 value or the geotechnical value, psf per ft of depth */
  tabularPsfPerFt: number;
  /** 1806.3.4 isolated-pole factor actually applied (2 or 1) */
  factor: number;
  /** tabular x factor, psf/ft */
  designPsfPerFt: number;
  /** 1806.3.3: never above 15 x the tabular value, psf */
  capPsf: number;
  source: string;
}

/** IBC 2021 Table 1806.2 (class) or a geotechnical value, with 1806.3.4 and the 15x cap. */
export function soilBearing(
  soil: { class?: number; geotechPsfPerFt?: number },
  isolatedPoleIncrease: boolean,
): SoilBearing {
  if (soil.geotechPsfPerFt !== undefined) {
    // 1806.3.4 doubles the *tabular* values only; a geotechnical value is used as given
    const v = soil.geotechPsfPerFt;
    return {
      tabularPsfPerFt: v,
      factor: 1,
      designPsfPerFt: v,
      capPsf: MAX_TABULAR_MULTIPLE * v,
      source: 'geotechnical report',
    };
  }
  const row = SOIL_CLASSES[(soil.class ?? 4) - 1];
  const factor = isolatedPoleIncrease ? ISOLATED_POLE_FACTOR : 1;
  return {
    tabularPsfPerFt: row.lateralPsfPerFt,
    factor,
    designPsfPerFt: row.lateralPsfPerFt * factor,
    capPsf: MAX_TABULAR_MULTIPLE * row.lateralPsfPerFt,
    source: `IBC Table 1806.2 class ${row.cls}: ${row.material}`,
  };
}

/** 1807.3.2.1: S1 at d/3, d capped at 12 ft for the pressure (reading 1), <= 15x tabular (psf). */
export function s1AtDepth(soil: SoilBearing, dFt: number): number {
  return Math.min((soil.designPsfPerFt * Math.min(dFt, PRESSURE_DEPTH_CAP_FT)) / 3, soil.capPsf);
}

/** 1807.3.2.2: S3 at depth d (same 12 ft cap, conservative), <= 15x tabular (psf). */
export function s3AtDepth(soil: SoilBearing, dFt: number): number {
  return Math.min(soil.designPsfPerFt * Math.min(dFt, PRESSURE_DEPTH_CAP_FT), soil.capPsf);
}

/** IBC 2021 1807.3.2.1: A = 2.34 P / (S1 b). */
export function nonConstrainedA(pLb: number, s1Psf: number, bFt: number): number {
  return (2.34 * pLb) / (s1Psf * bFt);
}

/** IBC 2021 Eq. 18-1: d = 0.5 A {1 + [1 + (4.36 h / A)]^0.5}. */
export function nonConstrainedDepthForA(aFt: number, hFt: number): number {
  return 0.5 * aFt * (1 + Math.sqrt(1 + (4.36 * hFt) / aFt));
}

/** Eq. 18-1 evaluated once with a given S1 (the single-pass check of many hand calcs). */
export function nonConstrainedDepthAtS1(pLb: number, hFt: number, bFt: number, s1Psf: number) {
  return nonConstrainedDepthForA(nonConstrainedA(pLb, s1Psf, bFt), hFt);
}

const BISECTIONS = 52;
const MAX_DEPTH_FT = 500;

/**
 * The embedment residual, increasing in d: Eq. 18-1 (non-constrained) d - d_req(S1(d)), decreasing
 * in P and h and increasing in b; Eq. 18-2 (constrained) d^2 S3(d) b - 4.25 P h. A plain function
 * of its arguments (no closure per solve: the solvers below run it some 180 times per design).
 */
function residual(
  constrained: boolean,
  pLb: number,
  hFt: number,
  bFt: number,
  soil: SoilBearing,
  d: number,
): number {
  return constrained
    ? d * d * s3AtDepth(soil, d) * bFt - 4.25 * pLb * hFt
    : d - nonConstrainedDepthAtS1(pLb, hFt, bFt, Math.max(s1AtDepth(soil, d), 1e-9));
}

/**
 * Root of the increasing residual on (0, MAX]: a fixed number of halvings, returning the upper end.
 * Bisection keeps the answer monotone in the load and the diameter (a larger load moves every
 * decision the same way), which a damped fixed-point iteration does not guarantee.
 */
function bisect(constrained: boolean, pLb: number, hFt: number, bFt: number, soil: SoilBearing) {
  let lo = 0;
  let hi = MAX_DEPTH_FT;
  if (residual(constrained, pLb, hFt, bFt, soil, hi) < 0) return hi;
  for (let i = 0; i < BISECTIONS; i++) {
    const mid = (lo + hi) / 2;
    if (residual(constrained, pLb, hFt, bFt, soil, mid) < 0) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** IBC 2021 1807.3.2.1 solved to the fixed point d = Eq. 18-1(S1(d)) (ft). */
export function solveNonConstrainedDepth(pLb: number, hFt: number, bFt: number, soil: SoilBearing) {
  if (pLb <= 0) return 0;
  return bisect(false, pLb, hFt, bFt, soil);
}

/** IBC 2021 1807.3.2.2 Eq. 18-2: d^2 = 4.25 P h / (S3 b), S3 at depth d, solved for d (ft). */
export function solveConstrainedDepth(pLb: number, hFt: number, bFt: number, soil: SoilBearing) {
  if (pLb <= 0) return 0;
  return bisect(true, pLb, hFt, bFt, soil);
}

/**
 * The required depth rounded UP to `inc`: the smallest multiple of `inc` where the residual is
 * >= 0. Halve only until the bracket is narrower than half an increment, then test the grid point;
 * exact on the grid, so monotone in load and diameter, and cheap. `knownDepth`, when given, is a
 * depth already known to satisfy the residual (the depth of a smaller diameter for the same load:
 * the residual grows with b): it only narrows the first bracket, the answer is the same grid point.
 */
export function solveRoundedDepth(
  constrained: boolean,
  pLb: number,
  hFt: number,
  bFt: number,
  soil: SoilBearing,
  inc: number,
  knownDepth = 0,
): number {
  if (pLb <= 0) return 0;
  let lo = 0;
  let hi = knownDepth > 0 && knownDepth < MAX_DEPTH_FT ? knownDepth : MAX_DEPTH_FT;
  if (hi === MAX_DEPTH_FT && residual(constrained, pLb, hFt, bFt, soil, hi) < 0)
    return roundUpDepth(MAX_DEPTH_FT, inc);
  while (hi - lo > inc / 2) {
    const mid = (lo + hi) / 2;
    if (residual(constrained, pLb, hFt, bFt, soil, mid) < 0) lo = mid;
    else hi = mid;
  }
  let k = Math.ceil(lo / inc);
  if (k < 1 || residual(constrained, pLb, hFt, bFt, soil, k * inc) < 0) k++;
  return Math.round(k * inc * 1e6) / 1e6;
}

/** Largest depth the solver reports; beyond it the answer is "at least this". */
export const SOLVER_MAX_DEPTH_FT = MAX_DEPTH_FT;

/** Round a depth UP to the practical increment (a tiny tolerance absorbs float noise). */
export function roundUpDepth(dFt: number, incrementFt: number): number {
  const k = Math.ceil(dFt / incrementFt - 1e-9);
  return Math.round(k * incrementFt * 1e6) / 1e6;
}

/** Cylindrical pier concrete: pi/4 b^2 d / 27 yd^3, times (1 + waste). */
export function concreteYd3(bFt: number, dFt: number, wasteFactor: number): number {
  return ((Math.PI / 4) * bFt * bFt * dFt * (1 + wasteFactor)) / 27;
}

/** Diameters of the interactive diameter -> depth table (ft). */
export const DIAMETER_TABLE_FT = [1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6] as const;
