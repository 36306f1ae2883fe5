import type { CombinationResult } from '../../src-shared/engine/output';
import { EngineInputError, parseInput, poleContext } from './design';
import { designFoundation } from './foundation/design-foundation';
import { concreteYd3 } from './foundation/ibc-1807';
import { candidateSections } from './poles/catalog';
import { ASD_WIND_FACTOR, evaluatePole } from './poles/evaluate';
import { resolveDesignation } from './poles/select';
import { rnd } from './steps';

function checkDiameter(diameterFt: number): void {
  if (!(diameterFt >= 1 && diameterFt <= 8)) {
    throw new EngineInputError({
      'foundation.diameterFt': 'Footing diameter must be between 1 and 8 ft',
    });
  }
}

/**
 * Evaluate one (designation, footing diameter) pair cheaply, for the quote's alternatives ranking:
 * the pole checks of that section, including whether it fits that hole (IBC 1807.3.3 item 1), and
 * the footing for its own loads (no selection, no steps).
 */
export function evaluateCombination(
  raw: unknown,
  designation: string,
  diameterFt: number,
): CombinationResult {
  const input = parseInput(raw);
  checkDiameter(diameterFt);
  const ctx = poleContext(input, null, diameterFt);
  const sec = resolveDesignation(
    designation,
    candidateSections(input.supports.material, input.supports.families),
  );
  const e = evaluatePole(sec, ctx);
  const f = { ...input.foundation, diameterFt };
  const fdn = designFoundation(f, e.shearLb, e.momentLbFt, {
    log: null,
    table: false,
    minDiameterFt: sec.hot.minHoleIn / 12,
    pNote: '',
  });
  const depth = fdn.depthFt;
  return {
    designation: sec.designation,
    family: sec.family,
    weightPlf: sec.weightPlf,
    passes: e.passes,
    governingCheck: e.governingCheck,
    governingRatio: rnd(e.governingRatio, 4),
    diameterFt,
    depthFt: depth,
    concreteYd3: rnd(concreteYd3(diameterFt, depth, f.wasteFactor), 3),
    poleLengthFt: rnd(ctx.wind.topHeightFt + depth, 3),
  };
}

/**
 * A lower bound of the footing depth of EVERY section at this diameter (for pruning the
 * alternatives search): the sign wind alone at the rigid G = 0.85 (a flexible section's Gf is never
 * lower), no pole wind, and the smallest per-pole share any section can get (rigid diaphragm: the
 * same for all; by stiffness: at least the direct F / n). Reported as `designation`'s combination.
 */
export function combinationFloor(
  raw: unknown,
  designation: string,
  diameterFt: number,
): CombinationResult {
  const input = parseInput(raw);
  checkDiameter(diameterFt);
  const ctx = poleContext(input, null, diameterFt);
  const w = ctx.wind;
  const sec = resolveDesignation(
    designation,
    candidateSections(input.supports.material, input.supports.families),
  );
  const n = ctx.poleCount;
  const direct = Math.max(w.forceALb, w.caseC ? w.forceCLb : 0) / n;
  let share = direct;
  if (n > 1 && ctx.sharing === 'rigid-diaphragm') {
    share = Math.max(
      share,
      w.forceALb / n + (w.forceALb * w.eccentricityBFt * ctx.xMax) / ctx.sumX2,
    );
    if (w.caseC)
      share = Math.max(
        share,
        w.forceCLb / n + (w.forceCLb * Math.abs(w.eccentricityCFt) * ctx.xMax) / ctx.sumX2,
      );
  }
  const p = ASD_WIND_FACTOR * share;
  const f = { ...input.foundation, diameterFt };
  const fdn = designFoundation(f, p, p * w.resultantFt, {
    log: null,
    table: false,
    minDiameterFt: 0,
    pNote: '',
  });
  return {
    designation: sec.designation,
    family: sec.family,
    weightPlf: sec.weightPlf,
    passes: true,
    governingCheck: 'flexure',
    governingRatio: 0,
    diameterFt,
    depthFt: fdn.depthFt,
    concreteYd3: rnd(concreteYd3(diameterFt, fdn.depthFt, f.wasteFactor), 3),
    poleLengthFt: rnd(w.topHeightFt + fdn.depthFt, 3),
  };
}
