import { describe, expect, it } from 'vitest';
import cfFixture from '../../../test/engine/fixtures/cf_figure_29_3_1.json';
import kzFixture from '../../../test/engine/fixtures/kz_table.json';
import {
  cfCaseAB,
  cfCaseCRegions,
  poleCfRound,
  poleCfSquare,
  returnCornerFactor,
  solidityReductionFactor,
} from './force-coefficient';
import {
  forceEquationKd,
  groundElevationFactor,
  velocityPressure,
  velocityPressureExposureCoefficient as kz,
} from './velocity-pressure';

describe('Kz, ASCE 7 Table 26.10-1', () => {
  it('7-16 power law reproduces the printed table within 0.01 (all 22 heights, B/C/D)', () => {
    for (const r of kzFixture.rows) {
      expect(Math.abs(kz('ASCE7-16', 'B', r.z) - r.B716)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(kz('ASCE7-16', 'C', r.z) - r.C716)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(kz('ASCE7-16', 'D', r.z) - r.D716)).toBeLessThanOrEqual(0.01);
    }
  });
  it('7-22 power law (2.41, new alpha/zg) reproduces the tabulated values within 0.001', () => {
    for (const r of kzFixture.rows) {
      expect(Math.abs(kz('ASCE7-22', 'B', r.z) - r.B722)).toBeLessThanOrEqual(0.0006);
      expect(Math.abs(kz('ASCE7-22', 'C', r.z) - r.C722)).toBeLessThanOrEqual(0.0006);
      expect(Math.abs(kz('ASCE7-22', 'D', r.z) - r.D722)).toBeLessThanOrEqual(0.0006);
    }
  });
  it('takes z no lower than 15 ft', () => {
    for (const ed of ['ASCE7-16', 'ASCE7-22'] as const) {
      expect(kz(ed, 'B', 0)).toBe(kz(ed, 'B', 15));
      expect(kz(ed, 'C', 7)).toBe(kz(ed, 'C', 15));
    }
  });
});

describe('velocity pressure, Eq. 26.10-1 and Kd applied once', () => {
  it('7-16 puts Kd in qz, 7-22 in the force equation: same product', () => {
    const q16 = velocityPressure('ASCE7-16', 0.9, 1, 0.85, 1, 115);
    const q22 = velocityPressure('ASCE7-22', 0.9, 1, 0.85, 1, 115);
    expect(q16).toBeCloseTo(0.00256 * 0.9 * 0.85 * 115 * 115, 10);
    expect(q22).toBeCloseTo(0.00256 * 0.9 * 115 * 115, 10);
    expect(q16 * forceEquationKd('ASCE7-16', 0.85)).toBeCloseTo(
      q22 * forceEquationKd('ASCE7-22', 0.85),
      10,
    );
  });
  it('Ke = e^(-0.0000362 zg), Table 26.9-1 values', () => {
    expect(groundElevationFactor(0)).toBe(1);
    expect(groundElevationFactor(1000)).toBeCloseTo(0.96, 2);
    expect(groundElevationFactor(3000)).toBeCloseTo(0.9, 2);
    expect(groundElevationFactor(6000)).toBeCloseTo(0.8, 2);
    expect(groundElevationFactor(-200)).toBe(1);
  });
});

describe('Cf, Figure 29.3-1', () => {
  it('returns every Case A/B grid value exactly', () => {
    for (const p of cfFixture.caseAB) expect(cfCaseAB(p.sOverH, p.bOverS)).toBeCloseTo(p.cf, 12);
  });
  it('interpolates bilinearly between grid points and clamps at the edges', () => {
    // W02: s/h 0.229, B/s 12.5 -> 1.848
    expect(cfCaseAB(8 / 35, 12.5)).toBeCloseTo(1.8482, 4);
    expect(cfCaseAB(0.05, 0.01)).toBe(1.95);
    expect(cfCaseAB(1.2, 100)).toBe(1.3);
    expect(cfCaseAB(0.6, 1)).toBeCloseTo((1.75 + 1.65) / 2, 12);
  });
  it('returns the Case C grid values at each tabulated B/s', () => {
    for (const p of cfFixture.caseC) {
      const regions = cfCaseCRegions(p.bOverS, 0.2, 0);
      const r = regions.find((x) => x.from === p.from);
      expect(r, `B/s ${p.bOverS} region ${p.from}`).toBeDefined();
      expect(r!.cf).toBeCloseTo(p.cf, 12);
    }
  });
  it('applies the return-corner factor to starred values and (1.8 - s/h) above 0.8', () => {
    expect(returnCornerFactor(0)).toBe(1);
    expect(returnCornerFactor(0.3)).toBe(0.9);
    expect(returnCornerFactor(5)).toBe(0.6);
    // W03: 4.30 x 0.60 x (1.8 - 1.0) = 2.064
    expect(cfCaseCRegions(689 / 6.6, 1, 1821.3 / 6.6)[0].cf).toBeCloseTo(2.064, 10);
    // W02: 3.958 x 0.9167 = 3.6285
    expect(cfCaseCRegions(12.5, 8 / 35, 2 / 8)[0].cf).toBeCloseTo(3.6285, 3);
    // B/s = 4 region 0-s is not starred
    expect(cfCaseCRegions(4, 0.2, 2)[0].cf).toBe(2.9);
  });
  it('solidity reduction 1 - (1 - eps)^1.5', () => {
    expect(solidityReductionFactor(1)).toBe(1);
    expect(solidityReductionFactor(0.7)).toBeCloseTo(1 - Math.pow(0.3, 1.5), 12);
  });
});

describe('pole Cf, Figure 29.4-1', () => {
  it('round: columns by D sqrt(qz), interpolated in h/D; force never drops at the step', () => {
    expect(poleCfRound(1, 0.5, 4)).toBe(0.7); // D sqrt(qz) = 1 <= 2.5
    expect(poleCfRound(25, 0.5, 4)).toBe(1.2);
    expect(poleCfRound(7, 2, 100)).toBe(0.6); // 20 > 2.5, far past the step
    let prev = 0;
    for (let q = 5; q < 80; q += 0.25) {
      const f = poleCfRound(30, 0.5, q) * q;
      expect(f).toBeGreaterThanOrEqual(prev - 1e-9);
      prev = f;
    }
  });
  it('square: 1.3 / 1.4 / 2.0', () => {
    expect(poleCfSquare(1)).toBe(1.3);
    expect(poleCfSquare(7)).toBe(1.4);
    expect(poleCfSquare(40)).toBe(2.0);
  });
});
