// Property tests (fast-check): finiteness, monotonicity, selection and determinism.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SignDesignInputRaw } from '../../src-shared/engine/input';
import type { SignDesignResult } from '../../src-shared/engine/output';
import { signOutline } from '../../src-shared/engine/outline';
import { computeDesign } from '../../src-main/engine/design';
import { ALL_SECTIONS } from '../../src-main/engine/poles/catalog';

/** The largest equal gap that keeps the outline solid (eps >= 0.7), so the input is a design. */
function solidGap(cabinets: { widthFt: number; heightFt: number }[], gap: number, eps: number) {
  if (cabinets.length < 2) return 0;
  const o = signOutline({ cabinets, gapsFt: cabinets.slice(1).map(() => 1), solidity: eps });
  // gap openings scale with the gap: at gap 1 ft they are o.gapAreaFt2
  const max = o.gapAreaFt2 > 0 ? (o.maxGapAreaFt2 / o.gapAreaFt2) * 0.999 : gap;
  return max < 1e-6 ? 0 : Math.min(gap, max);
}

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
      gapsFt: r.cabinets.slice(1).map(() => solidGap(r.cabinets, r.gap, r.solidity)),
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

/** A design, or null when the input is refused (e.g. a gap that makes an open sign). */
function designOrNull(i: SignDesignInputRaw): SignDesignResult | null {
  try {
    return computeDesign(i);
  } catch (e) {
    if ((e as Error).name === 'EngineInputError') return null;
    throw e;
  }
}

/** More load must never give a lighter pole or a shallower footing (b carries more than a). */
function expectNoLess(a: SignDesignResult, b: SignDesignResult) {
  expect(b.summary.foundation.depthFt).toBeGreaterThanOrEqual(a.summary.foundation.depthFt);
  if (a.poles.selected && b.poles.selected) {
    expect(b.poles.selected.weightPlf).toBeGreaterThanOrEqual(a.poles.selected.weightPlf);
  }
  if (!a.poles.selected) expect(b.poles.selected).toBeNull();
}

