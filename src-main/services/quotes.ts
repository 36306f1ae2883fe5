import { eq } from 'drizzle-orm';
import type { Revision } from '../../src-shared/designs';
import { AppError } from '../../src-shared/errors';
import { evaluateCombination } from '../engine';
import {
  acknowledges,
  quoteSettingsSchema,
  type AcknowledgeInput,
  type DraftSign,
  type JobQuoteDraft,
  type LineOverride,
  type ManualLine,
  type PricedJob,
  type PriceBookVersion,
  type PricedQuote,
  type QuoteSettings,
  type UnpricedSign,
} from '../../src-shared/quotes';
import { quoteDrafts } from '../db/schema';
import { recordChange, type ServiceContext } from './context';
import { saveRevisionForSign } from './designs';
import { getProject } from './projects';
import { rankAlternatives } from './pricing/alternatives';
import { bookRef, currentVersion, getVersion } from './pricing/book-service';
import { factsFromRevision } from './pricing/facts';
import { rankJobAlternatives } from './pricing/job-alternatives';
import { priceJob, type JobPricingInput } from './pricing/price-job';
import { priceQuote, type BookRef } from './pricing/price-quote';
import { describeRevision, requireAcknowledgement, verdictOf } from './quotes-design';
import {
  cachedRevision,
  jobVerdict,
  latestRevisionId,
  liveSignsOf,
  loadPins,
  reasonsForSign,
  revisionsOfSign,
  signRow,
  splitOverrides,
  writePins,
  type RevisionCache,
  type SignPin,
  type SignRow,
} from './quotes-job';
import { fixed } from '../../src-shared/format';

/**
 * The working quote of a project: one quote for the job (issue 15). The draft row holds the price
 * book version, the settings and the job's own overrides and manual lines; each sign's pin
 * (quote_draft_signs) the design revision it prices, its overrides, manual lines and
 * acknowledgement. Pricing is recomputed on every read (priceJob, < 1 ms a sign), so what is
 * stored is only what the estimator chose.
 *
 * A live sign with no saved design revision is listed as not designed, and the quote cannot be
 * generated until every live sign has one (a sign that should not be quoted is moved to the
 * trash: its pin is kept and comes back with it).
 */

type DraftRow = typeof quoteDrafts.$inferSelect;

export interface DraftState {
  priceBookVersionId: string;
  settings: QuoteSettings;
  /** the job's: on once-per-job lines */
  overrides: Record<string, LineOverride>;
  /** the job's own manual lines (priced once) */
  manualLines: ManualLine[];
  /** every sign's pin, signs in the trash included */
  pins: SignPin[];
}

/** A live sign priced by the quote: the sign, its pin and its pinned revision. */
export interface PricedEntry {
  sign: SignRow;
  pin: SignPin;
  rev: Revision;
}

export interface PricedState {
  entries: PricedEntry[];
  unpriced: UnpricedSign[];
  input: JobPricingInput;
  job: PricedJob;
  /** the one-design view (priceQuote's for a job of one sign × 1) */
  priced: PricedQuote;
  book: PriceBookVersion;
}

function stateOf(ctx: ServiceContext, row: DraftRow): DraftState {
  return {
    priceBookVersionId: row.priceBookVersionId,
    settings: quoteSettingsSchema.parse(JSON.parse(row.settings)),
    overrides: JSON.parse(row.overrides) as Record<string, LineOverride>,
    manualLines: JSON.parse(row.manualLines) as ManualLine[],
    pins: loadPins(ctx, row.projectId),
  };
}

function loadDraft(ctx: ServiceContext, projectId: string): DraftRow | undefined {
  return ctx.db.select().from(quoteDrafts).where(eq(quoteDrafts.projectId, projectId)).get();
}

