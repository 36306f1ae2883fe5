import {
  CASE_C_SH_BASE,
  CASE_C_SH_LIMIT,
  CF_AB,
  CF_AB_B_OVER_S,
  CF_AB_S_OVER_H,
  CF_C_COLUMNS,
  CF_C_REGION_BOUNDS,
  RETURN_CORNER_FACTOR,
  RETURN_CORNER_LR_OVER_S,
  SOLIDITY_REDUCTION_EXPONENT,
  type CaseCColumn,
} from '../data/cf-figure-29-3-1';
import {
  POLE_CF_H_OVER_D,
  POLE_CF_ROUND_ROUGH,
  POLE_CF_ROUND_SMOOTH,
  POLE_CF_ROUND_THRESHOLD,
  POLE_CF_SQUARE,
} from '../data/wind-tables';

/** Linear interpolation in an ascending table, clamped at both ends. */
export function interp1(xs: readonly number[], ys: readonly number[], x: number): number {
  const n = xs.length;
  if (x <= xs[0]) return ys[0];
  if (x >= xs[n - 1]) return ys[n - 1];
  let i = 1;
  while (xs[i] < x) i++;
  const t = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
  return ys[i - 1] + t * (ys[i] - ys[i - 1]);
}

/** Interpolation position in an ascending table: index of the lower point and the fraction. */
function locate(xs: readonly number[], x: number): [number, number] {
  const n = xs.length;
  if (x <= xs[0]) return [0, 0];
  if (x >= xs[n - 1]) return [n - 2, 1];
  let i = 1;
  while (xs[i] < x) i++;
  return [i - 1, (x - xs[i - 1]) / (xs[i] - xs[i - 1])];
}

/**
 * ASCE 7 Figure 29.3-1, Cases A and B: Cf by s/h and B/s, bilinear interpolation (note 5),
 * clamped at the table edges (s/h <= 0.16 row, B/s <= 0.05 and >= 45 columns).
 */
export function cfCaseAB(sOverH: number, bOverS: number): number {
  // rows are stored with s/h descending; locate on the ascending reverse
  const rows = CF_AB_S_OVER_H.length;
  const [ci, ct] = locate(CF_AB_B_OVER_S, bOverS);
  const sh = Math.min(Math.max(sOverH, CF_AB_S_OVER_H[rows - 1]), CF_AB_S_OVER_H[0]);
  let r = rows - 1;
  while (r > 0 && CF_AB_S_OVER_H[r - 1] <= sh) r--;
  // now CF_AB_S_OVER_H[r] <= sh, and row r - 1 (if any) is above
  if (r === 0 || CF_AB_S_OVER_H[r] === sh) return cfRowValue(r, ci, ct);
  const lo = CF_AB_S_OVER_H[r];
  const hi = CF_AB_S_OVER_H[r - 1];
  const t = (sh - lo) / (hi - lo);
  return cfRowValue(r, ci, ct) + t * (cfRowValue(r - 1, ci, ct) - cfRowValue(r, ci, ct));
}

/** One Figure 29.3-1 row interpolated at column ci + fraction ct. */
function cfRowValue(r: number, ci: number, ct: number): number {
  return CF_AB[r][ci] + ct * (CF_AB[r][ci + 1] - CF_AB[r][ci]);
}

/** Figure 29.3-1 note 2: solidity reduction 1 - (1 - eps)^1.5 (solid signs, eps >= 0.7). */
export function solidityReductionFactor(solidity: number): number {
  return 1 - Math.pow(1 - solidity, SOLIDITY_REDUCTION_EXPONENT);
}

/** Figure 29.3-1 return-corner factor by Lr/s (interpolated, 1.0 at Lr/s = 0, 0.60 for >= 2). */
export function returnCornerFactor(lrOverS: number): number {
  return interp1(RETURN_CORNER_LR_OVER_S, RETURN_CORNER_FACTOR, lrOverS);
}

/** Cf of one Case C column at a region start x (in multiples of s), or undefined beyond it. */
function columnValue(col: CaseCColumn, x: number, rcf: number): number | undefined {
  if (x >= col.bOverS) return undefined;
  let i = col.bandFrom.length - 1;
  while (col.bandFrom[i] > x) i--;
  return col.cf[i] * (col.reducible[i] ? rcf : 1);
}

