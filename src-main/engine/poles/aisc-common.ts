// AISC 360-16 provisions shared by every steel shape (ASD).

/** AISC 360-16 Commentary Table C-A-7.1: recommended K for a fixed-free (flagpole) column. */
export const K_CANTILEVER = 2.1;

/** AISC 360-16 E3: critical flexural-buckling stress (ksi) for slenderness Lc/r. */
export function e3CriticalStress(fy: number, e: number, lcOverR: number): number {
  const fe = (Math.PI * Math.PI * e) / (lcOverR * lcOverR); // E3-4
  return fy / fe <= 2.25 ? Math.pow(0.658, fy / fe) * fy : 0.877 * fe; // E3-2, E3-3
}

/**
 * AISC 360-16 H1.1 (H1-1a/b), or H3.2 (H3-6) when the torsion ratio exceeds 0.2:
 * (Pr/Pc + Mr/Mc) + (Vr/Vc + Tr/Tc)^2 <= 1.
 */
export function combinedForceRatio(p: number, m: number, v: number, t: number): number {
  if (t > 0.2) return p + m + (v + t) * (v + t); // H3-6
  return p >= 0.2 ? p + (8 / 9) * m : p / 2 + m; // H1-1a, H1-1b
}
