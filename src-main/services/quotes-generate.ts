import { AppError } from '../../src-shared/errors';
import {
  acknowledges,
  quoteSettingsSchema,
  type AcknowledgeInput,
  type JobQuoteDraft,
  type QuoteSettings,
} from '../../src-shared/quotes';
import type { ServiceContext } from './context';
import { getProject } from './projects';
import { currentVersion } from './pricing/book-service';
import { requireAcknowledgement, verdictOf } from './quotes-design';
import {
  cachedRevision,
  latestRevisionId,
  liveSignsOf,
  reasonsForSign,
  signRow,
  type RevisionCache,
  type SignPin,
  type SignRow,
} from './quotes-job';
import { loadDraft, signTitle, stateOf, writeDraft } from './quotes';

/**
 * Generating the job's quote (issue 15): which design revision each live sign prices, checked,
 * and each failing design's acknowledgement, per sign.
 */

export interface SignChoice {
  signId: string;
  designRevisionId?: string;
  acknowledge?: AcknowledgeInput;
}

/** The choices a generate call makes, checked: each names a live sign and one of its revisions. */
function checkChoices(
  ctx: ServiceContext,
  projectId: string,
  live: readonly SignRow[],
  input: { designRevisionId?: string; signs?: readonly SignChoice[] },
  cache: RevisionCache,
): Map<string, SignChoice> {
  const chosen = new Map<string, SignChoice>();
  if (input.designRevisionId) {
    const rev = cachedRevision(ctx, input.designRevisionId, cache);
    const sign = live.find((x) => x.id === rev.signId);
    if (rev.projectId !== projectId || !sign)
      throw new AppError('VALIDATION', 'That design revision belongs to another project.', {
        designRevisionId: 'Choose a design revision of this project',
      });
    chosen.set(sign.id, { signId: sign.id, designRevisionId: rev.id });
  }
  (input.signs ?? []).forEach((c, i) => {
    const sign = live.find((x) => x.id === c.signId);
    if (!sign) {
      const row = signRow(ctx, c.signId);
      throw new AppError(
        'VALIDATION',
        row?.projectId === projectId
          ? `Sign ${row.mark} is in the trash: restore it to quote it.`
          : 'That sign is not in this project’s schedule.',
        { [`signs.${i}.signId`]: 'Choose a sign of this project’s schedule' },
      );
    }
    if (c.designRevisionId) {
      const rev = cachedRevision(ctx, c.designRevisionId, cache);
      if (rev.signId !== sign.id)
        throw new AppError(
          'VALIDATION',
          `That design revision is not one of sign ${sign.mark}’s revisions.`,
          { [`signs.${i}.designRevisionId`]: `Choose a design revision of sign ${sign.mark}` },
        );
    }
    chosen.set(sign.id, { ...chosen.get(sign.id), ...c });
  });
  return chosen;
}

/**
 * (Re)generates the job's quote with the price book in force today. Each live sign prices the
 * revision chosen for it, else the one it was pinned to, else its latest. Overrides and manual
 * lines are kept per sign and on the job: they are keyed by stable line codes, so they land on
 * the same lines. A sign without a saved revision refuses the generation (naming it); a sign
 * whose design does not pass needs its reasons acknowledged (issue 11, per sign).
 */
export function generateQuote(
  ctx: ServiceContext,
  input: {
    projectId: string;
    designRevisionId?: string;
    signs?: readonly SignChoice[];
    settings?: QuoteSettings;
    acknowledge?: AcknowledgeInput;
  },
): JobQuoteDraft {
  const prev = loadDraft(ctx, input.projectId);
  const prevState = prev ? stateOf(ctx, prev) : null;
  const cache: RevisionCache = new Map();
  const live = liveSignsOf(ctx, input.projectId);
  if (!live.length) getProject(ctx, input.projectId); // not found reads as such
  const chosen = checkChoices(ctx, input.projectId, live, input, cache);

  const missing = live
    .map((sign, i) => ({ sign, i }))
    .filter(
      ({ sign }) =>
        !chosen.get(sign.id)?.designRevisionId &&
        !prevState?.pins.some((p) => p.signId === sign.id) &&
        !latestRevisionId(ctx, sign.id),
    );
  if (missing.length || !live.length)
    throw new AppError(
      'VALIDATION',
      live.length
        ? `${missing.map(({ sign }) => `Sign ${signTitle(sign)}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not designed yet: save a design revision of ${missing.length === 1 ? 'it' : 'each'} (or move ${missing.length === 1 ? 'it' : 'them'} to the trash) before generating the quote.`
        : 'This project has no sign in its schedule. Add a sign and save its design first.',
      Object.fromEntries(
        missing.map(({ sign, i }) => [
          `signs.${i}.designRevisionId`,
          `Sign ${sign.mark} is not designed: save a design revision first`,
        ]),
      ),
    );

  const one = live.length === 1;
  const pins: SignPin[] = live.map((sign) => {
    const c = chosen.get(sign.id);
    const before = prevState?.pins.find((p) => p.signId === sign.id);
    const designRevisionId =
      c?.designRevisionId ?? before?.designRevisionId ?? latestRevisionId(ctx, sign.id)!;
    const verdict = verdictOf(cachedRevision(ctx, designRevisionId, cache));
    // regenerating on the same design keeps the acknowledgement already given for it
    const kept =
      before?.designRevisionId === designRevisionId &&
      before.acknowledgement &&
      acknowledges(verdict, before.acknowledgement)
        ? before.acknowledgement
        : null;
    const given =
      c?.acknowledge ??
      (input.acknowledge
        ? { reasons: reasonsForSign(sign.mark, input.acknowledge.reasons) }
        : undefined);
    const acknowledgement =
      kept ??
      requireAcknowledgement(
        ctx,
        verdict,
        given,
        'generate',
        one ? 'Generating a quote from it' : `Quoting sign ${signTitle(sign)}`,
      );
    return {
      signId: sign.id,
      designRevisionId,
      overrides: before?.overrides ?? {},
      manualLines: before?.manualLines ?? [],
      acknowledgement,
      settings: before?.settings ?? {},
    };
  });
  // pins of signs in the trash are kept as they were
  const parked = (prevState?.pins ?? []).filter((p) => !live.some((x) => x.id === p.signId));
  return writeDraft(
    ctx,
    input.projectId,
    {
      priceBookVersionId: currentVersion(ctx).id,
      settings: input.settings ?? prevState?.settings ?? quoteSettingsSchema.parse({}),
      overrides: prevState?.overrides ?? {},
      manualLines: prevState?.manualLines ?? [],
      pins: [...pins, ...parked],
    },
    prev ? 'quote.regenerated' : 'quote.generated',
    cache,
  );
}
