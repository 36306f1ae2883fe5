import type { PoleRatios } from '../../../src-shared/engine/output';
import { G_RIGID, KD_POLE_ROUND, KD_POLE_SQUARE } from '../data/wind-tables';
import { poleCfRoundColumns, poleCfRoundFrom, poleCfSquare } from '../wind/force-coefficient';
import type { SignWind } from '../wind/sign-wind';
import { admAllowableAxial } from './adm-round-tube';
import { K_CANTILEVER, combinedForceRatio, e3CriticalStress } from './aisc-common';
import { OMEGA_C, OMEGA_T, OMEGA_V, g5ShearStrength, h31RoundTorsion } from './aisc-round';
import { e7SquareEffectiveArea } from './aisc-square';
import type { PoleSection } from './catalog';

/** ASCE 7 2.4.1 ASD: D + 0.6W (and 0.6D + 0.6W, which never governs a pole in compression). */
export const ASD_WIND_FACTOR = 0.6;
const SQRT_KD_POLE_ROUND = Math.sqrt(KD_POLE_ROUND);

/** Design-wide values every section is checked against (computed once per design). */
export interface PoleContext {
  wind: SignWind;
  is716: boolean;
  poleCount: number;
  /** sum of x_i^2 and max |x_i| of the pole positions about the sign centre, ft */
  sumX2: number;
  xMax: number;
  signWeightPerPoleLb: number;
  serviceFactor: number;
  deflLimitIn: number;
  includePoleWind: boolean;
}

export interface PoleEvaluation {
  section: PoleSection;
  governingCase: 'A' | 'B' | 'C';
  /** strength-level sign force on the most loaded pole, lb */
  signShareLb: number;
  poleWindLb: number;
  /** ASD demands per pole at grade */
  shearLb: number;
  momentLbFt: number;
  torsionLbFt: number;
  axialLb: number;
  deflectionIn: number;
  /** ASD capacities */
  vaKip: number;
  taKipIn: number;
  paKip: number;
  ratios: PoleRatios;
  governingCheck: keyof PoleRatios;
  governingRatio: number;
  passes: boolean;
}

const RATIO_CAP = 99;
const RATIO_KEYS = ['shear', 'torsion', 'axial', 'interaction', 'deflection'] as const;
const ratio = (demand: number, capacity: number) =>
  capacity > 0 ? Math.min(demand / capacity, RATIO_CAP) : RATIO_CAP;

