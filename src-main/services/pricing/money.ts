/**
 * Integer money arithmetic (README.md "Rounding"). Quantities are fixed to thousandths first, so
 * every product below is an integer product and every division is rounded exactly once, half
 * away from zero. No float ever accumulates cents.
 */

/** Integer division n / d rounded half away from zero (d > 0). */
export function divRound(n: number, d: number): number {
  const a = Math.abs(n);
  const q =
    a * 2 + d <= Number.MAX_SAFE_INTEGER
      ? Math.floor((a * 2 + d) / (2 * d))
      : Number((BigInt(a) * 2n + BigInt(d)) / (2n * BigInt(d)));
  return n < 0 ? -q : q;
}

/** A quantity fixed to 0.001 unit, as an integer number of thousandths (half away from zero). */
export function toMilli(qty: number): number {
  const q = Math.round(Math.abs(qty) * 1000 + 1e-7);
  return qty < 0 ? -q : q;
}

/** The quantity as priced (its thousandths, back as a number). */
export function fixQty(qty: number): number {
  return toMilli(qty) / 1000;
}

/** qty × unit price, rounded once to the cent. */
export function lineAmount(qty: number, unitCents: number): number {
  return divRound(toMilli(qty) * unitCents, 1000);
}

/** base × percent, percent in basis points (1 % = 100), rounded once to the cent. */
export function percentOf(baseCents: number, bp: number): number {
  return divRound(baseCents * bp, 10_000);
}

/** The margin amount that makes (cost + m) carry margin bp of the price: cost·bp/(10000 − bp). */
export function marginOn(costCents: number, bp: number): number {
  return divRound(costCents * bp, 10_000 - bp);
}

/** Percent as a number (8.25) -> basis points (825). */
export function pctToBp(pct: number): number {
  return Math.round(pct * 100);
}

/**
 * qty rounded UP to a multiple of `inc` (crew hours to 0.25 h): exact on thousandths, so 3.75 h
 * stays 3.75 and 3.751 becomes 4.00.
 */
export function roundUpTo(qty: number, inc: number): number {
  const q = toMilli(qty);
  const i = toMilli(inc);
  if (i <= 0) return fixQty(qty);
  return (Math.ceil(q / i) * i) / 1000;
}
