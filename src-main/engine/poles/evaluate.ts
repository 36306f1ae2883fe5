import type { PoleOption, PoleRatios } from '../../../src-shared/engine/output';
import { G_RIGID, KD_POLE_ROUND, KD_POLE_SQUARE } from '../data/wind-tables';
import {
  poleCfRoundFrom,
  poleCfRoundRough,
  poleCfRoundSmooth,
  poleCfSquare,
} from '../wind/force-coefficient';
import type { SignWind } from '../wind/sign-wind-result';
import { designGust, type GustSite } from '../wind/gust-factor';
import { RIGID_MIN_HZ } from '../data/gust-table-26-11-1';
import { admAllowableAxial } from './adm-round-tube';
import { K_CANTILEVER, combinedForceRatio, e3CriticalStress } from './aisc-common';
import { OMEGA_C, OMEGA_T, OMEGA_V, g5ShearStrength, h31RoundTorsion } from './aisc-round';
import { e7SquareEffectiveArea } from './aisc-square';
import { WIND_KEY_COUNT, type PoleSection } from './catalog';

/** ASCE 7 2.4.1 ASD: D + 0.6W (and 0.6D + 0.6W, which never governs a pole in compression). */
export const ASD_WIND_FACTOR = 0.6;
const SQRT_KD_POLE_ROUND = Math.sqrt(KD_POLE_ROUND);

/** Design-wide values every section is checked against (computed once per design). */
export interface PoleContext {
  wind: SignWind;
  is716: boolean;
  poleCount: number;
  /** centre-to-centre pole spacing, ft (input or B / n) */
  spacingFt: number;
  /** sum of x_i^2 and max |x_i| of the pole positions about the sign centre, ft */
  sumX2: number;
  xMax: number;
  /** torque sharing on 2..4 poles: rigid diaphragm (statics) or by stiffness (explicit option) */
  sharing: 'rigid-diaphragm' | 'stiffness';
  signWeightPerPoleLb: number;
  serviceFactor: number;
  deflLimitIn: number;
  includePoleWind: boolean;
  /** footing (hole) diameter the pole must fit, in (IBC 1807.3.3 item 1) */
  holeIn: number;
  /** the site terms of the flexible-structure gust factor (26.11.5) */
  gust: GustSite;
}

export interface PoleEvaluation {
  section: PoleSection;
  governingCase: 'A' | 'B' | 'C';
  /** strength-level sign force on the most loaded pole, lb */
  signShareLb: number;
  poleWindLb: number;
  /** moment at grade of the pole wind (strength), lb-ft */
  poleWindMomentLbFt: number;
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
  /** natural frequency estimate (Hz) and the gust-effect factor used (0.85 or Gf) */
  n1Hz: number;
  g: number;
  ratios: PoleRatios;
  governingCheck: keyof PoleRatios;
  governingRatio: number;
  /** the largest load-proportional ratio (flexure, shear, torsion, interaction, deflection) */
  loadRatio: number;
  passes: boolean;
}

const RATIO_CAP = 99;
/** (2 pi x 1 Hz)^2: below it n1 < 1 Hz (flexible, ASCE 7 26.11.1) */
const OMEGA2_RIGID = (2 * Math.PI * RIGID_MIN_HZ) ** 2;
const ratio = (demand: number, capacity: number) =>
  capacity > 0 ? Math.min(demand / capacity, RATIO_CAP) : RATIO_CAP;

/** Governing check by index (flexure first; a later check governs only when strictly larger). */
export const CHECK_KEYS = [
  'flexure',
  'shear',
  'torsion',
  'axial',
  'interaction',
  'deflection',
  'hole',
] as const satisfies readonly (keyof PoleRatios)[];
const CASES = ['A', 'B', 'C'] as const;

/** Wind on the exposed pole at G = 0.85: force (lb), its moment at grade (lb-ft), deflection term. */
interface PoleWind {
  fp: number;
  mp: number;
  dp: number;
}

const NO_POLE_WIND: PoleWind = { fp: 0, mp: 0, dp: 0 };

