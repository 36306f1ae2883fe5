import { GUST_CONSTANTS, G_Q, G_V, RIGID_MIN_HZ } from '../data/gust-table-26-11-1';
import { G_RIGID, type Edition, type ExposureCat } from '../data/wind-tables';

/**
 * ASCE 7 26.11 gust effects. Rigid (n1 >= 1 Hz): G = 0.85 (26.11.1). Flexible (n1 < 1 Hz): Gf of
 * 26.11.5, Eqs. 26.11-10 to 26.11-16, with the structure's own n1 (each pole section has its own).
 * For a sign: h = height of the top of the sign, B = its (average) width normal to the wind and
 * L = its depth along the wind taken as 0, so R_L = 1 (Eq. 26.11-15b), which is conservative since
 * R_L <= 1. The design G is max(Gf, 0.85): the flexible method never gives less than the rigid
 * one, so moving n1 below 1 Hz never lowers a load (and results stay monotone there).
 */

/** The site- and shape-dependent terms, computed once per design (independent of n1). */
export interface GustSite {
  dampingRatio: number;
  /** z bar = max(0.6 h, z_min), ft (26.11.4) */
  zBarFt: number;
  /** Iz = c (33 / z bar)^(1/6), Eq. 26.11-7 */
  iz: number;
  /** Lz = l (z bar / 33)^eps bar, ft, Eq. 26.11-9 */
  lzFt: number;
  /** Q = sqrt(1 / (1 + 0.63 ((B + h) / Lz)^0.63)), Eq. 26.11-8 */
  q: number;
  /** Vz = b bar (z bar / 33)^alpha bar (88/60) V, ft/s, Eq. 26.11-16 */
  vzFtPerS: number;
  hFt: number;
  bFt: number;
  /** n1-independent factors of Eqs. 26.11-10 to 26.11-15 for the hot loop (designGust) */
  hot: {
    lzOverVz: number;
    etaH: number;
    etaB: number;
    gq2: number;
    c17: number;
    /** 0.925 / (1 + 1.7 gv Iz) and 1 / beta */
    scale: number;
    invBeta: number;
  };
}

export function gustSite(
  edition: Edition,
  exposure: ExposureCat,
  vMph: number,
  hFt: number,
  bFt: number,
  dampingRatio: number,
): GustSite {
  const k = GUST_CONSTANTS[edition][exposure];
  const zBar = Math.max(0.6 * hFt, k.zMinFt);
  const lz = k.lFt * Math.pow(zBar / 33, k.barEpsilon);
  const iz = k.c * Math.pow(33 / zBar, 1 / 6);
  const q = Math.sqrt(1 / (1 + 0.63 * Math.pow((bFt + hFt) / lz, 0.63)));
  const vz = k.barB * Math.pow(zBar / 33, k.barAlpha) * (88 / 60) * vMph;
  return {
    dampingRatio,
    zBarFt: zBar,
    iz,
    lzFt: lz,
    q,
    vzFtPerS: vz,
    hFt,
    bFt,
    hot: {
      lzOverVz: lz / vz,
      etaH: (4.6 * hFt) / vz,
      etaB: (4.6 * bFt) / vz,
      gq2: G_Q * G_Q * q * q,
      c17: 1.7 * iz,
      scale: 0.925 / (1 + 1.7 * G_V * iz),
      invBeta: 1 / dampingRatio,
    },
  };
}

/** Eq. 26.11-15: R_l = 1/eta - (1 - e^(-2 eta)) / (2 eta^2), 1 at eta = 0. */
export function rl(eta: number): number {
  return eta > 0 ? 1 / eta - (1 - Math.exp(-2 * eta)) / (2 * eta * eta) : 1;
}

export interface GustDetail {
  n1Hz: number;
  flexible: boolean;
  /** the G the design uses: 0.85, or max(Gf, 0.85) when flexible */
  g: number;
  gf: number;
  r: number;
  gR: number;
  n1Reduced: number;
  rn: number;
  rh: number;
  rb: number;
}

/** The lowest n1 the formulas take (gR needs 3600 n1 > 1); below it n1 is held there. */
const MIN_N1_HZ = 0.01;

/** Gf of 26.11.5 at natural frequency n1 (Hz), with every intermediate value. */
export function gustDetail(s: GustSite, n1Hz: number): GustDetail {
  const n1 = Math.max(n1Hz, MIN_N1_HZ);
  const vz = s.vzFtPerS;
  const nRed = (n1 * s.lzFt) / vz; // Eq. 26.11-14
  const rn = (7.47 * nRed) / Math.pow(1 + 10.3 * nRed, 5 / 3); // Eq. 26.11-13
  const rh = rl((4.6 * n1 * s.hFt) / vz);
  const rb = rl((4.6 * n1 * s.bFt) / vz);
  const rL = 1; // L = 0 (Eq. 26.11-15b)
  const r = Math.sqrt((rn * rh * rb * (0.53 + 0.47 * rL)) / s.dampingRatio); // Eq. 26.11-12
  const ln = Math.sqrt(2 * Math.log(3600 * n1));
  const gR = ln + 0.577 / ln; // Eq. 26.11-11
  const iz = s.iz;
  const gf =
    (0.925 * (1 + 1.7 * iz * Math.sqrt(G_Q * G_Q * s.q * s.q + gR * gR * r * r))) /
    (1 + 1.7 * G_V * iz); // Eq. 26.11-10
  const flexible = n1Hz < RIGID_MIN_HZ;
  return {
    n1Hz,
    flexible,
    g: flexible ? Math.max(gf, G_RIGID) : G_RIGID,
    gf,
    r,
    gR,
    n1Reduced: nRed,
    rn,
    rh,
    rb,
  };
}

/**
 * The design G at n1: 0.85 when rigid, else max(Gf, 0.85). The hot loop's entry point: the same
 * equations as gustDetail from the per-design factors, without building the detail object (a
 * test keeps the two equal).
 */
export function designGust(s: GustSite, n1Hz: number): number {
  if (!(n1Hz < RIGID_MIN_HZ)) return G_RIGID;
  const h = s.hot;
  const n1 = Math.max(n1Hz, MIN_N1_HZ);
  const nRed = n1 * h.lzOverVz;
  const u = 1 + 10.3 * nRed;
  const cu = Math.cbrt(u); // u^(5/3) = u cbrt(u)^2 (cheaper than pow)
  const rn = (7.47 * nRed) / (u * cu * cu);
  // Eq. 26.11-15a twice, 1/eta taken once each
  const eh = n1 * h.etaH;
  const ih = 1 / eh;
  const rh = ih - (1 - Math.exp(-2 * eh)) * 0.5 * ih * ih;
  const eb = n1 * h.etaB;
  const ib = 1 / eb;
  const rb = ib - (1 - Math.exp(-2 * eb)) * 0.5 * ib * ib;
  const r2 = rn * rh * rb * h.invBeta; // (0.53 + 0.47 RL) = 1
  const ln = Math.sqrt(2 * Math.log(3600 * n1));
  const gR = ln + 0.577 / ln;
  const gf = h.scale * (1 + h.c17 * Math.sqrt(h.gq2 + gR * gR * r2));
  return gf > G_RIGID ? gf : G_RIGID;
}
