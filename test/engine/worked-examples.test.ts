// Worked examples (fixtures/worked_examples.json, copied from the shared reference with its source).
// Examples in older editions or other methods are checked at the provision level with the example's
// own inputs; the documented difference is stated next to each. Tolerances are never widened.
import { describe, expect, it } from 'vitest';
import { computeDesign } from '../../src-main/engine/design';
import { ALL_SECTIONS } from '../../src-main/engine/poles/catalog';
import {
  concreteYd3,
  nonConstrainedA,
  nonConstrainedDepthAtS1,
  s1AtDepth,
  soilBearing,
  solveConstrainedDepth,
  solveNonConstrainedDepth,
} from '../../src-main/engine/foundation/ibc-1807';
import { cfCaseAB, cfCaseCRegions } from '../../src-main/engine/wind/force-coefficient';
import {
  velocityPressure,
  velocityPressureExposureCoefficient as kz,
} from '../../src-main/engine/wind/velocity-pressure';
import fixture from './fixtures/worked_examples.json';

type Example = { id: string; tolerance: number; expected: Record<string, unknown> };
const ex = (prefix: string) => fixture.examples.find((e) => e.id.startsWith(prefix)) as Example;

function near(actual: number, ex: Example, key: string) {
  const expected = ex.expected[key] as number;
  const rel = Math.abs(actual - expected) / Math.abs(expected);
  expect(rel, `${ex.id} ${key}: ${actual} vs ${expected}`).toBeLessThanOrEqual(ex.tolerance);
}

/** F = qz G Cf As with qz of the 7-16 equation (7-05/7-10 have no Ke: Ke = 1; 7-05 adds I). */
const q716 = (kzv: number, v: number, i = 1) =>
  velocityPressure('ASCE7-16', kzv, 1, 0.85, 1, v) * i;

describe('published wind examples (provision level)', () => {
  it('W01 Medeek, ASCE 7-10 (same Kz constants and qz as 7-16 with Ke = 1)', () => {
    const e = ex('W01');
    const k = kz('ASCE7-16', 'D', 20);
    const q = q716(k, 155);
    const cf = cfCaseAB(3 / 20, 3 / 3);
    const f = q * 0.85 * cf * 7.48;
    near(k, e, 'Kz');
    near(q, e, 'qz_psf');
    near(cf, e, 'Cf');
    near(f, e, 'F_lb');
    near(0.6 * f, e, 'F_ASD_lb');
  });
  it('W02 SignWind, ASCE 7-05 (Kh 1.01 interpolated from the printed table, as published)', () => {
    const e = ex('W02');
    // our 7-16 power law gives Kh 1.015 at 35 ft (qh 17.88, +0.45 %); the sheet interpolates 1.01
    expect(kz('ASCE7-16', 'C', 35)).toBeCloseTo(1.015, 3);
    const q = q716(1.01, 90, 1.0);
    const cf = cfCaseAB(8 / 35, 100 / 8);
    const f = q * 0.85 * cf * 800;
    near(q, e, 'qh_psf');
    near(f / 1000, e, 'F_caseA_kips');
    near((f * (35 - 4)) / 1000, e, 'M_base_ftkips');
    near((0.2 * 100 * f) / 1000, e, 'T_caseB_ftkips');
    near(q * 0.85 * cfCaseCRegions(100 / 8, 8 / 35, 2 / 8)[0].cf, e, 'p_max_caseC_psf');
  });
  it('W03 CASE3 wall, ASCE 7-05 with I = 1.15, Kh 0.85, s/h = 1', () => {
    const e = ex('W03');
    const q = q716(0.85, 100, 1.15);
    const cf = cfCaseAB(1, 689 / 6.6);
    const f = q * 0.85 * cf * 6.6 * 689;
    near(q, e, 'qh_psf');
    near(cf, e, 'Cf_caseA');
    near(q * 0.85 * cf, e, 'p_caseA_psf');
    near(f / 1000, e, 'F_caseA_kips');
    near((f * (3.3 + 0.05 * 6.6)) / 1000, e, 'M_ftkips');
    near((0.2 * 689 * f) / 1000, e, 'T_caseB_ftkips');
    const c1 = cfCaseCRegions(689 / 6.6, 1, 1821.3 / 6.6)[0].cf;
    near(c1, e, 'Cf_caseC_region1');
    near(q * 0.85 * c1, e, 'p_caseC_region1_psf');
  });
  it('W04 Target beacon, ASCE 7-16: 0.6 x 0.00256 Kd V^2 per unit Kz', () => {
    near(
      0.6 * velocityPressure('ASCE7-16', 1, 1, 0.85, 1, 180),
      ex('W04'),
      'base_pressure_qz_over_Kz_ASD_psf',
    );
  });
});

