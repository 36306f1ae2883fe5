// AISC 360-16 provisions for round HSS and pipe (ASD). Units: ksi, in, kip, kip-in.

export const OMEGA_B = 1.67; // F1
export const OMEGA_V = 1.67; // G1
export const OMEGA_T = 1.67; // H3.1
export const OMEGA_C = 1.67; // E1

export type FlexureClass = 'compact' | 'noncompact' | 'slender' | 'not permitted';

/** Table B4.1b case 20 / F8 limits for round HSS in flexure. */
export function f8Limits(fy: number, e: number): { lp: number; lr: number; lmax: number } {
  return { lp: (0.07 * e) / fy, lr: (0.31 * e) / fy, lmax: (0.45 * e) / fy };
}

/** AISC 360-16 F8: nominal flexural strength of round HSS (kip-in) and its class. */
export function f8FlexuralStrength(
  fy: number,
  e: number,
  dOverT: number,
  sIn3: number,
  zIn3: number,
): { mn: number; cls: FlexureClass } {
  const { lp, lr, lmax } = f8Limits(fy, e);
  if (dOverT <= lp) return { mn: fy * zIn3, cls: 'compact' }; // F8-1
  if (dOverT <= lr) return { mn: ((0.021 * e) / dOverT + fy) * sIn3, cls: 'noncompact' }; // F8-2
  const fcr = (0.33 * e) / dOverT; // F8-4
  // F8 applies only for D/t < 0.45 E/Fy; beyond that the section is not permitted
  return { mn: fcr * sIn3, cls: dOverT < lmax ? 'slender' : 'not permitted' }; // F8-3
}

/** AISC 360-16 G5: nominal shear strength of round HSS (kip); Lv = distance max to zero shear. */
export function g5ShearStrength(
  fy: number,
  e: number,
  dOverT: number,
  dIn: number,
  lvIn: number,
  areaIn2: number,
): number {
  const fcr = Math.min(
    Math.max(
      (1.6 * e) / (Math.sqrt(lvIn / dIn) * Math.pow(dOverT, 1.25)), // G5-2a
      (0.78 * e) / Math.pow(dOverT, 1.5), // G5-2b
    ),
    0.6 * fy,
  );
  return (fcr * areaIn2) / 2; // G5-1
}

/** AISC 360-16 H3.1(a): nominal torsional strength of round HSS (kip-in). */
export function h31RoundTorsion(
  fy: number,
  e: number,
  dOverT: number,
  dIn: number,
  lIn: number,
  cIn3: number,
): number {
  const fcr = Math.min(
    Math.max(
      (1.23 * e) / (Math.sqrt(lIn / dIn) * Math.pow(dOverT, 1.25)), // H3-2a
      (0.6 * e) / Math.pow(dOverT, 1.5), // H3-2b
    ),
    0.6 * fy,
  );
  return fcr * cIn3; // H3-1
}

/** AISC 360-16 E7 (E7-7): effective area of a round HSS with slender walls in compression. */
export function e7RoundEffectiveArea(fy: number, e: number, dOverT: number, ag: number): number {
  if (dOverT <= (0.11 * e) / fy) return ag;
  return ((0.038 * e) / (fy * dOverT) + 2 / 3) * ag;
}
