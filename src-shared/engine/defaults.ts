import type { SignDesignInput } from './input';

/**
 * A new design: ASCE 7-22, exposure C, risk category II, 115 mph, one 8 ft x 3 ft cabinet at 12 ft
 * clearance on one steel pole (all families), 2.5 ft drilled footing in class 4 soil with the
 * isolated-pole increase. Equal to `SignDesignInputSchema.parse({})` (a test keeps them in step).
 */
export const defaultDesignInput: SignDesignInput = {
  standard: 'ASCE7-22',
  site: { windSpeedMph: 115, riskCategory: 'II', exposure: 'C', kzt: 1, groundElevationFt: 0 },
  sign: {
    kind: 'pole',
    clearanceFt: 12,
    cabinets: [{ widthFt: 8, heightFt: 3, weightPsf: 10 }],
    gapsFt: [],
    solidity: 1,
  },
  supports: {
    poleCount: 1,
    material: 'steel',
    families: ['pipe', 'hss-round', 'hss-square'],
    torsionSharing: 'rigid-diaphragm',
  },
  foundation: {
    kind: 'direct-embedment',
    diameterFt: 2.5,
    soil: { class: 4 },
    isolatedPoleIncrease: true,
    constrained: false,
    depthIncrementFt: 0.5,
    wasteFactor: 0.1,
  },
  options: {
    deflectionLimitRatio: 40,
    serviceWindFactor: 0.6,
    includePoleWind: true,
    dampingRatio: 0.01,
  },
};
