// Fixed inputs for the golden (byte-identical output) test. Each case's full
// `JSON.stringify(computeDesign(input))` is committed under fixtures/golden/<name>.json; regenerate
// only for an intended output change: `npx tsx test/engine/golden-generate.ts`.
import type { SignDesignInputRaw } from '../../src-shared/engine/input';

const cab = (widthFt: number, heightFt: number, weightPsf?: number) =>
  weightPsf === undefined ? { widthFt, heightFt } : { widthFt, heightFt, weightPsf };

export const GOLDEN_CASES: Record<string, SignDesignInputRaw> = {
  'defaults-empty': {},
  'b-22-single': {
    site: { windSpeedMph: 105, exposure: 'B' },
    sign: { clearanceFt: 10, cabinets: [cab(8, 4)] },
  },
  'c-22-single': {
    site: { windSpeedMph: 115, exposure: 'C' },
    sign: { clearanceFt: 14, cabinets: [cab(10, 5)] },
  },
  'd-22-single': {
    site: { windSpeedMph: 140, exposure: 'D' },
    sign: { clearanceFt: 20, cabinets: [cab(12, 6)] },
  },
  'b-16-single': {
    standard: 'ASCE7-16',
    site: { windSpeedMph: 100, exposure: 'B' },
    sign: { clearanceFt: 9, cabinets: [cab(6, 3)] },
  },
  'c-16-single': {
    standard: 'ASCE7-16',
    site: { windSpeedMph: 120, exposure: 'C', kzt: 1.2, groundElevationFt: 3000 },
    sign: { clearanceFt: 16, cabinets: [cab(9, 5, 12)] },
  },
  'd-16-two-poles': {
    standard: 'ASCE7-16',
    site: { windSpeedMph: 150, exposure: 'D', riskCategory: 'III' },
    sign: { clearanceFt: 18, cabinets: [cab(16, 6)] },
    supports: { poleCount: 2 },
  },
  'c-22-three-poles-spacing': {
    site: { windSpeedMph: 130, exposure: 'C' },
    sign: { clearanceFt: 12, cabinets: [cab(24, 6)] },
    supports: { poleCount: 3, spacingFt: 9 },
  },
  'b-22-four-poles': {
    site: { windSpeedMph: 110, exposure: 'B' },
    sign: { clearanceFt: 15, cabinets: [cab(40, 8)] },
    supports: { poleCount: 4 },
  },
  'c-16-four-poles-return-corner': {
    standard: 'ASCE7-16',
    site: { windSpeedMph: 125, exposure: 'C' },
    sign: { clearanceFt: 10, cabinets: [cab(48, 5)], returnCornerFt: 3 },
    supports: { poleCount: 4, spacingFt: 14 },
  },
  'case-c-wide-one-pole': {
    site: { windSpeedMph: 115, exposure: 'C' },
    sign: { clearanceFt: 8, cabinets: [cab(20, 3)] },
  },
  'case-c-return-corner-large': {
    site: { windSpeedMph: 115, exposure: 'D' },
    sign: { clearanceFt: 6, cabinets: [cab(30, 4)], returnCornerFt: 12 },
    supports: { poleCount: 2 },
  },
  'monument-22': {
    site: { windSpeedMph: 115, exposure: 'C' },
    sign: { kind: 'monument', clearanceFt: 0, cabinets: [cab(10, 5, 40)] },
  },
  'monument-16-wide': {
    standard: 'ASCE7-16',
    site: { windSpeedMph: 130, exposure: 'B' },
    sign: { kind: 'monument', clearanceFt: 0, cabinets: [cab(16, 4, 60)] },
    supports: { poleCount: 2 },
  },
  'cabinets-gaps-2': {
    site: { windSpeedMph: 120, exposure: 'C' },
    sign: { clearanceFt: 14, cabinets: [cab(10, 4), cab(6, 2)], gapsFt: [1.5] },
  },
  'cabinets-gaps-3-16': {
    standard: 'ASCE7-16',
    site: { windSpeedMph: 140, exposure: 'D' },
    sign: { clearanceFt: 12, cabinets: [cab(8, 3), cab(8, 2), cab(5, 1.5)], gapsFt: [2, 0] },
    supports: { poleCount: 2 },
  },
  'cabinets-6-gaps': {
    site: { windSpeedMph: 105, exposure: 'B' },
    sign: {
      clearanceFt: 10,
      cabinets: [cab(8, 2), cab(8, 2), cab(7, 1.5), cab(6, 1.5), cab(6, 1), cab(4, 1)],
      gapsFt: [0.5, 1, 0, 2, 0.25],
    },
  },
  'cabinets-gaps-no-pole-wind': {
    site: { windSpeedMph: 120, exposure: 'C' },
    sign: { clearanceFt: 14, cabinets: [cab(10, 4), cab(6, 2)], gapsFt: [3] },
    options: { includePoleWind: false },
  },
  'aluminum-short': {
    site: { windSpeedMph: 105, exposure: 'B' },
    sign: { clearanceFt: 6, cabinets: [cab(3, 2, 5)] },
    supports: { material: 'aluminum' },
  },
  'aluminum-two-poles-16': {
    standard: 'ASCE7-16',
    site: { windSpeedMph: 115, exposure: 'C' },
    sign: { clearanceFt: 8, cabinets: [cab(6, 3)] },
    supports: { material: 'aluminum', poleCount: 2 },
  },
  'aluminum-none-passes': {
    site: { windSpeedMph: 180, exposure: 'D' },
    sign: { clearanceFt: 9, cabinets: [cab(12, 5)] },
    supports: { material: 'aluminum' },
  },
  'geotech-soil': {
    site: { windSpeedMph: 115, exposure: 'C' },
    sign: { clearanceFt: 15, cabinets: [cab(10, 5)] },
    foundation: { soil: { geotechPsfPerFt: 250 }, diameterFt: 3 },
  },
  'geotech-soil-beyond-table': {
    standard: 'ASCE7-16',
    site: { windSpeedMph: 115, exposure: 'C' },
    sign: { clearanceFt: 15, cabinets: [cab(10, 5)] },
    foundation: { soil: { geotechPsfPerFt: 1500 } },
  },
  'constrained-class2': {
    site: { windSpeedMph: 120, exposure: 'C' },
    sign: { clearanceFt: 12, cabinets: [cab(8, 4)] },
    foundation: { constrained: true, soil: { class: 2 }, diameterFt: 2 },
  },
  'constrained-no-increase-16': {
    standard: 'ASCE7-16',
    site: { windSpeedMph: 140, exposure: 'D' },
    sign: { clearanceFt: 20, cabinets: [cab(14, 6)] },
    supports: { poleCount: 2 },
    foundation: {
      constrained: true,
      isolatedPoleIncrease: false,
      soil: { class: 5 },
      depthIncrementFt: 0.25,
      wasteFactor: 0.2,
    },
  },
  'soil-class1-small-footing': {
    site: { windSpeedMph: 115, exposure: 'C' },
    sign: { clearanceFt: 12, cabinets: [cab(8, 4)] },
    foundation: { soil: { class: 1 }, diameterFt: 1.5, depthIncrementFt: 1 },
  },
  'none-passes-steel': {
    site: { windSpeedMph: 250, exposure: 'D' },
    sign: { clearanceFt: 80, cabinets: [cab(60, 30, 50)] },
    supports: { families: ['pipe'] },
  },
  'deep-footing-no-solution': {
    site: { windSpeedMph: 200, exposure: 'D' },
    sign: { clearanceFt: 60, cabinets: [cab(40, 20)] },
    foundation: { soil: { geotechPsfPerFt: 1 }, diameterFt: 1 },
  },
  'tall-sign-flexible': {
    site: { windSpeedMph: 115, exposure: 'C' },
    sign: { clearanceFt: 90, cabinets: [cab(14, 8)] },
  },
  'tall-sign-passes': {
    site: { windSpeedMph: 95, exposure: 'B' },
    sign: { clearanceFt: 62, cabinets: [cab(4, 2, 5)] },
    supports: { poleCount: 2 },
  },
  'designation-passes': {
    site: { windSpeedMph: 115, exposure: 'C' },
    sign: { clearanceFt: 12, cabinets: [cab(8, 4)] },
    supports: { designation: 'HSS10.750x0.500' },
  },
  'designation-normalized-fallback': {
    site: { windSpeedMph: 140, exposure: 'C' },
    sign: { clearanceFt: 18, cabinets: [cab(12, 6)] },
    supports: { designation: '  pipe 3 std  ' },
  },
  'designation-square-fails-none-pass': {
    site: { windSpeedMph: 250, exposure: 'D' },
    sign: { clearanceFt: 80, cabinets: [cab(60, 30, 50)] },
    supports: { families: ['hss-square'], designation: 'HSS6x6x1/4' },
  },
  'families-square-only': {
    site: { windSpeedMph: 120, exposure: 'B' },
    sign: { clearanceFt: 12, cabinets: [cab(10, 5)] },
    supports: { families: ['hss-square'], poleCount: 2 },
  },
  'families-round-pipe-dup': {
    standard: 'ASCE7-16',
    site: { windSpeedMph: 120, exposure: 'C' },
    sign: { clearanceFt: 12, cabinets: [cab(10, 5)] },
    supports: { families: ['pipe', 'hss-round', 'pipe'] },
  },
  'cf-clamped-narrow': {
    site: { windSpeedMph: 115, exposure: 'C' },
    sign: { clearanceFt: 5, cabinets: [cab(1, 40)] },
  },
  'cf-clamped-wide': {
    site: { windSpeedMph: 100, exposure: 'B' },
    sign: { clearanceFt: 10, cabinets: [cab(100, 2, 2)] },
    supports: { poleCount: 4 },
  },
  'solidity-deflection-options': {
    site: { windSpeedMph: 130, exposure: 'C' },
    sign: { clearanceFt: 16, cabinets: [cab(10, 6)], solidity: 0.75 },
    options: { deflectionLimitRatio: 60, serviceWindFactor: 0.7 },
  },
  'low-elevation-negative': {
    standard: 'ASCE7-16',
    site: { windSpeedMph: 95, exposure: 'B', groundElevationFt: -200, kzt: 1.5 },
    sign: { clearanceFt: 0, cabinets: [cab(4, 3)] },
  },
  // optional keys given as undefined are "not given" (unknown keys are refused: strict-input tests)
  'explicit-undefined-optionals': {
    site: { windSpeedMph: 115, exposure: 'C' },
    sign: { clearanceFt: 12, cabinets: [cab(8, 3)], returnCornerFt: undefined },
    supports: { designation: undefined, spacingFt: undefined },
  },
  'two-poles-stiffness-option': {
    site: { windSpeedMph: 120, exposure: 'C' },
    sign: { clearanceFt: 14, cabinets: [cab(12, 5)] },
    supports: { poleCount: 2, spacingFt: 6, torsionSharing: 'stiffness' },
  },
  'gaps-unequal-widths': {
    site: { windSpeedMph: 125, exposure: 'C' },
    sign: { clearanceFt: 10, cabinets: [cab(10, 4), cab(6, 3), cab(6, 2)], gapsFt: [2, 1] },
    supports: { poleCount: 2 },
  },
  'flexible-gf-passes': {
    site: { windSpeedMph: 95, exposure: 'B' },
    sign: { clearanceFt: 50, cabinets: [cab(4, 2, 5)] },
    supports: { poleCount: 2 },
    options: { dampingRatio: 0.008 },
  },
  'hole-limits-selection': {
    site: { windSpeedMph: 115, exposure: 'C' },
    sign: { clearanceFt: 14, cabinets: [cab(12, 6)] },
    foundation: { diameterFt: 1.25 },
  },
  'below-map-floor-rc4': {
    site: { windSpeedMph: 100, exposure: 'C', riskCategory: 'IV' },
    sign: { clearanceFt: 12, cabinets: [cab(8, 3)] },
  },
  'fractional-values': {
    site: { windSpeedMph: 117.3, exposure: 'D', groundElevationFt: 1234.5 },
    sign: { clearanceFt: 13.37, cabinets: [cab(7.25, 3.125, 11.5), cab(4.1, 1.9)], gapsFt: [0.7] },
    supports: { poleCount: 2, spacingFt: 3.3 },
    foundation: { diameterFt: 2.75, depthIncrementFt: 0.1, wasteFactor: 0.05 },
  },
};

