import type { Revision } from '../../../src-shared/designs';
import { passesExceptHole, type CombinationResult } from '../../../src-shared/engine';
import type { Alternative, ManualLine, QuoteSettings } from '../../../src-shared/quotes';
import { combinationFloor, evaluateCombination } from '../../engine';
import { factsFromCombination, factsFromRevision } from './facts';
import { priceQuote, type BookRef } from './price-quote';

/**
 * Ranks (passing pole section × footing diameter) pairs of a design by installed cost and returns
 * the cheapest `limit`. Exact, with pruning (README.md "Alternatives"): the footing for a section
 * is never shallower than the engine's combinationFloor (the sign wind alone at the rigid G, the
 * smallest share any section gets: pole wind and a flexible Gf only add shear and moment, and the
 * IBC 1807.3.2.1 depth grows with both), and the price never falls as the depth grows. So pricing
 * each pair at that depth is a lower bound; pairs are evaluated by the engine in lower-bound order
 * (a frontier per diameter, sections sorted once) until the next bound exceeds the k-th best
 * exact total. A pair whose pole does not fit its hole (IBC 1807.3.3 item 1) fails in the engine
 * and is never listed; a section that fails only that rule at the design's diameter is still a
 * candidate for the larger ones.
 */
export function rankAlternatives(
  rev: Revision,
  book: BookRef,
  settings: QuoteSettings,
  manualLines: readonly ManualLine[],
  limit = 5,
): {
  currentTotalCents: number;
  evaluated: number;
  candidates: number;
  alternatives: Alternative[];
} {
  const base = factsFromRevision(rev);
  const price = (c: CombinationResult) =>
    priceQuote({ facts: factsFromCombination(base, c), book, settings, manualLines }).totals
      .totalCents;
  const currentTotal = priceQuote({ facts: base, book, settings, manualLines }).totals.totalCents;
  const passing = rev.result.poles.options.filter((o) => passesExceptHole(o));
  const diameters = [
    ...new Set([...rev.result.foundation.diameterTable.map((r) => r.diameterFt), base.diameterFt]),
  ].sort((a, b) => a - b);
  if (!passing.length)
    return { currentTotalCents: currentTotal, evaluated: 0, candidates: 0, alternatives: [] };

  const floor = new Map(
    diameters.map((d) => [d, combinationFloor(rev.input, passing[0].designation, d)]),
  );
  const lbOf = (o: (typeof passing)[number], d: number) =>
    price({
      ...floor.get(d)!,
      designation: o.designation,
      family: o.family,
      weightPlf: o.weightPlf,
      passes: true,
    });
  // For one diameter the bound differs between sections only by (length × steel cost per foot),
  // so the order of sections by their bound is the same at every diameter: sort them once.
  const d0 = diameters[0];
  const order = passing
    .map((o) => ({ o, k: lbOf(o, d0) }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.o);
  // one frontier per diameter; always expand the pair with the lowest bound
  const frontier = diameters.map((d) => ({ d, i: 0, lb: lbOf(order[0], d) }));

  const best: { c: CombinationResult; total: number }[] = [];
  let evaluated = 0;
  for (;;) {
    let f = frontier[0];
    for (const x of frontier) if (x.lb < f.lb) f = x;
    if (!Number.isFinite(f.lb)) break;
    // +2 cents: per-line rounding may put a bound a cent or two above the exact total
    if (best.length >= limit && f.lb > best[limit - 1].total + 2) break;
    const c = evaluateCombination(rev.input, order[f.i].designation, f.d);
    evaluated++;
    f.i++;
    f.lb = f.i < order.length ? lbOf(order[f.i], f.d) : Infinity;
    if (!c.passes) continue;
    const total = price(c);
    best.push({ c, total });
    best.sort(
      (a, b) =>
        a.total - b.total || a.c.weightPlf - b.c.weightPlf || a.c.diameterFt - b.c.diameterFt,
    );
    if (best.length > limit) best.pop();
  }
  return {
    currentTotalCents: currentTotal,
    evaluated,
    candidates: passing.length * diameters.length,
    alternatives: best.map(({ c, total }, i) => ({
      rank: i + 1,
      designation: c.designation,
      family: c.family,
      weightPlf: c.weightPlf,
      governingRatio: c.governingRatio,
      diameterFt: c.diameterFt,
      depthFt: c.depthFt,
      concreteYd3: c.concreteYd3,
      totalCents: total,
      deltaCents: total - currentTotal,
      current: c.designation === base.designation && c.diameterFt === base.diameterFt,
    })),
  };
}
