// Flexible signs (ASCE 7 26.11.1, 26.11.5): when n1 < 1 Hz the design uses Gf, computed for each
// candidate section with its own n1; rigid ones keep G = 0.85.
import { describe, expect, it } from 'vitest';
import { designVerdict } from '../../src-shared/engine/verdict';
import { computeDesign } from '../../src-main/engine';
import { gustDetail, gustSite, rl } from '../../src-main/engine/wind/gust-factor';

describe('Gf of 26.11.5, by hand', () => {
  it('ASCE 7-16, exposure C, V 115 mph, h 40 ft, B 10 ft, n1 0.8 Hz, beta 1 %', () => {
    // Table 26.11-1 (7-16, C): bar alpha 1/6.5, bar b 0.65, c 0.20, l 500 ft, bar eps 1/5, zmin 15 ft
    const s = gustSite('ASCE7-16', 'C', 115, 40, 10, 0.01);
    // 26.11.4: z bar = max(0.6 x 40, 15) = 24 ft
    expect(s.zBarFt).toBe(24);
    // Eq. 26.11-7: Iz = 0.20 (33/24)^(1/6) = 0.2109
    expect(s.iz).toBeCloseTo(0.210902, 6);
    // Eq. 26.11-9: Lz = 500 (24/33)^(1/5) = 469.15 ft
    expect(s.lzFt).toBeCloseTo(469.147563, 5);
    // Eq. 26.11-8: Q = sqrt(1 / (1 + 0.63 ((10 + 40) / 469.15)^0.63)) = 0.9310
    expect(s.q).toBeCloseTo(0.930995, 6);
    // Eq. 26.11-16: Vz = 0.65 (24/33)^(1/6.5) (88/60) 115 = 104.39 ft/s
    expect(s.vzFtPerS).toBeCloseTo(104.391534, 5);
    const d = gustDetail(s, 0.8);
    // Eq. 26.11-14: N1 = 0.8 x 469.15 / 104.39 = 3.5953; Eq. 26.11-13: Rn = 7.47 N1 / (1 + 10.3 N1)^(5/3)
    expect(d.n1Reduced).toBeCloseTo(3.595292, 5);
    expect(d.rn).toBeCloseTo(0.062443, 6);
    // Eq. 26.11-15a: Rh at eta = 4.6 x 0.8 x 40 / 104.39 = 1.410 -> 0.4727; RB at eta 0.3526 -> 0.8012
    expect(d.rh).toBeCloseTo(0.472699, 6);
    expect(d.rb).toBeCloseTo(0.801192, 6);
    // Eq. 26.11-12 with RL = 1 (L = 0): R = sqrt(Rn Rh RB (0.53 + 0.47) / 0.01) = 1.5378
    expect(d.r).toBeCloseTo(1.537807, 5);
    // Eq. 26.11-11: gR = sqrt(2 ln(3600 x 0.8)) + 0.577 / sqrt(...) = 4.1359
    expect(d.gR).toBeCloseTo(4.135939, 6);
    // Eq. 26.11-10: Gf = 0.925 (1 + 1.7 Iz sqrt(3.4^2 Q^2 + gR^2 R^2)) / (1 + 1.7 x 3.4 Iz) = 1.4786
    expect(d.gf).toBeCloseTo(1.478645, 5);
    expect(d.flexible).toBe(true);
    expect(d.g).toBe(d.gf);
    // rigid at 1 Hz and above: G = 0.85 (26.11.1), Gf only informative
    expect(gustDetail(s, 1).g).toBe(0.85);
    // Eq. 26.11-15b
    expect(rl(0)).toBe(1);
  });

  it('more damping or a stiffer pole gives a smaller Gf; never below 0.85', () => {
    const lo = gustDetail(gustSite('ASCE7-22', 'B', 115, 60, 8, 0.005), 0.6).gf;
    const hi = gustDetail(gustSite('ASCE7-22', 'B', 115, 60, 8, 0.03), 0.6).gf;
    expect(lo).toBeGreaterThan(hi);
    expect(gustDetail(gustSite('ASCE7-22', 'B', 115, 60, 8, 0.01), 0.9).gf).toBeLessThan(
      gustDetail(gustSite('ASCE7-22', 'B', 115, 60, 8, 0.01), 0.5).gf,
    );
    const s = gustSite('ASCE7-22', 'D', 200, 15, 40, 0.05);
    expect(gustDetail(s, 0.999).g).toBeGreaterThanOrEqual(0.85);
  });
});

