import type { SignDesignInput } from '../../../src-shared/engine/input';
import type { SignDesignResult, WindCase } from '../../../src-shared/engine/output';
import type { PoleContext, PoleEvaluation } from '../poles/evaluate';
import { KD_POLE_ROUND, KD_POLE_SQUARE } from '../data/wind-tables';
import { rnd } from '../steps';
import { gustDetail } from './gust-factor';

/** One wind load case at the resultant height zA. */
function windCase(id: 'A' | 'B' | 'C', f: number, e: number, zA: number): WindCase {
  return {
    id,
    forceLb: rnd(f, 2),
    eccentricityFt: rnd(e, 4),
    resultantHeightFt: rnd(zA, 4),
    momentAtGradeKipFt: rnd((f * zA) / 1000, 4),
    torsionKipFt: rnd((f * Math.abs(e)) / 1000, 4),
  };
}

/**
 * The `wind` block of the result: geometry, coefficients and the three load cases, at the G of
 * the chosen pole (0.85, or Gf when that pole is flexible).
 */
export function buildWindOutput(
  input: SignDesignInput,
  ctx: PoleContext,
  chosen: PoleEvaluation,
): SignDesignResult['wind'] {
  const w = ctx.wind;
  const zA = w.resultantFt;
  const gr = chosen.g / w.g;
  const fA = gr === 1 ? w.forceALb : w.forceALb * gr;
  const fC = gr === 1 ? w.forceCLb : w.forceCLb * gr;
  const cases = [windCase('A', fA, 0, zA), windCase('B', fA, w.eccentricityBFt, zA)];
  if (w.caseC) cases.push(windCase('C', fC, w.eccentricityCFt, zA));
  const regions: SignDesignResult['wind']['caseCRegions'] = [];
  for (let i = 0; i < w.regions.length; i++) {
    const r = w.regions[i];
    regions.push({
      fromFt: rnd(r.fromFt, 3),
      toFt: rnd(r.toFt, 3),
      cf: rnd(r.cf, 4),
      forceLb: rnd(gr === 1 ? r.forceLb : r.forceLb * gr, 2),
    });
  }
  // the resonant terms only for a flexible pole (a rigid one takes G = 0.85, 26.11.1)
  const gd = chosen.n1Hz < 1 ? gustDetail(ctx.gust, chosen.n1Hz) : null;
  const gs = ctx.gust;
  return {
    standard: input.standard,
    windSpeedMph: input.site.windSpeedMph,
    exposure: input.site.exposure,
    riskCategory: input.site.riskCategory,
    topHeightFt: rnd(w.topHeightFt, 4),
    signHeightFt: rnd(w.signHeightFt, 4),
    averageWidthFt: rnd(w.avgWidthFt, 4),
    signAreaFt2: rnd(w.areaFt2, 3),
    bOverS: rnd(w.bOverS, 4),
    sOverH: rnd(w.sOverH, 4),
    kz: rnd(w.kz, 4),
    kzt: input.site.kzt,
    ke: rnd(w.ke, 4),
    kd: w.kd,
    g: rnd(chosen.g, 4),
    qhPsf: rnd(w.qhPsf, 3),
    cfCaseA: rnd(w.cfA, 4),
    solidityFactor: rnd(w.solidityFactor, 4),
    caseCApplies: w.caseC,
    caseCRegions: regions,
    cases,
    governingCase: chosen.governingCase,
    signWeightLb: rnd(w.signWeightLb, 2),
    outline: {
      cabinetAreaFt2: rnd(w.cabinetAreaFt2, 3),
      gapAreaFt2: rnd(w.gapAreaFt2, 3),
      grossAreaFt2: rnd(w.areaFt2, 3),
      solidity: rnd(w.solidity, 4),
    },
    kdPole: chosen.section.shape === 'square' ? KD_POLE_SQUARE : KD_POLE_ROUND,
    gust: {
      n1Hz: rnd(chosen.n1Hz, 3),
      flexible: gd !== null,
      g: rnd(chosen.g, 4),
      dampingRatio: gs.dampingRatio,
      zBarFt: rnd(gs.zBarFt, 3),
      iz: rnd(gs.iz, 4),
      lzFt: rnd(gs.lzFt, 2),
      q: rnd(gs.q, 4),
      vzFtPerS: rnd(gs.vzFtPerS, 2),
      r: gd ? rnd(gd.r, 4) : 0,
      gR: gd ? rnd(gd.gR, 4) : 0,
      gf: gd ? rnd(gd.gf, 4) : 0,
    },
  };
}
