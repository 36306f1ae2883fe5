import type {
  DesignFacts,
  LineOverride,
  ManualLine,
  PricedJob,
  PricedSign,
  QuoteLine,
  QuoteSettings,
  SignSettings,
} from '../../../src-shared/quotes';
import { effectivePer, jobSignMetaSchema } from '../../../src-shared/quotes';
import { AppError } from '../../../src-shared/errors';
import { fixQty, lineAmount } from './money';
import { generateLines, indexBook, measureOf, type Measure } from './lines';
import { totalsOf, type BookRef, type PricingInput } from './price-quote';

/**
 * Prices a job: a sign schedule, one price book version, one set of quote settings (README.md
 * "Jobs"). Pure, like priceQuote, and built from the same line generator: each sign's per-sign
 * items on its own design, multiplied by its quantity; the once-per-job items on the job's sums;
 * then contingency, markup, discount and tax once on the job's lines, each rounded once. A job of
 * one sign with quantity 1 gives priceQuote's lines and total.
 */

export interface JobSignInput {
  signId: string;
  mark: string;
  name?: string;
  /** 1..999: a sign × 2 is two of everything that sign needs */
  quantity: number;
  /** from the sign's chosen design revision (factsFromRevision) */
  design: DesignFacts;
  /** what this sign sets instead of the job's settings (cabinet type, faces, illuminated) */
  settings?: SignSettings;
  /** keyed by line code, on this sign's lines (a quantity is per sign, before × quantity) */
  overrides?: Record<string, LineOverride>;
  /** this sign's manual lines, per sign (× quantity like its generated lines) */
  manualLines?: readonly ManualLine[];
}

export interface JobPricingInput {
  /** in schedule order */
  signs: readonly JobSignInput[];
  book: BookRef;
  settings: QuoteSettings;
  /** keyed by line code, on the once-per-job lines */
  overrides?: Record<string, LineOverride>;
  /** the job's own manual lines (priced once) */
  manualLines?: readonly ManualLine[];
}

/** Refuses a bad schedule with one message per field, naming the sign (row = schedule order). */
function checkSigns(signs: readonly JobSignInput[]): void {
  const fields: Record<string, string> = {};
  if (!signs.length) fields['signs'] = 'A job needs at least one sign to price';
  const seen = new Map<string, number>();
  signs.forEach((s, i) => {
    const who = `Sign ${i + 1}${s.mark ? ` (${s.mark})` : ''}`;
    const r = jobSignMetaSchema.safeParse(s);
    if (!r.success)
      for (const issue of r.error.issues)
        fields[`signs.${i}.${issue.path.join('.')}`] = `${who}: ${issue.message}`;
    const first = seen.get(s.signId);
    if (first !== undefined)
      fields[`signs.${i}.signId`] =
        `${who}: the sign is listed twice (signs ${first + 1} and ${i + 1})`;
    else seen.set(s.signId, i);
  });
  const msgs = Object.values(fields);
  if (msgs.length)
    throw new AppError('VALIDATION', `The job cannot be priced: ${msgs.join('; ')}`, fields);
}

/** A sign's line for `qty` signs: the quantity multiplied, the amount rounded once on it. */
function times(l: QuoteLine, qty: number): QuoteLine {
  if (qty === 1) return l;
  const quantity = fixQty(l.quantity * qty);
  return {
    ...l,
    quantity,
    amountCents: lineAmount(quantity, l.unitPriceCents),
    basis: `${l.basis}; × ${qty} signs (${fixQty(l.quantity)} ${l.unit} each)`,
  };
}

/**
 * `total` split in proportion to `weights`, in whole cents by largest remainder (ties: the
 * earlier bucket), so the shares add up to `total` exactly. null when a weight is negative or
 * the weights add up to nothing while there is something to split (no fair split).
 */
export function splitCents(total: number, weights: readonly number[]): number[] | null {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map(() => 0);
  if (sum <= 0 || weights.some((w) => w < 0)) return null;
  const sign = total < 0 ? -1 : 1;
  const t = BigInt(Math.abs(total));
  const s = BigInt(sum);
  const shares = weights.map((w) => (t * BigInt(w)) / s);
  const rem = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % s }));
  let left = Number(t - shares.reduce((a, b) => a + b, 0n));
  rem.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (let k = 0; left > 0; k++, left--) shares[rem[k].i] += 1n;
  return shares.map((x) => sign * Number(x));
}

const sumOf = (lines: readonly QuoteLine[], pick: (l: QuoteLine) => boolean = () => true) =>
  lines.reduce((a, l) => (pick(l) ? a + l.amountCents : a), 0);