describe('a flexible sign is designed with Gf, per section', () => {
  // a small cabinet high on two poles: the lighter sections and the selected one are flexible
  const TALL = {
    site: { windSpeedMph: 95, exposure: 'B' },
    sign: { clearanceFt: 62, cabinets: [{ widthFt: 4, heightFt: 2, weightPsf: 5 }] },
    supports: { poleCount: 2 },
  } as const;
  const r = computeDesign(TALL);

  it('uses the selected pole own Gf and shows every term with its clause', () => {
    expect(r.poles.naturalFrequencyHz).toBeLessThan(1);
    expect(r.summary.g).toBeGreaterThan(0.85);
    expect(r.wind.gust!.flexible).toBe(true);
    expect(r.wind.gust!.g).toBe(r.summary.g);
    const ids = r.steps.map((s) => s.id);
    for (const id of [
      'gust.n1',
      'gust.beta',
      'gust.Iz',
      'gust.Lz',
      'gust.Q',
      'gust.R',
      'gust.Gf',
      'gust.G',
    ])
      expect(ids).toContain(id);
    expect(r.steps.find((s) => s.id === 'gust.Gf')!.codeRef).toMatch(/Eq. 26.11-10/);
    expect(r.steps.find((s) => s.id === 'gust.beta')!.value).toBe(0.01);
    // the design's loads are the rigid ones times G / 0.85
    const rigid = r.wind.cases[0].forceLb / (r.summary.g / 0.85);
    expect(rigid).toBeGreaterThan(0);
    expect(r.summary.signForceLb).toBeCloseTo(r.wind.cases[0].forceLb, 2);
    const w = r.warnings.find((x) => x.code === 'wind.flexible-gf')!;
    expect(w.message).toMatch(/designed with G = .* from Gf \(ASCE 7 26.11.5\)/);
    // informational: the design follows 26.11.5 (the tall-sign review still applies here)
    expect(r.warnings.map((x) => x.code)).toContain('wind.tall-sign');
    expect(r.readings!.find((x) => x.id === 'gust')!.text).toMatch(/damping 1 %/);
  });

  it('a lower damping ratio raises Gf and never lightens the pole', () => {
    const low = computeDesign({ ...TALL, options: { dampingRatio: 0.004 } });
    expect(low.summary.g).toBeGreaterThan(r.summary.g);
    expect(low.summary.pole.weightPlf).toBeGreaterThanOrEqual(r.summary.pole.weightPlf);
  });

  it('a rigid design keeps G = 0.85 and shows no gust steps', () => {
    const rigid = computeDesign({});
    expect(rigid.poles.naturalFrequencyHz).toBeGreaterThanOrEqual(1);
    expect(rigid.summary.g).toBe(0.85);
    expect(rigid.steps.some((s) => s.id.startsWith('gust.'))).toBe(false);
    expect(designVerdict(rigid).status).toBe('passes');
  });

  it('a flexible sign that passes is a design that may be quoted (Gf is the code, not a review)', () => {
    const low = computeDesign({
      site: { windSpeedMph: 95, exposure: 'B' },
      sign: { clearanceFt: 50, cabinets: [{ widthFt: 4, heightFt: 2, weightPsf: 5 }] },
      supports: { poleCount: 2 },
    });
    // top at 52 ft: no tall-sign review; n1 0.96 Hz: flexible, designed with Gf
    expect(low.poles.naturalFrequencyHz).toBeLessThan(1);
    expect(low.poles.selected).not.toBeNull();
    expect(low.summary.g).toBeGreaterThan(0.85);
    expect(low.warnings.map((x) => x.code)).toEqual(['wind.flexible-gf']);
    expect(designVerdict(low).status).toBe('passes');
  });
});

describe('the hot-loop Gf', () => {
  it('equals gustDetail for every n1 (rigid: 0.85)', async () => {
    const { designGust } = await import('../../src-main/engine/wind/gust-factor');
    for (const [std, exp] of [
      ['ASCE7-16', 'B'],
      ['ASCE7-22', 'C'],
      ['ASCE7-22', 'D'],
    ] as const) {
      const s = gustSite(std, exp, 130, 45, 12, 0.01);
      for (const n1 of [0.005, 0.05, 0.2, 0.5, 0.8, 0.999, 1, 2]) {
        expect(designGust(s, n1)).toBeCloseTo(gustDetail(s, n1).g, 12);
      }
    }
  });
});
