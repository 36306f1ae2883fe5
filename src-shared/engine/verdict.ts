import type { SignDesignResult } from './output';
import { fixed } from '../format';

/**
 * Whether a design result may be quoted as it stands. A design can always be saved as a revision;
 * a quote (and its PDFs) made from one whose verdict is not `passes` needs the estimator's explicit
 * acknowledgement and says so. The engine names the reason in its warnings; this module only sorts
 * the warning codes, so the quote side never re-derives engineering.
 */

export type DesignVerdictStatus = 'passes' | 'fails' | 'review';

export interface DesignVerdict {
  status: DesignVerdictStatus;
  /** plain-words reasons, one per failing check or review warning (empty when `passes`) */
  reasons: string[];
}

/**
 * Warning codes that mean a part of the design does not pass. (A pole that does not fit its hole,
 * IBC 1807.3.3 item 1, is a failing check row `pole.hole`, and never the selected pole: when no
 * section fits, `pole.none-passes`.)
 */
export const FAILING_WARNING_CODES: ReadonlySet<string> = new Set([
  'pole.none-passes',
  'foundation.no-solution',
]);

/**
 * Warning codes that mean the design is outside what the engine can stand behind alone
 * ("engineering review required"). The engine adds a code here whenever it adds such a warning.
 */
export const REVIEW_WARNING_CODES: ReadonlySet<string> = new Set([
  'wind.tall-sign',
  // results saved before engine 2.0 (flexible sign designed with G = 0.85); no longer emitted
  'wind.flexible',
  'wind.cf-clamped',
  'foundation.deep',
  'foundation.soil-beyond-table',
  // the torque split by stiffness relies on a torsionally rigid connection nothing here designs
  'pole.torsion-by-stiffness',
]);

/**
 * Informational codes (the design stands; the message explains a reading): `wind.flexible-gf`
 * (n1 < 1 Hz, designed with Gf per 26.11.5), `wind.below-map-floor` (V below the lowest contour
 * of the category's map), `pole.designation-failed`. (A footing load taken from a lighter section
 * is explained in `foundation.loadNote` and its step, not warned.) Open signs are refused as input (sign.solidity / sign.gapsFt), so no
 * result carries one.
 */

type VerdictInput = Pick<SignDesignResult, 'checks' | 'warnings'> & {
  poles: Pick<SignDesignResult['poles'], 'selected'>;
};

export function designVerdict(result: VerdictInput): DesignVerdict {
  const failing: string[] = [];
  const review: string[] = [];
  if (
    result.poles.selected === null &&
    !result.warnings.some((w) => w.code === 'pole.none-passes')
  ) {
    failing.push('No pole section passes every check.');
  }
  for (const c of result.checks) {
    if (!c.passes) failing.push(`${c.label} fails (ratio ${fixed(c.ratio, 2)}, ${c.codeRef}).`);
  }
  for (const w of result.warnings) {
    if (FAILING_WARNING_CODES.has(w.code)) failing.push(w.message);
    else if (REVIEW_WARNING_CODES.has(w.code)) review.push(w.message);
  }
  if (failing.length) return { status: 'fails', reasons: [...failing, ...review] };
  if (review.length) return { status: 'review', reasons: review };
  return { status: 'passes', reasons: [] };
}
