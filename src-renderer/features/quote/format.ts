import type { QuoteStatus } from '../../../src-shared/quotes';

/** Quantities as priced (to 0.001), without trailing zeros. */
export const qty = (v: number) => String(Number(v.toFixed(3)));
/** Basis points as a percent: 825 -> "8.25 %". */
export const pct = (bp: number) => `${Number((bp / 100).toFixed(2))} %`;
/** A signed change in money: "+$12.00", "−$3.50", "—" for none. */
export function delta(cents: number): string {
  if (cents === 0) return '—';
  const s = (Math.abs(cents) / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });
  return cents > 0 ? `+${s}` : `−${s}`;
}
/** Existing badge colours: sent reads like submitted, declined and expired like a failure. */
export const STATUS_BADGE: Record<QuoteStatus, string> = {
  draft: 'draft',
  sent: 'submitted',
  accepted: 'accepted',
  declined: 'rejected',
  expired: 'fail',
};
