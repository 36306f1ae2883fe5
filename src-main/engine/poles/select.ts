import { findSection, type PoleSection } from './catalog';
import {
  scanPoles,
  toOption,
  type PoleContext,
  type PoleEvaluation,
  type PoleScan,
} from './evaluate';

export { toOption };

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
  const evals = scan.evaluations;
  let firstPass = -1;
  for (let i = 0; i < evals.length && firstPass < 0; i++) if (evals[i].passes) firstPass = i;
  if (designation) {
    const di = candidates.indexOf(designation);
    if (evals[di].passes) return pick(scan, di, 'designation');
    if (firstPass >= 0) return pick(scan, firstPass, 'designation-fallback');
  } else if (firstPass >= 0) {
    return pick(scan, firstPass, 'lightest');
  }
  let best = 0;
  for (let i = 1; i < evals.length; i++) {
    if (evals[i].governingRatio < evals[best].governingRatio) best = i;
  }
  return pick(scan, best, 'none-passes');
}

/** The selection of candidate i. */
function pick(scan: PoleScan, i: number, mode: Selection['mode']): Selection {
  const e = scan.evaluations[i];
  return { scan, selected: mode === 'none-passes' ? null : e, chosen: e, chosenIndex: i, mode };
}
