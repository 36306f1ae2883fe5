import { z } from 'zod';
import { num, storable, text } from '../validation';

/**
 * The price book (issue 6): a versioned list of priced items. Money is integer cents; a percent is
 * integer basis points (1 % = 100). `price` holds cents for money units and basis points for the
 * unit `percent`. Labor, equipment and travel items carry a linear quantity formula (see
 * src-main/services/pricing/README.md): qty = fixed + perPole·poles + perYd3·concrete yd³ +
 * perFt2·sign ft².
 */

export const PRICE_CATEGORIES = [
  'steel',
  'finish',
  'fabrication',
  'concrete',
  'drilling',
  'cabinet',
  'face',
  'illumination',
  'electrical',
  'labor',
  'equipment',
  'fee',
  'travel',
  'adjustment',
] as const;
export type PriceCategory = (typeof PRICE_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<PriceCategory, string> = {
  steel: 'Pole steel',
  finish: 'Finish (galvanizing)',
  fabrication: 'Steel fabrication',
  concrete: 'Concrete',
  drilling: 'Drilling by diameter',
  cabinet: 'Cabinet fabrication by type',
  face: 'Faces',
  illumination: 'Illumination',
  electrical: 'Electrical',
  labor: 'Labor crews',
  equipment: 'Equipment',
  fee: 'Permit and engineering fees',
  travel: 'Travel',
  adjustment: 'Contingency, markup, tax',
};

export const PRICE_UNITS = [
  'lb',
  'ft',
  'yd3',
  'ft2',
  'each',
  'hour',
  'day',
  'mile',
  'percent',
] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

export const UNIT_LABELS: Record<PriceUnit, string> = {
  lb: 'lb',
  ft: 'ft',
  yd3: 'yd³',
  ft2: 'ft²',
  each: 'each',
  hour: 'hour',
  day: 'day',
  mile: 'mile',
  percent: '%',
};

/** Stable item code: the key a quote line and an override are tied to. */
export const codeSchema = z
  .string({ error: 'Code must be text' })
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, {
    message:
      'Code must be 1 to 40 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit',
  });

/** Fee conditions on the sign top height: `top<=25`, `top>25`, `optional` or empty (always). */
export const FEE_CONDITION = /^(|optional|top(<=|<|>=|>)\d+(\.\d+)?)$/;

/**
 * How often an item is charged on a job of several signs (issue 15): once for each sign (times its
 * quantity) or once for the whole job. Absent = the category's default (DEFAULT_PER), chosen so
 * that a book written before this field prices a one-sign job exactly as before.
 */
export const PRICE_PER = ['sign', 'job'] as const;
export type PricePer = (typeof PRICE_PER)[number];
/** Categories whose items may be charged once per job; the design's materials are always per sign. */
export const JOB_CATEGORIES: readonly PriceCategory[] = ['labor', 'equipment', 'fee', 'travel'];

const coef = (label: string) => num(label, undefined, { min: 0, max: 100_000 }).default(0);

