import { SignDesignInputSchema, type SignDesignInput } from '../../src-shared/engine/input';
import type { EngineWarning, SignDesignResult } from '../../src-shared/engine/output';
import { fieldErrors } from '../../src-shared/validation';
import { canonicalJson, sha256Hex } from './canonical-json';
import { designFoundation, type FoundationDesign } from './foundation/design-foundation';
import { foundationLoads } from './foundation/loads';
import { buildChecks, buildPoleSteps, sectionProperties } from './poles/report';
import { candidateSections } from './poles/catalog';
import type { PoleContext } from './poles/evaluate';
import { poleShares } from './poles/shares';
import { EngineInputError, resolveDesignation, selectPole, toOption } from './poles/select';
import { collectWarnings } from './warnings';
import { buildReadings } from './readings';
import { StepLog, rnd } from './steps';
import { computeSignWind } from './wind/sign-wind';
import { gustSite } from './wind/gust-factor';
import { logGustSteps } from './wind/gust-steps';
import { buildWindOutput } from './wind/report';

/**
 * 2.0.0: torque on 2-4 poles by rigid-diaphragm statics, gapped cabinets as one sign with openings,
 * Gf for flexible poles, the pole-in-hole rule, Kd 1.00 for round poles, strict input.
 */
export const ENGINE_VERSION = '2.0.0';
export { EngineInputError };

/** Parse and default an input; throws EngineInputError naming each bad (or unknown) field. */
export function parseInput(raw: unknown): SignDesignInput {
  const r = SignDesignInputSchema.safeParse(raw);
  if (!r.success) throw new EngineInputError(fieldErrors(r.error));
  return r.data;
}

/**
 * The per-design facts every section check needs (exported for the consistency tests).
 * `diameterFt` overrides the footing the pole must fit (the quote's alternatives).
 */
export function poleContext(
  input: SignDesignInput,
  log: StepLog | null,
  diameterFt = input.foundation.diameterFt,
): PoleContext {
  const wind = computeSignWind(input, log);
  const n = input.supports.poleCount;
  const spacing = input.supports.spacingFt ?? wind.avgWidthFt / n;
  let sumX2 = 0;
  for (let i = 0; i < n; i++) sumX2 += ((i - (n - 1) / 2) * spacing) ** 2;
  const o = input.options;
  return {
    wind,
    is716: input.standard === 'ASCE7-16',
    poleCount: n,
    spacingFt: spacing,
    sumX2,
    xMax: ((n - 1) / 2) * spacing,
    // older stored inputs (before 2.0) have no torsionSharing: the default statics
    sharing: input.supports.torsionSharing === 'stiffness' ? 'stiffness' : 'rigid-diaphragm',
    signWeightPerPoleLb: wind.signWeightLb / n,
    serviceFactor: o.serviceWindFactor,
    deflLimitIn: (wind.topHeightFt * 12) / o.deflectionLimitRatio,
    includePoleWind: o.includePoleWind,
    holeIn: diameterFt * 12,
    gust: gustSite(
      input.standard,
      input.site.exposure,
      input.site.windSpeedMph,
      wind.topHeightFt,
      wind.avgWidthFt,
      o.dampingRatio,
    ),
  };
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
  if (chosen.n1Hz < 1) logGustSteps(log, input, ctx, chosen);
  const shares = poleShares(chosen, ctx);
  buildPoleSteps(log, input, ctx, sel);
  const loads = foundationLoads(sel, candidates);
  const fdn = designFoundation(input.foundation, loads.p, loads.m, {
    log,
    table: true,
    minDiameterFt: chosen.section.hot.minHoleIn / 12,
    pNote: loads.note,
  });
  collectWarnings(warnings, input, ctx, sel, wanted ? candidates.indexOf(wanted) : -1, fdn);
  const selectedOption = sel.selected ? toOption(sel.selected) : null;
  const windOut = buildWindOutput(input, ctx, chosen);
  const gr = chosen.g / wind.g;
  return {
    engineVersion: ENGINE_VERSION,
    inputHash: sha256Hex(canonicalJson(input)),
    summary: {
      standard: input.standard,
      kz: rnd(wind.kz, 4),
      ke: rnd(wind.ke, 4),
      qhPsf: rnd(wind.qhPsf, 3),
      g: rnd(chosen.g, 4),
      cf: rnd(wind.cfA, 4),
      signAreaFt2: rnd(wind.areaFt2, 3),
      signForceLb: rnd(gr === 1 ? wind.forceALb : wind.forceALb * gr, 2),
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
      spacingFt: rnd(ctx.spacingFt, 4),
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
      naturalFrequencyHz: rnd(chosen.n1Hz, 3),
      options: sel.scan.options,
      sharing: ctx.poleCount === 1 ? 'single' : ctx.sharing,
      shares,
      section: sectionProperties(chosen.section),
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
      loadSection: loads.section,
      loadNote: loads.note,
      minDiameterFt: rnd(fdn.minDiameterFt, 4),
    },
    checks: buildChecks(chosen, ctx, fdn),
    steps: log.steps,
    warnings,
    readings: buildReadings(input, ctx, chosen, loads),
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
