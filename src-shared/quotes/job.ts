import { z } from 'zod';
import { num, storable, text } from '../validation';
import {
  designFactsSchema,
  manualLineSchema,
  overrideSchema,
  quoteLineSchema,
  quoteSettingsSchema,
  totalsSchema,
} from './quote';

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