/** Deterministic pseudo-random inputs (mulberry32) covering the ranges; checked by output hash. */
export function sweepInputs(count: number, seed = 12345): SignDesignInputRaw[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const out: SignDesignInputRaw[] = [];
  for (let i = 0; i < count; i++) {
    const aluminum = rand() < 0.1;
    const nCab = 1 + Math.floor(rand() * (aluminum ? 2 : 4));
    const cabinets = [];
    for (let c = 0; c < nCab; c++) {
      cabinets.push(
        cab(
          r2(1 + rand() * (aluminum ? 5 : 30)),
          r2(0.5 + rand() * (aluminum ? 1.5 : 6)),
          r2(rand() * 30),
        ),
      );
    }
    const gapsFt = cabinets.slice(1).map(() => (rand() < 0.4 ? 0 : r2(rand() * 3)));
    const monument = !aluminum && rand() < 0.1;
    const poleCount = 1 + Math.floor(rand() * 4);
    const soil =
      rand() < 0.2 ? { geotechPsfPerFt: r2(50 + rand() * 600) } : { class: pick([1, 2, 3, 4, 5]) };
    const input: SignDesignInputRaw = {
      standard: pick(['ASCE7-22', 'ASCE7-16'] as const),
      site: {
        windSpeedMph: r2(90 + rand() * 110),
        exposure: pick(['B', 'C', 'D'] as const),
        kzt: rand() < 0.2 ? r2(1 + rand()) : 1,
        groundElevationFt: rand() < 0.3 ? r2(rand() * 6000) : 0,
      },
      sign: {
        kind: monument ? 'monument' : 'pole',
        clearanceFt: monument ? 0 : aluminum ? r2(rand() * 6) : r2(rand() * 40),
        cabinets,
        gapsFt,
        solidity: rand() < 0.2 ? r2(0.7 + rand() * 0.3) : 1,
        ...(rand() < 0.2 ? { returnCornerFt: r2(rand() * 10) } : {}),
      },
      supports: {
        poleCount,
        material: aluminum ? 'aluminum' : 'steel',
        ...(rand() < 0.2 ? { families: [pick(['pipe', 'hss-round', 'hss-square'] as const)] } : {}),
        ...(rand() < 0.1 && !aluminum
          ? { designation: pick(['Pipe 6 Std.', 'HSS8.625x0.322', 'HSS6x6x1/4']) }
          : {}),
      },
      foundation: {
        diameterFt: r2(1.5 + rand() * 4),
        soil,
        constrained: rand() < 0.25,
        isolatedPoleIncrease: rand() < 0.8,
        depthIncrementFt: pick([0.25, 0.5, 1]),
      },
      options: { includePoleWind: rand() < 0.9 },
    };
    out.push(input);
  }
  return out;
}
