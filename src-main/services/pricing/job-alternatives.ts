import type { Revision } from '../../../src-shared/designs';
import type { Alternative, DesignFacts } from '../../../src-shared/quotes';
import { AppError } from '../../../src-shared/errors';
import { rankAlternatives } from './alternatives';
import { factsFromRevision } from './facts';
import { priceJob, type JobPricingInput } from './price-job';

/**
 * Alternatives of one sign of a job (README.md "Jobs"): the sign's cheapest (section × diameter)
 * pairs ranked by rankAlternatives on that sign alone, each with the job total it gives when that
 * sign is priced with it and everything else stays as it is.
 */
export interface JobAlternative extends Alternative {
  /** the job's total with this alternative for the sign */
  jobTotalCents: number;
  /** against the job total as priced now */
  jobDeltaCents: number;
}

/** The design facts of a sign priced with an alternative (section and footing changed). */
export function factsWithAlternative(base: DesignFacts, alt: Alternative): DesignFacts {
  return {
    ...base,
    designation: alt.designation,
    family: alt.family,
    weightPlf: alt.weightPlf,
    passes: true,
    diameterFt: alt.diameterFt,
    depthFt: alt.depthFt,
    concreteYd3PerFooting: alt.concreteYd3,
  };
}

function signIndex(job: JobPricingInput, signId: string): number {
  const i = job.signs.findIndex((s) => s.signId === signId);
  if (i < 0) throw new AppError('NOT_FOUND', `The sign ${signId} is not in this job.`);
  return i;
}

/** The job priced with `facts` for sign `signId` (the other signs, overrides and lines as they are). */
export function priceJobWithDesign(job: JobPricingInput, signId: string, facts: DesignFacts) {
  const i = signIndex(job, signId);
  return priceJob({
    ...job,
    signs: job.signs.map((s, k) => (k === i ? { ...s, design: facts } : s)),
  });
}

/**
 * Ranks the alternatives of the sign `signId` (whose chosen revision is `rev`) and gives each
 * the job total. The order is the job total's (a once-per-job line on the job's sums may move a
 * pair by its rounding), then the sign's own ranking.
 */
export function rankJobAlternatives(
  job: JobPricingInput,
  signId: string,
  rev: Revision,
  limit = 5,
): {
  signId: string;
  currentJobTotalCents: number;
  evaluated: number;
  candidates: number;
  alternatives: JobAlternative[];
} {
  const i = signIndex(job, signId);
  const sign = job.signs[i];
  const settings = { ...job.settings };
  for (const [k, v] of Object.entries(sign.settings ?? {}))
    if (v !== undefined) Object.assign(settings, { [k]: v });
  const ranked = rankAlternatives(rev, job.book, settings, sign.manualLines ?? [], limit);
  const base = factsFromRevision(rev);
  const current = priceJobWithDesign(job, signId, base).totals.totalCents;
  const alternatives = ranked.alternatives
    .map((a) => {
      const total = priceJobWithDesign(job, signId, factsWithAlternative(base, a)).totals
        .totalCents;
      return { ...a, jobTotalCents: total, jobDeltaCents: total - current };
    })
    .sort((a, b) => a.jobTotalCents - b.jobTotalCents || a.rank - b.rank)
    .map((a, k) => ({ ...a, rank: k + 1 }));
  return {
    signId,
    currentJobTotalCents: current,
    evaluated: ranked.evaluated,
    candidates: ranked.candidates,
    alternatives,
  };
}
