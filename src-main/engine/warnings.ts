import type { SignDesignInput } from '../../src-shared/engine/input';
import { mapFloor } from '../../src-shared/engine/map-floors';
import type { EngineWarning } from '../../src-shared/engine/output';
import { CF_AB_B_OVER_S } from './data/cf-figure-29-3-1';
import { MAX_TABULAR_PSF_PER_FT } from './data/soil-table-1806-2';
import type { FoundationDesign } from './foundation/design-foundation';
import { SOLVER_MAX_DEPTH_FT } from './foundation/ibc-1807';
import type { PoleContext } from './poles/evaluate';
import type { Selection } from './poles/select';
import { rnd } from './steps';

/** Heights above which the rigid-sign method needs an engineer's review. */
const TALL_SIGN_FT = 60;
const DEEP_FOOTING_FT = 12;

/**
 * The design's warnings, each with a stable code (src-shared/engine/verdict.ts sorts them into
 * failing / engineering review / informational).
 */
export function collectWarnings(
  out: EngineWarning[],
  input: SignDesignInput,
  ctx: PoleContext,
  sel: Selection,
  wantedIndex: number,
  fdn: FoundationDesign,
): void {
  const w = ctx.wind;
  const review = 'engineering review required';
  const chosen = sel.chosen;
  if (sel.mode === 'none-passes') {
    const hole =
      chosen.governingCheck === 'hole'
        ? ` It does not fit a ${input.foundation.diameterFt} ft hole (IBC 1807.3.3 item 1 needs ${rnd(chosen.section.hot.minHoleIn, 2)} in): use a larger footing.`
        : '';
    out.push({
      code: 'pole.none-passes',
      message: `No ${input.supports.material} section in the allowed families passes every check; the closest is ${chosen.section.designation} (${chosen.governingCheck} ratio ${rnd(chosen.governingRatio, 2)}).${hole} Add poles, allow more families, use a larger footing or ${review}.`,
    });
  }
  const wanted = wantedIndex >= 0 ? sel.scan.options[wantedIndex].designation : null;
  if (wanted && chosen.section.designation !== wanted) {
    const { governingCheck: check, governingRatio: ratio } = sel.scan.evaluations[wantedIndex];
    out.push({
      code: 'pole.designation-failed',
      message: `The chosen section ${wanted} fails ${check === 'hole' ? `the hole rule (it needs a larger footing than ${input.foundation.diameterFt} ft, IBC 1807.3.3 item 1)` : check} (ratio ${rnd(ratio, 2)}); ${sel.selected ? `the lightest passing section ${sel.selected.section.designation} is used instead` : 'no section passes'}.`,
    });
  }
  const floor = mapFloor(input.standard, input.site.riskCategory);
  if (input.site.windSpeedMph < floor.floorMph) {
    out.push({
      code: 'wind.below-map-floor',
      message: `V = ${input.site.windSpeedMph} mph is below ${floor.floorMph} mph, the lowest contour of the Risk Category ${input.site.riskCategory} map (${floor.figure}) in the contiguous US: check that V is the 3-s gust speed of this category's map (not Vasd, another category's map or an older edition) for the site.`,
    });
  }
  if (w.topHeightFt > TALL_SIGN_FT) {
    out.push({
      code: 'wind.tall-sign',
      message: `The sign top is ${rnd(w.topHeightFt, 1)} ft above grade (over ${TALL_SIGN_FT} ft): dynamic effects beyond the along-wind gust factor (vortex shedding, galloping) need checking, ${review}.`,
    });
  }
  if (chosen.n1Hz < 1) {
    out.push({
      code: 'wind.flexible-gf',
      message: `Estimated natural frequency of ${chosen.section.designation} is ${rnd(chosen.n1Hz, 2)} Hz, below 1 Hz: a flexible structure, designed with G = ${rnd(chosen.g, 3)} from Gf (ASCE 7 26.11.5) at a damping ratio of ${rnd(input.options.dampingRatio * 100, 2)} % of critical (an input to confirm).`,
    });
  }
  if (ctx.poleCount > 1 && ctx.sharing === 'stiffness') {
    out.push({
      code: 'pole.torsion-by-stiffness',
      message: `The torque is shared by stiffness (pole torsion against the bending couple): that relies on a torsionally rigid pole-to-cabinet connection, which this calculation does not design; ${review} (the default rigid-diaphragm statics need no such connection).`,
    });
  }
  if (w.bOverS < CF_AB_B_OVER_S[0] || w.bOverS > CF_AB_B_OVER_S[CF_AB_B_OVER_S.length - 1]) {
    out.push({
      code: 'wind.cf-clamped',
      message: `B/s = ${rnd(w.bOverS, 3)} is outside Figure 29.3-1 (0.05 to 45); Cf is taken at the table edge, ${review}.`,
    });
  }
  if (fdn.requiredDepthFt >= SOLVER_MAX_DEPTH_FT) {
    out.push({
      code: 'foundation.no-solution',
      message: `The embedment equation gives no depth within ${SOLVER_MAX_DEPTH_FT} ft: a drilled footing of this size cannot carry the load, ${review}.`,
    });
  } else if (fdn.depthFt > DEEP_FOOTING_FT) {
    out.push({
      code: 'foundation.deep',
      message: `Embedment ${fdn.depthFt} ft is beyond ${DEEP_FOOTING_FT} ft (the depth limit of the IBC 1807.3.2.1 pressure and of usual drilled sign footings); consider a larger diameter, ${review}.`,
    });
  }
  const g = input.foundation.soil.geotechPsfPerFt;
  if (g !== undefined && g > MAX_TABULAR_PSF_PER_FT) {
    out.push({
      code: 'foundation.soil-beyond-table',
      message: `The geotechnical lateral bearing ${g} psf/ft is above every IBC Table 1806.2 value (max ${MAX_TABULAR_PSF_PER_FT}); confirm it with the geotechnical report, ${review}.`,
    });
  }
}
