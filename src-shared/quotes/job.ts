import { z } from 'zod';
import { num, storable, text } from '../validation';
import {
  designFactsSchema,
  manualLineSchema,
  overrideSchema,
  quoteDraftSchema,
  quoteLineSchema,
  quoteRevisionSchema,
  quoteSettingsSchema,
  totalsSchema,
} from './quote';
import { acknowledgeInputSchema, acknowledgementSchema, verdictSchema } from './acknowledgement';

/**
 * A job quote (issue 15): one quote for a project's sign schedule. Each sign is priced from its
 * chosen design revision and multiplied by its quantity; once-per-job items (price item `per`)
 * are priced once on the whole job; markup, contingency, discount and tax apply to the job as on
 * a one-design quote. See src-main/services/pricing/README.md "Jobs".
 */

export const SIGN_QUANTITY_MAX = 999;

/**
 * What a quote may set per sign instead of the job's settings (a monument may be unlit). No
 * defaults: what a sign leaves out is the job's.
 */
export const signSettingsSchema = z.object({
  /** null = the first cabinet item of the book; absent = the job's setting */
  cabinetCode: z.string().check(storable('Cabinet')).nullable().optional(),
  faceSides: num('Faces', 'sides', { min: 1, max: 2, int: true }).optional(),
  illuminated: z.boolean({ error: 'Illuminated must be true or false' }).optional(),
});
export type SignSettings = z.output<typeof signSettingsSchema>;

/** One sign of the schedule as pricing sees it (the design facts come from its chosen revision). */
export const jobSignMetaSchema = z.object({
  signId: z.string().min(1, { message: 'Sign id is required' }),
  mark: text('Sign mark', { required: true, max: 40 }),
  name: text('Sign name', { max: 120 }).default(''),
  quantity: num('Sign quantity', undefined, { min: 1, max: SIGN_QUANTITY_MAX, int: true }),
});

export const jobSignPricingSchema = jobSignMetaSchema.extend({
  design: designFactsSchema,
  settings: signSettingsSchema.default({}),
  overrides: z.record(z.string().check(storable('Override code')), overrideSchema).default({}),
  manualLines: z
    .array(manualLineSchema)
    .max(100, { message: 'At most 100 manual lines per sign' })
    .default([]),
});
export type JobSignPricing = z.input<typeof jobSignPricingSchema>;

export const pricedSignSchema = z.object({
  signId: z.string(),
  mark: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  /** "S2 monument north × 2": how the group is headed */
  label: z.string(),
  design: designFactsSchema,
  /** the sign's lines with its quantity applied (each quantity = per sign × quantity) */
  lines: z.array(quoteLineSchema),
  byGroup: totalsSchema.shape.byGroup,
  /** Σ of the sign's lines (cost, before contingency, markup and tax) */
  subtotalCents: z.number().int(),
  taxableCents: z.number().int(),
  /**
   * the sign's share of the job total (contingency, markup, discount and tax spread in
   * proportion, largest remainder), so the sign prices plus the job lines' price = the job total;
   * null when credits make a share negative (no fair split)
   */
  priceCents: z.number().int().nullable(),
  warnings: z.array(z.string()),
});
export type PricedSign = z.infer<typeof pricedSignSchema>;

export const pricedJobSchema = z.object({
  priceBookVersionId: z.string(),
  priceBookVersionNumber: z.number().int(),
  settings: quoteSettingsSchema,
  /** in schedule order */
  signs: z.array(pricedSignSchema),
  /** once-per-job lines (mobilization, travel, permit package, ...) and job manual lines */
  jobLines: z.array(quoteLineSchema),
  jobLinesSubtotalCents: z.number().int(),
  /** the job lines' share of the job total, as for a sign */
  jobLinesPriceCents: z.number().int().nullable(),
  /** Σ sign quantities */
  signCount: z.number().int(),
  /** on the whole job: subtotal = Σ sign subtotals + job lines, then as a one-design quote */
  totals: totalsSchema,
  warnings: z.array(z.string()),
});
export type PricedJob = z.infer<typeof pricedJobSchema>;

