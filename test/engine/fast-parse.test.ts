// The validation fast path (src-main/engine/fast-parse.ts) must answer exactly as the zod schema:
// the same parsed object for every input zod accepts that it takes, and null (zod decides) for
// every input zod rejects. Every number bound and cross-field rule of input.ts is probed, plus
// random inputs; if the schema changes, these fail until fast-parse.ts follows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXPOSURES,
  POLE_FAMILIES,
  POLE_MATERIALS,
  RISK_CATEGORIES,
  SIGN_KINDS,
  STANDARDS,
  TORSION_SHARING,
  SignDesignInputSchema,
} from '../../src-shared/engine/input';
import { computeDesign, parseInput } from '../../src-main/engine/design';
import {
  NUMBER_RULES,
  fastParse,
  fastParseEnabled,
  setFastParseEnabled,
  type NumberRule,
} from '../../src-main/engine/fast-parse';
import { GOLDEN_CASES, sweepInputs } from './golden-inputs';

type Raw = Record<string, unknown>;

/** Agreement with zod: same acceptance; when the fast path answers, zod's exact object. */
function agrees(raw: unknown, label = '') {
  const z = SignDesignInputSchema.safeParse(raw);
  const f = fastParse(raw);
  if (!z.success) {
    expect(f, `${label}: zod rejects, the fast path must decline`).toBeNull();
    return;
  }
  if (f === null) return; // declining a valid input is allowed (zod then parses it)
  expect(JSON.stringify(f), label).toBe(JSON.stringify(z.data));
  expect(f, label).toStrictEqual(z.data);
}

/** A valid base input with two cabinets and one gap (so every field can be probed). */
function base(): Raw {
  return {
    standard: 'ASCE7-16',
    site: {
      windSpeedMph: 120,
      riskCategory: 'III',
      exposure: 'D',
      kzt: 1.1,
      groundElevationFt: 10,
    },
    sign: {
      kind: 'pole',
      clearanceFt: 12,
      cabinets: [
        { widthFt: 8, heightFt: 3, weightPsf: 12 },
        { widthFt: 6, heightFt: 2 },
      ],
      gapsFt: [1],
      solidity: 0.9,
      returnCornerFt: 2,
    },
    supports: {
      poleCount: 2,
      material: 'steel',
      families: ['pipe'],
      spacingFt: 4,
      torsionSharing: 'stiffness',
    },
    foundation: {
      kind: 'direct-embedment',
      diameterFt: 3,
      soil: { class: 3 },
      isolatedPoleIncrease: false,
      constrained: true,
      depthIncrementFt: 0.25,
      wasteFactor: 0.2,
    },
    options: {
      deflectionLimitRatio: 60,
      serviceWindFactor: 0.7,
      includePoleWind: false,
      dampingRatio: 0.02,
    },
  };
}

/** Set a value at a rule path (array paths: the first cabinet / the gap). */
function withValue(path: string, value: unknown): Raw {
  const raw = base();
  const parts = path.split('.');
  let obj = raw as Raw;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = obj[parts[i]];
    obj = (Array.isArray(next) ? next[0] : next) as Raw;
  }
  const last = parts[parts.length - 1];
  if (path === 'sign.gapsFt') (obj[last] as unknown[])[0] = value;
  else if (path === 'foundation.soil.geotechPsfPerFt') {
    delete obj.class;
    obj[last] = value;
  } else obj[last] = value;
  return raw;
}

function probes(r: NumberRule): unknown[] {
  const lo = r.min ?? r.gt ?? 0;
  const out: unknown[] = [lo, lo - 1e-9, lo + 1e-9, lo - 1, r.max, r.max + 1e-9, r.max - 1e-9];
  out.push(r.max + 1, (lo + r.max) / 2, 0, -0, -1, 1, 2.5);
  out.push(Number.NaN, Infinity, -Infinity, '1', null, true, [1], {}, undefined);
  if (r.int) out.push(lo + 0.5, r.max - 0.5);
  return out;
}

