// ASCE 7 Table 26.11-1, terrain exposure constants used by the gust-effect factor (26.11.4 and
// 26.11.5): bar alpha and bar b (mean hourly wind speed, Eq. 26.11-16), c (turbulence intensity,
// Eq. 26.11-7), l and bar epsilon (integral length scale, Eq. 26.11-9) and z_min (26.11.4).
// ASCE 7-16 values: the 7-16 table (unchanged from 7-10 Table 26.9-1 and 7-05 Table 6-2).
// ASCE 7-22 values: the 7-22 table as carried in StructuralTools/StructuralTools
// `src/structuraltools/resources/ASCE_Table_26-11-1.csv` (7-22 changed bar alpha and bar b with its
// new alpha / z_g; c, l, bar epsilon and z_min are unchanged). One public transcription: confirm
// against the printed 7-22 table.
import type { Edition, ExposureCat } from './wind-tables';

export interface GustConstants {
  barAlpha: number;
  barB: number;
  c: number;
  lFt: number;
  barEpsilon: number;
  zMinFt: number;
}

export const GUST_CONSTANTS: Record<Edition, Record<ExposureCat, GustConstants>> = {
  'ASCE7-16': {
    B: { barAlpha: 1 / 4.0, barB: 0.45, c: 0.3, lFt: 320, barEpsilon: 1 / 3.0, zMinFt: 30 },
    C: { barAlpha: 1 / 6.5, barB: 0.65, c: 0.2, lFt: 500, barEpsilon: 1 / 5.0, zMinFt: 15 },
    D: { barAlpha: 1 / 9.0, barB: 0.8, c: 0.15, lFt: 650, barEpsilon: 1 / 8.0, zMinFt: 7 },
  },
  'ASCE7-22': {
    B: { barAlpha: 1 / 4.5, barB: 0.47, c: 0.3, lFt: 320, barEpsilon: 1 / 3.0, zMinFt: 30 },
    C: { barAlpha: 1 / 6.4, barB: 0.66, c: 0.2, lFt: 500, barEpsilon: 1 / 5.0, zMinFt: 15 },
    D: { barAlpha: 1 / 8.0, barB: 0.78, c: 0.15, lFt: 650, barEpsilon: 1 / 8.0, zMinFt: 7 },
  },
};

/** 26.11.4 / 26.11.5: peak factors for background response and wind response. */
export const G_Q = 3.4;
export const G_V = 3.4;
/** 26.11.1: structures with n1 below this are flexible (Gf by 26.11.5). */
export const RIGID_MIN_HZ = 1;