/** The per-design values every section check uses (the same for every section of a design). */
interface DesignLoads {
  ctx: PoleContext;
  H: number;
  n: number;
  zA: number;
  shareA: number;
  shareATol: number;
  tB: number;
  tBx: number;
  caseC: boolean;
  shareC0: number;
  tC: number;
  tCx: number;
  /** torque split by the poles' stiffness (explicit option, 2+ poles) instead of statics */
  byStiffness: boolean;
  /** rigid diaphragm: the critical pole's strength sign force at G = 0.85, its case, and torsion */
  rigidShare: number;
  rigidCase: number;
  rigidTorsion: number;
  /** 1 / (12 zA)^3, in^-3: the cantilever stiffness 3EI / L^3 at the resultant */
  invL3: number;
  invHoleIn: number;
  poleWind: boolean;
  lIn: number;
  /** pole wind by distinct (shape, D) profile, computed on first use in this design */
  poleWindByKey: (PoleWind | undefined)[];
}

/**
 * The sign's load on the critical pole, for a design: ASCE 7 29.3 Cases A / B (0.2 B offset) / C,
 * shared as V_i = F/n + T x_i / sum x^2 (rigid diaphragm); one pole takes the torque as torsion.
 */
function designLoads(ctx: PoleContext): DesignLoads {
  const w = ctx.wind;
  const n = ctx.poleCount;
  const fA = w.forceALb;
  const shareA = fA / n;
  const shareATol = shareA * (1 + 1e-12);
  const tB = fA * w.eccentricityBFt;
  const tBx = tB * ctx.xMax;
  const shareC0 = w.forceCLb / n;
  const tC = w.forceCLb * Math.abs(w.eccentricityCFt);
  const tCx = tC * ctx.xMax;
  let share = shareA;
  let gCase = 0;
  let torsion = 0;
  if (n === 1) {
    torsion = tB;
    if (w.caseC) {
      if (shareC0 > share) {
        share = shareC0;
        gCase = 2;
      }
      torsion = Math.max(torsion, tC);
    }
  } else {
    const shareB = shareA + tBx / ctx.sumX2;
    if (shareB > shareATol) {
      share = shareB;
      gCase = 1;
    }
    if (w.caseC) {
      const shareC = shareC0 + tCx / ctx.sumX2;
      if (shareC > share) {
        share = shareC;
        gCase = 2;
      }
    }
  }
  const lIn = w.resultantFt * 12;
  return {
    ctx,
    H: w.topHeightFt,
    n,
    zA: w.resultantFt,
    shareA,
    shareATol,
    tB,
    tBx,
    caseC: w.caseC,
    shareC0,
    tC,
    tCx,
    byStiffness: ctx.sharing === 'stiffness' && n > 1,
    rigidShare: share,
    rigidCase: gCase,
    rigidTorsion: torsion,
    invL3: 1 / (lIn * lIn * lIn),
    invHoleIn: ctx.holeIn > 0 ? 1 / ctx.holeIn : Infinity,
    poleWind: ctx.includePoleWind && w.segments.length > 0,
    lIn: w.topHeightFt * 12,
    poleWindByKey: new Array<PoleWind | undefined>(WIND_KEY_COUNT),
  };
}

/**
 * Wind on the exposed pole below and between the cabinets, ASCE 7 29.4 (Fig. 29.4-1: round by h/D
 * and D sqrt(qz), square normal to a face), qz at each segment's centroid, Kd of the pole's shape
 * (Table 26.6-1) applied once, G = 0.85.
 */
function poleWindOf(sec: PoleSection, d: DesignLoads): PoleWind {
  const cached = d.poleWindByKey[sec.hot.windKey];
  if (cached) return cached;
  const segs = d.ctx.wind.segments;
  const dFt = sec.hot.dFt;
  const hOverD = d.H / dFt;
  let fp = 0;
  let mp = 0;
  let dp = 0;
  if (sec.shape === 'square') {
    const c = KD_POLE_SQUARE * G_RIGID * poleCfSquare(hOverD) * dFt;
    for (const seg of segs) {
      const f = seg.q0Psf * c * seg.lengthFt;
      fp += f;
      mp += f * seg.centroidFt;
      dp += (f / seg.lengthFt) * seg.deflFt4;
    }
  } else {
    const is716 = d.ctx.is716;
    const kdq = is716 ? KD_POLE_ROUND : 1; // Kd inside qz in 7-16 for the D sqrt(qz) test
    const sqrtKdq = is716 ? SQRT_KD_POLE_ROUND : 1;
    const rough = poleCfRoundRough(hOverD);
    const smooth = poleCfRoundSmooth(hOverD);
    const c = KD_POLE_ROUND * G_RIGID * dFt;
    for (const seg of segs) {
      const cf = poleCfRoundFrom(rough, smooth, dFt, seg.q0Psf * kdq, seg.sqrtQ0 * sqrtKdq);
      const f = seg.q0Psf * c * cf * seg.lengthFt;
      fp += f;
      mp += f * seg.centroidFt;
      dp += (f / seg.lengthFt) * seg.deflFt4;
    }
  }
  const pw = { fp, mp, dp };
  d.poleWindByKey[sec.hot.windKey] = pw;
  return pw;
}

