import type { PoleOption, PoleRatios } from '../../../src-shared/engine/output';
import { G_RIGID, KD_POLE_ROUND, KD_POLE_SQUARE } from '../data/wind-tables';
import {
  poleCfRoundFrom,
  poleCfRoundRough,
  poleCfRoundSmooth,
  poleCfSquare,
} from '../wind/force-coefficient';
import type { SignWind } from '../wind/sign-wind';
import { designGust, type GustSite } from '../wind/gust-factor';
import { RIGID_MIN_HZ } from '../data/gust-table-26-11-1';
import { admAllowableAxial } from './adm-round-tube';
import { K_CANTILEVER, combinedForceRatio } from './aisc-common';
import { OMEGA_C, OMEGA_T, OMEGA_V } from './aisc-round';
import { ALL_SECTIONS, WIND_KEY_COUNT, type PoleSection } from './catalog';

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

// Result slots of evalInto (one scratch array: the hot loop allocates nothing per section).
const R_SHARE = 0;
const R_CASE = 1;
const R_FP = 2;
const R_V = 3;
const R_M = 4;
const R_T = 5;
const R_P = 6;
const R_DEFL = 7;
const R_VA = 8;
const R_TA = 9;
const R_PA = 10;
const R_FLEX = 11;
const R_SHEAR = 12;
const R_TORS = 13;
const R_AXIAL = 14;
const R_INTER = 15;
const R_DEFLR = 16;
const R_GOV = 17;
const R_G = 18;
const R_HOLE = 19;
const R_N1 = 20;
const R_GUST = 21;
const R_MP = 22;
const R_LOADR = 23;
const OUT = new Float64Array(24);

// The per-design pole-wind cache, shared by successive designs (a stamp marks whose values they
// are, so nothing is cleared or allocated per design).
const POLE_WIND = new Float64Array(WIND_KEY_COUNT * 3);
const POLE_WIND_STAMP = new Int32Array(WIND_KEY_COUNT);
let lastStamp = 0;
function nextStamp(): number {
  lastStamp = lastStamp >= 0x7fffffff ? 1 : lastStamp + 1;
  if (lastStamp === 1) POLE_WIND_STAMP.fill(0);
  return lastStamp;
}

/**
 * Design-wide values of the checks, derived from the context once per design (every factor is
 * the exact sub-expression the per-section formulas used, so results are bit-identical).
 */
class DesignConstants {
  readonly ctx: PoleContext;
  readonly H: number;
  readonly n: number;
  readonly zA: number;
  readonly fA: number;
  readonly shareA: number;
  readonly shareATol: number;
  readonly tB: number;
  readonly tBx: number;
  readonly caseC: boolean;
  readonly shareC0: number;
  readonly tC: number;
  readonly tCx: number;
  readonly sumX2: number;
  /** 1 = torque split by stiffness; 0 = rigid diaphragm (and one pole) */
  readonly byStiffness: boolean;
  /** rigid diaphragm: the critical pole's strength sign force at G = 0.85, its case, and torsion */
  readonly rigidShare: number;
  readonly rigidCase: number;
  readonly rigidTorsion: number;
  /** 1 / (12 zA)^3 (in^-3) and the pole mass factor for n1 */
  readonly invL3: number;
  readonly holeIn: number;
  /** 1 / the footing diameter in inches (the hole ratio is a product in the hot loop) */
  readonly invHoleIn: number;
  readonly poleWind: boolean;
  readonly lIn: number;
  readonly klIn: number;
  readonly signDeflFt3: number;
  readonly serviceFactor: number;
  readonly deflLimitIn: number;
  readonly signWeightPerPoleLb: number;
  /** pole wind [fp, mp, dp] per distinct (shape, D), filled on first use in this design */
  readonly wind = POLE_WIND;
  /** POLE_WIND[key] belongs to this design when POLE_WIND_STAMP[key] === stamp */
  readonly stamp: number;

