// Property tests (fast-check): finiteness, monotonicity, selection and determinism.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SignDesignInputRaw } from '../../src-shared/engine/input';
import type { SignDesignResult } from '../../src-shared/engine/output';
import { computeDesign } from '../../src-main/engine/design';
import { ALL_SECTIONS } from '../../src-main/engine/poles/catalog';

const weightOf = new Map(ALL_SECTIONS.map((s) => [s.designation, s.weightPlf]));

const cabinet = fc.record({
  widthFt: fc.double({ min: 2, max: 30, noNaN: true }),
  heightFt: fc.double({ min: 1, max: 10, noNaN: true }),
  weightPsf: fc.double({ min: 0, max: 20, noNaN: true }),
});

const designInput: fc.Arbitrary<SignDesignInputRaw> = fc
  .record({
    standard: fc.constantFrom('ASCE7-22', 'ASCE7-16'),
    v: fc.double({ min: 85, max: 180, noNaN: true }),
    exposure: fc.constantFrom('B', 'C', 'D'),
    elev: fc.double({ min: 0, max: 6000, noNaN: true }),
    kzt: fc.double({ min: 1, max: 1.5, noNaN: true }),
    clearance: fc.double({ min: 0, max: 30, noNaN: true }),
    cabinets: fc.array(cabinet, { minLength: 1, maxLength: 3 }),
    gap: fc.double({ min: 0, max: 3, noNaN: true }),
    solidity: fc.double({ min: 0.7, max: 1, noNaN: true }),
    poles: fc.integer({ min: 1, max: 4 }),
    families: fc.subarray(['pipe', 'hss-round', 'hss-square'] as const, { minLength: 1 }),
    diameter: fc.constantFrom(1.5, 2, 2.5, 3, 4),
    soil: fc.oneof(
      fc.record({ class: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ geotechPsfPerFt: fc.double({ min: 80, max: 1500, noNaN: true }) }),
    ),
    constrained: fc.boolean(),
    poleWind: fc.boolean(),
  })
  .map((r) => ({
    standard: r.standard,
    site: { windSpeedMph: r.v, exposure: r.exposure, groundElevationFt: r.elev, kzt: r.kzt },
    sign: {
      kind: r.clearance === 0 ? 'monument' : 'pole',
      clearanceFt: r.clearance,
      cabinets: r.cabinets,
      gapsFt: r.cabinets.slice(1).map(() => r.gap),
      solidity: r.solidity,
    },
    supports: { poleCount: r.poles, families: [...r.families] },
    foundation: { diameterFt: r.diameter, soil: r.soil, constrained: r.constrained },
    options: { includePoleWind: r.poleWind },
  }));

function allFinite(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(allFinite);
  if (v && typeof v === 'object') return Object.values(v).every(allFinite);
  return true;
}

const withWind = (i: SignDesignInputRaw, v: number): SignDesignInputRaw => ({
  ...i,
  site: { ...i.site, windSpeedMph: v },
});

describe('engine properties', () => {
  it('never produces NaN or Infinity anywhere in the output', () => {
    fc.assert(
      fc.property(designInput, (i) => {
        expect(allFinite(computeDesign(i))).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('more wind never gives a lighter pole or a shallower footing', () => {
    fc.assert(
      fc.property(designInput, fc.double({ min: 0.1, max: 40, noNaN: true }), (i, dv) => {
        const v = (i.site?.windSpeedMph ?? 115) as number;
        const a = computeDesign(withWind(i, v));
        const b = computeDesign(withWind(i, Math.min(v + dv, 250)));
        expect(b.summary.foundation.depthFt).toBeGreaterThanOrEqual(a.summary.foundation.depthFt);
        if (a.poles.selected && b.poles.selected) {
          expect(b.poles.selected.weightPlf).toBeGreaterThanOrEqual(a.poles.selected.weightPlf);
        }
        // once nothing passes, more wind keeps nothing passing
        if (!a.poles.selected) expect(b.poles.selected).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('a smaller footing diameter never gives a shallower footing', () => {
    fc.assert(
      fc.property(designInput, (i) => {
        const r = computeDesign(i);
        const t = r.foundation.diameterTable;
        for (let k = 1; k < t.length; k++)
          expect(t[k - 1].depthFt).toBeGreaterThanOrEqual(t[k].depthFt);
        const row = t.find((x) => x.diameterFt === r.foundation.diameterFt);
        if (row) expect(row.depthFt).toBe(r.foundation.depthFt);
      }),
      { numRuns: 1000 },
    );
  });

  it('the selected pole passes every check and every lighter option fails one', () => {
    fc.assert(
      fc.property(designInput, (i) => {
        const r: SignDesignResult = computeDesign(i);
        const opts = r.poles.options;
        for (let k = 1; k < opts.length; k++)
          expect(opts[k].weightPlf).toBeGreaterThanOrEqual(opts[k - 1].weightPlf);
        const sel = r.poles.selected;
        if (!sel) {
          expect(opts.every((o) => !o.passes)).toBe(true);
          expect(r.warnings.some((w) => w.code === 'pole.none-passes')).toBe(true);
          return;
        }
        expect(sel.passes).toBe(true);
        for (const ratio of Object.values(sel.ratios)) expect(ratio).toBeLessThanOrEqual(1);
        const idx = opts.findIndex((o) => o.designation === sel.designation);
        for (let k = 0; k < idx; k++) {
          expect(opts[k].passes).toBe(false);
          expect(Math.max(...Object.values(opts[k].ratios))).toBeGreaterThan(1 - 1e-4);
        }
        expect(weightOf.get(sel.designation)).toBe(sel.weightPlf);
      }),
      { numRuns: 1000 },
    );
  });

  it('is deterministic: the same input gives the identical JSON string', () => {
    fc.assert(
      fc.property(designInput, (i) => {
        const a = JSON.stringify(computeDesign(i));
        const b = JSON.stringify(computeDesign(structuredClone(i)));
        expect(a).toBe(b);
      }),
      { numRuns: 500 },
    );
  });

  it('hashes the parsed input: key order and explicit defaults do not change it', () => {
    const a = computeDesign({ site: { exposure: 'C', windSpeedMph: 115 } });
    const b = computeDesign({
      site: { windSpeedMph: 115, exposure: 'C', kzt: 1 },
      standard: 'ASCE7-22',
    });
    expect(a.inputHash).toBe(b.inputHash);
    expect(computeDesign({ site: { windSpeedMph: 116 } }).inputHash).not.toBe(a.inputHash);
  });
});
