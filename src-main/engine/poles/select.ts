import type { PoleOption } from '../../../src-shared/engine/output';
import { findSection, type PoleSection } from './catalog';
import {
  evaluatePole,
  r4,
  scanPoles,
  type PoleContext,
  type PoleEvaluation,
  type PoleScan,
} from './evaluate';

export class EngineInputError extends Error {
  readonly fields: Record<string, string>;
  constructor(fields: Record<string, string>) {
    super(Object.values(fields).join('; '));
    this.name = 'EngineInputError';
    this.fields = fields;
  }
}

export interface Selection {
  /** every candidate checked (candidate order): ratios, demands and the output rows */
  scan: PoleScan;
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
  const scan = scanPoles(candidates, ctx);
  const gr = scan.governingRatio;
  const count = scan.count;
  let firstPass = -1;
  for (let i = 0; i < count; i++) {
    if (gr[i] <= 1) {
      firstPass = i;
      break;
    }
  }
  if (designation) {
    const di = candidates.indexOf(designation);
    if (gr[di] <= 1) return pick(scan, candidates, ctx, di, 'designation');
    if (firstPass >= 0) return pick(scan, candidates, ctx, firstPass, 'designation-fallback');
  } else if (firstPass >= 0) {
    return pick(scan, candidates, ctx, firstPass, 'lightest');
  }
  let best = 0;
  for (let i = 1; i < count; i++) {
    if (gr[i] < gr[best]) best = i;
  }
  return pick(scan, candidates, ctx, best, 'none-passes');
}

/** The selection of candidate i: its full evaluation (the same numbers as the scan's row). */
function pick(
  scan: PoleScan,
  candidates: readonly PoleSection[],
  ctx: PoleContext,
  i: number,
  mode: Selection['mode'],
): Selection {
  const e = evaluatePole(candidates[i], ctx);
  return { scan, selected: mode === 'none-passes' ? null : e, chosen: e, chosenIndex: i, mode };
}

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
      hole: r4(r.hole ?? 0),
    },
  };
}
