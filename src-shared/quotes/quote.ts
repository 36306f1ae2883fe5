import { z } from 'zod';
import { num, storable, text } from '../validation';
import { codeSchema, isoDateSchema } from './price-book';
import { acknowledgementSchema, verdictSchema } from './acknowledgement';
import { companySchema } from './company';

/** Line groups, in the order a quote shows them. */
export const LINE_GROUPS = ['materials', 'labor', 'equipment', 'fees'] as const;
export type LineGroup = (typeof LINE_GROUPS)[number];
export const GROUP_LABELS: Record<LineGroup, string> = {
  materials: 'Materials',
  labor: 'Labor',
  equipment: 'Equipment',
  fees: 'Fees and travel',
};

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export const QUOTE_STATUS_LABELS: Record<QuoteStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
};
/** Status machine of a quote revision; accepted, declined and expired are final. */
export const QUOTE_TRANSITIONS: Record<QuoteStatus, readonly QuoteStatus[]> = {
  draft: ['sent', 'declined'],
  sent: ['accepted', 'declined', 'expired'],
  accepted: [],
  declined: [],
  expired: [],
};

const pct = (label: string, max = 100) => num(label, '%', { min: 0, max });

/** What the estimator chooses for a quote besides the design (all have defaults). */
export const quoteSettingsSchema = z.object({
  /** cabinet price item; null = the first cabinet item of the book */
  cabinetCode: z.string().check(storable('Cabinet')).nullable().default(null),
  faceSides: num('Faces', 'sides', { min: 1, max: 2, int: true }).default(2),
  illuminated: z.boolean({ error: 'Illuminated must be true or false' }).default(true),
  /** codes of optional fees (Match `optional`) to include */
  includeFees: z
    .array(z.string().check(storable('Optional fee')))
    .max(50)
    .default([]),
  travelMiles: num('Travel distance', 'miles', { min: 0, max: 5000 }).default(0),
  /** null = the price book's figure */
  contingencyPct: pct('Contingency').nullable().default(null),
  markupMode: z
    .enum(['markup', 'margin'], { error: 'Choose markup or margin' })
    .nullable()
    .default(null),
  markupPct: pct('Markup or margin', 90).nullable().default(null),
  discountPct: pct('Discount').default(0),
  taxPct: pct('Tax rate', 30).nullable().default(null),
});
export type QuoteSettings = z.output<typeof quoteSettingsSchema>;
export type QuoteSettingsInput = z.input<typeof quoteSettingsSchema>;

/** An override replaces the generated quantity and/or unit price of the line with that code. */
export const overrideSchema = z
  .object({
    quantity: num('Quantity', undefined, { min: 0, max: 1_000_000 }).optional(),
    unitPriceCents: num('Unit price', 'cents', {
      min: 0,
      max: 1_000_000_000,
      int: true,
    }).optional(),
    note: text('Override note', { max: 200 }).default(''),
  })
  .refine((o) => o.quantity !== undefined || o.unitPriceCents !== undefined, {
    message: 'An override needs a quantity or a unit price',
  });
export type LineOverride = z.output<typeof overrideSchema>;

export const manualLineSchema = z.object({
  code: codeSchema,
  group: z.enum(LINE_GROUPS, { error: 'Group must be materials, labor, equipment or fees' }),
  description: text('Description', { required: true, max: 200 }),
  quantity: num('Quantity', undefined, { gt: 0, max: 1_000_000 }),
  unit: text('Unit', { required: true, max: 20 }),
  /** may be negative (a credit) */
  unitPriceCents: num('Unit price', 'cents', {
    min: -1_000_000_000,
    max: 1_000_000_000,
    int: true,
  }),
  taxable: z.boolean().default(false),
});
export type ManualLine = z.output<typeof manualLineSchema>;

/** The form for a manual line, in dollars; the output is the shared line (cents). */
export const manualLineFormSchema = z
  .object({
    group: z.enum(LINE_GROUPS, { error: 'Group must be materials, labor, equipment or fees' }),
    description: text('Description', { required: true, max: 200 }),
    quantity: num('Quantity', undefined, { gt: 0, max: 1_000_000 }),
    unit: text('Unit', { required: true, max: 20 }),
    unitPrice: num('Unit price', 'USD', { min: -10_000_000, max: 10_000_000 }),
    taxable: z.boolean().default(false),
  })
  .transform((v) => ({ ...v, unitPriceCents: Math.round(v.unitPrice * 100) }));

export const quoteDraftInputSchema = z.object({
  projectId: z.string().min(1, { message: 'Project id is required' }),
  settings: quoteSettingsSchema.prefault({}),
  overrides: z.record(z.string().check(storable('Override code')), overrideSchema).default({}),
  manualLines: z
    .array(manualLineSchema)
    .max(100, { message: 'At most 100 manual lines' })
    .default([]),
});