/** The live signs the state prices (pinned), and those it does not (with why). */
function plan(ctx: ServiceContext, projectId: string, s: DraftState, cache?: RevisionCache) {
  const entries: PricedEntry[] = [];
  const unpriced: UnpricedSign[] = [];
  for (const sign of liveSignsOf(ctx, projectId)) {
    const pin = s.pins.find((p) => p.signId === sign.id);
    if (pin) entries.push({ sign, pin, rev: cachedRevision(ctx, pin.designRevisionId, cache) });
    else
      unpriced.push({
        signId: sign.id,
        mark: sign.mark,
        name: sign.name,
        reason: latestRevisionId(ctx, sign.id) ? 'not-in-quote' : 'not-designed',
      });
  }
  return { entries, unpriced };
}

export function jobInput(
  entries: readonly PricedEntry[],
  book: BookRef,
  s: Pick<DraftState, 'settings' | 'overrides' | 'manualLines'>,
): JobPricingInput {
  return {
    signs: entries.map((e) => ({
      signId: e.sign.id,
      mark: e.sign.mark,
      name: e.sign.name,
      quantity: e.sign.quantity,
      design: factsFromRevision(e.rev),
      overrides: e.pin.overrides,
      manualLines: e.pin.manualLines,
    })),
    book,
    settings: s.settings,
    overrides: s.overrides,
    manualLines: s.manualLines,
  };
}

/**
 * The one-design view of a job: a job of one sign × 1 is priced by priceQuote with the sign's
 * and the job's overrides and manual lines together (exactly what a one-design quote was);
 * a larger job is every sign's lines then the job's, with the job's totals.
 */
export function oneDesignView(
  job: PricedJob,
  entries: readonly PricedEntry[],
  book: BookRef,
  s: Pick<DraftState, 'settings' | 'overrides' | 'manualLines'>,
): PricedQuote {
  if (entries.length === 1 && entries[0].sign.quantity === 1) {
    const e = entries[0];
    return priceQuote({
      facts: factsFromRevision(e.rev),
      book,
      settings: s.settings,
      overrides: { ...e.pin.overrides, ...s.overrides },
      manualLines: [...e.pin.manualLines, ...s.manualLines],
    });
  }
  return {
    design: job.signs[0].design,
    priceBookVersionId: job.priceBookVersionId,
    priceBookVersionNumber: job.priceBookVersionNumber,
    settings: job.settings,
    lines: [...job.signs.flatMap((x) => x.lines), ...job.jobLines],
    totals: job.totals,
    warnings: job.warnings,
  };
}

export function priceState(
  ctx: ServiceContext,
  projectId: string,
  s: DraftState,
  cache: RevisionCache = new Map(),
): PricedState {
  const { entries, unpriced } = plan(ctx, projectId, s, cache);
  const book = getVersion(ctx, s.priceBookVersionId);
  const input = jobInput(entries, bookRef(book), s);
  const job = priceJob(input);
  return {
    entries,
    unpriced,
    input,
    job,
    priced: oneDesignView(job, entries, bookRef(book), s),
    book,
  };
}

/** "S2 monument north" (mark and name). */
export const signTitle = (sign: Pick<SignRow, 'mark' | 'name'>) =>
  [sign.mark, sign.name].filter(Boolean).join(' ');

function toDraft(
  ctx: ServiceContext,
  projectId: string,
  s: DraftState,
  updatedAt: string,
  p: PricedState,
): JobQuoteDraft {
  const cur = currentVersion(ctx);
  const one = p.entries.length === 1 ? p.entries[0] : null;
  const signs: DraftSign[] = p.entries.map((e) => ({
    signId: e.sign.id,
    mark: e.sign.mark,
    name: e.sign.name,
    quantity: e.sign.quantity,
    designRevisionId: e.rev.id,
    designRevisionNumber: e.rev.number,
    revisions: revisionsOfSign(ctx, e.sign.id),
    verdict: verdictOf(e.rev),
    acknowledgement: e.pin.acknowledgement,
    description: describeRevision(e.rev, s.settings, p.book.items),
    overrides: e.pin.overrides,
    manualLines: e.pin.manualLines,
  }));
  return {
    projectId,
    designRevisionId: p.entries[0].rev.id,
    priceBookVersionId: s.priceBookVersionId,
    settings: s.settings,
    overrides: one ? { ...one.pin.overrides, ...s.overrides } : s.overrides,
    manualLines: one ? [...one.pin.manualLines, ...s.manualLines] : s.manualLines,
    updatedAt,
    newerPriceBook: cur.id !== s.priceBookVersionId ? cur.number : null,
    priced: p.priced,
    verdict: jobVerdict(signs.map((x) => ({ mark: x.mark, verdict: x.verdict }))),
    acknowledgement: one ? one.pin.acknowledgement : null,
    description: one
      ? signs[0].description
      : signs.map((x) => `${signTitle(x)}: ${x.description}`).join('\n'),
    jobOverrides: s.overrides,
    jobManualLines: s.manualLines,
    job: p.job,
    signs,
    unpriced: p.unpriced,
  };
}

