import { SignDesignInputSchema, type SignDesignInput } from '../../src-shared/engine/input';
import type {
  CombinationResult,
  EngineWarning,
  SignDesignResult,
} from '../../src-shared/engine/output';
import { fieldErrors } from '../../src-shared/validation';
import { canonicalJsonWith, canonicalPlan } from './canonical-json';
import { fastParse } from './fast-parse';
import { sha256Hex } from './sha256';
import { designFoundation, type FoundationDesign } from './foundation/design-foundation';
import { SOLVER_MAX_DEPTH_FT, concreteYd3 } from './foundation/ibc-1807';
import { buildChecks, buildPoleSteps, naturalFrequencyHz } from './poles/report';
import { candidateSections } from './poles/catalog';
import { CHECK_KEYS, evaluatePole, type PoleContext } from './poles/evaluate';
import {
  EngineInputError,
  resolveDesignation,
  selectPole,
  toOption,
  type Selection,
} from './poles/select';
import { StepLog, rnd } from './steps';
import { computeSignWind } from './wind/sign-wind';
import { buildWindOutput } from './wind/report';
import { MAX_TABULAR_PSF_PER_FT } from './data/soil-table-1806-2';
import { CF_AB_B_OVER_S } from './data/cf-figure-29-3-1';

export const ENGINE_VERSION = '1.0.0';
export { EngineInputError };

/** Heights above which the rigid-sign method needs an engineer's review. */
const TALL_SIGN_FT = 60;
const DEEP_FOOTING_FT = 12;
const RIGID_MIN_HZ = 1;

/**
 * The parsed input's fields, for the precompiled canonical JSON writer. Exactness does not depend
 * on this list: a value or key it does not describe is written by the generic canonicalJson.
 */
const INPUT_PLAN = canonicalPlan({
  standard: 'v',
  site: { windSpeedMph: 'v', riskCategory: 'v', exposure: 'v', kzt: 'v', groundElevationFt: 'v' },
  sign: {
    kind: 'v',
    clearanceFt: 'v',
    cabinets: [{ widthFt: 'v', heightFt: 'v', weightPsf: 'v' }],
    gapsFt: ['v'],
    solidity: 'v',
    returnCornerFt: 'v',
  },
  supports: {
    poleCount: 'v',
    material: 'v',
    families: ['v'],
    designation: 'v',
    spacingFt: 'v',
  },
  foundation: {
    kind: 'v',
    diameterFt: 'v',
    soil: { class: 'v', geotechPsfPerFt: 'v' },
    isolatedPoleIncrease: 'v',
    constrained: 'v',
    depthIncrementFt: 'v',
    wasteFactor: 'v',
  },
  options: { deflectionLimitRatio: 'v', serviceWindFactor: 'v', includePoleWind: 'v' },
});

/** Parse and default an input; throws EngineInputError naming each bad field. */
export function parseInput(raw: unknown): SignDesignInput {
  // plainly valid inputs take the fast path (same result as zod); everything else goes to zod
  const fast = fastParse(raw);
  if (fast) return fast;
  const r = SignDesignInputSchema.safeParse(raw);
  if (!r.success) throw new EngineInputError(fieldErrors(r.error));
  return r.data;
}

/** The per-design facts every section check needs (exported for the consistency tests). */
export function poleContext(input: SignDesignInput, log: StepLog | null): PoleContext {
  const wind = computeSignWind(input, log);
  const n = input.supports.poleCount;
  const spacing = input.supports.spacingFt ?? wind.avgWidthFt / n;
  let sumX2 = 0;
  for (let i = 0; i < n; i++) sumX2 += ((i - (n - 1) / 2) * spacing) ** 2;
  return {
    wind,
    is716: input.standard === 'ASCE7-16',
    poleCount: n,
    sumX2,
    xMax: ((n - 1) / 2) * spacing,
    signWeightPerPoleLb: wind.signWeightLb / n,
    serviceFactor: input.options.serviceWindFactor,
    deflLimitIn: (wind.topHeightFt * 12) / input.options.deflectionLimitRatio,
    includePoleWind: input.options.includePoleWind,
  };
}

/**
 * Foundation loads. With the lightest-passing selection the pole wind is enveloped over the chosen
 * section and every lighter one checked: more wind can move the choice to a heavier but narrower
 * section, and the footing must still never get shallower (conservative, ENGINE.md monotone rule).
 */