export const quoteLineSchema = z.object({
  code: z.string(),
  group: z.enum(LINE_GROUPS),
  description: z.string(),
  /** how the quantity was found, in words and numbers */
  basis: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPriceCents: z.number().int(),
  amountCents: z.number().int(),
  taxable: z.boolean(),
  source: z.enum(['generated', 'manual']),
  overridden: z.boolean(),
  overrideNote: z.string(),
});
export type QuoteLine = z.infer<typeof quoteLineSchema>;

export const totalsSchema = z.object({
  byGroup: z.object({
    materials: z.number().int(),
    labor: z.number().int(),
    equipment: z.number().int(),
    fees: z.number().int(),
  }),
  subtotalCents: z.number().int(),
  contingencyBp: z.number().int(),
  contingencyCents: z.number().int(),
  markupMode: z.enum(['markup', 'margin']),
  markupBp: z.number().int(),
  markupCents: z.number().int(),
  discountBp: z.number().int(),
  discountCents: z.number().int(),
  taxableCents: z.number().int(),
  taxBp: z.number().int(),
  taxCents: z.number().int(),
  totalCents: z.number().int(),
});
export type QuoteTotals = z.infer<typeof totalsSchema>;

export const designFactsSchema = z.object({
  designRevisionId: z.string(),
  designRevisionNumber: z.number().int(),
  designation: z.string(),
  family: z.string(),
  weightPlf: z.number(),
  passes: z.boolean(),
  poleCount: z.number().int(),
  topHeightFt: z.number(),
  diameterFt: z.number(),
  depthFt: z.number(),
  concreteYd3PerFooting: z.number(),
  cabinetAreaFt2: z.number(),
});
export type DesignFacts = z.infer<typeof designFactsSchema>;

export const pricedQuoteSchema = z.object({
  design: designFactsSchema,
  priceBookVersionId: z.string(),
  priceBookVersionNumber: z.number().int(),
  settings: quoteSettingsSchema,
  lines: z.array(quoteLineSchema),
  totals: totalsSchema,
  warnings: z.array(z.string()),
});
export type PricedQuote = z.infer<typeof pricedQuoteSchema>;

export const quoteDraftSchema = z.object({
  projectId: z.string(),
  designRevisionId: z.string(),
  priceBookVersionId: z.string(),
  settings: quoteSettingsSchema,
  overrides: z.record(z.string(), overrideSchema),
  manualLines: z.array(manualLineSchema),
  updatedAt: z.string(),
  /** the newest price book differs from the one this draft is priced with */
  newerPriceBook: z.number().int().nullable(),
  priced: pricedQuoteSchema,
  /** whether the priced design passes (designVerdict of its stored result) */
  verdict: verdictSchema,
  /** the estimator's acknowledgement of a design that does not pass (null when it passes) */
  acknowledgement: acknowledgementSchema.nullable(),
  /** the plain description of the sign the customer quote prints */
  description: z.string(),
});
export type QuoteDraft = z.infer<typeof quoteDraftSchema>;

export const quoteRevisionSummarySchema = z.object({
  id: z.string(),
  projectId: z.string(),
  number: z.number().int(),
  note: z.string(),
  status: z.enum(QUOTE_STATUSES),
  /** what to show: a draft or sent quote past its validity date shows as expired */
  displayStatus: z.enum(QUOTE_STATUSES),
  validUntil: z.string(),
  totalCents: z.number().int(),
  designRevisionId: z.string(),
  designRevisionNumber: z.number().int(),
  priceBookVersionNumber: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  statusChangedAt: z.string().nullable(),
  /** the priced design's verdict, and who acknowledged quoting / sending it anyway */
  verdict: verdictSchema,
  acknowledgements: z.array(acknowledgementSchema),
  /** issue 15: the design revision of each sign it priced, in schedule order */
  signs: z.array(
    z.object({
      signId: z.string(),
      mark: z.string(),
      designRevisionId: z.string(),
      designRevisionNumber: z.number().int(),
    }),
  ),
});
export type QuoteRevisionSummary = z.infer<typeof quoteRevisionSummarySchema>;

export const quoteRevisionSchema = quoteRevisionSummarySchema.extend({
  priceBookVersionId: z.string(),
  priced: pricedQuoteSchema,
  overrides: z.record(z.string(), overrideSchema),
  manualLines: z.array(manualLineSchema),
  company: companySchema,
  description: z.string(),
  customer: z.object({
    projectName: z.string(),
    company: z.string(),
    contact: z.string(),
    email: z.string(),
    phone: z.string(),
    siteAddress: z.string(),
  }),
});
export type QuoteRevision = z.infer<typeof quoteRevisionSchema>;

