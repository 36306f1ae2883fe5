// ASCE 7-16 / 7-22 Figure 29.3-1, force coefficients Cf for solid freestanding signs (identical in
// 7-05 Fig. 6-20 and 7-10 Fig. 29.4-1). Transcribed from the Signwright reference data
// cf_freestanding.csv (BNBC 2020 Fig. 6.2.20 cross-checked against CIRSOC 102-2025 Fig. 4.4-1 and
// two further public transcriptions; the s/h 0.7, B/s 4 cell uses the majority value 1.60).

/** Cases A and B: rows s/h (descending; the last row is s/h <= 0.16). */
export const CF_AB_S_OVER_H = [1, 0.9, 0.7, 0.5, 0.3, 0.2, 0.16] as const;
/** Cases A and B: columns B/s (first <= 0.05, last >= 45). */
export const CF_AB_B_OVER_S = [0.05, 0.1, 0.2, 0.5, 1, 2, 4, 5, 10, 20, 30, 45] as const;
export const CF_AB: readonly (readonly number[])[] = [
  [1.8, 1.7, 1.65, 1.55, 1.45, 1.4, 1.35, 1.35, 1.3, 1.3, 1.3, 1.3],
  [1.85, 1.75, 1.7, 1.6, 1.55, 1.5, 1.45, 1.45, 1.4, 1.4, 1.4, 1.4],
  [1.9, 1.85, 1.75, 1.7, 1.65, 1.6, 1.6, 1.55, 1.55, 1.55, 1.55, 1.55],
  [1.95, 1.85, 1.8, 1.75, 1.75, 1.7, 1.7, 1.7, 1.7, 1.7, 1.7, 1.75],
  [1.95, 1.9, 1.85, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.85, 1.85, 1.85],
  [1.95, 1.9, 1.85, 1.8, 1.8, 1.8, 1.8, 1.8, 1.85, 1.9, 1.9, 1.95],
  [1.95, 1.9, 1.85, 1.85, 1.8, 1.8, 1.85, 1.85, 1.85, 1.9, 1.9, 1.95],
];

/** One Case C column: bands [from, to) in multiples of s from the windward edge. */
export interface CaseCColumn {
  bOverS: number;
  /** band starts (multiples of s); band i runs to bandFrom[i + 1] or to infinity */
  bandFrom: readonly number[];
  cf: readonly number[];
  /** starred values: multiplied by the return-corner factor */
  reducible: readonly boolean[];
}

const f = false;
const t = true;
/** Case C (B/s >= 2): Cf by region, per column of B/s (13 and >= 45 split the 3s-10s band). */
export const CF_C_COLUMNS: readonly CaseCColumn[] = [
  { bOverS: 2, bandFrom: [0, 1], cf: [2.25, 1.5], reducible: [f, f] },
  { bOverS: 3, bandFrom: [0, 1, 2], cf: [2.6, 1.7, 1.15], reducible: [f, f, f] },
  { bOverS: 4, bandFrom: [0, 1, 2, 3], cf: [2.9, 1.9, 1.3, 1.1], reducible: [f, f, f, f] },
  { bOverS: 5, bandFrom: [0, 1, 2, 3], cf: [3.1, 2.0, 1.45, 1.05], reducible: [t, f, f, f] },
  { bOverS: 6, bandFrom: [0, 1, 2, 3], cf: [3.3, 2.15, 1.55, 1.05], reducible: [t, f, f, f] },
  { bOverS: 7, bandFrom: [0, 1, 2, 3], cf: [3.4, 2.25, 1.65, 1.05], reducible: [t, f, f, f] },
  { bOverS: 8, bandFrom: [0, 1, 2, 3], cf: [3.55, 2.3, 1.7, 1.05], reducible: [t, f, f, f] },
  { bOverS: 9, bandFrom: [0, 1, 2, 3], cf: [3.65, 2.35, 1.75, 1.0], reducible: [t, f, f, f] },
  { bOverS: 10, bandFrom: [0, 1, 2, 3], cf: [3.75, 2.45, 1.85, 0.95], reducible: [t, f, f, f] },
  {
    bOverS: 13,
    bandFrom: [0, 1, 2, 3, 4, 5, 10],
    cf: [4.0, 2.6, 2.0, 1.5, 1.35, 0.9, 0.55],
    reducible: [t, f, f, f, f, f, f],
  },
  {
    bOverS: 45,
    bandFrom: [0, 1, 2, 3, 4, 5, 10],
    cf: [4.3, 2.55, 1.95, 1.85, 1.85, 1.1, 0.55],
    reducible: [t, f, f, f, f, f, f],
  },
];

/** Unified region boundaries (multiples of s) used when interpolating between columns. */
export const CF_C_REGION_BOUNDS = [0, 1, 2, 3, 4, 5, 10] as const;

/** Return-corner factor vs Lr/s (note 5 interpolation; 1.0 at Lr/s = 0 as the W02 sheet does). */
export const RETURN_CORNER_LR_OVER_S = [0, 0.3, 1, 2] as const;
export const RETURN_CORNER_FACTOR = [1, 0.9, 0.75, 0.6] as const;

/** Note 2: solid sign when openings < 30 %; reduction 1 - (1 - eps)^1.5. */
export const SOLIDITY_REDUCTION_EXPONENT = 1.5;
/** Note 3: Case B resultant offset 0.2 x average width; s/h = 1: 0.05 s above the centre. */
export const CASE_B_ECCENTRICITY = 0.2;
export const WALL_RESULTANT_RAISE = 0.05;
/** Note 4: Case C with s/h > 0.8 multiplied by (1.8 - s/h). */
export const CASE_C_SH_LIMIT = 0.8;
export const CASE_C_SH_BASE = 1.8;
/** Case C applies when B/s >= 2. */
export const CASE_C_MIN_B_OVER_S = 2;
