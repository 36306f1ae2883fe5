// AISC 360-16 provisions for square HSS (ASD). b = h = B - 3t (B4.1b(d)). Units: ksi, in, kip.
import type { FlexureClass } from './aisc-round';

/** Table B4.1b cases 17 and 19: flange and web limits for square HSS in flexure. */
export function f7Limits(fy: number, e: number) {
  const r = Math.sqrt(e / fy);
  return { flangeP: 1.12 * r, flangeR: 1.4 * r, webP: 2.42 * r, webR: 5.7 * r };
}

/**
 * Effective section modulus with the compression flange reduced to be (F7-4): the ineffective strip
 * (b - be) t is removed and I and the extreme-fibre distance recomputed (tension fibre governs).
 */
export function f7EffectiveS(
  bIn: number,
  tIn: number,
  areaIn2: number,
  iIn4: number,
  beIn: number,
  flatIn: number,
): number {
  const ar = (flatIn - beIn) * tIn;
  if (ar <= 0) return iIn4 / (bIn / 2);
  const y = bIn / 2 - tIn / 2;
  const a1 = areaIn2 - ar;
  const shift = (ar * y) / a1;
  const i1 = iIn4 - ar * y * y - ((flatIn - beIn) * tIn ** 3) / 12 - a1 * shift * shift;
  return i1 / (bIn / 2 + shift);
}

/** AISC 360-16 F7: nominal flexural strength of square HSS (kip-in): yielding, FLB, WLB. */
export function f7FlexuralStrength(
  fy: number,
  e: number,
  bIn: number,
  tIn: number,
  areaIn2: number,
  iIn4: number,
  sIn3: number,
  zIn3: number,
): { mn: number; cls: FlexureClass | 'noncompact flange' | 'slender flange' } {
  const lim = f7Limits(fy, e);
  const flat = bIn - 3 * tIn;
  const lam = flat / tIn;
  const mp = fy * zIn3; // F7-1
  let mn = mp;
  let cls: FlexureClass | 'noncompact flange' | 'slender flange' = 'compact';
  if (lam > lim.flangeR) {
    const r = Math.sqrt(e / fy);
    const be = Math.min(1.92 * tIn * r * (1 - (0.38 / lam) * r), flat); // F7-4
    mn = fy * f7EffectiveS(bIn, tIn, areaIn2, iIn4, be, flat); // F7-3
    cls = 'slender flange';
  } else if (lam > lim.flangeP) {
    mn = Math.min(mp - (mp - fy * sIn3) * (3.57 * lam * Math.sqrt(fy / e) - 4.0), mp); // F7-2
    cls = 'noncompact flange';
  }
  if (lam > lim.webP) {
    // F7-5 web local buckling (noncompact web; slender webs do not occur in the catalog)
    const mw = Math.min(mp - (mp - fy * sIn3) * (0.305 * lam * Math.sqrt(fy / e) - 0.738), mp);
    if (mw < mn) {
      mn = mw;
      cls = 'noncompact';
    }
  }
  return { mn, cls };
}

/** AISC 360-16 G4 with G2.2 (kv = 5): nominal shear strength of square HSS (kip). */
export function g4ShearStrength(fy: number, e: number, bIn: number, tIn: number): number {
  const h = bIn - 3 * tIn;
  const ht = h / tIn;
  const k = Math.sqrt((5 * e) / fy);
  let cv2 = 1;
  if (ht > 1.37 * k)
    cv2 = (1.51 * 5 * e) / (ht * ht * fy); // G2-11
  else if (ht > 1.1 * k) cv2 = (1.1 * k) / ht; // G2-10
  return 0.6 * fy * (2 * h * tIn) * cv2; // G4-1, Aw = 2 h t
}

/** AISC 360-16 H3.1(b): nominal torsional strength of square HSS (kip-in). */
export function h31SquareTorsion(fy: number, e: number, bIn: number, tIn: number, cIn3: number) {
  const ht = (bIn - 3 * tIn) / tIn;
  const r = Math.sqrt(e / fy);
  let fcr = 0.6 * fy; // H3-3
  if (ht > 3.07 * r)
    fcr = (0.458 * Math.PI * Math.PI * e) / (ht * ht); // H3-5
  else if (ht > 2.45 * r) fcr = (0.6 * fy * 2.45 * r) / ht; // H3-4
  return fcr * cIn3;
}

/** AISC 360-16 E7 (E7-3, Table E7.1 case b): effective area of a square HSS in compression. */
export function e7SquareEffectiveArea(
  fy: number,
  e: number,
  bIn: number,
  tIn: number,
  ag: number,
  fcr: number,
): number {
  const flat = bIn - 3 * tIn;
  const lam = flat / tIn;
  const lr = 1.4 * Math.sqrt(e / fy);
  if (lam <= lr * Math.sqrt(fy / fcr)) return ag;
  const fel = ((1.38 * lr) / lam) ** 2 * fy; // E7-5, c2 = 1.38
  const ratio = Math.sqrt(fel / fcr);
  const be = flat * (1 - 0.2 * ratio) * ratio; // E7-3, c1 = 0.20
  return ag - 4 * (flat - Math.min(be, flat)) * tIn;
}