/** The working quote priced now; null before the first generate (or with every sign in the trash). */
export function getQuoteDraft(ctx: ServiceContext, projectId: string): JobQuoteDraft | null {
  const row = loadDraft(ctx, projectId);
  if (!row) return null;
  const s = stateOf(ctx, row);
  const p = plan(ctx, projectId, s);
  if (!p.entries.length) return null;
  return toDraft(ctx, projectId, s, row.updatedAt, priceState(ctx, projectId, s));
}

/** Must exist; returns the draft state it is written from. */
export function requireDraft(
  ctx: ServiceContext,
  projectId: string,
): DraftState & { updatedAt: string } {
  const row = loadDraft(ctx, projectId);
  if (!row)
    throw new AppError('ILLEGAL_STATE', 'Generate the quote from a saved design revision first.');
  return { ...stateOf(ctx, row), updatedAt: row.updatedAt };
}

function writeDraft(
  ctx: ServiceContext,
  projectId: string,
  next: DraftState,
  action: string,
  cache?: RevisionCache,
): JobQuoteDraft {
  const project = getProject(ctx, projectId);
  if (project.deletedAt)
    throw new AppError('ILLEGAL_STATE', 'This project is in the trash. Restore it first.');
  // price first: a state that cannot be priced is never stored
  const p = priceState(ctx, projectId, next, cache);
  const { value } = recordChange(ctx, (at) => {
    const prev = loadDraft(ctx, projectId);
    const data = {
      designRevisionId: p.entries[0].rev.id,
      priceBookVersionId: next.priceBookVersionId,
      settings: JSON.stringify(next.settings),
      overrides: JSON.stringify(next.overrides),
      manualLines: JSON.stringify(next.manualLines),
      acknowledgement: null,
      updatedAt: at,
    };
    const several = p.entries.length > 1;
    const before = prev ? auditView(ctx, stateOf(ctx, prev), several) : null;
    ctx.db
      .insert(quoteDrafts)
      .values({ projectId, ...data })
      .onConflictDoUpdate({ target: quoteDrafts.projectId, set: data })
      .run();
    writePins(ctx, projectId, next.pins);
    return {
      value: at,
      change: {
        entity: 'quote-draft',
        entityId: projectId,
        action,
        before,
        // the revision numbers and line names make the activity readable ("from design revision
        // 3", "Overrode Ready-mix concrete"); not part of the stored state
        after: {
          ...auditView(ctx, next, several),
          designRevisionId: p.entries[0].rev.id,
          designRevisionNumber: p.entries[0].rev.number,
          signs: p.entries.map((e) => ({ mark: e.sign.mark, designRevisionNumber: e.rev.number })),
          lineNames: Object.fromEntries([
            ...p.job.signs.flatMap((x) =>
              x.lines.map((l) =>
                several
                  ? [`${x.mark}:${l.code}`, `${x.mark} ${l.description}`]
                  : [l.code, l.description],
              ),
            ),
            ...p.job.jobLines.map((l) => [l.code, l.description]),
          ]),
        },
        // the working quote is a local buffer like the design draft: audited, not synced;
        // what syncs is the saved revision (entity 'quote')
      },
    };
  });
  ctx.events.emit('quotes:changed', { projectId });
  return toDraft(ctx, projectId, next, value, p);
}