describe('published pole examples (different method: yield moment on nominal S)', () => {
  // The EasySeals sheets use Mn = Fy S (nominal wall). Ours is AISC 360-16 F8, Mn = Fy Z with the
  // design wall (76.7 kip-in for 3 in Std, see poles-provisions.test.ts). Checked here: the ASD
  // division (Omega 1.67), the moment sum and the cantilever deflection P a^3 / 3EI.
  const defl = (loads: [number, number][], iIn4: number) =>
    loads.reduce((s, [p, a]) => s + (p * (a * 12) ** 3) / (3 * 29e6 * iIn4), 0);
  it('W05 3 in Sch 40', () => {
    const e = ex('W05');
    const loads: [number, number][] = [
      [24.7 * 16, 5],
      [24.7 * 4.5, 1.5],
    ];
    near(35 * 1.724, e, 'Mn_kipin');
    near((35 * 1.724) / 1.67, e, 'Mallow_kipin');
    near((loads.reduce((s, [p, a]) => s + p * a, 0) * 12) / 1000, e, 'Mmax_kipin');
    near(defl(loads, 3.017), e, 'defl_in');
    near(60 / 80, e, 'defl_allow_in');
  });
  it('W06 4 in Sch 40', () => {
    const e = ex('W06');
    near(35 * 3.214, e, 'Mn_kipin');
    near((35 * 3.214) / 1.67, e, 'Mallow_kipin');
    near((24.7 * 60 * 3 * 12) / 1000, e, 'Mmax_kipin');
    near(defl([[24.7 * 60, 3]], 7.23), e, 'defl_in');
    near(36 / 80, e, 'defl_allow_in');
  });
  it('W07 6 in Sch 40', () => {
    const e = ex('W07');
    near(35 * 8.497, e, 'Mn_kipin');
    near((35 * 8.497) / 1.67, e, 'Mallow_kipin');
  });
  it('W08 Horsley: same moment; AISC F8 selection gives Pipe 8 Std', () => {
    const e = ex('W08');
    const m = 50 * 30 * 22.5;
    near(m, e, 'M_ftlb');
    near((m / 1000) * 0.42, e, 'S_req_in3');
    const pick = ALL_SECTIONS.find((s) => s.family === 'pipe' && s.maKipIn >= (m * 12) / 1000);
    expect(pick?.designation).toBe('Pipe 8 Std.');
  });
  it('W09 AEC two columns: same moment; lightest square HSS by F7 is HSS4x4x1/8', () => {
    const e = ex('W09');
    const m = 30 * 35.51 * 0.9 * 1.2 * 5;
    near(m, e, 'M_ftlb');
    near((m * 0.5 * 12) / 24000, e, 'Sx_req_in3');
    const pick = ALL_SECTIONS.find(
      (s) => s.family === 'hss-square' && s.maKipIn >= ((m / 2) * 12) / 1000,
    );
    expect(pick?.designation).toBe('HSS4x4x1/8');
  });
});

