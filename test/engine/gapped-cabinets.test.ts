// Cabinets stacked with gaps (ASCE 7 Fig. 29.3-1 note 2): one sign with openings. As = the gross
// outline (cabinets + each gap over the narrower cabinet it separates), eps = solid / gross, Cf
// times 1 - (1 - eps)^1.5; eps < 0.7 is an open sign (29.4), refused naming the field.
import { describe, expect, it } from 'vitest';
import { parseDesignInput, signOutline } from '../../src-shared/engine';
import { computeDesign } from '../../src-main/engine';

const cab = (w: number, h: number) => ({ widthFt: w, heightFt: h, weightPsf: 10 });

/** Worked example: two 8 ft x 4 ft cabinets with a 2 ft gap, clearance 10 ft, one pole. */
const GAPPED = {
  standard: 'ASCE7-22',
  site: { windSpeedMph: 115, exposure: 'C' },
  sign: { clearanceFt: 10, cabinets: [cab(8, 4), cab(8, 4)], gapsFt: [2] },
  options: { includePoleWind: false },
} as const;

describe('gapped cabinets, worked by hand', () => {
  const r = computeDesign(GAPPED);

  it('reproduces As, eps, the reduction and F', () => {
    // Outline: faces 2 x 8 x 4 = 64 ft2, gap opening 2 x min(8, 8) = 16 ft2: As = 80 ft2 (note 2).
    expect(r.wind.outline).toEqual({
      cabinetAreaFt2: 64,
      gapAreaFt2: 16,
      grossAreaFt2: 80,
      solidity: 0.8,
    });
    expect(r.summary.signAreaFt2).toBe(80);
    // eps = 64 / 80 = 0.80; reduction 1 - (1 - 0.80)^1.5 = 1 - 0.0894 = 0.9106 (note 2).
    expect(r.wind.solidityFactor).toBeCloseTo(1 - Math.pow(0.2, 1.5), 4);
    // s = 4 + 2 + 4 = 10 ft, h = 20 ft, B = As / s = 8 ft (note 3): B/s = 0.8, s/h = 0.5 ->
    // Cf = 1.75 (row s/h = 0.5 is 1.75 at both B/s = 0.5 and 1). Case C needs B/s >= 2: none.
    expect(r.wind.signHeightFt).toBe(10);
    expect(r.wind.averageWidthFt).toBe(8);
    expect(r.summary.cf).toBe(1.75);
    expect(r.wind.caseCApplies).toBe(false);
    // Kh (7-22, C) = 2.41 (20 / 2460)^(2/9.8) = 0.9026; qh = 0.00256 x 0.9026 x 115^2 = 30.56 psf
    const qh = 0.00256 * 2.41 * Math.pow(20 / 2460, 2 / 9.8) * 115 * 115;
    expect(r.summary.qhPsf).toBeCloseTo(qh, 2);
    // F = qh Kd G Cf (1 - (1 - eps)^1.5) As = 30.56 x 0.85 x 0.85 x 1.75 x 0.9106 x 80 = 2,815 lb
    const f = qh * 0.85 * 0.85 * 1.75 * (1 - Math.pow(0.2, 1.5)) * 80;
    expect(r.summary.signForceLb).toBeCloseTo(f, 1);
    // the defect: the net faces without the reduction gave qh Kd G Cf 64 = 2,473 lb, 12 % low
    const old = qh * 0.85 * 0.85 * 1.75 * 64;
    expect(f / old).toBeCloseTo(1.138, 3);
    // resultant at the outline's centroid: (32 x 12 + 16 x 15 + 32 x 18) / 80 = 15 ft (note 3)
    expect(r.wind.cases[0].resultantHeightFt).toBe(15);
    // Case B torque 0.2 B F = 1.6 F; one pole: V = 0.6 F, T = 0.6 x 1.6 F
    expect(r.summary.groundlineShearLb).toBeCloseTo(0.6 * f, 1);
    expect(r.summary.torsionKipFt).toBeCloseTo((0.6 * 1.6 * f) / 1000, 3);
  });

  it('states the outline reading in the steps and the readings', () => {
    const ids = r.steps.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['wind.Acab', 'wind.Agap', 'wind.As', 'wind.eps']));
    expect(r.steps.find((s) => s.id === 'wind.Agap')!.formula).toMatch(/min\(B_i, B_i\+1\)/);
    expect(r.steps.find((s) => s.id === 'wind.eps')!.value).toBe(0.8);
    const reading = r.readings!.find((x) => x.id === 'outline')!;
    expect(reading.text).toMatch(/narrower cabinet/);
    expect(reading.text).toMatch(/B = As \/ s \(the average width/);
  });

  it('cabinets of different widths: the gap counts over the narrower one, B = As / s', () => {
    const d = computeDesign({
      ...GAPPED,
      sign: { clearanceFt: 10, cabinets: [cab(10, 4), cab(6, 3)], gapsFt: [2] },
    });
    // faces 40 + 18 = 58, gap 2 x 6 = 12, As = 70 ft2, s = 9 ft, B = 70 / 9 = 7.778 ft
    expect(d.wind.outline!.grossAreaFt2).toBe(70);
    expect(d.wind.averageWidthFt).toBeCloseTo(70 / 9, 4);
    expect(d.wind.outline!.solidity).toBeCloseTo(58 / 70, 4);
    // the Case B offset uses that average width: T = 0.2 B F
    const b = d.wind.cases.find((c) => c.id === 'B')!;
    expect(b.eccentricityFt).toBeCloseTo((0.2 * 70) / 9, 4);
  });

  it('face openings combine with the gaps: eps = face solidity x faces / As', () => {
    const o = signOutline({ cabinets: [cab(8, 4), cab(8, 4)], gapsFt: [2], solidity: 0.9 });
    expect(o.solidity).toBeCloseTo((0.9 * 64) / 80, 12);
    const d = computeDesign({ ...GAPPED, sign: { ...GAPPED.sign, solidity: 0.9 } });
    expect(d.wind.solidityFactor).toBeCloseTo(1 - Math.pow(1 - 0.72, 1.5), 4);
  });

  it('refuses an open sign (eps < 0.7), naming the gaps and the limit, never passing it', () => {
    // gap 4 ft: opening 32, As = 96, eps = 64 / 96 = 0.667 < 0.7
    const r4 = parseDesignInput({ ...GAPPED, sign: { ...GAPPED.sign, gapsFt: [4] } });
    expect(r4.ok).toBe(false);
    if (r4.ok) return;
    expect(r4.fields['sign.gapsFt']).toMatch(/^Gaps make this an open sign/);
    // the largest opening keeping eps >= 0.7: 64 / 0.7 - 64 = 27.43 ft2 (a 3.43 ft gap here)
    expect(r4.fields['sign.gapsFt']).toMatch(/at most 27.43 ft2 \(now 32 ft2\)/);
    expect(() => computeDesign({ ...GAPPED, sign: { ...GAPPED.sign, gapsFt: [4] } })).toThrow(
      /open sign/,
    );
    expect(
      computeDesign({ ...GAPPED, sign: { ...GAPPED.sign, gapsFt: [3.4] } }).wind.outline!.solidity,
    ).toBeGreaterThanOrEqual(0.7);
    // faces alone below 0.7: named on sign.solidity
    const s = parseDesignInput({ sign: { solidity: 0.6 } });
    expect(s.ok ? '' : s.fields['sign.solidity']).toMatch(/open sign/);
  });

  it('an ungapped stack is unchanged: As = the faces, eps = the faces solidity', () => {
    const d = computeDesign({
      ...GAPPED,
      sign: { clearanceFt: 10, cabinets: [cab(8, 4), cab(6, 2)], gapsFt: [0], solidity: 0.85 },
    });
    expect(d.summary.signAreaFt2).toBe(44);
    expect(d.wind.outline!.solidity).toBe(0.85);
    expect(d.wind.averageWidthFt).toBeCloseTo(44 / 6, 4);
  });
});