export const priceItemSchema = z
  .object({
    code: codeSchema,
    category: z.enum(PRICE_CATEGORIES, {
      error: `Category must be one of ${PRICE_CATEGORIES.join(', ')}`,
    }),
    name: text('Name', { required: true, max: 120 }),
    unit: z.enum(PRICE_UNITS, { error: `Unit must be one of ${PRICE_UNITS.join(', ')}` }),
    /** cents per unit, or basis points when unit is `percent` */
    price: num('Price', 'cents', { min: 0, max: 1_000_000_000, int: true }),
    /** steel: pole family; drilling: diameter in ft; fabrication: base category; fee: condition;
     *  adjustment `markup`: markup or margin */
    match: z
      .string({ error: 'Match must be text' })
      .trim()
      .max(40, { message: 'Match must be at most 40 characters' })
      .check(storable('Match'))
      .default(''),
    fixed: coef('Fixed quantity'),
    perPole: coef('Quantity per pole'),
    perYd3: coef('Quantity per yd³ of concrete'),
    perFt2: coef('Quantity per ft² of sign'),
    /** round the quantity UP to a multiple of this (in the item's unit); absent = the category's
     *  default (DEFAULT_INCREMENTS), 0 = never round */
    increment: num('Rounding increment', undefined, { min: 0, max: 1000 }).optional(),
    /** once per sign or once per job; absent = the category's default (effectivePer) */
    per: z.enum(PRICE_PER, { error: 'Per must be sign or job' }).optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.per === 'job' && !JOB_CATEGORIES.includes(v.category))
      issue(
        'per',
        `Per job is allowed only for labor, equipment, fee and travel items; ${CATEGORY_LABELS[v.category].toLowerCase()} is priced per sign`,
      );
    if (v.category === 'adjustment' && v.unit !== 'percent')
      issue('unit', 'Contingency, markup and tax must use the unit percent');
    if (v.category === 'fabrication' && v.unit !== 'percent')
      issue('unit', 'Fabrication is priced as a percent of the steel material');
    if (v.unit === 'percent' && v.price > 100_00 && v.code !== 'markup')
      issue('price', 'A percentage must be at most 100 %');
    if (v.category === 'drilling' && !(Number(v.match) >= 1 && Number(v.match) <= 8))
      issue('match', 'Drilling must name its diameter in ft (between 1 and 8) in Match');
    if (v.category === 'fee' && !FEE_CONDITION.test(v.match.replace(/\s+/g, '')))
      issue('match', 'A fee condition must be empty, optional, or like top<=25 or top>25');
    if (v.code === 'markup' && !['', 'markup', 'margin'].includes(v.match))
      issue('match', 'Markup must say markup or margin in Match');
    if (v.code === 'markup' && v.match === 'margin' && v.price >= 90_00)
      issue('price', 'A margin must be less than 90 %');
    if (
      (v.category === 'labor' || v.category === 'equipment') &&
      !['', 'illuminated'].includes(v.match)
    )
      issue('match', 'Labor and equipment Match must be empty or illuminated');
    if (v.category === 'steel' && !v.match)
      issue(
        'match',
        'Steel must name its pole family in Match (pipe, hss-round, hss-square, aluminum-round)',
      );
  });
export type PriceItem = z.output<typeof priceItemSchema>;
export type PriceItemInput = z.input<typeof priceItemSchema>;

/**
 * What an estimator rounds when no increment is set on the item: crew hours to the quarter hour,
 * ready-mix to the quarter yard (how it is ordered). Everything else is priced as computed.
 */
export const DEFAULT_INCREMENTS: { category: PriceCategory; unit: PriceUnit; increment: number }[] =
  [
    { category: 'labor', unit: 'hour', increment: 0.25 },
    { category: 'concrete', unit: 'yd3', increment: 0.25 },
  ];

/** The increment a line's quantity is rounded up to (0 = not rounded). */
export function effectiveIncrement(it: Pick<PriceItem, 'category' | 'unit' | 'increment'>): number {
  if (it.increment !== undefined) return it.increment;
  return (
    DEFAULT_INCREMENTS.find((d) => d.category === it.category && d.unit === it.unit)?.increment ?? 0
  );
}

/**
 * Travel is a trip to the site, so a book that does not say prices it once per job; everything
 * else once per sign. For a one-sign job both are the same, so old books price as they did.
 */
export function effectivePer(it: Pick<PriceItem, 'category' | 'per'>): PricePer {
  if (!JOB_CATEGORIES.includes(it.category)) return 'sign';
  return it.per ?? (it.category === 'travel' ? 'job' : 'sign');
}

/** Codes must be unique within a book; the message names the row (1-based, as on screen). */
export const priceItemsSchema = z
  .array(priceItemSchema)
  .min(1, { message: 'A price book needs at least one item' })
  .max(500, { message: 'A price book can have at most 500 items' })
  .superRefine((items, ctx) => {
    const seen = new Map<string, number>();
    items.forEach((it, i) => {
      const first = seen.get(it.code);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'code'],
          message: `Code ${it.code} is used twice (rows ${first + 1} and ${i + 1})`,
        });
      else seen.set(it.code, i);
    });
  });