/** A sign of the working quote as the quote tab shows it: its pin and what it prices. */
export const draftSignSchema = z.object({
  signId: z.string(),
  mark: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  /** the pinned design revision */
  designRevisionId: z.string(),
  designRevisionNumber: z.number().int(),
  /** the sign's saved revisions, newest first (the picker) */
  revisions: z.array(z.object({ id: z.string(), number: z.number().int(), note: z.string() })),
  verdict: verdictSchema,
  acknowledgement: acknowledgementSchema.nullable(),
  description: z.string(),
  overrides: z.record(z.string(), overrideSchema),
  manualLines: z.array(manualLineSchema),
  /** what the sign sets instead of the job's settings (empty: the job's) */
  settings: signSettingsSchema,
});
export type DraftSign = z.infer<typeof draftSignSchema>;

/**
 * A live sign of the schedule the working quote does not price: no saved design revision yet
 * (`not-designed`), or added after the quote was generated (`not-in-quote`: regenerate).
 */
export const unpricedSignSchema = z.object({
  signId: z.string(),
  mark: z.string(),
  name: z.string(),
  reason: z.enum(['not-designed', 'not-in-quote']),
});
export type UnpricedSign = z.infer<typeof unpricedSignSchema>;

/** What a quote revision froze of the job (quote_revisions.job). */
export const quoteRevisionJobSchema = z.object({
  pricedJob: pricedJobSchema,
  signs: z.array(
    z.object({
      signId: z.string(),
      designRevisionId: z.string(),
      overrides: z.record(z.string(), overrideSchema),
      manualLines: z.array(manualLineSchema),
      settings: signSettingsSchema.optional(),
    }),
  ),
});
export type QuoteRevisionJob = z.infer<typeof quoteRevisionJobSchema>;

/** A per-sign choice sent with generate: the design revision to price, an acknowledgement. */
export const signChoiceSchema = z.object({
  signId: z.string().min(1, { message: 'Sign id is required' }),
  designRevisionId: z.string().min(1, { message: 'Choose a design revision' }).optional(),
  acknowledge: acknowledgeInputSchema.optional(),
});

/** A sign's overrides and manual lines sent with update-draft. */
export const signLinesInputSchema = z.object({
  signId: z.string().min(1, { message: 'Sign id is required' }),
  overrides: z.record(z.string().check(storable('Override code')), overrideSchema).default({}),
  manualLines: z
    .array(manualLineSchema)
    .max(100, { message: 'At most 100 manual lines per sign' })
    .default([]),
  /** absent: the sign's own settings stay; {} = the job's for everything */
  settings: signSettingsSchema.optional(),
});

/**
 * The working quote of the job. `priced` is the one-design view kept for one-design readers: for
 * a job of one sign × 1 it is exactly priceQuote's (same lines, same total); for a larger job its
 * lines are every sign's then the job's, with the job's totals. `overrides` and `manualLines` are
 * the sign's and the job's together when the job has one sign, else the job's (each sign's are in
 * `signs`).
 */
export const jobQuoteDraftSchema = quoteDraftSchema.extend({
  /** the job's own overrides (once-per-job lines) and manual lines, whatever the sign count */
  jobOverrides: z.record(z.string(), overrideSchema),
  jobManualLines: z.array(manualLineSchema),
  job: pricedJobSchema,
  signs: z.array(draftSignSchema),
  unpriced: z.array(unpricedSignSchema),
});
export type JobQuoteDraft = z.infer<typeof jobQuoteDraftSchema>;

export const jobQuoteRevisionSchema = quoteRevisionSchema.extend({
  job: pricedJobSchema,
  /** each sign's plain description, in schedule order */
  signDescriptions: z.array(z.object({ signId: z.string(), description: z.string() })),
});
export type JobQuoteRevision = z.infer<typeof jobQuoteRevisionSchema>;