  constructor(ctx: PoleContext) {
    const w = ctx.wind;
    this.ctx = ctx;
    this.H = w.topHeightFt;
    this.n = ctx.poleCount;
    this.zA = w.resultantFt;
    this.fA = w.forceALb;
    this.shareA = this.fA / this.n;
    this.shareATol = this.shareA * (1 + 1e-12);
    this.tB = this.fA * w.eccentricityBFt;
    this.tBx = this.tB * ctx.xMax;
    this.caseC = w.caseC;
    this.shareC0 = w.forceCLb / this.n;
    this.tC = w.forceCLb * Math.abs(w.eccentricityCFt);
    this.tCx = this.tC * ctx.xMax;
    this.sumX2 = ctx.sumX2;
    this.byStiffness = ctx.sharing === 'stiffness' && this.n > 1;
    // rigid diaphragm (statics, V_i = F/n + T x_i / sum x^2; one pole takes the whole torque as
    // torsion): the same for every section, so computed once
    let share = this.shareA;
    let gCase = 0;
    let torsion = 0;
    if (this.n === 1) {
      torsion = this.tB;
      if (this.caseC) {
        if (this.shareC0 > share) {
          share = this.shareC0;
          gCase = 2;
        }
        torsion = Math.max(torsion, this.tC);
      }
    } else {
      const shareB = this.shareA + this.tBx / this.sumX2;
      if (shareB > this.shareATol) {
        share = shareB;
        gCase = 1;
      }
      if (this.caseC) {
        const shareC = this.shareC0 + this.tCx / this.sumX2;
        if (shareC > share) {
          share = shareC;
          gCase = 2;
        }
      }
    }
    this.rigidShare = share;
    this.rigidCase = gCase;
    this.rigidTorsion = torsion;
    const lIn = this.zA * 12;
    this.invL3 = 1 / (lIn * lIn * lIn);
    this.holeIn = ctx.holeIn;
    this.invHoleIn = ctx.holeIn > 0 ? 1 / ctx.holeIn : Infinity;
    this.poleWind = ctx.includePoleWind && w.segments.length > 0;
    this.lIn = this.H * 12;
    this.klIn = K_CANTILEVER * this.lIn;
    this.signDeflFt3 = w.signDeflFt3;
    this.serviceFactor = ctx.serviceFactor;
    this.deflLimitIn = ctx.deflLimitIn;
    this.signWeightPerPoleLb = ctx.signWeightPerPoleLb;
    this.stamp = nextStamp();
  }

  /** Wind on the exposed pole (ASCE 7 29.4, Fig. 29.4-1), Kd by shape applied once: slot base. */
  poleWindOf(sec: PoleSection): number {
    const key = sec.hot.windKey;
    const base = key * 3;
    if (POLE_WIND_STAMP[key] === this.stamp) return base;
    POLE_WIND_STAMP[key] = this.stamp;
    const segs = this.ctx.wind.segments;
    const dFt = sec.hot.dFt;
    const hOverD = this.H / dFt;
    let fp = 0;
    let mp = 0;
    let dp = 0;
    if (sec.shape === 'square') {
      const c = KD_POLE_SQUARE * G_RIGID * poleCfSquare(hOverD) * dFt;
      for (let i = 0; i < segs.length; i++) {
        const seg = segs[i];
        const f = seg.q0Psf * c * seg.lengthFt;
        fp += f;
        mp += f * seg.centroidFt;
        dp += (f / seg.lengthFt) * seg.deflFt4;
      }
    } else {
      const is716 = this.ctx.is716;
      const kdq = is716 ? KD_POLE_ROUND : 1; // Kd inside qz in 7-16 for the D sqrt(qz) test
      const sqrtKdq = is716 ? SQRT_KD_POLE_ROUND : 1;
      const rough = poleCfRoundRough(hOverD);
      const smooth = poleCfRoundSmooth(hOverD);
      const c = KD_POLE_ROUND * G_RIGID * dFt;
      for (let i = 0; i < segs.length; i++) {
        const seg = segs[i];
        const cf = poleCfRoundFrom(rough, smooth, dFt, seg.q0Psf * kdq, seg.sqrtQ0 * sqrtKdq);
        const f = seg.q0Psf * c * cf * seg.lengthFt;
        fp += f;
        mp += f * seg.centroidFt;
        dp += (f / seg.lengthFt) * seg.deflFt4;
      }
    }
    this.wind[base] = fp;
    this.wind[base + 1] = mp;
    this.wind[base + 2] = dp;
    return base;
  }
}

let current: DesignConstants | null = null;

/** The design constants of ctx (memoized for the last context: a design checks many sections). */
function designConstants(ctx: PoleContext): DesignConstants {
  if (current === null || current.ctx !== ctx) current = new DesignConstants(ctx);
  return current;
}

/**
 * Check one section into OUT: demands on the critical pole (rigid-diaphragm statics, or by
 * stiffness), the gust factor of its own n1, strengths, deflection and the hole rule.
 */
