import { AppError } from '../../src-shared/errors';
import type { JobQuoteDraft } from '../../src-shared/quotes';
import { evaluateCombination } from '../engine';
import type { ServiceContext } from './context';
import { saveRevisionForSign } from './designs';
import { rankAlternatives } from './pricing/alternatives';
import { bookRef } from './pricing/book-service';
import { rankJobAlternatives } from './pricing/job-alternatives';
import { priceState, requireDraft } from './quotes';
import { ownSettings } from './quotes-job';
import { generateQuote } from './quotes-generate';
import { fixed } from '../../src-shared/format';

/** Alternatives of one sign of the job's quote (README "Jobs", job-alternatives.ts). */

/** The priced sign `signId` (default: the first) of the working quote. */
function pricedSign(ctx: ServiceContext, projectId: string, signId?: string) {
  const d = requireDraft(ctx, projectId);
  const p = priceState(ctx, projectId, d);
  const e = signId ? p.entries.find((x) => x.sign.id === signId) : p.entries[0];
  if (!e)
    throw new AppError('VALIDATION', 'That sign is not priced by this quote.', {
      signId: 'Choose a sign the quote prices',
    });
  return { d, p, e };
}

/**
 * The cheapest pairs of one sign, ranked per sign. A one-design call (no sign, one sign × 1) is
 * ranked as before; otherwise each pair's total is the job's total with it (the job total follows
 * the pick).
 */
export function quoteAlternatives(
  ctx: ServiceContext,
  input: { projectId: string; limit: number; signId?: string },
) {
  const { d, p, e } = pricedSign(ctx, input.projectId, input.signId);
  if (!input.signId && p.entries.length === 1 && e.sign.quantity === 1 && !ownSettings(e.pin))
    return {
      signId: e.sign.id,
      designRevisionId: e.rev.id,
      ...rankAlternatives(
        e.rev,
        bookRef(p.book),
        d.settings,
        [...e.pin.manualLines, ...d.manualLines],
        input.limit,
      ),
    };
  const r = rankJobAlternatives(p.input, e.sign.id, e.rev, input.limit);
  return {
    signId: e.sign.id,
    designRevisionId: e.rev.id,
    currentTotalCents: r.currentJobTotalCents,
    evaluated: r.evaluated,
    candidates: r.candidates,
    alternatives: r.alternatives.map(({ jobTotalCents, jobDeltaCents, ...a }) => ({
      ...a,
      totalCents: jobTotalCents,
      deltaCents: jobDeltaCents,
    })),
  };
}

/**
 * Choosing an alternative saves a derived design revision of that sign (the same input with that
 * section and diameter) and regenerates the quote on it, so the quote always prices a saved,
 * checked design. The other signs keep their pins.
 */
export function applyAlternative(
  ctx: ServiceContext,
  input: { projectId: string; signId?: string; designation: string; diameterFt: number },
): JobQuoteDraft {
  const { e } = pricedSign(ctx, input.projectId, input.signId);
  const rev = e.rev;
  const derived = {
    ...rev.input,
    supports: { ...rev.input.supports, designation: input.designation },
    foundation: { ...rev.input.foundation, diameterFt: input.diameterFt },
  };
  const check = evaluateCombination(derived, input.designation, input.diameterFt);
  if (!check.passes)
    throw new AppError(
      'VALIDATION',
      `${input.designation} does not pass for this design (${check.governingCheck} ratio ${fixed(check.governingRatio, 2)}).`,
    );
  const saved = saveRevisionForSign(
    ctx,
    e.sign.id,
    derived,
    `From quote alternatives: ${input.designation}, ${input.diameterFt} ft pier (was revision ${rev.number})`,
  );
  return generateQuote(ctx, {
    projectId: input.projectId,
    signs: [{ signId: e.sign.id, designRevisionId: saved.id }],
  });
}
