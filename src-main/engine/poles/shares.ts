import type { PoleShare } from '../../../src-shared/engine/output';
import { G_RIGID } from '../data/wind-tables';
import { rnd } from '../steps';
import { ASD_WIND_FACTOR, type PoleContext, type PoleEvaluation } from './evaluate';

/** Pole positions about the sign centre, left to right: x_i = (i - (n - 1) / 2) spacing, ft. */
export function poleOffsets(n: number, spacingFt: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((i - (n - 1) / 2) * spacingFt);
  return out;
}

/**
 * Each pole's share at grade under the governing case of the chosen section, the eccentricity
 * toward pole n (wind from the other side mirrors the list). Rigid diaphragm (default):
 * F_i = F/n + T x_i / sum x^2, no torsion in the poles (the torque is the couple of their shears);
 * by stiffness: F_i = F/n + T x_i / (n rho + sum x^2), each pole T rho / (n rho + sum x^2). One
 * pole carries everything, the torque as torsion. The critical pole's numbers are the demands the
 * section was checked for; every pole and footing is that size (equal poles).
 */
export function poleShares(e: PoleEvaluation, ctx: PoleContext): PoleShare[] {
  const w = ctx.wind;
  const n = ctx.poleCount;
  const gr = e.g / G_RIGID;
  const zA = w.resultantFt;
  const f = e.governingCase === 'C' ? w.forceCLb : w.forceALb;
  const t =
    e.governingCase === 'A'
      ? 0
      : e.governingCase === 'B'
        ? w.forceALb * w.eccentricityBFt
        : w.forceCLb * Math.abs(w.eccentricityCFt);
  const stiff = ctx.sharing === 'stiffness' && n > 1;
  const rho = e.section.hot.rhoCoef * zA * zA;
  const den = stiff ? n * rho + ctx.sumX2 : ctx.sumX2;
  const fp = e.poleWindLb;
  const mp = e.poleWindMomentLbFt;
  const out: PoleShare[] = [];
  const half = (n - 1) / 2;
  for (let i = 0; i < n; i++) {
    const x = (i - half) * ctx.spacingFt; // as poleOffsets
    const sign = n === 1 ? e.signShareLb : (f / n + (den > 0 ? (t * x) / den : 0)) * gr;
    out.push({
      pole: i + 1,
      xFt: rnd(x, 4),
      signForceLb: rnd(sign, 2),
      shearLb: rnd(ASD_WIND_FACTOR * (sign + fp), 2),
      momentKipFt: rnd((ASD_WIND_FACTOR * (sign * zA + mp)) / 1000, 4),
      torsionKipFt: rnd(n === 1 || stiff ? e.torsionLbFt / 1000 : 0, 4),
    });
  }
  return out;
}