/**
 * The state as the activity reads it: every override and manual line in one list, as a
 * one-design quote had them; with several signs a sign's are keyed `S2:code` and its manual lines
 * named "S2: ...", so "Overrode S2 Ready-mix concrete" reads right.
 */
function auditView(ctx: ServiceContext, s: DraftState, several: boolean) {
  const overrides: Record<string, LineOverride> = {};
  const manualLines: ManualLine[] = [];
  for (const pin of s.pins) {
    const mark = signRow(ctx, pin.signId)?.mark ?? '';
    for (const [code, o] of Object.entries(pin.overrides))
      overrides[several ? `${mark}:${code}` : code] = o;
    for (const l of pin.manualLines)
      manualLines.push(
        several ? { ...l, code: `${mark}:${l.code}`, description: `${mark}: ${l.description}` } : l,
      );
  }
  return {
    ...s,
    overrides: { ...overrides, ...s.overrides },
    manualLines: [...manualLines, ...s.manualLines],
  };
}

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

function checkManualCodes(lines: readonly ManualLine[], field: (i: number) => string) {
  const codes = new Set<string>();
  lines.forEach((m, i) => {
    if (codes.has(m.code))
      throw new AppError('VALIDATION', `Manual line code ${m.code} is used twice.`, {
        [field(i)]: `Code ${m.code} is used twice`,
      });
    codes.add(m.code);
  });
}

/**
 * Settings, overrides and manual lines as the estimator left them (the priced-from stay). With
 * `signs`, the top-level overrides and manual lines are the job's and each listed sign's are
 * replaced (the others stay). Without, a job of one sign takes them as a one-design quote did
 * (split as jobFromQuote does: once-per-job lines' overrides to the job, the rest and the manual
 * lines to the sign); a larger job takes them as the job's.
 */
export function updateQuoteDraft(
  ctx: ServiceContext,
  input: {
    projectId: string;
    settings: QuoteSettings;
    overrides: Record<string, LineOverride>;
    manualLines: ManualLine[];
    signs?: readonly {
      signId: string;
      overrides: Record<string, LineOverride>;
      manualLines: ManualLine[];
    }[];
  },
): JobQuoteDraft {
  const cur = requireDraft(ctx, input.projectId);
  checkManualCodes(input.manualLines, (i) => `manualLines.${i}.code`);
  const { entries } = plan(ctx, input.projectId, cur);
  let pins = cur.pins;
  let overrides = input.overrides;
  let manualLines = input.manualLines;
  if (input.signs) {
    input.signs.forEach((x, i) => {
      if (!entries.some((e) => e.sign.id === x.signId))
        throw new AppError('VALIDATION', 'That sign is not priced by this quote.', {
          [`signs.${i}.signId`]: 'Choose a sign the quote prices',
        });
      checkManualCodes(x.manualLines, (k) => `signs.${i}.manualLines.${k}.code`);
    });
    pins = pins.map((p) => {
      const x = input.signs!.find((y) => y.signId === p.signId);
      return x ? { ...p, overrides: x.overrides, manualLines: x.manualLines } : p;
    });
  } else if (entries.length === 1) {
    const split = splitOverrides(getVersion(ctx, cur.priceBookVersionId).items, input.overrides);
    const signId = entries[0].sign.id;
    pins = pins.map((p) =>
      p.signId === signId ? { ...p, overrides: split.sign, manualLines: input.manualLines } : p,
    );
    overrides = split.job;
    manualLines = [];
  }
  return writeDraft(
    ctx,
    input.projectId,
    {
      priceBookVersionId: cur.priceBookVersionId,
      settings: input.settings,
      overrides,
      manualLines,
      pins,
    },
    'quote.draft-updated',
  );
}

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
  if (!input.signId && p.entries.length === 1 && e.sign.quantity === 1)
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