function evalInto(sec: PoleSection, d: DesignConstants): void {
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
    const den = n * rho + d.sumX2;
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
  // 0.85 when rigid, the flexible Gf of 26.11.5 (scaling every wind load) when n1 < 1 Hz
  const k = hot.k3EI * d.invL3;
  const wLb = d.signWeightPerPoleLb + 0.236 * sec.weightPlf * d.H;
  // (2 pi n1)^2 = k / m: the square root only where n1 itself is needed (flexible, or reported)
  const w2 = (k * 386.1) / Math.max(wLb, 1);
  let gr = 1;
  let gUsed = G_RIGID;
  if (w2 < OMEGA2_RIGID) {
    gUsed = designGust(d.ctx.gust, Math.sqrt(w2) / (2 * Math.PI));
    gr = gUsed / G_RIGID;
  }
  let fp = 0;
  let mp = 0;
  let dp = 0;
  if (d.poleWind) {
    const b = d.poleWindOf(sec);
    const pw = d.wind;
    fp = pw[b];
    mp = pw[b + 1];
    dp = pw[b + 2];
  }
  if (gr !== 1) {
    share *= gr;
    torsion *= gr;
    fp *= gr;
    mp *= gr;
    dp *= gr;
  }
  const V = ASD_WIND_FACTOR * (share + fp);
  const M = ASD_WIND_FACTOR * (share * zA + mp);
  const T = ASD_WIND_FACTOR * torsion;
  const P = d.signWeightPerPoleLb + sec.weightPlf * d.H;
  const defl = (d.serviceFactor * (share * d.signDeflFt3 + dp) * 1728) / hot.eiLbIn2;
  // capacities (ASD); length-independent ones were computed with the catalog
  const lcOverR = d.klIn / sec.rIn;
  let va = sec.vaKip;
  let ta = sec.taKipIn;
  let pa: number;
  if (sec.material === 'aluminum') {
    pa = admAllowableAxial(sec.areaIn2, lcOverR);
  } else {
    // E3: Fe (E3-4), Fcr (E3-2 / E3-3)
    const fy = sec.fyKsi;
    const fe = hot.pi2E / (lcOverR * lcOverR);
    const fyFe = fy / fe;
    const fcr = fyFe <= 2.25 ? Math.pow(0.658, fyFe) * fy : 0.877 * fe;
    if (sec.shape === 'round') {
      if (va !== va) {
        // G5 and H3.1(a) with Lv = L (max to zero shear) and the length-dependent branch
        const sq = Math.sqrt(d.lIn / sec.odIn) * sec.dt125;
        const fv = Math.min(Math.max(hot.e16 / sq, hot.g5b), hot.fy06); // G5-2a/b
        va = (fv * sec.areaIn2) / 2 / OMEGA_V;
        const ft = Math.min(Math.max(hot.e123 / sq, hot.h32b), hot.fy06); // H3-2a/b
        ta = (ft * sec.cIn3) / OMEGA_T;
      }
      pa = (fcr * sec.aeIn2) / OMEGA_C;
    } else {
      // E7 (E7-3, Table E7.1 case b)
      let ae = sec.areaIn2;
      if (!(hot.lam <= hot.lr * Math.sqrt(fy / fcr))) {
        const r = Math.sqrt(hot.fel / fcr);
        const be = hot.flat * (1 - 0.2 * r) * r;
        ae = sec.areaIn2 - 4 * (hot.flat - Math.min(be, hot.flat)) * sec.tIn;
      }
      pa = (fcr * ae) / OMEGA_C;
    }
  }
  const rF = ratio((M * 12) / 1000, sec.maKipIn);
  const rV = ratio(V / 1000, va);
  const rT = ratio((T * 12) / 1000, ta);
  const rP = ratio(P / 1000, pa);
  const rI = Math.min(combinedForceRatio(rP, rF, rV, rT), RATIO_CAP);
  const rD = ratio(defl, d.deflLimitIn);
  // IBC 2021 1807.3.3 item 1: the hole at least 4 in larger than the pole (diameter or diagonal)
  const rH = Math.min(hot.minHoleIn * d.invHoleIn, RATIO_CAP);
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
  const loadR = gov === 3 ? Math.max(rF, rV, rT, rI, rD) : g;
  if (rH > g) {
    gov = 6;
    g = rH;
  }
  const o = OUT;
  o[R_SHARE] = share;
  o[R_CASE] = gCase;
  o[R_FP] = fp;
  o[R_V] = V;
  o[R_M] = M;
  o[R_T] = T;
  o[R_P] = P;
  o[R_DEFL] = defl;
  o[R_VA] = va;
  o[R_TA] = ta;
  o[R_PA] = pa;
  o[R_FLEX] = rF;
  o[R_SHEAR] = rV;
  o[R_TORS] = rT;
  o[R_AXIAL] = rP;
  o[R_INTER] = rI;
  o[R_DEFLR] = rD;
  o[R_GOV] = gov;
  o[R_G] = g;
  o[R_HOLE] = rH;
  o[R_N1] = w2;
  o[R_GUST] = gUsed;
  o[R_MP] = mp;
  o[R_LOADR] = loadR;
}

