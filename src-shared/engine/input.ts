import { z } from 'zod';
import { num } from '../validation';
import { OPEN_SIGN_SOLIDITY, signOutline } from './outline';
import { strictObject } from './strict';

/**
 * The sign design input (SignDesignInput), shared by the engine, the CLI, the UI forms and the
 * reports. Every field has a plain-words message naming it and its allowed range; every optional
 * field has a default so `SignDesignInputSchema.parse({})` is a valid new design. Every object is
 * strict: an unknown (e.g. misspelled) key is an error naming it, never silently dropped.
 */

export const STANDARDS = ['ASCE7-22', 'ASCE7-16'] as const;
export const EXPOSURES = ['B', 'C', 'D'] as const;
export const RISK_CATEGORIES = ['I', 'II', 'III', 'IV'] as const;
export const SIGN_KINDS = ['pole', 'monument'] as const;
export const POLE_MATERIALS = ['steel', 'aluminum'] as const;
export const POLE_FAMILIES = ['pipe', 'hss-round', 'hss-square'] as const;
/**
 * How the Case B / C torque reaches the ground on 2..4 poles. `rigid-diaphragm` (default): the
 * cabinet is a rigid diaphragm and the torque is the couple of the pole shears,
 * V_i = F/n + T x_i / sum x^2 (the statics a plan checker expects). `stiffness`: split between the
 * poles' own torsion (GJ/L) and that couple (3EI/L^3 x^2) by stiffness, which is only true with a
 * designed torsionally rigid pole-to-cabinet connection.
 */
export const TORSION_SHARING = ['rigid-diaphragm', 'stiffness'] as const;

/** The industry's aluminum material lock: aluminum poles only up to this overall height. */
export const ALUMINUM_MAX_HEIGHT_FT = 15;
/** Below this solidity the sign is an open sign (ASCE 7 Fig. 29.3-1 note 2: 30 % openings). */
export const MIN_SOLIDITY = OPEN_SIGN_SOLIDITY;
/**
 * Default damping ratio for the flexible-sign gust factor Gf (ASCE 7 26.11.5, beta as a fraction
 * of critical): 1 % of critical, the value ASCE 7 Commentary C26.11 gives as typical for steel
 * structures and the one the ASCE "Guide to the Use of the Wind Load Provisions" sign example uses.
 * Bare welded poles can be lower (0.2 to 0.5 % has been reported): lower it for those.
 */
export const DEFAULT_DAMPING_RATIO = 0.01;
/** Overall height (grade to top of sign) accepted by the schema. */
export const MAX_OVERALL_HEIGHT_FT = 200;

const oneOf = <T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: `${label} must be one of ${values.join(', ')}` });

const bool = (label: string) => z.boolean({ error: `${label} must be true or false` });

export const CabinetSchema = strictObject('a cabinet', {
  widthFt: num('Cabinet width', 'ft', { gt: 0, max: 100 }),
  heightFt: num('Cabinet height', 'ft', { gt: 0, max: 50 }),
  weightPsf: num('Cabinet weight', 'psf', { min: 0, max: 100 }).default(10),
});

export const SiteSchema = strictObject('site', {
  windSpeedMph: num('Basic wind speed', 'mph', { min: 60, max: 250 }).default(115),
  riskCategory: oneOf('Risk category', RISK_CATEGORIES).default('II'),
  exposure: oneOf('Exposure category', EXPOSURES).default('C'),
  kzt: num('Topographic factor Kzt', undefined, { min: 1, max: 3 }).default(1),
  groundElevationFt: num('Ground elevation', 'ft', { min: -500, max: 15000 }).default(0),
});

export const SignSchema = strictObject('sign', {
  kind: oneOf('Sign kind', SIGN_KINDS).default('pole'),
  clearanceFt: num('Clearance to grade', 'ft', { min: 0, max: 150 }).default(12),
  cabinets: z
    .array(CabinetSchema, { error: 'Cabinets must be a list' })
    .min(1, { message: 'A sign needs at least 1 cabinet' })
    .max(6, { message: 'A sign can have at most 6 cabinets' })
    .default([{ widthFt: 8, heightFt: 3, weightPsf: 10 }]),
  gapsFt: z
    .array(num('Gap between cabinets', 'ft', { min: 0, max: 50 }), {
      error: 'Gaps must be a list',
    })
    .default([]),
  solidity: num('Solidity', undefined, { gt: 0, max: 1 }).default(1),
  returnCornerFt: num('Return corner length', 'ft', { min: 0, max: 100 }).optional(),
});