export function priceJob(input: JobPricingInput): PricedJob {
  checkSigns(input.signs);
  const { book, settings } = input;
  const idx = indexBook(book.items);
  const signCount = input.signs.reduce((a, s) => a + s.quantity, 0);
  const job: Measure = { poles: 0, yd3: 0, ft2: 0, topFt: 0 };
  let anyLit = false;

  const signs = input.signs.map((sign): Omit<PricedSign, 'priceCents'> => {
    const s: QuoteSettings = { ...settings };
    for (const [k, v] of Object.entries(sign.settings ?? {}))
      if (v !== undefined) Object.assign(s, { [k]: v });
    anyLit ||= s.illuminated;
    const m = measureOf(sign.design);
    const q = sign.quantity;
    job.poles += q * m.poles;
    job.yd3 += q * m.yd3;
    job.ft2 += q * m.ft2;
    job.topFt = Math.max(job.topFt, m.topFt);
    const run = generateLines({
      facts: sign.design,
      measure: m,
      idx,
      settings: s,
      overrides: sign.overrides ?? {},
      manualLines: sign.manualLines ?? [],
      scope: 'sign',
      signCount,
    });
    const lines = run.lines.map((l) => times(l, q));
    const byGroup = { materials: 0, labor: 0, equipment: 0, fees: 0 };
    for (const l of lines) byGroup[l.group] += l.amountCents;
    return {
      signId: sign.signId,
      mark: sign.mark,
      name: sign.name ?? '',
      quantity: q,
      label: [sign.mark, sign.name].filter(Boolean).join(' ') + (q > 1 ? ` × ${q}` : ''),
      design: sign.design,
      lines,
      byGroup,
      subtotalCents: sumOf(lines),
      taxableCents: sumOf(lines, (l) => l.taxable),
      warnings: run.warnings.map((w) => `${sign.mark}: ${w}`),
    };
  });

  const jobRun = generateLines({
    facts: null,
    measure: job,
    idx,
    // a once-per-job item for lit signs (Match illuminated) applies when any sign is lit
    settings: { ...settings, illuminated: anyLit },
    overrides: input.overrides ?? {},
    manualLines: input.manualLines ?? [],
    scope: 'job',
    signCount,
  });
  const jobLines = jobRun.lines;
  const totals = totalsOf([...signs.flatMap((s) => s.lines), ...jobLines], idx.byCode, settings);

  // Each sign's price: its share of the job's price before tax (by cost) plus its share of the
  // tax (by taxable cost); the job lines are one more share. Shares add up to the total exactly.
  const beforeTax = totals.totalCents - totals.taxCents;
  const jobSubtotal = sumOf(jobLines);
  const pre = splitCents(beforeTax, [...signs.map((s) => s.subtotalCents), jobSubtotal]);
  const tax = splitCents(totals.taxCents, [
    ...signs.map((s) => s.taxableCents),
    sumOf(jobLines, (l) => l.taxable),
  ]);
  const share = (i: number) => (pre && tax ? pre[i] + tax[i] : null);

  return {
    priceBookVersionId: book.id,
    priceBookVersionNumber: book.number,
    settings,
    signs: signs.map((s, i) => ({ ...s, priceCents: share(i) })),
    jobLines,
    jobLinesSubtotalCents: jobSubtotal,
    jobLinesPriceCents: share(signs.length),
    signCount,
    totals,
    warnings: [
      ...signs.flatMap((s) => s.warnings),
      ...jobRun.warnings.map((w) => `Job lines: ${w}`),
    ],
  };
}

/**
 * A one-design quote's input as a job of one sign × 1 (old quotes regenerate the same): the
 * overrides of once-per-job lines become job overrides, the rest stay on the sign; the manual
 * lines stay on the sign.
 */
export function jobFromQuote(
  input: PricingInput,
  sign: { signId: string; mark: string; name?: string },
): JobPricingInput {
  const jobCodes = new Set(
    input.book.items.filter((it) => effectivePer(it) === 'job').map((it) => it.code),
  );
  const signOverrides: Record<string, LineOverride> = {};
  const jobOverrides: Record<string, LineOverride> = {};
  for (const [code, o] of Object.entries(input.overrides ?? {}))
    (jobCodes.has(code) ? jobOverrides : signOverrides)[code] = o;
  return {
    signs: [
      {
        ...sign,
        quantity: 1,
        design: input.facts,
        overrides: signOverrides,
        manualLines: input.manualLines ?? [],
      },
    ],
    book: input.book,
    settings: input.settings,
    overrides: jobOverrides,
    manualLines: [],
  };
}
