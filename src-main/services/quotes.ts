import { eq } from 'drizzle-orm';
import { AppError } from '../../src-shared/errors';
import {
  effectivePer,
  quoteSettingsSchema,
  type DraftSign,
  type JobQuoteDraft,
  type LineOverride,
  type ManualLine,
  type PricedJob,
  type PriceBookVersion,
  type PricedQuote,
  type QuoteSettings,
  type SignSettings,
  type UnpricedSign,
} from '../../src-shared/quotes';
import { quoteDrafts } from '../db/schema';
import { recordChange, type ServiceContext } from './context';
import { getProject } from './projects';
import { bookRef, currentVersion, getVersion } from './pricing/book-service';
import { priceJob, type JobPricingInput } from './pricing/price-job';
import { describeRevision, verdictOf } from './quotes-design';
import {
  jobInput,
  oneDesignView,
  type PricedEntry,
  cachedRevision,
  jobVerdict,
  latestRevisionId,
  liveSignsOf,
  loadPins,
  revisionsOfSign,
  signQuoteSettings,
  signRow,
  splitOverrides,
  writePins,
  type RevisionCache,
  type SignPin,
  type SignRow,
} from './quotes-job';

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

export interface PricedState {
  entries: PricedEntry[];
  unpriced: UnpricedSign[];
  input: JobPricingInput;
  job: PricedJob;
  /** the one-design view (priceQuote's for a job of one sign × 1) */
  priced: PricedQuote;
  book: PriceBookVersion;
}

export function stateOf(ctx: ServiceContext, row: DraftRow): DraftState {
  return {
    priceBookVersionId: row.priceBookVersionId,
    settings: quoteSettingsSchema.parse(JSON.parse(row.settings)),
    overrides: JSON.parse(row.overrides) as Record<string, LineOverride>,
    manualLines: JSON.parse(row.manualLines) as ManualLine[],
    pins: loadPins(ctx, row.projectId),
  };
}

export function loadDraft(ctx: ServiceContext, projectId: string): DraftRow | undefined {
  return ctx.db.select().from(quoteDrafts).where(eq(quoteDrafts.projectId, projectId)).get();
}

/** The live signs the state prices (pinned), and those it does not (with why). */
export function plan(ctx: ServiceContext, projectId: string, s: DraftState, cache?: RevisionCache) {
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
    description: describeRevision(
      e.rev,
      signQuoteSettings(s.settings, e.pin.settings),
      p.book.items,
    ),
    settings: e.pin.settings,
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

export function writeDraft(
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
      /** absent: the sign's own settings stay as they are */
      settings?: SignSettings;
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
    // an override lands on a line of its own scope: a once-per-job line on the job, the rest on
    // a sign (else it would be kept with a warning and price nothing)
    const items = getVersion(ctx, cur.priceBookVersionId).items;
    const perOf = new Map(items.map((it) => [it.code, effectivePer(it)]));
    const nameOf = (code: string) => items.find((it) => it.code === code)?.name ?? code;
    for (const code of Object.keys(input.overrides))
      if (perOf.get(code) === 'sign')
        throw new AppError(
          'VALIDATION',
          `${nameOf(code)} is priced per sign: override it on the sign's line, not on the job.`,
          { [`overrides.${code}`]: 'Override this line on a sign' },
        );
    input.signs.forEach((x, i) => {
      for (const code of Object.keys(x.overrides))
        if (perOf.get(code) === 'job')
          throw new AppError(
            'VALIDATION',
            `${nameOf(code)} is charged once for the job: override it on the job lines, not on a sign.`,
            { [`signs.${i}.overrides.${code}`]: 'Override this line on the job lines' },
          );
      if (!entries.some((e) => e.sign.id === x.signId))
        throw new AppError('VALIDATION', 'That sign is not priced by this quote.', {
          [`signs.${i}.signId`]: 'Choose a sign the quote prices',
        });
      checkManualCodes(x.manualLines, (k) => `signs.${i}.manualLines.${k}.code`);
    });
    pins = pins.map((p) => {
      const x = input.signs!.find((y) => y.signId === p.signId);
      return x
        ? {
            ...p,
            overrides: x.overrides,
            manualLines: x.manualLines,
            settings: x.settings ?? p.settings,
          }
        : p;
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