export interface CaseCRegion {
  /** from / to in multiples of s from the windward edge */
  from: number;
  to: number;
  cf: number;
}

/**
 * ASCE 7 Figure 29.3-1 Case C (B/s >= 2): Cf per region from the windward edge, interpolated
 * between B/s columns (note 5); starred values times the return-corner factor; times (1.8 - s/h)
 * when s/h > 0.8 (note 4). Where a column's sign ends before a region, the next column supplies it.
 */
export function cfCaseCRegions(bOverS: number, sOverH: number, lrOverS: number): CaseCRegion[] {
  const cols = CF_C_COLUMNS;
  const x = Math.min(bOverS, cols[cols.length - 1].bOverS);
  let j = 0;
  while (j < cols.length - 2 && cols[j + 1].bOverS < x) j++;
  const lo = cols[j];
  const hi = cols[j + 1];
  const t = x <= lo.bOverS ? 0 : Math.min((x - lo.bOverS) / (hi.bOverS - lo.bOverS), 1);
  const rcf = returnCornerFactor(lrOverS);
  const shFactor = sOverH > CASE_C_SH_LIMIT ? CASE_C_SH_BASE - sOverH : 1;
  const out: CaseCRegion[] = [];
  const bounds = CF_C_REGION_BOUNDS;
  for (let i = 0; i < bounds.length && bounds[i] < bOverS; i++) {
    const from = bounds[i];
    const to = Math.min(i + 1 < bounds.length ? bounds[i + 1] : Infinity, bOverS);
    const vHi = columnValue(hi, from, rcf) as number;
    const vLo = columnValue(lo, from, rcf) ?? vHi;
    out.push({ from, to, cf: (vLo + t * (vHi - vLo)) * shFactor });
  }
  return out;
}

/** ASCE 7 Figure 29.4-1 (chimneys, tanks and similar): Cf of a round pole, by h/D and D sqrt(qz). */
export function poleCfRound(hOverD: number, dFt: number, qzPsf: number): number {
  return poleCfRoundFrom(
    interp1(POLE_CF_H_OVER_D, POLE_CF_ROUND_ROUGH, hOverD),
    interp1(POLE_CF_H_OVER_D, POLE_CF_ROUND_SMOOTH, hOverD),
    dFt,
    qzPsf,
    Math.sqrt(qzPsf),
  );
}

/** Round pole Cf from the two h/D-interpolated columns (the hot loop computes them once). */
export function poleCfRoundFrom(
  rough: number,
  smooth: number,
  dFt: number,
  qzPsf: number,
  sqrtQz: number,
): number {
  if (dFt * sqrtQz <= POLE_CF_ROUND_THRESHOLD) return rough;
  // The figure steps down at D sqrt(qz) = 2.5, so more wind could give less force. Hold the force
  // at its value at the step (conservative): Cf qz >= Cf_rough qz* with qz* = (2.5 / D)^2.
  const qzStep = (POLE_CF_ROUND_THRESHOLD / dFt) ** 2;
  return Math.max(smooth, (rough * qzStep) / qzPsf);
}

/** Figure 29.4-1 round columns at h/D: [rough (D sqrt(qz) <= 2.5), moderately smooth]. */
export function poleCfRoundColumns(hOverD: number): [number, number] {
  return [
    interp1(POLE_CF_H_OVER_D, POLE_CF_ROUND_ROUGH, hOverD),
    interp1(POLE_CF_H_OVER_D, POLE_CF_ROUND_SMOOTH, hOverD),
  ];
}

/** Figure 29.4-1 round column for D sqrt(qz) <= 2.5 at h/D. */
export function poleCfRoundRough(hOverD: number): number {
  return interp1(POLE_CF_H_OVER_D, POLE_CF_ROUND_ROUGH, hOverD);
}

/** Figure 29.4-1 round, moderately smooth column at h/D. */
export function poleCfRoundSmooth(hOverD: number): number {
  return interp1(POLE_CF_H_OVER_D, POLE_CF_ROUND_SMOOTH, hOverD);
}

/** ASCE 7 Figure 29.4-1: Cf of a square pole, wind normal to a face, by h/D. */
export function poleCfSquare(hOverD: number): number {
  return interp1(POLE_CF_H_OVER_D, POLE_CF_SQUARE, hOverD);
}