/** Check one section: critical-pole demands, its G, AISC/ADM strengths, deflection, hole fit. */
export function evaluatePole(sec: PoleSection, ctx: PoleContext): PoleEvaluation {
  evalInto(sec, designConstants(ctx));
  const o = OUT;
  const g = o[R_G];
  return {
    section: sec,
    governingCase: CASES[o[R_CASE]],
    signShareLb: o[R_SHARE],
    poleWindLb: o[R_FP],
    poleWindMomentLbFt: o[R_MP],
    shearLb: o[R_V],
    momentLbFt: o[R_M],
    torsionLbFt: o[R_T],
    axialLb: o[R_P],
    deflectionIn: o[R_DEFL],
    vaKip: o[R_VA],
    taKipIn: o[R_TA],
    paKip: o[R_PA],
    n1Hz: Math.sqrt(o[R_N1]) / (2 * Math.PI),
    g: o[R_GUST],
    ratios: {
      flexure: o[R_FLEX],
      shear: o[R_SHEAR],
      torsion: o[R_TORS],
      axial: o[R_AXIAL],
      interaction: o[R_INTER],
      deflection: o[R_DEFLR],
      hole: o[R_HOLE],
    },
    governingCheck: CHECK_KEYS[o[R_GOV]],
    governingRatio: g,
    passes: g <= 1,
  };
}

/** Ratios are finite and non-negative (capped at 99): round to 4 decimals without the guards. */
export const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * What the selection needs of every candidate, in candidate order (typed, no per-row objects). The
 * typed arrays are views of buffers the next scan overwrites: read them before the next design.
 */
export interface PoleScan {
  /** candidates checked: entries 0..count-1 of the arrays below are theirs */
  count: number;
  governingRatio: Float64Array;
  shearLb: Float64Array;
  momentLbFt: Float64Array;
  /** the gust-effect factor each section was checked with (0.85 or Gf) */
  gust: Float64Array;
  /** the largest load-proportional ratio (flexure, shear, torsion, interaction, deflection) */
  loadRatio: Float64Array;
  /** index into CHECK_KEYS */
  governingCheck: Uint8Array;
  /** the output rows (`poles.options`), written directly */
  options: PoleOption[];
}

// Scan results, reused by every design (a PoleScan is read before the next design starts).
const SCAN_RATIO = new Float64Array(ALL_SECTIONS.length);
const SCAN_SHEAR = new Float64Array(ALL_SECTIONS.length);
const SCAN_MOMENT = new Float64Array(ALL_SECTIONS.length);
const SCAN_CHECK = new Uint8Array(ALL_SECTIONS.length);
const SCAN_GUST = new Float64Array(ALL_SECTIONS.length);
const SCAN_LOAD_RATIO = new Float64Array(ALL_SECTIONS.length);

/**
 * Check every candidate and write its output row: the hot path of a design (no evaluation
 * objects; the numbers are those of evaluatePole, which shares evalInto).
 */
export function scanPoles(candidates: readonly PoleSection[], ctx: PoleContext): PoleScan {
  const d = designConstants(ctx);
  const count = candidates.length;
  const gr = SCAN_RATIO;
  const sh = SCAN_SHEAR;
  const mo = SCAN_MOMENT;
  const gc = SCAN_CHECK;
  const gu = SCAN_GUST;
  const lr = SCAN_LOAD_RATIO;
  const options: PoleOption[] = new Array(count);
  const o = OUT;
  for (let i = 0; i < count; i++) {
    const sec = candidates[i];
    evalInto(sec, d);
    const g = o[R_G];
    const gov = o[R_GOV];
    gr[i] = g;
    sh[i] = o[R_V];
    mo[i] = o[R_M];
    gc[i] = gov;
    gu[i] = o[R_GUST];
    lr[i] = o[R_LOADR];
    options[i] = {
      designation: sec.designation,
      family: sec.family,
      weightPlf: sec.weightPlf,
      passes: g <= 1,
      governingCheck: CHECK_KEYS[gov],
      governingRatio: r4(g),
      ratios: {
        flexure: r4(o[R_FLEX]),
        shear: r4(o[R_SHEAR]),
        torsion: r4(o[R_TORS]),
        axial: r4(o[R_AXIAL]),
        interaction: r4(o[R_INTER]),
        deflection: r4(o[R_DEFLR]),
        hole: r4(o[R_HOLE]),
      },
    };
  }
  return {
    count,
    governingRatio: gr,
    shearLb: sh,
    momentLbFt: mo,
    gust: gu,
    loadRatio: lr,
    governingCheck: gc,
    options,
  };
}
