import { describe, expect, it } from 'vitest';
import flexure from '../../../test/engine/fixtures/sections_flexure.json';
import { ALL_SECTIONS, ALUMINUM_SECTIONS, findSection } from './catalog';
import { combinedForceRatio, e3CriticalStress } from './aisc-common';
import { f8FlexuralStrength, f8Limits, g5ShearStrength, h31RoundTorsion } from './aisc-round';
import { f7Limits, g4ShearStrength, h31SquareTorsion } from './aisc-square';

const E = 29000;

describe('section catalog', () => {
  it('carries 174 steel sections (26 pipe, 81 round HSS, 67 square HSS) plus aluminum, lightest first', () => {
    const steel = ALL_SECTIONS.filter((s) => s.material === 'steel');
    expect(steel.filter((s) => s.family === 'pipe')).toHaveLength(26);
    expect(steel.filter((s) => s.family === 'hss-round')).toHaveLength(81);
    expect(steel.filter((s) => s.family === 'hss-square')).toHaveLength(67);
    expect(ALUMINUM_SECTIONS.length).toBeGreaterThanOrEqual(10);
    for (let i = 1; i < ALL_SECTIONS.length; i++) {
      expect(ALL_SECTIONS[i].weightPlf).toBeGreaterThanOrEqual(ALL_SECTIONS[i - 1].weightPlf);
    }
  });
  it('finds sections by designation ignoring case, spaces and dots', () => {
    expect(findSection('pipe 6 std')?.designation).toBe('Pipe 6 Std.');
    expect(findSection('HSS6X6X1/4')?.designation).toBe('HSS6x6x1/4');
    expect(findSection('nope')).toBeUndefined();
  });
});

describe('AISC 360-16 F8 (round) and F7 (square) flexure', () => {
  it('class limits 0.07 / 0.31 / 0.45 E/Fy and 1.12 / 1.40 sqrt(E/Fy)', () => {
    expect(f8Limits(35, E).lp).toBeCloseTo(58, 0);
    expect(f8Limits(46, E).lr).toBeCloseTo(195.4, 1);
    expect(f8Limits(46, E).lmax).toBeCloseTo(283.7, 1);
    expect(f7Limits(50, E).flangeP).toBeCloseTo(26.97, 2);
    expect(f7Limits(50, E).flangeR).toBeCloseTo(33.72, 2);
  });
  it('F8 strengths by branch', () => {
    expect(f8FlexuralStrength(35, E, 20, 1, 2).mn).toBe(70); // compact: Fy Z
    const nc = f8FlexuralStrength(46, E, 57.1, 3.79, 4.92);
    expect(nc.cls).toBe('noncompact');
    expect(nc.mn).toBeCloseTo(((0.021 * E) / 57.1 + 46) * 3.79, 8);
    expect(f8FlexuralStrength(46, E, 250, 1, 1).cls).toBe('slender');
    expect(f8FlexuralStrength(46, E, 300, 1, 1).cls).toBe('not permitted');
  });
  it('every steel section reproduces the reference class and Ma (CSV) within 0.5 %', () => {
    for (const row of flexure.rows) {
      const s = findSection(row.designation);
      expect(s, row.designation).toBeDefined();
      expect(s!.fyKsi).toBe(row.fy);
      const ma = s!.maKipIn / 12;
      expect(Math.abs(ma - row.MaKipFt) / row.MaKipFt, row.designation).toBeLessThan(0.005);
      const cls = row.cls.startsWith('compact') ? 'compact' : row.cls.split(' (')[0];
      expect(s!.flexureClass, row.designation).toBe(cls);
    }
  });
  it('W05-W07: 3/4/6 in Std pipe by AISC F8 (Fy Z, design wall) is stronger than the nominal-S yield method', () => {
    expect(findSection('Pipe 3 Std.')!.maKipIn * 1.67).toBeCloseTo(35 * 2.19, 6); // 76.7 kip-in
    expect(findSection('Pipe 4 Std.')!.maKipIn * 1.67).toBeCloseTo(35 * 4.05, 6);
    expect(findSection('Pipe 6 Std.')!.maKipIn * 1.67).toBeCloseTo(35 * 10.6, 6);
  });
});

describe('shear, torsion, compression and interaction', () => {
  it('G5 / H3.1(a) cap at 0.6 Fy for stocky round sections; G4 / H3.1(b) for square', () => {
    expect(g5ShearStrength(35, E, 25.4, 6.625, 240, 5.2)).toBeCloseTo((0.6 * 35 * 5.2) / 2, 8);
    expect(h31RoundTorsion(35, E, 25.4, 6.625, 240, 15.97)).toBeCloseTo(0.6 * 35 * 15.97, 8);
    const h = 6 - 3 * 0.233;
    expect(g4ShearStrength(50, E, 6, 0.233)).toBeCloseTo(0.6 * 50 * 2 * h * 0.233, 8);
    expect(h31SquareTorsion(50, E, 6, 0.233, 15.4)).toBeCloseTo(0.6 * 50 * 15.4, 8);
    // thin round wall on a long pole: the buckling branch governs below 0.6 Fy
    expect(h31RoundTorsion(46, E, 150, 12, 6000, 10)).toBeLessThan(0.6 * 46 * 10);
  });
  it('E3 flexural buckling branches', () => {
    expect(e3CriticalStress(50, E, 1)).toBeCloseTo(50, 1);
    const fe = (Math.PI ** 2 * E) / 200 ** 2;
    expect(e3CriticalStress(50, E, 200)).toBeCloseTo(0.877 * fe, 8);
  });
  it('H1-1a/b and H3-6', () => {
    expect(combinedForceRatio(0.1, 0.5, 0.1, 0.1)).toBeCloseTo(0.55, 12);
    expect(combinedForceRatio(0.3, 0.5, 0.1, 0.1)).toBeCloseTo(0.3 + (8 / 9) * 0.5, 12);
    expect(combinedForceRatio(0.1, 0.5, 0.1, 0.3)).toBeCloseTo(0.6 + 0.16, 12);
  });
});
