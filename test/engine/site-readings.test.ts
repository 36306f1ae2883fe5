// Risk category (V from the map of the chosen category, a warning below its lowest contour), Kd of
// the exposed pole (Table 26.6-1), the footing load explained, and the readings a reviewer accepts.
import { describe, expect, it } from 'vitest';
import { MAP_FLOORS, mapFloor } from '../../src-shared/engine';
import { designVerdict } from '../../src-shared/engine/verdict';
import { computeDesign } from '../../src-main/engine';
import { KD_POLE_ROUND, KD_POLE_SQUARE } from '../../src-main/engine/data/wind-tables';

describe('risk category and the wind map', () => {
  it('says V comes from the map of the chosen category, in the steps', () => {
    const r = computeDesign({ site: { riskCategory: 'III' } });
    const v = r.steps.find((s) => s.id === 'wind.V')!;
    expect(v.label).toBe('Basic wind speed V (map of risk category III)');
    expect(v.codeRef).toBe('ASCE 7-22 26.5.1, Fig. 26.5-1C');
    expect(v.value).toBe(115);
  });

  it('warns (informational) when V is below the lowest contour of that map', () => {
    for (const std of ['ASCE7-22', 'ASCE7-16'] as const) {
      for (const cat of ['I', 'II', 'III', 'IV'] as const) {
        const floor = MAP_FLOORS[std][cat].floorMph;
        const low = computeDesign({
          standard: std,
          site: { riskCategory: cat, windSpeedMph: floor - 1 },
        });
        const at = computeDesign({
          standard: std,
          site: { riskCategory: cat, windSpeedMph: floor },
        });
        const w = low.warnings.find((x) => x.code === 'wind.below-map-floor');
        expect(w?.message, `${std} ${cat}`).toContain(mapFloor(std, cat).figure);
        expect(at.warnings.some((x) => x.code === 'wind.below-map-floor')).toBe(false);
        // informational: it never blocks a quote by itself
        if (low.poles.selected && low.checks.every((c) => c.passes))
          expect(designVerdict(low).status).toBe('passes');
      }
    }
    // a Risk Category IV V read from the II map: 100 mph is below the IV floor
    expect(
      computeDesign({ site: { riskCategory: 'IV', windSpeedMph: 100 } }).warnings.map(
        (w) => w.code,
      ),
    ).toContain('wind.below-map-floor');
  });
});

describe('Kd for the exposed pole (Table 26.6-1, chimneys, tanks and similar)', () => {
  it('round 1.00 and square 0.90 in both editions, applied once, with the reason in the step', () => {
    expect(KD_POLE_ROUND).toBe(1);
    expect(KD_POLE_SQUARE).toBe(0.9);
    for (const standard of ['ASCE7-22', 'ASCE7-16'] as const) {
      for (const [designation, kd] of [
        ['Pipe 6 Std.', 1],
        ['HSS6x6x1/4', 0.9],
      ] as const) {
        const r = computeDesign({ standard, supports: { designation } });
        expect(r.wind.kdPole).toBe(kd);
        const step = r.steps.find((s) => s.id === 'pole.kd')!;
        expect(step.value).toBe(kd);
        expect(step.codeRef).toBe(`ASCE ${standard.slice(4)} Table 26.6-1`);
        expect(step.formula).toMatch(/not the sign's 0.85/);
      }
    }
  });

  it('pole wind = qz Kd G Cf D L over the exposed length (one segment, hand check)', () => {
    // Pipe 6 Std. (D = 6.625 in) under a 6 x 3 ft cabinet at 10 ft, 7-22, C, 115 mph:
    // qz at 5 ft (z < 15 ft: Kz at 15 ft) = 0.00256 x 2.41 (15/2460)^(2/9.8) x 115^2
    const r = computeDesign({
      site: { windSpeedMph: 115, exposure: 'C' },
      sign: { clearanceFt: 10, cabinets: [{ widthFt: 6, heightFt: 3 }] },
      supports: { designation: 'Pipe 6 Std.' },
    });
    const qz = 0.00256 * 2.41 * Math.pow(15 / 2460, 2 / 9.8) * 115 * 115;
    const dFt = 6.625 / 12;
    // Fig. 29.4-1 round: D sqrt(qz) = 0.552 x 5.23 = 2.89 > 2.5, h/D = 13 / 0.552 = 23.5 ->
    // moderately smooth Cf 0.692, but held at the step (0.7 + (1.2 - 0.7) x ... rough at qz*)
    const hOverD = 13 / dFt;
    const rough = 0.8 + ((1.2 - 0.8) * (hOverD - 7)) / 18;
    const smooth = 0.6 + ((0.7 - 0.6) * (hOverD - 7)) / 18;
    const cf = Math.max(smooth, (rough * (2.5 / dFt) ** 2) / qz);
    const fp = qz * 1.0 * 0.85 * cf * dFt * 10;
    expect(r.poles.demand.poleWindLb).toBeCloseTo(fp, 1);
  });
});

describe('the footing load is explained', () => {
  it('P equals the shown shear, or the step and the note say which section governs and why', () => {
    const r = computeDesign({});
    const p = r.summary.foundation.lateralLoadLb;
    const v = r.summary.groundlineShearLb;
    const step = r.steps.find((s) => s.id === 'fdn.P')!;
    if (p === v) {
      expect(r.foundation.loadNote).toBe('');
      expect(step.formula).toMatch(/groundline shear of the selected pole/);
    } else {
      expect(r.foundation.loadNote).toMatch(/ % above the shear of /);
      expect(r.foundation.loadNote).toContain(r.foundation.loadSection!);
      expect(step.formula).toContain(r.foundation.loadNote!);
      expect(r.readings!.some((x) => x.id === 'footing-load')).toBe(true);
    }
    // the estimator's own section: its footing is designed for it alone
    const own = computeDesign({ supports: { designation: r.summary.pole.designation } });
    expect(own.summary.foundation.lateralLoadLb).toBe(own.summary.groundlineShearLb);
    expect(own.foundation.loadNote).toBe('');
  });

  it('the default design: the issue example (P from a lighter, wider section) now has its words', () => {
    const r = computeDesign({});
    expect(r.summary.foundation.lateralLoadLb).toBeGreaterThan(r.summary.groundlineShearLb);
    expect(r.foundation.loadNote).toMatch(/enveloped over .* lighter sections checked/);
  });
});

describe('readings a reviewer must accept', () => {
  it('lists the soil increase, the 12 ft cap, torque sharing, deflection, Kd, the hole rule', () => {
    const r = computeDesign({ supports: { poleCount: 2 } });
    const ids = r.readings!.map((x) => x.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'soil-increase',
        'depth-cap',
        'torque',
        'deflection',
        'kd-pole',
        'hole',
      ]),
    );
    expect(r.readings!.find((x) => x.id === 'depth-cap')!.text).toMatch(/min\(d, 12\) \/ 3/);
    expect(r.readings!.find((x) => x.id === 'deflection')!.text).toMatch(/H\/40/);
  });
});