/** ASD shear strength (kip): the catalog's, or G5 with Lv = L (max to zero shear) when it depends on L. */
function allowableShear(sec: PoleSection, d: DesignLoads): number {
  if (!Number.isNaN(sec.vaKip)) return sec.vaKip;
  return (
    g5ShearStrength(sec.fyKsi, sec.eKsi, sec.slenderness, sec.odIn, d.lIn, sec.areaIn2) / OMEGA_V
  );
}

/** ASD torsional strength (kip-in): the catalog's, or H3.1(a) at L when it depends on L. */
function allowableTorsion(sec: PoleSection, d: DesignLoads): number {
  if (!Number.isNaN(sec.taKipIn)) return sec.taKipIn;
  return h31RoundTorsion(sec.fyKsi, sec.eKsi, sec.slenderness, sec.odIn, d.lIn, sec.cIn3) / OMEGA_T;
}

/** ASD compression (kip) at Lc = K H: ADM E.3, or AISC E3 with E7 for slender walls. */
function allowableAxial(sec: PoleSection, d: DesignLoads): number {
  const lcOverR = (K_CANTILEVER * d.lIn) / sec.rIn;
  if (sec.material === 'aluminum') return admAllowableAxial(sec.areaIn2, lcOverR);
  const fcr = e3CriticalStress(sec.fyKsi, sec.eKsi, lcOverR);
  const ae =
    sec.shape === 'square'
      ? e7SquareEffectiveArea(sec.fyKsi, sec.eKsi, sec.odIn, sec.tIn, sec.areaIn2, fcr)
      : sec.aeIn2;
  return (fcr * ae) / OMEGA_C;
}

/**
 * Check one section: demands on the critical pole (rigid-diaphragm statics, or by stiffness), the
 * gust factor of its own n1, strengths, deflection and the hole rule.
 */
