import type { SignDesignInput } from '../../../src-shared/engine/input';
import type { SignDesignResult, WindCase } from '../../../src-shared/engine/output';
import type { PoleContext, PoleEvaluation } from '../poles/evaluate';
import { rnd } from '../steps';

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

/** The `wind` block of the result: geometry, coefficients and the three load cases. */
export function buildWindOutput(
  input: SignDesignInput,
  ctx: PoleContext,
  chosen: PoleEvaluation,
): SignDesignResult['wind'] {
  const w = ctx.wind;
  const zA = w.resultantFt;
  const cases = [
    windCase('A', w.forceALb, 0, zA),
    windCase('B', w.forceALb, w.eccentricityBFt, zA),
  ];
  if (w.caseC) cases.push(windCase('C', w.forceCLb, w.eccentricityCFt, zA));
  const regions: SignDesignResult['wind']['caseCRegions'] = [];
  for (let i = 0; i < w.regions.length; i++) {
    const r = w.regions[i];
    regions.push({
      fromFt: rnd(r.fromFt, 3),
      toFt: rnd(r.toFt, 3),
      cf: rnd(r.cf, 4),
      forceLb: rnd(r.forceLb, 2),
    });
  }
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
    g: w.g,
    qhPsf: rnd(w.qhPsf, 3),
    cfCaseA: rnd(w.cfA, 4),
    solidityFactor: rnd(w.solidityFactor, 4),
    caseCApplies: w.caseC,
    caseCRegions: regions,
    cases,
    governingCase: chosen.governingCase,
    signWeightLb: rnd(w.signWeightLb, 2),
  };
}