function foundationLoads(sel: Selection): { p: number; m: number } {
  if (sel.mode === 'designation' || sel.mode === 'designation-fallback') {
    return { p: sel.chosen.shearLb, m: sel.chosen.momentLbFt };
  }
  // when nothing passes, envelope every section checked (the design needs review anyway)
  const { shearLb, momentLbFt, count } = sel.scan;
  const last = sel.mode === 'lightest' ? sel.chosenIndex : count - 1;
  let p = 0;
  let m = 0;
  for (let i = 0; i <= last; i++) {
    p = Math.max(p, shearLb[i]);
    m = Math.max(m, momentLbFt[i]);
  }
  return { p, m };
}

/** Compute a full design from a raw input (validated here). */
export function computeDesign(raw: unknown): SignDesignResult {
  return computeDesignParsed(parseInput(raw));
}

/** Compute a full design from an already parsed and defaulted input. */
export function computeDesignParsed(input: SignDesignInput): SignDesignResult {
  const log = new StepLog();
  const warnings: EngineWarning[] = [];
  const ctx = poleContext(input, log);
  const wind = ctx.wind;
  const candidates = candidateSections(input.supports.material, input.supports.families);
  const wanted = input.supports.designation
    ? resolveDesignation(input.supports.designation, candidates)
    : null;
  const sel = selectPole(candidates, ctx, wanted);
  const chosen = sel.chosen;
  const nHz = naturalFrequencyHz(chosen, ctx);
  buildPoleSteps(log, input, ctx, sel, nHz);
  const { p, m } = foundationLoads(sel);
  const fdn = designFoundation(input.foundation, p, m, log, true);
  collectWarnings(warnings, input, ctx, sel, wanted ? candidates.indexOf(wanted) : -1, fdn, nHz);
  const selectedOption = sel.selected ? toOption(sel.selected) : null;
  const windOut = buildWindOutput(input, ctx, chosen);
  return {
    engineVersion: ENGINE_VERSION,
    inputHash: sha256Hex(canonicalJsonWith(input, INPUT_PLAN)),
    summary: {
      standard: input.standard,
      kz: rnd(wind.kz, 4),
      ke: rnd(wind.ke, 4),
      qhPsf: rnd(wind.qhPsf, 3),
      g: wind.g,
      cf: rnd(wind.cfA, 4),
      signAreaFt2: rnd(wind.areaFt2, 3),
      signForceLb: rnd(wind.forceALb, 2),
      groundlineShearLb: rnd(chosen.shearLb, 2),
      groundlineMomentKipFt: rnd(chosen.momentLbFt / 1000, 4),
      torsionKipFt: rnd(chosen.torsionLbFt / 1000, 4),
      pole: {
        designation: chosen.section.designation,
        family: chosen.section.family,
        weightPlf: chosen.section.weightPlf,
        governingCheck: chosen.governingCheck,
        governingRatio: rnd(chosen.governingRatio, 4),
        passes: chosen.passes,
      },
      foundation: {
        diameterFt: fdn.diameterFt,
        depthFt: fdn.depthFt,
        concreteYd3: rnd(fdn.concreteYd3, 3),
        lateralLoadLb: rnd(fdn.lateralLoadLb, 2),
        loadHeightFt: rnd(fdn.loadHeightFt, 3),
        s1Psf: rnd(fdn.s1Psf, 2),
      },
    },
    wind: windOut,
    poles: {
      poleCount: ctx.poleCount,
      material: input.supports.material,
      spacingFt: rnd(input.supports.spacingFt ?? wind.avgWidthFt / ctx.poleCount, 4),
      selected: selectedOption,
      closest: selectedOption ?? toOption(chosen),
      demand: {
        shearLb: rnd(chosen.shearLb, 2),
        momentKipFt: rnd(chosen.momentLbFt / 1000, 4),
        torsionKipFt: rnd(chosen.torsionLbFt / 1000, 4),
        axialLb: rnd(chosen.axialLb, 2),
        deflectionIn: rnd(chosen.deflectionIn, 4),
        allowableDeflectionIn: rnd(ctx.deflLimitIn, 4),
        poleWindLb: rnd(chosen.poleWindLb, 2),
      },
      naturalFrequencyHz: rnd(nHz, 3),
      options: sel.scan.options,
    },
    foundation: {
      method: fdn.method,
      diameterFt: fdn.diameterFt,
      tabularPsfPerFt: fdn.soil.tabularPsfPerFt,
      increaseFactor: fdn.soil.factor,
      designPsfPerFt: fdn.soil.designPsfPerFt,
      capPsf: fdn.soil.capPsf,
      lateralLoadLb: rnd(fdn.lateralLoadLb, 2),
      loadHeightFt: rnd(fdn.loadHeightFt, 4),
      momentLbFt: rnd(fdn.momentLbFt, 2),
      s1Psf: rnd(fdn.s1Psf, 2),
      requiredDepthFt: rnd(fdn.requiredDepthFt, 4),
      depthFt: fdn.depthFt,
      concreteYd3: rnd(fdn.concreteYd3, 3),
      wasteFactor: input.foundation.wasteFactor,
      diameterTable: diameterTable(fdn),
    },
    checks: buildChecks(chosen, ctx, fdn),
    steps: log.steps,
    warnings,
  };
}