describe('validation fast path', () => {
  it('is on for the current schema', () => {
    expect(fastParseEnabled()).toBe(true);
  });

  it('gives zod’s object for the golden and sweep inputs', () => {
    const inputs = [...Object.values(GOLDEN_CASES), ...sweepInputs(400)];
    let taken = 0;
    for (const raw of inputs) {
      agrees(raw);
      if (fastParse(raw)) taken++;
    }
    expect(taken).toBeGreaterThan(inputs.length * 0.9);
  });

  it('agrees with zod at and around every number bound', () => {
    agrees(base(), 'base');
    expect(fastParse(base())).not.toBeNull();
    for (const [path, rule] of Object.entries(NUMBER_RULES)) {
      for (const v of probes(rule)) agrees(withValue(path, v), `${path} = ${String(v)}`);
    }
  });

  it('agrees on enums, booleans, strings and missing parts', () => {
    const cases: [string, unknown[]][] = [
      ['standard', [...STANDARDS, 'ASCE7-10', '', 7, null]],
      ['site.exposure', [...EXPOSURES, 'E', 'c']],
      ['site.riskCategory', [...RISK_CATEGORIES, 'V']],
      ['sign.kind', [...SIGN_KINDS, 'wall']],
      ['supports.material', [...POLE_MATERIALS, 'wood']],
      ['supports.torsionSharing', [...TORSION_SHARING, 'torsion', '', null]],
      ['foundation.kind', ['direct-embedment', 'spread', undefined, null]],
      ['foundation.isolatedPoleIncrease', [true, false, 'true', 1, null]],
      ['foundation.constrained', [true, false, 0]],
      ['options.includePoleWind', [true, false, 'no']],
      ['supports.designation', ['Pipe 6 Std.', '  HSS6x6x1/4 ', '   ', '', 'x'.repeat(60)]],
      ['supports.designation', [` ${'y'.repeat(60)} `, 'y'.repeat(61), 5, null, undefined]],
      ['supports.families', [[...POLE_FAMILIES], ['pipe', 'pipe'], [], ['wood'], 'pipe', null]],
      ['sign.cabinets', [[], [{ widthFt: 1, heightFt: 1 }], [null], [{ widthFt: 1 }], 'x']],
      ['sign.gapsFt', [[], [1, 2], 'x', null]],
      ['sign', [undefined, {}, null, [], 'x']],
      ['site', [undefined, {}, null, []]],
      ['supports', [undefined, {}, null]],
      ['foundation', [undefined, {}, null]],
      [
        'foundation.soil',
        [undefined, {}, null, { class: 2, geotechPsfPerFt: 100 }, { class: undefined }],
      ],
      ['options', [undefined, {}, null]],
    ];
    for (const [path, values] of cases) {
      for (const v of values) {
        const raw = base();
        const parts = path.split('.');
        let obj = raw;
        for (let i = 0; i < parts.length - 1; i++) obj = obj[parts[i]] as Raw;
        obj[parts[parts.length - 1]] = v;
        agrees(raw, `${path} = ${JSON.stringify(v)}`);
        const without = base();
        let o2 = without;
        for (let i = 0; i < parts.length - 1; i++) o2 = o2[parts[i]] as Raw;
        delete o2[parts[parts.length - 1]];
        agrees(without, `${path} absent`);
      }
    }
  });

  it('agrees on every cross-field rule, at its boundary', () => {
    const mk = (f: (r: Raw & { sign: Raw; supports: Raw; foundation: Raw }) => void) => {
      const r = base() as Raw & { sign: Raw; supports: Raw; foundation: Raw };
      f(r);
      return r;
    };
    const cab = (w: number, h: number) => ({ widthFt: w, heightFt: h });
    const list: Raw[] = [
      mk((r) => Object.assign(r.sign, { kind: 'monument', clearanceFt: 0 })),
      mk((r) => Object.assign(r.sign, { kind: 'monument', clearanceFt: 1 })),
      mk((r) => Object.assign(r.sign, { kind: 'monument', clearanceFt: -0 })),
      mk((r) => Object.assign(r.sign, { gapsFt: [] })),
      mk((r) => Object.assign(r.sign, { gapsFt: [1, 2] })),
      mk((r) => Object.assign(r.sign, { solidity: 0.7 })),
      mk((r) => Object.assign(r.sign, { solidity: 0.6999999 })),
      mk((r) => Object.assign(r.sign, { clearanceFt: 145, cabinets: [cab(8, 50)], gapsFt: [] })),
      mk((r) => Object.assign(r.sign, { clearanceFt: 150, cabinets: [cab(8, 50)], gapsFt: [] })),
      mk((r) =>
        Object.assign(r.sign, {
          clearanceFt: 100,
          cabinets: [cab(8, 50), cab(8, 49.9)],
          gapsFt: [0.1],
        }),
      ),
      mk((r) => Object.assign(r.sign, { clearanceFt: 0.1 + 0.2, cabinets: [cab(8, 50)] })),
      mk((r) => {
        Object.assign(r.sign, { clearanceFt: 10, cabinets: [cab(3, 5)], gapsFt: [] });
        Object.assign(r.supports, { material: 'aluminum' });
      }),
      mk((r) => {
        Object.assign(r.sign, { clearanceFt: 10.01, cabinets: [cab(3, 5)], gapsFt: [] });
        Object.assign(r.supports, { material: 'aluminum' });
      }),
      mk((r) => Object.assign(r.supports, { poleCount: 3, spacingFt: 4 })),
      mk((r) => Object.assign(r.supports, { poleCount: 3, spacingFt: 4.000001 })),
      mk((r) => Object.assign(r.supports, { poleCount: 1, spacingFt: 100 })),
      mk((r) => Object.assign(r.supports, { poleCount: 2, spacingFt: 8 })),
      mk((r) => Object.assign(r.supports, { poleCount: 2, spacingFt: 8.5 })),
      mk((r) => Object.assign(r.foundation, { soil: { class: 1, geotechPsfPerFt: 5 } })),
      mk((r) => Object.assign(r.foundation, { soil: {} })),
      mk((r) => Object.assign(r.foundation, { soil: { geotechPsfPerFt: 5 } })),
      // gapped cabinets as one outline (outline.ts): eps = 0.9 x 36 / (36 + gap x 6) vs 0.7 (the boundary)
      mk((r) => Object.assign(r.sign, { gapsFt: [(36 * (0.9 / 0.7 - 1)) / 6] })),
      mk((r) => Object.assign(r.sign, { gapsFt: [(36 * (0.9 / 0.7 - 1)) / 6 + 1e-9] })),
      mk((r) => Object.assign(r.sign, { gapsFt: [(36 * (0.9 / 0.7 - 1)) / 6 - 1e-9] })),
      mk((r) => Object.assign(r.sign, { gapsFt: [5], solidity: 1 })),
      mk((r) => Object.assign(r.sign, { gapsFt: [0], solidity: 0.7 })),
    ];
    list.forEach((raw, i) => agrees(raw, `rule case ${i}`));
  });

  it('declines every unknown key (zod names it), at every level', () => {
    const at: [string, (r: Raw) => Raw][] = [
      ['', (r) => r],
      ['site', (r) => r.site as Raw],
      ['sign', (r) => r.sign as Raw],
      ['sign.cabinets.0', (r) => ((r.sign as Raw).cabinets as Raw[])[0]],
      ['supports', (r) => r.supports as Raw],
      ['foundation', (r) => r.foundation as Raw],
      ['foundation.soil', (r) => (r.foundation as Raw).soil as Raw],
      ['options', (r) => r.options as Raw],
    ];
    for (const [path, get] of at) {
      for (const [k, v] of [
        ['windspeedmph', 180],
        ['note', 'x'],
        ['undefinedValue', undefined],
      ] as const) {
        const raw = base();
        get(raw)[k] = v;
        expect(fastParse(raw), `${path}.${k}`).toBeNull();
        const z = SignDesignInputSchema.safeParse(raw);
        expect(z.success, `${path}.${k}`).toBe(false);
        agrees(raw, `${path}.${k}`);
      }
    }
  });

  it('leaves unusual objects to zod and gives the same designs either way', () => {
    class Site {
      windSpeedMph = 120;
    }
    const nullProto = Object.assign(Object.create(null) as Raw, { windSpeedMph: 130 });
    for (const raw of [null, undefined, 5, 'x', [], { site: new Site() }, { site: nullProto }]) {
      agrees(raw, 'unusual');
    }
    expect(fastParse({ site: new Site() })).toBeNull();
    // whole designs: identical JSON with and without the fast path
    const inputs = [...Object.values(GOLDEN_CASES), ...sweepInputs(60, 99)];
    const withFast = inputs.map((r) => safeDesign(r));
    setFastParseEnabled(false);
    try {
      expect(fastParse(base())).toBeNull();
      inputs.forEach((r, i) => expect(safeDesign(r)).toBe(withFast[i]));
    } finally {
      setFastParseEnabled(true);
    }
    expect(fastParseEnabled()).toBe(true);
  });

  it('agrees with zod on random near-valid inputs', () => {
    const R = NUMBER_RULES;
    const bad = fc.constantFrom(Number.NaN, Infinity, '3', null, true, -1e-9, 1e9);
    /** mostly in the field's range (often on a bound), sometimes not, sometimes absent */
    const num = (r: NumberRule) => {
      const lo = r.min ?? r.gt ?? 0;
      const inRange = r.int
        ? fc.integer({ min: lo, max: r.max })
        : fc.double({ min: lo, max: r.max, noNaN: true });
      return fc.oneof(
        { arbitrary: inRange, weight: 12 },
        { arbitrary: fc.constantFrom(lo, r.max, r.max + 1e-9, lo - 1e-9), weight: 2 },
        { arbitrary: bad, weight: 1 },
        { arbitrary: fc.constant(undefined), weight: 2 },
      );
    };
    const maybe = <T>(a: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: a, weight: 6 }, { arbitrary: fc.constant(undefined), weight: 1 });
    const rare = <T>(valid: T[], invalid: unknown[]) =>
      fc.oneof(
        { arbitrary: fc.constantFrom(...valid), weight: 10 },
        { arbitrary: fc.constantFrom(...invalid), weight: 1 },
      );
    const cabinet = fc.record(
      {
        widthFt: num(R['sign.cabinets.widthFt']),
        heightFt: num({ gt: 0, max: 10 }),
        weightPsf: num(R['sign.cabinets.weightPsf']),
        extra: fc.string(),
      },
      { requiredKeys: ['widthFt', 'heightFt'] },
    );
    const sign = fc.array(cabinet, { minLength: 1, maxLength: 4 }).chain((cabinets) =>
      fc.record(
        {
          kind: rare(['pole'], ['monument', 'wall']),
          clearanceFt: num({ min: 0, max: 30 }),
          cabinets: fc.constant(cabinets),
          gapsFt: fc.oneof(
            {
              arbitrary: fc.array(num(R['sign.gapsFt']), {
                minLength: cabinets.length - 1,
                maxLength: cabinets.length - 1,
              }),
              weight: 8,
            },
            { arbitrary: fc.array(num(R['sign.gapsFt']), { maxLength: 5 }), weight: 1 },
          ),
          solidity: num(R['sign.solidity']),
          returnCornerFt: num(R['sign.returnCornerFt']),
        },
        { requiredKeys: ['cabinets', 'gapsFt'] },
      ),
    );
    const raw = fc.record(
      {
        standard: maybe(rare([...STANDARDS], ['x', 7])),
        site: maybe(
          fc.record(
            {
              windSpeedMph: num(R['site.windSpeedMph']),
              riskCategory: rare([...RISK_CATEGORIES], ['V']),
              exposure: rare([...EXPOSURES], ['Z']),
              kzt: num(R['site.kzt']),
              groundElevationFt: num(R['site.groundElevationFt']),
            },
            { requiredKeys: [] },
          ),
        ),
        sign: maybe(sign),
        supports: maybe(
          fc.record(
            {
              poleCount: num(R['supports.poleCount']),
              material: rare(['steel'], ['aluminum', 'wood']),
              families: fc.array(rare([...POLE_FAMILIES], ['x']), { minLength: 1, maxLength: 4 }),
              designation: fc.oneof(fc.string({ maxLength: 70 }), fc.constant(' Pipe 6 Std. ')),
              spacingFt: num({ gt: 0, max: 3 }),
              torsionSharing: rare([...TORSION_SHARING], ['x']),
            },
            { requiredKeys: [] },
          ),
        ),
        foundation: maybe(
          fc.record(
            {
              kind: rare(['direct-embedment'], ['x']),
              diameterFt: num(R['foundation.diameterFt']),
              soil: fc.oneof(
                fc.record({ class: num(R['foundation.soil.class']) }),
                fc.record({ geotechPsfPerFt: num(R['foundation.soil.geotechPsfPerFt']) }),
                fc.record(
                  {
                    class: num(R['foundation.soil.class']),
                    geotechPsfPerFt: num({ gt: 0, max: 9 }),
                  },
                  { requiredKeys: [] },
                ),
              ),
              isolatedPoleIncrease: rare([true, false], ['yes']),
              constrained: rare([true, false], [0]),
              depthIncrementFt: num(R['foundation.depthIncrementFt']),
              wasteFactor: num(R['foundation.wasteFactor']),
            },
            { requiredKeys: [] },
          ),
        ),
        options: maybe(
          fc.record(
            {
              deflectionLimitRatio: num(R['options.deflectionLimitRatio']),
              serviceWindFactor: num(R['options.serviceWindFactor']),
              includePoleWind: rare([true, false], ['no']),
              dampingRatio: num(R['options.dampingRatio']),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    );
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(raw, (r) => {
        agrees(r);
        if (fastParse(r)) accepted++;
        if (!SignDesignInputSchema.safeParse(r).success) rejected++;
      }),
      { numRuns: 4000, seed: 20261128 },
    );
    // the generator reaches both valid and invalid inputs
    expect(accepted).toBeGreaterThan(150);
    expect(rejected).toBeGreaterThan(400);
  });
});

function safeDesign(raw: unknown): string {
  try {
    return JSON.stringify(computeDesign(raw));
  } catch (err) {
    return `error ${String(err)} ${JSON.stringify((err as { fields?: unknown }).fields)}`;
  }
}

// parseInput is the public entry: the fast path is behind it
void parseInput;
