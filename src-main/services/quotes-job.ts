import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Revision } from '../../src-shared/designs';
import type { DesignVerdict } from '../../src-shared/engine';
import {
  effectivePer,
  type DesignAcknowledgement,
  type LineOverride,
  type ManualLine,
  type PriceItem,
  type PricedJob,
  type PricedQuote,
  type QuoteSettings,
  type SignSettings,
  signSettingsSchema,
} from '../../src-shared/quotes';
import { designRevisions, quoteDraftSigns, signs } from '../db/schema';
import type { ServiceContext } from './context';
import { getRevision } from './designs';
import { factsFromRevision } from './pricing/facts';
import type { JobPricingInput } from './pricing/price-job';
import { priceQuote, type BookRef } from './pricing/price-quote';

/**
 * The job side of the quote services (issue 15): the project's live signs, each sign's pin on the
 * working quote (design revision, overrides, manual lines, acknowledgement), and the job's verdict
 * made of every sign's.
 */

export type SignRow = typeof signs.$inferSelect;

export interface SignPin {
  signId: string;
  designRevisionId: string;
  overrides: Record<string, LineOverride>;
  manualLines: ManualLine[];
  acknowledgement: DesignAcknowledgement | null;
  /** what this sign sets instead of the job's settings (cabinet, faces, illuminated) */
  settings: SignSettings;
}

/** The schedule in order, without the signs in the trash. */
export function liveSignsOf(ctx: ServiceContext, projectId: string): SignRow[] {
  return ctx.db
    .select()
    .from(signs)
    .where(and(eq(signs.projectId, projectId), isNull(signs.deletedAt)))
    .orderBy(asc(signs.position), asc(signs.createdAt), asc(signs.id))
    .all();
}

export function signRow(ctx: ServiceContext, id: string): SignRow | undefined {
  return ctx.db.select().from(signs).where(eq(signs.id, id)).get();
}

/** A sign's saved revisions, newest first (id, number, note only). */
export function revisionsOfSign(ctx: ServiceContext, signId: string) {
  return ctx.db
    .select({ id: designRevisions.id, number: designRevisions.number, note: designRevisions.note })
    .from(designRevisions)
    .where(eq(designRevisions.signId, signId))
    .orderBy(desc(designRevisions.number))
    .all();
}

export function latestRevisionId(ctx: ServiceContext, signId: string): string | null {
  return revisionsOfSign(ctx, signId)[0]?.id ?? null;
}

export function loadPins(ctx: ServiceContext, projectId: string): SignPin[] {
  return ctx.db
    .select()
    .from(quoteDraftSigns)
    .where(eq(quoteDraftSigns.projectId, projectId))
    .all()
    .map((r) => ({
      signId: r.signId,
      designRevisionId: r.designRevisionId,
      overrides: JSON.parse(r.overrides) as Record<string, LineOverride>,
      manualLines: JSON.parse(r.manualLines) as ManualLine[],
      acknowledgement: r.acknowledgement
        ? (JSON.parse(r.acknowledgement) as DesignAcknowledgement)
        : null,
      settings: signSettingsSchema.parse(JSON.parse(r.settings || '{}')),
    }));
}

/** Replaces the project's pins (inside the caller's transaction). */
export function writePins(ctx: ServiceContext, projectId: string, pins: readonly SignPin[]): void {
  ctx.db.delete(quoteDraftSigns).where(eq(quoteDraftSigns.projectId, projectId)).run();
  for (const p of pins)
    ctx.db
      .insert(quoteDraftSigns)
      .values({
        projectId,
        signId: p.signId,
        designRevisionId: p.designRevisionId,
        overrides: JSON.stringify(p.overrides),
        manualLines: JSON.stringify(p.manualLines),
        acknowledgement: p.acknowledgement ? JSON.stringify(p.acknowledgement) : null,
        settings: JSON.stringify(p.settings),
      })
      .run();
}