const hole = (designation: string) => {
  const sec = ALL_SECTIONS.find((x) => x.designation === designation)!;
  return sec.hot.minHoleIn;
};

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

  it('2-4 poles: the critical pole carries at least F/n + T x / sum x^2 (rigid diaphragm)', () => {
    const multi = designInput.filter((i) => (i.supports?.poleCount ?? 1) > 1);
    fc.assert(
      fc.property(multi, (i) => {
        const r = computeDesign(i);
        const n = r.poles.poleCount;
        const s = r.poles.spacingFt;
        const xs = Array.from({ length: n }, (_, k) => (k - (n - 1) / 2) * s);
        const sumX2 = xs.reduce((a, x) => a + x * x, 0);
        const xMax = xs[n - 1];
        // ASD (0.6 W) sign share of the worst case, from the output's own case forces (strength)
        let statics = 0;
        for (const c of r.wind.cases) {
          const t = c.forceLb * Math.abs(c.eccentricityFt);
          statics = Math.max(statics, 0.6 * (c.forceLb / n + (t * xMax) / sumX2));
        }
        // (the case forces and offsets in the output are rounded: allow for that, 1e-4 relative)
        expect(r.summary.groundlineShearLb).toBeGreaterThanOrEqual(statics * (1 - 1e-4) - 0.01);
        // the shares add up to the whole sign force, and the critical one is the largest
        const shares = r.poles.shares!;
        expect(shares).toHaveLength(n);
        const sum = shares.reduce((a, x) => a + x.signForceLb, 0);
        const gov = r.wind.cases.find((c) => c.id === r.wind.governingCase)!;
        expect(sum).toBeCloseTo(gov.forceLb, 0);
        const crit = Math.max(...shares.map((x) => x.shearLb));
        expect(crit).toBeCloseTo(r.summary.groundlineShearLb, 1);
      }),
      { numRuns: 400 },
    );
  });

  it('a larger gap never gives a lighter pole or a shallower footing', () => {
    // Equal widths: the average width B = As / s of Fig. 29.3-1 (note 3) stays the same as the gap
    // grows (with a narrow cabinet it falls, and the Case B arm 0.2 B with it). Case C starts at
    // B/s = 2 (note 3): a gap that takes B/s below 2 drops it, as the figure says; both excluded.
    const stacked = fc.record({
      base: designInput,
      width: fc.double({ min: 2, max: 30, noNaN: true }),
      heights: fc.array(fc.double({ min: 1, max: 10, noNaN: true }), {
        minLength: 2,
        maxLength: 3,
      }),
      gap: fc.double({ min: 0, max: 4, noNaN: true }),
      dg: fc.double({ min: 0.05, max: 3, noNaN: true }),
    });
    fc.assert(
      fc.property(stacked, ({ base, width, heights, gap, dg }) => {
        const cabinets = heights.map((h) => ({ widthFt: width, heightFt: h, weightPsf: 10 }));
        const mk = (g: number): SignDesignInputRaw => ({
          ...base,
          sign: { ...base.sign, cabinets, gapsFt: cabinets.slice(1).map(() => g), solidity: 1 },
          supports: { ...base.supports, spacingFt: undefined },
        });
        const a = designOrNull(mk(gap));
        const b = designOrNull(mk(gap + dg));
        if (!a || !b || a.wind.caseCApplies !== b.wind.caseCApplies) return;
        expectNoLess(a, b);
      }),
      { numRuns: 500 },
    );
  });

  it('more torque on the poles (closer spacing) never gives a lighter pole or a shallower footing', () => {
    // Rigid diaphragm: the couple arm shrinks, so T x / sum x^2 grows. (By stiffness, closer
    // poles send more of the same torque into pole torsion instead: not "more torque".)
    const multi = fc.record({
      base: designInput.filter((i) => (i.supports?.poleCount ?? 1) > 1),
      f: fc.double({ min: 0.3, max: 0.99, noNaN: true }),
      k: fc.double({ min: 0.2, max: 0.99, noNaN: true }),
    });
    fc.assert(
      fc.property(multi, ({ base, f, k }) => {
        const cabs = base.sign!.cabinets!;
        const n = base.supports!.poleCount!;
        const widest = Math.max(...cabs.map((c) => c.widthFt));
        const spacing = (f * widest) / (n - 1);
        const mk = (s: number): SignDesignInputRaw => ({
          ...base,
          supports: { ...base.supports, spacingFt: s },
        });
        expectNoLess(computeDesign(mk(spacing)), computeDesign(mk(spacing * k)));
      }),
      { numRuns: 500 },
    );
  });

  it('no selected pole fails the hole rule, and the diameter table starts where it fits', () => {
    fc.assert(
      fc.property(designInput, (i) => {
        const r = computeDesign(i);
        const need = hole(r.summary.pole.designation);
        const rows = r.foundation.diameterTable;
        for (const row of rows) expect(row.diameterFt * 12).toBeGreaterThanOrEqual(need - 1e-9);
        const first = [1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6].find((d) => d * 12 >= need - 1e-9);
        expect(rows[0]?.diameterFt).toBe(first);
        if (r.poles.selected) {
          expect(r.foundation.diameterFt * 12).toBeGreaterThanOrEqual(need - 1e-9);
          expect(r.checks.find((c) => c.id === 'pole.hole')!.passes).toBe(true);
        }
        for (const o of r.poles.options) {
          if (o.passes)
            expect(r.foundation.diameterFt * 12).toBeGreaterThanOrEqual(hole(o.designation) - 1e-9);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('rejects any unknown key, anywhere, naming it', () => {
    const where = fc.constantFrom(
      '',
      'site',
      'sign',
      'sign.cabinets.0',
      'supports',
      'foundation',
      'foundation.soil',
      'options',
    );
    const key = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((k) => !/^(__proto__|constructor|prototype)$/.test(k));
    fc.assert(
      fc.property(designInput, where, key, fc.jsonValue(), (i, at, k, v) => {
        const raw = structuredClone(i) as Record<string, unknown>;
        let obj = raw;
        for (const part of at ? at.split('.') : []) {
          obj[part] ??= {};
          obj = obj[part] as Record<string, unknown>;
        }
        if (k in obj) return; // a known key, not the point here
        obj[k] = v;
        let fields: Record<string, string> | undefined;
        try {
          computeDesign(raw);
        } catch (e) {
          fields = (e as { fields?: Record<string, string> }).fields;
        }
        const path = at ? `${at}.${k}` : k;
        expect(fields, path).toBeDefined();
        expect(fields![path]).toMatch(/^Unknown field/);
      }),
      { numRuns: 400 },
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
