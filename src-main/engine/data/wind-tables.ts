// Wind data tables. Sources: ASCE 7-16 Table 26.10-1 footnote (power law constants 2.01, alpha, zg);
// ASCE 7-22 Table 26.10-1 (2.41, alpha, zg) as carried in StructuralTools Table_26-11-1.csv and
// XWind Asce722 TerrainExposureConstant; ASCE 7-16/7-22 Table 26.6-1 (Kd); Section 26.11.1 (G);
// Figure 29.4-1 (other structures: chimneys, tanks and similar, Cf by h/D) as transcribed in
// BNBC 2020 (= ASCE 7-05 Fig. 6-21, unchanged since). See reference ENGINEERING-NOTES.md 1.1-1.2.

export type Edition = 'ASCE7-16' | 'ASCE7-22';
export type ExposureCat = 'B' | 'C' | 'D';

export interface KzConstants {
  /** leading coefficient of the power law */
  k: number;
  alpha: number;
  zgFt: number;
}

/** ASCE 7 Table 26.10-1 power-law constants by edition and exposure. */
export const KZ_CONSTANTS: Record<Edition, Record<ExposureCat, KzConstants>> = {
  'ASCE7-16': {
    B: { k: 2.01, alpha: 7.0, zgFt: 1200 },
    C: { k: 2.01, alpha: 9.5, zgFt: 900 },
    D: { k: 2.01, alpha: 11.5, zgFt: 700 },
  },
  'ASCE7-22': {
    B: { k: 2.41, alpha: 7.5, zgFt: 3280 },
    C: { k: 2.41, alpha: 9.8, zgFt: 2460 },
    D: { k: 2.41, alpha: 11.5, zgFt: 1935 },
  },
};

/** Table 26.10-1: z is taken no lower than 15 ft (all exposures, both editions). */
export const KZ_MIN_HEIGHT_FT = 15;

/** Table 26.6-1: solid freestanding signs. */
export const KD_SIGN = 0.85;
/**
 * Kd for the exposed pole, Table 26.6-1 "chimneys, tanks and similar structures" (ASCE 7-16 and
 * 7-22): round 1.00 (0.95 only for a round structure with a non-axisymmetric structural system, a
 * footnote that does not fit a plain pipe), square 0.90. ASCE 7-05 / 7-10 listed round as 0.95;
 * 7-16 raised it to 1.00 and 7-22 kept it (Dlubal KB 001546 (7-16) and 001858 (7-22) "Kd = 1.0 for
 * round tanks, Table 26.6-1"; Bentley STAAD.Pro ASCE 7-16 tank verification, Kd = 1.0).
 * Why this row and not the sign's 0.85: the pole is a slender prismatic member of the same
 * cross-section for every wind direction, so the directionality allowance of a flat sign (whose
 * load peaks only for wind normal to its face) does not apply to it; the chimney/tank row is the
 * one for that shape, and it is the larger (conservative) value.
 */
export const KD_POLE_ROUND = 1.0;
export const KD_POLE_SQUARE = 0.9;

/** Section 26.11.1: gust-effect factor for rigid structures. */
export const G_RIGID = 0.85;

/** Eq. 26.10-1 constant (psf per mph^2). */
export const QZ_CONSTANT = 0.00256;

/** Table 26.9-1 note: Ke = exp(-0.0000362 zg), zg = ground elevation above sea level in ft. */
export const KE_EXPONENT_PER_FT = 0.0000362;

/** Figure 29.4-1 columns of h/D. */
export const POLE_CF_H_OVER_D = [1, 7, 25] as const;
/** Round, moderately smooth, D sqrt(qz) > 2.5. */
export const POLE_CF_ROUND_SMOOTH = [0.5, 0.6, 0.7] as const;
/** Round, D sqrt(qz) <= 2.5 (all surfaces). */
export const POLE_CF_ROUND_ROUGH = [0.7, 0.8, 1.2] as const;
/** Square, wind normal to a face. */
export const POLE_CF_SQUARE = [1.3, 1.4, 2.0] as const;
/** Figure 29.4-1: the D sqrt(qz) boundary between the two round columns (D ft, qz psf). */
export const POLE_CF_ROUND_THRESHOLD = 2.5;