export const SupportsSchema = strictObject('supports', {
  poleCount: num('Pole count', undefined, { min: 1, max: 4, int: true }).default(1),
  material: oneOf('Pole material', POLE_MATERIALS).default('steel'),
  families: z
    .array(oneOf('Pole family', POLE_FAMILIES), { error: 'Pole families must be a list' })
    .min(1, { message: 'Choose at least one pole family' })
    .default(['pipe', 'hss-round', 'hss-square']),
  /** The estimator's chosen section; used when it passes, otherwise the lightest passing one. */
  designation: z
    .string({ error: 'Pole section must be text' })
    .trim()
    .min(1, { message: 'Pole section must not be empty' })
    .max(60, { message: 'Pole section must be at most 60 characters' })
    .optional(),
  /** Centre-to-centre pole spacing; default B / n: poles at the centres of equal widths of the sign. */
  spacingFt: num('Pole spacing', 'ft', { gt: 0, max: 100 }).optional(),
  /** How the Case B / C torque is shared by 2..4 poles (see TORSION_SHARING). */
  torsionSharing: oneOf('Torsion sharing', TORSION_SHARING).default('rigid-diaphragm'),
});

export const SoilSchema = strictObject('foundation.soil', {
  class: num('Soil class', undefined, { min: 1, max: 5, int: true }).optional(),
  geotechPsfPerFt: num('Geotechnical lateral bearing', 'psf/ft', { gt: 0, max: 5000 }).optional(),
});

export const FoundationSchema = strictObject('foundation', {
  kind: z
    .literal('direct-embedment', { error: 'Foundation kind must be direct-embedment' })
    .default('direct-embedment'),
  diameterFt: num('Footing diameter', 'ft', { min: 1, max: 8 }).default(2.5),
  soil: SoilSchema.prefault({ class: 4 }),
  isolatedPoleIncrease: bool('Isolated pole increase').default(true),
  constrained: bool('Constrained at grade').default(false),
  depthIncrementFt: num('Depth increment', 'ft', { gt: 0, max: 2 }).default(0.5),
  wasteFactor: num('Concrete waste factor', undefined, { min: 0, max: 1 }).default(0.1),
});

export const OptionsSchema = strictObject('options', {
  /** Deflection limit H/ratio at the sign top (see ENGINE README: AASHTO sign supports, 2.5 % H). */
  deflectionLimitRatio: num('Deflection limit ratio', undefined, { min: 10, max: 1000 }).default(
    40,
  ),
  /** Fraction of the strength-level wind used for the deflection check (ASD level 0.6 by default). */
  serviceWindFactor: num('Service wind factor', undefined, { gt: 0, max: 1 }).default(0.6),
  /** Wind on the exposed pole (ASCE 7 29.4); off only to compare with hand calcs that neglect it. */
  includePoleWind: bool('Include pole wind').default(true),
  /** Damping ratio beta for Gf of flexible signs (ASCE 7 26.11.5), fraction of critical. */
  dampingRatio: num('Damping ratio', undefined, { min: 0.002, max: 0.05 }).default(
    DEFAULT_DAMPING_RATIO,
  ),
});

