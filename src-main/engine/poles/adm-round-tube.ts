// Aluminum Design Manual 2020 (Specification for Aluminum Structures), 6061-T6 extruded round tube,
// building-type ASD safety factors. Only the yielding and rupture limit states are evaluated; the
// catalog is limited to stocky tubes (Rb/t <= 16) so local buckling does not govern (see README).

export const AL_6061_T6 = {
  ftu: 38, // ksi, ADM Table A.3.4
  fty: 35,
  fsu: 24,
  fsy: 20,
  e: 10100,
  g: 3800,
  densityPci: 0.098,
} as const;

export const OMEGA_Y = 1.65; // ADM B.3.2.2, yielding
export const OMEGA_U = 1.95; // ADM B.3.2.2, rupture

/** ADM F.1 and F.2: allowable moment (kip-in) = min(min(Z Fty, 1.5 S Fty)/1.65, Z Ftu/1.95). */
export function admAllowableMoment(sIn3: number, zIn3: number): number {
  const { fty, ftu } = AL_6061_T6;
  return Math.min(Math.min(zIn3 * fty, 1.5 * sIn3 * fty) / OMEGA_Y, (zIn3 * ftu) / OMEGA_U);
}

/** ADM G (round tube): allowable shear (kip) on half the area, yield and rupture. */
export function admAllowableShear(areaIn2: number): number {
  const { fsy, fsu } = AL_6061_T6;
  return Math.min((fsy * areaIn2) / 2 / OMEGA_Y, (fsu * areaIn2) / 2 / OMEGA_U);
}

/** ADM H.2 (round tube): allowable torsion (kip-in), yield and rupture on the constant C. */
export function admAllowableTorsion(cIn3: number): number {
  const { fsy, fsu } = AL_6061_T6;
  return Math.min((fsy * cIn3) / OMEGA_Y, (fsu * cIn3) / OMEGA_U);
}

/** ADM E.3 member buckling (elastic branch 0.85 pi^2 E / lambda^2, capped at Fty): allowable kip. */
export function admAllowableAxial(areaIn2: number, lcOverR: number): number {
  const { fty, e } = AL_6061_T6;
  const fc = Math.min(fty, (0.85 * Math.PI * Math.PI * e) / (lcOverR * lcOverR));
  return (fc * areaIn2) / OMEGA_Y;
}
