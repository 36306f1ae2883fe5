/**
 * The one place numbers, money, units and dates become text, for the renderer, the PDFs and the
 * CLI alike. Built on Intl with cached formatters (an Intl.NumberFormat costs far more to build
 * than to use). US English throughout: the app quotes in US dollars and US customary units.
 *
 * Two kinds of rounding live here, on purpose:
 * - `fixed()` is `Number.prototype.toFixed` (it rounds the binary value: 1.005 -> "1.00"). Engine
 *   output (calc step labels, the calc sheet, the calc report) uses it so its text stays
 *   byte-identical to what was always printed and saved.
 * - everything else goes through Intl, which rounds the decimal value half away from zero
 *   (1.005 -> "1.01"), as a person reading the number expects.
 * A value that is not a finite number prints as a dash, never "NaN" or "Infinity".
 */

export const DASH = '—';

const LOCALE = 'en-US';
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(key: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = numberFormats.get(key);
  if (!f) {
    // 'negative': -0 and values that round to zero print without a sign ("0.0", not "-0.0")
    f = new Intl.NumberFormat(LOCALE, { signDisplay: 'negative', ...opts });
    numberFormats.set(key, f);
  }
  return f;
}

export interface NumberOpts {
  /** thousands separators (default true): 12,345.6 */
  grouping?: boolean;
  /** drop trailing zeros: 2.50 -> "2.5", 3.000 -> "3" (default false) */
  trim?: boolean;
}

/** A number to `digits` decimals: formatNumber(12345.678, 1) -> "12,345.7". */
export function formatNumber(v: number, digits: number, opts: NumberOpts = {}): string {
  if (!Number.isFinite(v)) return DASH;
  const grouping = opts.grouping ?? true;
  const trim = opts.trim ?? false;
  return numberFormat(`n${digits}${grouping ? 'g' : ''}${trim ? 't' : ''}`, {
    minimumFractionDigits: trim ? 0 : digits,
    maximumFractionDigits: digits,
    useGrouping: grouping,
  }).format(v);
}

/** A whole number with separators: 12345.6 -> "12,346". */
export const formatInteger = (v: number) => formatNumber(v, 0);

/**
 * `v.toFixed(digits)` exactly (its rounding of the binary value included), for engine output that
 * must print as it always has; a non-finite value prints as a dash.
 */
export function fixed(v: number, digits: number): string {
  return Number.isFinite(v) ? v.toFixed(digits) : DASH;
}

/** toFixed then trailing zeros dropped, for quantities as priced: 2.500 -> "2.5" (toFixed rounding). */
export function fixedTrim(v: number, digits: number): string {
  return Number.isFinite(v) ? String(Number(v.toFixed(digits))) : DASH;
}

/** Integer cents as dollars: 1234567 -> "$12,345.67", -350 -> "-$3.50", 0 -> "$0.00". */
export function formatMoney(cents: number): string {
  if (!Number.isFinite(cents)) return DASH;
  const c = Math.round(cents);
  const abs = Math.abs(c);
  // format the exact decimal string: no float division, so a large amount keeps its cents
  const dec = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  const s = numberFormat('usd', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(dec as unknown as number);
  return c < 0 ? `-${s}` : s;
}

/** A signed change in money: "+$12.00", "−$3.50" (a true minus), a dash for none. */
export function formatMoneyDelta(cents: number): string {
  if (!Number.isFinite(cents) || cents === 0) return DASH;
  const s = formatMoney(Math.abs(cents));
  return cents > 0 ? `+${s}` : `−${s}`;
}

/** Basis points as a percent without trailing zeros: 825 -> "8.25 %", 1000 -> "10 %". */
export function formatPercentBp(bp: number): string {
  if (!Number.isFinite(bp)) return DASH;
  return `${formatNumber(bp / 100, 2, { grouping: false, trim: true })} %`;
}

/** Display precision per docs/UX.md: psf 0.1, lb 1, kip-ft 0.01, ft 0.1, ratios 0.01, yd³ 0.01. */
export const units = {
  psf: (v: number) => formatNumber(v, 1),
  lb: (v: number) => formatInteger(v),
  kipFt: (v: number) => formatNumber(v, 2),
  ft: (v: number) => formatNumber(v, 1),
  ratio: (v: number) => formatNumber(v, 2),
  coef: (v: number) => formatNumber(v, 3),
  yd3: (v: number) => formatNumber(v, 2),
};

/**
 * A size in bytes: 512 -> "512 B", 1536 -> "2 KB" (whole KB, rounded up, so a size over a limit
 * never prints as the limit), 5.5 MB -> "5.5 MB".
 */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return DASH;
  if (n < 1024) return `${formatInteger(n)} B`;
  return n >= 1024 * 1024
    ? `${formatNumber(n / 1024 / 1024, 1)} MB`
    : `${formatInteger(Math.ceil(n / 1024))} KB`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The local calendar date (YYYY-MM-DD) of an instant: what a calendar on the user's wall shows.
 * `new Date().toISOString().slice(0, 10)` is the UTC date instead, which is already tomorrow on a
 * US evening. A date-only string ("2026-03-01") is returned as it is; an unreadable value too.
 */
export function localDate(at: Date | string = new Date()): string {
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return typeof at === 'string' ? at : DASH;
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

const whenFormat = new Map<string, Intl.DateTimeFormat>();
function dateFormat(key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = whenFormat.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE, opts);
    whenFormat.set(key, f);
  }
  return f;
}

/** An instant in local time: "Mar 1, 2026, 10:05 AM"; an unreadable value is shown as it is. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat('when', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** A priced quantity to 0.001 without trailing zeros: 2.5 -> "2.5", 12 -> "12" (as priced). */
export const formatQty = (v: number) => fixedTrim(v, 3);

/** The renderer's table formatters: the unit precisions and money. */
export const fmt = { ...units, money: formatMoney };