export const SignDesignInputSchema = strictObject('the design', {
  standard: oneOf('Standard', STANDARDS).default('ASCE7-22'),
  site: SiteSchema.prefault({}),
  sign: SignSchema.prefault({}),
  supports: SupportsSchema.prefault({}),
  foundation: FoundationSchema.prefault({}),
  options: OptionsSchema.prefault({}),
}).superRefine((v, ctx) => {
  const { sign, supports, foundation } = v;
  if (sign.kind === 'monument' && sign.clearanceFt !== 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['sign', 'clearanceFt'],
      message: `Clearance to grade must be 0 ft for a monument sign (got ${sign.clearanceFt} ft)`,
    });
  }
  const expectedGaps = sign.cabinets.length - 1;
  if (sign.gapsFt.length !== expectedGaps) {
    ctx.addIssue({
      code: 'custom',
      path: ['sign', 'gapsFt'],
      message: `Gaps must list ${expectedGaps} value${expectedGaps === 1 ? '' : 's'} (one per pair of stacked cabinets), got ${sign.gapsFt.length}`,
    });
  }
  if (sign.solidity < MIN_SOLIDITY) {
    ctx.addIssue({
      code: 'custom',
      path: ['sign', 'solidity'],
      message: `Solidity must be at least ${MIN_SOLIDITY} (got ${sign.solidity}): with 30 % or more openings this is an open sign (ASCE 7 Fig. 29.3-1 note 2; open signs are ASCE 7 29.4), which this engine does not design`,
    });
  } else if (sign.gapsFt.length === expectedGaps && expectedGaps > 0) {
    // gapped cabinets are one sign with openings (outline.ts): refuse an open sign, never pass it
    const o = signOutline(sign);
    if (o.solidity < MIN_SOLIDITY) {
      ctx.addIssue({
        code: 'custom',
        path: ['sign', 'gapsFt'],
        message: `Gaps make this an open sign: solid area ${round2(o.solidAreaFt2)} ft2 of the ${round2(o.grossAreaFt2)} ft2 outline is solidity ${round2(o.solidity)}, below ${MIN_SOLIDITY} (ASCE 7 Fig. 29.3-1 note 2); open signs (ASCE 7 29.4) are not designed here. Keep the gap openings (gap x narrower cabinet width) at most ${round2(o.maxGapAreaFt2)} ft2 (now ${round2(o.gapAreaFt2)} ft2) or design the cabinets as separate signs`,
      });
    }
  }
  const overall =
    sign.clearanceFt +
    sign.cabinets.reduce((s, c) => s + c.heightFt, 0) +
    sign.gapsFt.reduce((s, g) => s + g, 0);
  if (overall > MAX_OVERALL_HEIGHT_FT) {
    ctx.addIssue({
      code: 'custom',
      path: ['sign', 'clearanceFt'],
      message: `Overall sign height (clearance + cabinets + gaps) must be at most ${MAX_OVERALL_HEIGHT_FT} ft (got ${round2(overall)} ft)`,
    });
  }
  if (supports.material === 'aluminum' && overall > ALUMINUM_MAX_HEIGHT_FT) {
    ctx.addIssue({
      code: 'custom',
      path: ['supports', 'material'],
      message: `Aluminum poles are limited to ${ALUMINUM_MAX_HEIGHT_FT} ft overall height (this sign is ${round2(overall)} ft to the top): choose steel or lower the sign`,
    });
  }
  if (supports.spacingFt !== undefined && supports.poleCount > 1) {
    const widest = Math.max(...sign.cabinets.map((c) => c.widthFt));
    const span = supports.spacingFt * (supports.poleCount - 1);
    if (span > widest) {
      ctx.addIssue({
        code: 'custom',
        path: ['supports', 'spacingFt'],
        message: `Pole spacing must be more than 0 ft and at most ${Math.floor((widest / (supports.poleCount - 1)) * 100) / 100} ft for ${supports.poleCount} poles: the poles must fit under the ${round2(widest)} ft wide sign (${supports.poleCount} poles at ${supports.spacingFt} ft span ${round2(span)} ft)`,
      });
    }
  }
  const soil = foundation.soil;
  const given = (soil.class !== undefined ? 1 : 0) + (soil.geotechPsfPerFt !== undefined ? 1 : 0);
  if (given !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['foundation', 'soil'],
      message:
        'Soil must give either a class (1 to 5, IBC Table 1806.2) or a geotechnical lateral bearing value in psf/ft, not both',
    });
  }
});

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** What a caller may send (defaults not yet applied). */
export type SignDesignInputRaw = z.input<typeof SignDesignInputSchema>;
/** The parsed input with every default applied: what the engine computes from. */
export type SignDesignInput = z.output<typeof SignDesignInputSchema>;
export type Cabinet = z.output<typeof CabinetSchema>;
export type PoleFamily = (typeof POLE_FAMILIES)[number];
export type TorsionSharing = (typeof TORSION_SHARING)[number];