function evaluate(sec: PoleSection, d: DesignLoads): PoleEvaluation {
  const hot = sec.hot;
  const n = d.n;
  const zA = d.zA;
  let share: number;
  let gCase: number;
  let torsion: number;
  if (d.byStiffness) {
    // torque shared between the poles' own torsion (GJ/L) and the couple of their bending (3EI/L^3
    // x^2), both at the resultant height: rho = G J L^2 / (3 E I), ft^2. Only with a designed
    // torsionally rigid pole-to-cabinet connection (the explicit `stiffness` option).
    const rho = hot.rhoCoef * zA * zA;
    const den = n * rho + d.ctx.sumX2;
    share = d.shareA;
    gCase = 0;
    const shareB = d.shareA + d.tBx / den;
    if (shareB > d.shareATol) {
      share = shareB;
      gCase = 1;
    }
    torsion = (d.tB * rho) / den;
    if (d.caseC) {
      const shareC = d.shareC0 + d.tCx / den;
      if (shareC > share) {
        share = shareC;
        gCase = 2;
      }
      torsion = Math.max(torsion, (d.tC * rho) / den);
    }
  } else {
    share = d.rigidShare;
    gCase = d.rigidCase;
    torsion = d.rigidTorsion;
  }
  // natural frequency (cantilever k = 3EI/L^3 at the resultant, tip mass + 0.236 pole) and G:
  // 0.85 when rigid (26.11.1), the flexible Gf of 26.11.5 (scaling every wind load) when n1 < 1 Hz
  const k = hot.k3EI * d.invL3;
  const wLb = d.ctx.signWeightPerPoleLb + 0.236 * sec.weightPlf * d.H;
  const w2 = (k * 386.1) / Math.max(wLb, 1); // (2 pi n1)^2 = k / m
  const n1Hz = Math.sqrt(w2) / (2 * Math.PI);
  let gr = 1;
  let gUsed = G_RIGID;
  if (w2 < OMEGA2_RIGID) {
    gUsed = designGust(d.ctx.gust, n1Hz);
    gr = gUsed / G_RIGID;
  }
  let { fp, mp, dp } = d.poleWind ? poleWindOf(sec, d) : NO_POLE_WIND;
  if (gr !== 1) {
    share *= gr;
    torsion *= gr;
    fp *= gr;
    mp *= gr;
    dp *= gr;
  }
  // ASCE 7 2.4.1 ASD: D + 0.6W
  const V = ASD_WIND_FACTOR * (share + fp);
  const M = ASD_WIND_FACTOR * (share * zA + mp);
  const T = ASD_WIND_FACTOR * torsion;
  const P = d.ctx.signWeightPerPoleLb + sec.weightPlf * d.H;
  const defl = (d.ctx.serviceFactor * (share * d.ctx.wind.signDeflFt3 + dp) * 1728) / hot.eiLbIn2;
  const va = allowableShear(sec, d);
  const ta = allowableTorsion(sec, d);
  const pa = allowableAxial(sec, d);
  const rF = ratio((M * 12) / 1000, sec.maKipIn);
  const rV = ratio(V / 1000, va);
  const rT = ratio((T * 12) / 1000, ta);
  const rP = ratio(P / 1000, pa);
  const rI = Math.min(combinedForceRatio(rP, rF, rV, rT), RATIO_CAP);
  const rD = ratio(defl, d.ctx.deflLimitIn);
  // IBC 2021 1807.3.3 item 1: the hole at least 4 in larger than the pole (diameter or diagonal)
  const rH = Math.min(hot.minHoleIn * d.invHoleIn, RATIO_CAP);
  // governing: the first largest in CHECK_KEYS order (the hole last: not load-proportional)
  let gov = 0;
  let g = rF;
  if (rV > g) {
    gov = 1;
    g = rV;
  }
  if (rT > g) {
    gov = 2;
    g = rT;
  }
  if (rP > g) {
    gov = 3;
    g = rP;
  }
  if (rI > g) {
    gov = 4;
    g = rI;
  }
  if (rD > g) {
    gov = 5;
    g = rD;
  }
  // the largest load-proportional ratio (every check but axial and the hole)
  const loadRatio = gov === 3 ? Math.max(rF, rV, rT, rI, rD) : g;
  if (rH > g) {
    gov = 6;
    g = rH;
  }
  return {
    section: sec,
    governingCase: CASES[gCase],
    signShareLb: share,
    poleWindLb: fp,
    poleWindMomentLbFt: mp,
    shearLb: V,
    momentLbFt: M,
    torsionLbFt: T,
    axialLb: P,
    deflectionIn: defl,
    vaKip: va,
    taKipIn: ta,
    paKip: pa,
    n1Hz,
    g: gUsed,
    ratios: {
      flexure: rF,
      shear: rV,
      torsion: rT,
      axial: rP,
      interaction: rI,
      deflection: rD,
      hole: rH,
    },
    governingCheck: CHECK_KEYS[gov],
    governingRatio: g,
    loadRatio,
    passes: g <= 1,
  };
}

/** Check one section: critical-pole demands, its G, AISC/ADM strengths, deflection, hole fit. */
export function evaluatePole(sec: PoleSection, ctx: PoleContext): PoleEvaluation {
  return evaluate(sec, designLoads(ctx));
}

/** Ratios are finite and non-negative (capped at 99): round to 4 decimals without the guards. */
export const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Every candidate checked, in candidate order, with its output row (`poles.options`). */
export interface PoleScan {
  evaluations: PoleEvaluation[];
  options: PoleOption[];
}

/** The output row of one checked section. */
export function toOption(e: PoleEvaluation): PoleOption {
  const r = e.ratios;
  return {
    designation: e.section.designation,
    family: e.section.family,
    weightPlf: e.section.weightPlf,
    passes: e.passes,
    governingCheck: e.governingCheck,
    governingRatio: r4(e.governingRatio),
    ratios: {
      flexure: r4(r.flexure),
      shear: r4(r.shear),
      torsion: r4(r.torsion),
      axial: r4(r.axial),
      interaction: r4(r.interaction),
      deflection: r4(r.deflection),
      hole: r4(r.hole ?? 0),
    },
  };
}

/** Check every candidate (the design-wide loads computed once). */
export function scanPoles(candidates: readonly PoleSection[], ctx: PoleContext): PoleScan {
  const d = designLoads(ctx);
  const evaluations: PoleEvaluation[] = new Array(candidates.length);
  const options: PoleOption[] = new Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    evaluations[i] = evaluate(candidates[i], d);
    options[i] = toOption(evaluations[i]);
  }
  return { evaluations, options };
}
