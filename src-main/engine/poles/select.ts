import type { PoleOption } from '../../../src-shared/engine/output';
import { findSection, type PoleSection } from './catalog';
import { evaluatePole, type PoleContext, type PoleEvaluation } from './evaluate';

export class EngineInputError extends Error {
  readonly fields: Record<string, string>;
  constructor(fields: Record<string, string>) {
    super(Object.values(fields).join('; '));
    this.name = 'EngineInputError';
    this.fields = fields;
  }
}

export interface Selection {
  evaluations: PoleEvaluation[];
  /** the section the design uses (passing), or null when none passes */
  selected: PoleEvaluation | null;
  /** the section reported: selected, or the closest to passing */
  chosen: PoleEvaluation;
  chosenIndex: number;
  /** how it was chosen */
  mode: 'lightest' | 'designation' | 'designation-fallback' | 'none-passes';
}

/** Resolve the estimator's designation against the candidate list (or explain why it cannot be used). */
export function resolveDesignation(
  designation: string,
  candidates: readonly PoleSection[],
): PoleSection {
  const sec = findSection(designation);
  if (!sec || !candidates.includes(sec)) {
    const why = sec
      ? `is a ${sec.family} section, not in the allowed ${sec.material === 'aluminum' ? 'steel' : 'pole'} families for this design`
      : 'is not in the section catalog';
    throw new EngineInputError({
      'supports.designation': `Pole section "${designation}" ${why} (e.g. "Pipe 6 Std.", "HSS6.625x0.250", "HSS6x6x1/4")`,
    });
  }
  return sec;
}

/** Check every candidate (lightest first) and pick: designation if it passes, else the lightest passing. */
export function selectPole(
  candidates: readonly PoleSection[],
  ctx: PoleContext,
  designation: PoleSection | null,
): Selection {
  const evaluations = candidates.map((s) => evaluatePole(s, ctx));
  let firstPass = -1;
  for (let i = 0; i < evaluations.length; i++) {
    if (evaluations[i].passes) {
      firstPass = i;
      break;
    }
  }
  if (designation) {
    const di = candidates.indexOf(designation);
    if (evaluations[di].passes) {
      return {
        evaluations,
        selected: evaluations[di],
        chosen: evaluations[di],
        chosenIndex: di,
        mode: 'designation',
      };
    }
    if (firstPass >= 0) {
      const e = evaluations[firstPass];
      return {
        evaluations,
        selected: e,
        chosen: e,
        chosenIndex: firstPass,
        mode: 'designation-fallback',
      };
    }
  } else if (firstPass >= 0) {
    const e = evaluations[firstPass];
    return { evaluations, selected: e, chosen: e, chosenIndex: firstPass, mode: 'lightest' };
  }
  let best = 0;
  for (let i = 1; i < evaluations.length; i++) {
    if (evaluations[i].governingRatio < evaluations[best].governingRatio) best = i;
  }
  return {
    evaluations,
    selected: null,
    chosen: evaluations[best],
    chosenIndex: best,
    mode: 'none-passes',
  };
}

/** Ratios are finite and non-negative (capped at 99): round to 4 decimals without the guards. */
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

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
    },
  };
}