/** Check one section: demands per pole (sharing by stiffness), AISC/ADM strengths, deflection. */
export function evaluatePole(sec: PoleSection, ctx: PoleContext): PoleEvaluation {
  const w = ctx.wind;
  const H = w.topHeightFt;
  const n = ctx.poleCount;
  const zA = w.resultantFt;
  // torque shared between the poles' own torsion (GJ/L) and the couple of their bending (3EI/L^3
  // x^2), both at the resultant height: rho = G J L^2 / (3 E I), ft^2
  const rho = ((sec.gKsi * sec.jIn4) / (3 * sec.eKsi * sec.iIn4)) * zA * zA;
  const den = n * rho + ctx.sumX2;
  const fA = w.forceALb;
  const tB = fA * w.eccentricityBFt;
  let share = fA / n;
  let gCase: 'A' | 'B' | 'C' = 'A';
  const shareB = fA / n + (tB * ctx.xMax) / den;
  if (shareB > share * (1 + 1e-12)) {
    share = shareB;
    gCase = 'B';
  }
  let torsion = (tB * rho) / den;
  if (w.caseC) {
    const tC = w.forceCLb * Math.abs(w.eccentricityCFt);
    const shareC = w.forceCLb / n + (tC * ctx.xMax) / den;
    if (shareC > share) {
      share = shareC;
      gCase = 'C';
    }
    torsion = Math.max(torsion, (tC * rho) / den);
  }
  // wind on the exposed pole (ASCE 7 29.4, Fig. 29.4-1), Kd by shape applied once
  let fp = 0;
  let mp = 0;
  let dp = 0;
  if (ctx.includePoleWind && w.segments.length > 0) {
    const dFt = sec.odIn / 12;
    const hOverD = H / dFt;
    if (sec.shape === 'square') {
      const c = KD_POLE_SQUARE * G_RIGID * poleCfSquare(hOverD) * dFt;
      for (const seg of w.segments) {
        const f = seg.q0Psf * c * seg.lengthFt;
        fp += f;
        mp += f * seg.centroidFt;
        dp += (f / seg.lengthFt) * seg.deflFt4;
      }
    } else {
      const kdq = ctx.is716 ? KD_POLE_ROUND : 1; // Kd inside qz in 7-16 for the D sqrt(qz) test
      const sqrtKdq = ctx.is716 ? SQRT_KD_POLE_ROUND : 1;
      const [rough, smooth] = poleCfRoundColumns(hOverD);
      const c = KD_POLE_ROUND * G_RIGID * dFt;
      for (const seg of w.segments) {
        const cf = poleCfRoundFrom(rough, smooth, dFt, seg.q0Psf * kdq, seg.sqrtQ0 * sqrtKdq);
        const f = seg.q0Psf * c * cf * seg.lengthFt;
        fp += f;
        mp += f * seg.centroidFt;
        dp += (f / seg.lengthFt) * seg.deflFt4;
      }
    }
  }
  const V = ASD_WIND_FACTOR * (share + fp);
  const M = ASD_WIND_FACTOR * (share * zA + mp);
  const T = ASD_WIND_FACTOR * torsion;
  const P = ctx.signWeightPerPoleLb + sec.weightPlf * H;
  const defl =
    (ctx.serviceFactor * (share * w.signDeflFt3 + dp) * 1728) / (sec.eKsi * 1000 * sec.iIn4);
  // capacities (ASD); length-independent ones were computed with the catalog
  const lIn = H * 12;
  const lcOverR = (K_CANTILEVER * lIn) / sec.rIn;
  let va = sec.vaKip;
  let ta = sec.taKipIn;
  let pa: number;
  if (sec.material === 'aluminum') {
    pa = admAllowableAxial(sec.areaIn2, lcOverR);
  } else {
    const fcr = e3CriticalStress(sec.fyKsi, sec.eKsi, lcOverR);
    if (sec.shape === 'round') {
      if (Number.isNaN(va)) {
        va =
          g5ShearStrength(sec.fyKsi, sec.eKsi, sec.slenderness, sec.odIn, lIn, sec.areaIn2) /
          OMEGA_V;
        ta =
          h31RoundTorsion(sec.fyKsi, sec.eKsi, sec.slenderness, sec.odIn, lIn, sec.cIn3) / OMEGA_T;
      }
      pa = (fcr * sec.aeIn2) / OMEGA_C;
    } else {
      pa =
        (fcr * e7SquareEffectiveArea(sec.fyKsi, sec.eKsi, sec.odIn, sec.tIn, sec.areaIn2, fcr)) /
        OMEGA_C;
    }
  }
  const rF = ratio((M * 12) / 1000, sec.maKipIn);
  const rV = ratio(V / 1000, va);
  const rT = ratio((T * 12) / 1000, ta);
  const rP = ratio(P / 1000, pa);
  const ratios: PoleRatios = {
    flexure: rF,
    shear: rV,
    torsion: rT,
    axial: rP,
    interaction: Math.min(combinedForceRatio(rP, rF, rV, rT), RATIO_CAP),
    deflection: ratio(defl, ctx.deflLimitIn),
  };
  let gov: keyof PoleRatios = 'flexure';
  let g = rF;
  for (const k of RATIO_KEYS) {
    if (ratios[k] > g) {
      gov = k;
      g = ratios[k];
    }
  }
  return {
    section: sec,
    governingCase: gCase,
    signShareLb: share,
    poleWindLb: fp,
    shearLb: V,
    momentLbFt: M,
    torsionLbFt: T,
    axialLb: P,
    deflectionIn: defl,
    vaKip: va,
    taKipIn: ta,
    paKip: pa,
    ratios,
    governingCheck: gov,
    governingRatio: g,
    passes: g <= 1,
  };
}