/** Design revisions are immutable: one parse per id per call is enough. */
export type RevisionCache = Map<string, Revision>;
export function cachedRevision(ctx: ServiceContext, id: string, cache?: RevisionCache): Revision {
  let rev = cache?.get(id);
  if (!rev) {
    rev = getRevision(ctx, id);
    cache?.set(id, rev);
  }
  return rev;
}

/** How a sign's reason reads in a job of several signs ("S2: Pole fails ..."). */
export const signReason = (mark: string, reason: string) => `${mark}: ${reason}`;

/**
 * The job's verdict: fails if any sign fails, else review if any needs it, else passes. A job of
 * one sign has that sign's verdict as it is (a one-sign quote reads as before); with several,
 * each reason is prefixed with its sign's mark.
 */
export function jobVerdict(items: readonly { mark: string; verdict: DesignVerdict }[]) {
  const one = items.length === 1;
  const status: DesignVerdict['status'] = items.some((i) => i.verdict.status === 'fails')
    ? 'fails'
    : items.some((i) => i.verdict.status === 'review')
      ? 'review'
      : 'passes';
  const reasons = items.flatMap((i) =>
    i.verdict.status === 'passes'
      ? []
      : i.verdict.reasons.map((r) => (one ? r : signReason(i.mark, r))),
  );
  return { status, reasons } as DesignVerdict;
}

/**
 * The reasons of an acknowledgement given for the whole job, as they apply to one sign: its own
 * ("S2: ..." with the mark taken off) and any given unprefixed (a one-sign job).
 */
export function reasonsForSign(mark: string, reasons: readonly string[]): string[] {
  const prefix = signReason(mark, '');
  return reasons.map((r) => (r.startsWith(prefix) ? r.slice(prefix.length) : r));
}

/**
 * A one-design override set split as jobFromQuote does: overrides of once-per-job lines go to the
 * job, the rest to the sign.
 */
export function splitOverrides(
  items: readonly PriceItem[],
  overrides: Record<string, LineOverride>,
): { sign: Record<string, LineOverride>; job: Record<string, LineOverride> } {
  const jobCodes = new Set(items.filter((it) => effectivePer(it) === 'job').map((it) => it.code));
  const sign: Record<string, LineOverride> = {};
  const job: Record<string, LineOverride> = {};
  for (const [code, o] of Object.entries(overrides)) (jobCodes.has(code) ? job : sign)[code] = o;
  return { sign, job };
}

/** A live sign priced by the quote: the sign, its pin and its pinned revision. */
export interface PricedEntry {
  sign: SignRow;
  pin: SignPin;
  rev: Revision;
}

/** What the working quote sets for the whole job. */
interface JobLevel {
  settings: QuoteSettings;
  overrides: Record<string, LineOverride>;
  manualLines: ManualLine[];
}

export function jobInput(
  entries: readonly PricedEntry[],
  book: BookRef,
  s: JobLevel,
): JobPricingInput {
  return {
    signs: entries.map((e) => ({
      signId: e.sign.id,
      mark: e.sign.mark,
      name: e.sign.name,
      quantity: e.sign.quantity,
      design: factsFromRevision(e.rev),
      settings: e.pin.settings,
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
  s: JobLevel,
): PricedQuote {
  if (entries.length === 1 && entries[0].sign.quantity === 1 && !ownSettings(entries[0].pin)) {
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

/** Whether a sign sets anything of its own instead of the job's settings. */
export const ownSettings = (pin: Pick<SignPin, 'settings'>) =>
  Object.values(pin.settings).some((v) => v !== undefined);

/** The job's settings with what the sign sets of its own (what describes and prices the sign). */
export function signQuoteSettings(job: QuoteSettings, own: SignSettings): QuoteSettings {
  const s: QuoteSettings = { ...job };
  for (const [k, v] of Object.entries(own)) if (v !== undefined) Object.assign(s, { [k]: v });
  return s;
}