describe('published footing examples, IBC 1807.3.2', () => {
  it('W10 round footing: single pass at the trial depth (S1 = 300 x 4 / 3)', () => {
    const e = ex('W10');
    const soil = soilBearing({ class: 4 }, true);
    const s1 = s1AtDepth(soil, 4);
    const p = 24.7 * 36;
    near(s1, e, 'S1_psf');
    near(p, e, 'P_lb');
    near(nonConstrainedA(p, s1, 3), e, 'A_ft');
    near(nonConstrainedDepthAtS1(p, 3.4, 3, s1), e, 'd_req_ft');
    near(concreteYd3(3, 4, 0) * 27 * 150, e, 'footing_weight_lb');
    // fully iterated (our method): 3.72 ft
    expect(solveNonConstrainedDepth(p, 3.4, 3, soil)).toBeCloseTo(3.7208, 3);
  });
  it("W11 rectangular footing with b = 5.5 ft and S1 = 400 (the sheet's choices)", () => {
    const e = ex('W11');
    const p = 24.7 * (26.6 + 44.1);
    const m = 24.7 * (26.6 * 3 + 44.1 * 4.9);
    near(m / 1000, e, 'M_kipft');
    near(p / 1000, e, 'P_kips');
    near(m / p, e, 'heq_ft');
    near(nonConstrainedA(p, 400, 5.5), e, 'A_ft');
    near(nonConstrainedDepthAtS1(p, m / p, 5.5, 400), e, 'd_req_ft');
    near(2.33 * 5.5 * 4 * 150, e, 'footing_weight_lb');
  });
  it('W12 eng-tips post: converged d with S = 100 psf/ft, no 2x', () => {
    near(
      solveNonConstrainedDepth(480, 5, 1.5, soilBearing({ class: 5 }, false)),
      ex('W12'),
      'd_ft',
    );
  });
  it("W13 eng-tips A term (poster's 1.33 increase, which ASCE 7 2.4 combos do not allow)", () => {
    near(nonConstrainedA(3000, ((150 * 6) / 3) * 1.33, 1), ex('W13'), 'A_ft');
  });
  it('W14 flagpole, constrained, S = 350 x 2', () => {
    const e = ex('W14');
    const soil = soilBearing({ geotechPsfPerFt: 700 }, false);
    const d = solveConstrainedDepth(30000, 3, 4.5, soil);
    const PA = 47.880259;
    near(d * 0.3048, e, 'd_m');
    near(700 * d * PA, e, 'S3_Pa');
    near(((700 * d) / 3) * PA, e, 'S1_Pa');
    near(nonConstrainedA(30000, (700 * d) / 3, 4.5), e, 'A_ft');
  });
});

describe('full chain, computeDesign (W15 ASCE 7-16, W16 ASCE 7-22)', () => {
  // Both reference chains neglect pole self-wind (includePoleWind: false) and report the unrounded
  // depth and net concrete (we compare requiredDepthFt and pi/4 b^2 d / 27). W15 takes Kz from the
  // printed 7-16 table (0.90); our power law gives 0.902 (+0.23 %, inside the 0.5 % tolerance).
  for (const [prefix, standard] of [
    ['W15', 'ASCE7-16'],
    ['W16', 'ASCE7-22'],
  ] as const) {
    it(`${prefix} reproduces through computeDesign`, () => {
      const e = ex(prefix);
      const r = computeDesign({
        standard,
        site: { windSpeedMph: 115, exposure: 'C', kzt: 1 },
        sign: { clearanceFt: 16, cabinets: [{ widthFt: 8, heightFt: 4, weightPsf: 0 }] },
        supports: { poleCount: 1, material: 'steel', families: ['pipe'] },
        foundation: { diameterFt: 2, soil: { class: 4 }, isolatedPoleIncrease: true },
        options: { includePoleWind: false },
      });
      const caseC = r.wind.cases.find((c) => c.id === 'C')!;
      near(r.summary.kz, e, 'Kz');
      near(r.summary.qhPsf, e, 'qh_psf');
      near(r.summary.cf, e, 'Cf_AB');
      near(r.summary.signForceLb, e, 'F_caseA_lb');
      near(caseC.forceLb, e, 'F_caseC_total_lb');
      expect(r.wind.governingCase).toBe('C');
      near(r.summary.groundlineShearLb, e, 'F_ASD_lb');
      near(r.summary.groundlineMomentKipFt * 1000, e, 'M_ASD_grade_lbft');
      near(r.summary.torsionKipFt * 1000, e, 'T_ASD_caseB_lbft');
      near((r.summary.groundlineMomentKipFt * 12 * 1.67) / 35, e, 'Z_req_in3');
      expect(r.summary.pole.designation).toBe(e.expected.lightest_pipe);
      near(r.summary.pole.weightPlf, e, 'pipe_W_plf');
      near(r.foundation.requiredDepthFt, e, 'd_embed_ft');
      near(r.summary.foundation.s1Psf, e, 'S1_psf');
      near(concreteYd3(2, r.foundation.requiredDepthFt, 0), e, 'concrete_cy');
      expect(r.summary.foundation.depthFt).toBe(6.5);
    });
  }
});