/** The diameter -> depth table of the output (volumes rounded). */
function diameterTable(fdn: FoundationDesign): SignDesignResult['foundation']['diameterTable'] {
  const out: SignDesignResult['foundation']['diameterTable'] = [];
  for (let i = 0; i < fdn.table.length; i++) {
    const r = fdn.table[i];
    out.push({ diameterFt: r.diameterFt, depthFt: r.depthFt, concreteYd3: rnd(r.concreteYd3, 3) });
  }
  return out;
}

function collectWarnings(
  out: EngineWarning[],
  input: SignDesignInput,
  ctx: PoleContext,
  sel: Selection,
  wantedIndex: number,
  fdn: FoundationDesign,
  nHz: number,
): void {
  const w = ctx.wind;
  const review = 'engineering review required';
  if (sel.mode === 'none-passes') {
    out.push({
      code: 'pole.none-passes',
      message: `No ${input.supports.material} section in the allowed families passes every check; the closest is ${sel.chosen.section.designation} (${sel.chosen.governingCheck} ratio ${rnd(sel.chosen.governingRatio, 2)}). Add poles, allow more families or ${review}.`,
    });
  }
  const wanted = wantedIndex >= 0 ? sel.scan.options[wantedIndex].designation : null;
  if (wanted && sel.chosen.section.designation !== wanted) {
    const check = CHECK_KEYS[sel.scan.governingCheck[wantedIndex]];
    const ratio = sel.scan.governingRatio[wantedIndex];
    out.push({
      code: 'pole.designation-failed',
      message: `The chosen section ${wanted} fails ${check} (ratio ${rnd(ratio, 2)}); ${sel.selected ? `the lightest passing section ${sel.selected.section.designation} is used instead` : 'no section passes'}.`,
    });
  }
  if (w.topHeightFt > TALL_SIGN_FT) {
    out.push({
      code: 'wind.tall-sign',
      message: `The sign top is ${rnd(w.topHeightFt, 1)} ft above grade (over ${TALL_SIGN_FT} ft): dynamic effects and the rigid-structure gust factor need checking, ${review}.`,
    });
  }
  if (nHz < RIGID_MIN_HZ) {
    out.push({
      code: 'wind.flexible',
      message: `Estimated natural frequency ${rnd(nHz, 2)} Hz is below ${RIGID_MIN_HZ} Hz: the structure is flexible and G = 0.85 does not apply (ASCE 7 26.11.5 Gf), ${review}.`,
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

/**
 * Evaluate one (designation, footing diameter) pair cheaply, for the quote's alternatives ranking:
 * the pole checks of that section and the footing for its own loads (no selection, no steps).
 */
export function evaluateCombination(
  raw: unknown,
  designation: string,
  diameterFt: number,
): CombinationResult {
  const input = parseInput(raw);
  if (!(diameterFt >= 1 && diameterFt <= 8)) {
    throw new EngineInputError({
      'foundation.diameterFt': 'Footing diameter must be between 1 and 8 ft',
    });
  }
  const ctx = poleContext(input, null);
  const sec = resolveDesignation(
    designation,
    candidateSections(input.supports.material, input.supports.families),
  );
  const e = evaluatePole(sec, ctx);
  const f = { ...input.foundation, diameterFt };
  const fdn = designFoundation(f, e.shearLb, e.momentLbFt, null, false);
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