export const saveQuoteRevisionSchema = z.object({
  projectId: z.string().min(1, { message: 'Project id is required' }),
  note: text('Quote note', { max: 500 }).default(''),
  /** default: today + the company's validity days */
  validUntil: isoDateSchema('Valid until').optional(),
  /** the draft's `updatedAt` the estimator is looking at: saving refuses if it changed since */
  expectedUpdatedAt: z.string().optional(),
});

const side = z.object({
  quantity: z.number(),
  unitPriceCents: z.number().int(),
  amountCents: z.number().int(),
});
const lineChangeSchema = z.object({
  code: z.string(),
  description: z.string(),
  change: z.enum(['added', 'removed', 'changed', 'same']),
  before: side.nullable(),
  after: side.nullable(),
  deltaCents: z.number().int(),
});
export const quoteComparisonSchema = z.object({
  a: quoteRevisionSummarySchema,
  b: quoteRevisionSummarySchema,
  facts: z.array(
    z.object({
      label: z.string(),
      before: z.union([z.string(), z.number()]),
      after: z.union([z.string(), z.number()]),
    }),
  ),
  lines: z.array(lineChangeSchema),
  /**
   * issue 15: each sign of either revision (by sign id, in the later one's order, then removed
   * ones): whether it changed (its design revision, a line or its subtotal), and its lines compared
   * by code. `lines` above compares every line of the job flattened; `jobLines` the once-per-job lines.
   */
  signs: z.array(
    z.object({
      signId: z.string(),
      mark: z.string(),
      label: z.string(),
      change: z.enum(['added', 'removed', 'changed', 'same']),
      designRevisionBefore: z.number().int().nullable(),
      designRevisionAfter: z.number().int().nullable(),
      subtotalBefore: z.number().int().nullable(),
      subtotalAfter: z.number().int().nullable(),
      lines: z.array(lineChangeSchema),
    }),
  ),
  jobLines: z.array(lineChangeSchema),
  totals: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      before: z.number().int(),
      after: z.number().int(),
      deltaCents: z.number().int(),
    }),
  ),
});
export type QuoteComparison = z.infer<typeof quoteComparisonSchema>;

export const alternativeSchema = z.object({
  rank: z.number().int(),
  designation: z.string(),
  family: z.string(),
  weightPlf: z.number(),
  governingRatio: z.number(),
  diameterFt: z.number(),
  depthFt: z.number(),
  concreteYd3: z.number(),
  totalCents: z.number().int(),
  /** against the quote of the design as saved */
  deltaCents: z.number().int(),
  current: z.boolean(),
});
export type Alternative = z.infer<typeof alternativeSchema>;

export const alternativesSchema = z.object({
  /** the sign ranked (issue 15: alternatives are ranked per sign) */
  signId: z.string(),
  designRevisionId: z.string(),
  currentTotalCents: z.number().int(),
  evaluated: z.number().int(),
  candidates: z.number().int(),
  alternatives: z.array(alternativeSchema),
});

/**
 * A calendar date (YYYY-MM-DD, e.g. `localDate()` of now) plus n days. Pure calendar arithmetic:
 * done in UTC so no daylight-saving change can skip or repeat a day.
 */
export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A draft or sent quote whose validity date has passed shows as expired. */
export function displayStatus(status: QuoteStatus, validUntil: string, today: string): QuoteStatus {
  if ((status === 'draft' || status === 'sent') && validUntil < today.slice(0, 10))
    return 'expired';
  return status;
}

/** The override form, in dollars; empty fields keep the generated value. */
export const overrideFormSchema = z
  .object({
    quantity: z
      .string()
      .trim()
      .refine((s) => s === '' || (Number.isFinite(Number(s)) && Number(s) >= 0), {
        message: 'Quantity must be a number, 0 or more',
      }),
    unitPrice: z
      .string()
      .trim()
      .refine((s) => s === '' || /^\d{1,8}(\.\d{1,2})?$/.test(s), {
        message: 'Unit price must be dollars, 0 or more, with at most 2 decimals',
      }),
    note: text('Override note', { max: 200 }).default(''),
  })
  .refine((v) => v.quantity !== '' || v.unitPrice !== '', {
    path: ['unitPrice'],
    message: 'Enter a quantity or a unit price to override',
  })
  .transform((v) => ({
    ...(v.quantity !== '' ? { quantity: Number(v.quantity) } : {}),
    ...(v.unitPrice !== '' ? { unitPriceCents: Math.round(Number(v.unitPrice) * 100) } : {}),
    note: v.note,
  }));
export type OverrideForm = z.input<typeof overrideFormSchema>;
