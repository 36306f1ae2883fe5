// Pole in its hole, IBC 2021 1807.3.3 item 1: concrete backfill, "the hole shall be not less than
// 4 inches larger than the diameter of the column at its bottom or 4 inches larger than the
// diagonal of a rectangular or square column". A check like any other: in every option, the
// selection, the diameter -> depth table and the quote's combinations.
import { describe, expect, it } from 'vitest';
import { designVerdict } from '../../src-shared/engine/verdict';
import { computeDesign, evaluateCombination } from '../../src-main/engine';

describe('the hole rule', () => {
  it('a 12 in footing does not take an HSS12.750 (16.75 in needed), a 1.5 ft one does', () => {
    const c12 = evaluateCombination({}, 'HSS12.750x0.500', 1);
    expect(c12.passes).toBe(false);
    expect(c12.governingCheck).toBe('hole');
    // (12.75 + 4) / 12 = 1.396
    expect(c12.governingRatio).toBeCloseTo(16.75 / 12, 4);
    const c18 = evaluateCombination({}, 'HSS12.750x0.500', 1.5);
    expect(c18.passes).toBe(true);
  });

  it('a square pole needs its diagonal + 4 in: HSS12x12 needs 20.97 in, not an 18 in pier', () => {
    const sq = evaluateCombination({}, 'HSS12x12x1/2', 1.5);
    expect(sq.passes).toBe(false);
    expect(sq.governingCheck).toBe('hole');
    expect(sq.governingRatio).toBeCloseTo((12 * Math.SQRT2 + 4) / 18, 4);
    expect(evaluateCombination({}, 'HSS12x12x1/2', 2).passes).toBe(true);
  });

  it('the selection never takes a pole that does not fit, and says why a chosen one fails', () => {
    // a big sign on a 1 ft footing: what passes in strength is too wide for the hole
    const big = { sign: { clearanceFt: 14, cabinets: [{ widthFt: 12, heightFt: 6 }] } };
    const r = computeDesign({ ...big, foundation: { diameterFt: 1 } });
    for (const o of r.poles.options) {
      if (o.passes) expect(o.ratios.hole!).toBeLessThanOrEqual(1);
    }
    const wide = r.poles.options.find((o) => o.designation === 'HSS12.750x0.500')!;
    expect(wide.ratios.hole).toBeCloseTo(16.75 / 12, 4);
    expect(wide.passes).toBe(false);
    const holeCheck = r.checks.find((c) => c.id === 'pole.hole')!;
    expect(holeCheck.codeRef).toBe('IBC 2021 1807.3.3 item 1');
    if (!r.poles.selected) {
      expect(r.warnings.find((w) => w.code === 'pole.none-passes')!.message).toMatch(
        /larger footing/,
      );
      expect(designVerdict(r).status).toBe('fails');
    } else {
      expect(holeCheck.passes).toBe(true);
    }
    const chosen = computeDesign({
      ...big,
      foundation: { diameterFt: 1.5 },
      supports: { designation: 'HSS12x12x1/2' },
    });
    expect(chosen.summary.pole.designation).not.toBe('HSS12x12x1/2');
    expect(chosen.warnings.find((w) => w.code === 'pole.designation-failed')!.message).toMatch(
      /fails the hole rule/,
    );
  });

  it('the diameter -> depth table starts at the smallest diameter the selected pole fits', () => {
    const r = computeDesign({
      foundation: { diameterFt: 2.5 },
      supports: { designation: 'HSS12x12x1/2' },
    });
    expect(r.summary.pole.designation).toBe('HSS12x12x1/2');
    // 20.97 in: 1.5 ft (18 in) is out, 2 ft (24 in) is the first that fits
    expect(r.foundation.diameterTable[0].diameterFt).toBe(2);
    expect(r.foundation.minDiameterFt).toBeCloseTo((12 * Math.SQRT2 + 4) / 12, 4);
    const small = computeDesign({});
    expect(small.foundation.diameterTable[0].diameterFt).toBe(1.5);
    expect(small.steps.find((s) => s.id === 'pole.hole')!.codeRef).toBe('IBC 2021 1807.3.3 item 1');
  });
});
