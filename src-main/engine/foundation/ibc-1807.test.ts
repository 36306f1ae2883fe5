import { describe, expect, it } from 'vitest';
import {
  concreteYd3,
  nonConstrainedA,
  nonConstrainedDepthAtS1,
  roundUpDepth,
  s1AtDepth,
  soilBearing,
  solveConstrainedDepth,
  solveNonConstrainedDepth,
  solveRoundedDepth,
} from './ibc-1807';

describe('IBC 2021 1806.2 / 1806.3 soil bearing', () => {
  it('class values, the 2x isolated-pole increase and the 15x cap', () => {
    const s = soilBearing({ class: 4 }, true);
    expect([s.tabularPsfPerFt, s.factor, s.designPsfPerFt, s.capPsf]).toEqual([150, 2, 300, 2250]);
    expect(soilBearing({ class: 5 }, false).designPsfPerFt).toBe(100);
    expect(soilBearing({ class: 1 }, true).designPsfPerFt).toBe(2400);
    expect(soilBearing({ geotechPsfPerFt: 250 }, true).designPsfPerFt).toBe(250);
  });
  it('S1 at d/3 with d capped at 12 ft for the pressure (reading 1)', () => {
    const s = soilBearing({ class: 4 }, true);
    expect(s1AtDepth(s, 6)).toBe(600);
    expect(s1AtDepth(s, 30)).toBe(1200);
  });
});

describe('IBC 2021 1807.3.2.1 non-constrained, Eq. 18-1', () => {
  it('d = 0.5 A {1 + [1 + 4.36 h / A]^0.5}', () => {
    const a = nonConstrainedA(1000, 400, 2);
    expect(a).toBeCloseTo(2.925, 10);
    expect(nonConstrainedDepthAtS1(1000, 5, 2, 400)).toBeCloseTo(
      0.5 * a * (1 + Math.sqrt(1 + (4.36 * 5) / a)),
      12,
    );
  });
  it('the solved depth is a fixed point of the equation', () => {
    const soil = soilBearing({ class: 4 }, true);
    const d = solveNonConstrainedDepth(800, 18, 2, soil);
    expect(nonConstrainedDepthAtS1(800, 18, 2, s1AtDepth(soil, d))).toBeCloseTo(d, 9);
  });
  it('reading 1 example from the notes: P 6000, h 20, b 2, S 2 x 100 -> 18.9 ft', () => {
    const d = solveNonConstrainedDepth(6000, 20, 2, soilBearing({ class: 5 }, true));
    expect(d).toBeCloseTo(18.9, 1);
  });
  it('is monotone: more load deeper, smaller diameter deeper', () => {
    const soil = soilBearing({ class: 3 }, true);
    let prev = 0;
    for (let p = 100; p < 20000; p *= 1.07) {
      const d = solveNonConstrainedDepth(p, 10, 2, soil);
      expect(d).toBeGreaterThanOrEqual(prev);
      prev = d;
    }
    prev = Infinity;
    for (let b = 1; b <= 8; b += 0.25) {
      const d = solveRoundedDepth(false, 3000, 10, b, soil, 0.5);
      expect(d).toBeLessThanOrEqual(prev);
      prev = d;
    }
  });
  it('rounds up to the increment, agreeing with ceil of the solved depth', () => {
    const soil = soilBearing({ class: 4 }, true);
    for (let p = 200; p < 5000; p += 137) {
      const d = solveNonConstrainedDepth(p, 12, 2.5, soil);
      expect(solveRoundedDepth(false, p, 12, 2.5, soil, 0.5)).toBe(roundUpDepth(d, 0.5));
    }
    expect(roundUpDepth(6.21, 0.5)).toBe(6.5);
    expect(roundUpDepth(6.0, 0.5)).toBe(6);
  });
});

describe('IBC 2021 1807.3.2.2 constrained, Eq. 18-2', () => {
  it('d^2 = 4.25 P h / (S3 b) with S3 at depth d', () => {
    const soil = soilBearing({ class: 4 }, true);
    const d = solveConstrainedDepth(2000, 10, 2, soil);
    expect(d * d).toBeCloseTo((4.25 * 2000 * 10) / (300 * d * 2), 8);
  });
});

describe('concrete volume', () => {
  it('pi/4 b^2 d / 27 with waste', () => {
    expect(concreteYd3(3, 4, 0)).toBeCloseTo(1.0472, 4);
    expect(concreteYd3(2, 6, 0.1)).toBeCloseTo(0.698 * 1.1, 3);
  });
});