export const isoDateSchema = (label: string) =>
  z
    .string({ error: `${label} must be a date` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label} must be a date like 2026-03-01` })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), {
      message: `${label} must be a real calendar date`,
    });

export const saveVersionSchema = z.object({
  effectiveDate: isoDateSchema('Effective date'),
  note: text('Version note', { max: 500 }).default(''),
  items: priceItemsSchema,
});
export type SaveVersionInput = z.input<typeof saveVersionSchema>;

export const versionSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  effectiveDate: z.string(),
  note: z.string(),
  source: z.enum(['seed', 'edit', 'import']),
  createdAt: z.string(),
  createdBy: z.string(),
  itemCount: z.number().int(),
  /** the version quotes are priced with today */
  current: z.boolean(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const priceBookVersionSchema = versionSummarySchema.extend({
  items: z.array(
    z.object({
      code: z.string(),
      category: z.enum(PRICE_CATEGORIES),
      name: z.string(),
      unit: z.enum(PRICE_UNITS),
      price: z.number().int(),
      match: z.string(),
      fixed: z.number(),
      perPole: z.number(),
      perYd3: z.number(),
      perFt2: z.number(),
      increment: z.number().optional(),
      per: z.enum(PRICE_PER).optional(),
    }),
  ),
});
export type PriceBookVersion = z.infer<typeof priceBookVersionSchema>;

/** The CSV columns, in order (export writes them; import requires them by name). */
export const CSV_COLUMNS = [
  'code',
  'category',
  'name',
  'unit',
  'price',
  'match',
  'fixed',
  'per_pole',
  'per_yd3',
  'per_ft2',
  'increment',
  'per',
] as const;
/**
 * Columns an import may leave out (older exports): an empty or missing increment or per = the
 * category's default.
 */
export const OPTIONAL_CSV_COLUMNS: readonly string[] = ['increment', 'per'];

/**
 * "12.34" -> 1234 exactly (no float multiply): dollars to cents, or percent to basis points.
 * Returns null for anything that is not a plain non-negative decimal with at most 2 decimals.
 */
export function decimalToMinor(s: string): number | null {
  const m = /^\s*(\d{1,10})(?:\.(\d{0,2}))?\s*$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1234 -> "12.34" (cents to dollars, basis points to percent). */
export function minorToDecimal(v: number): string {
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** One row of the price book editor: the price typed as dollars (or percent), kept exact. */
export const priceItemFormSchema = z
  .object({
    code: z.string(),
    category: z.string(),
    name: z.string(),
    unit: z.string(),
    price: z.string({ error: 'Price must be text' }),
    match: z.string().default(''),
    fixed: z.coerce.number<string | number>({ error: 'Fixed quantity must be a number' }),
    perPole: z.coerce.number<string | number>({ error: 'Quantity per pole must be a number' }),
    perYd3: z.coerce.number<string | number>({ error: 'Quantity per yd³ must be a number' }),
    perFt2: z.coerce.number<string | number>({ error: 'Quantity per ft² must be a number' }),
    /** '' = the category's default increment */
    increment: z.string().default(''),
    /** '' = the category's default (effectivePer) */
    per: z.string().default(''),
  })
  .superRefine((v, ctx) => {
    if (v.increment.trim() !== '' && !Number.isFinite(Number(v.increment)))
      ctx.addIssue({
        code: 'custom',
        path: ['increment'],
        message: 'Round to must be a number, 0 or more (empty: the default)',
      });
    if (decimalToMinor(v.price) === null)
      ctx.addIssue({
        code: 'custom',
        path: ['price'],
        message: 'Price must be a number, 0 or more, with at most 2 decimals',
      });
  })
  .transform((v, ctx) => {
    const { increment, per, ...rest } = v;
    const r = priceItemSchema.safeParse({
      ...rest,
      price: decimalToMinor(v.price) ?? 0,
      ...(increment.trim() !== '' ? { increment: Number(increment) } : {}),
      ...(per.trim() !== '' ? { per: per.trim() } : {}),
    });
    if (r.success) return r.data;
    for (const i of r.error.issues)
      ctx.addIssue({ code: 'custom', path: i.path as PropertyKey[], message: i.message });
    return z.NEVER;
  });
export type PriceItemForm = z.input<typeof priceItemFormSchema>;

export const priceBookFormSchema = z.object({
  effectiveDate: isoDateSchema('Effective date'),
  note: text('Version note', { max: 500 }).default(''),
  items: z.array(priceItemFormSchema).superRefine((items, ctx) => {
    const r = priceItemsSchema.safeParse(items);
    if (!r.success)
      for (const i of r.error.issues)
        ctx.addIssue({ code: 'custom', path: i.path as PropertyKey[], message: i.message });
  }),
});
export type PriceBookForm = z.input<typeof priceBookFormSchema>;

/** An item as the editor shows it (price in dollars or percent). */
export function toItemForm(it: PriceItem): PriceItemForm {
  const { increment, per, ...rest } = it;
  return {
    ...rest,
    price: minorToDecimal(it.price),
    increment: increment === undefined ? '' : String(increment),
    per: per ?? '',
  };
}
