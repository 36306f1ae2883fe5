import { z } from 'zod';

/**
 * The sign design result (SignDesignResult): `{ engineVersion, inputHash, summary, wind, poles,
 * foundation, checks, steps, warnings }`. Units are in the field names. The `summary` names are
 * relied on by the UI, the reports and outside checks (docs/ENGINE.md): do not rename them.
 */

export const StepSchema = z.object({
  id: z.string(),
  label: z.string(),
  formula: z.string(),
  codeRef: z.string(),
  value: z.union([z.number(), z.string()]),
  unit: z.string(),
});

export const CheckSchema = z.object({
  id: z.string(),
  label: z.string(),
  codeRef: z.string(),
  demand: z.number(),
  capacity: z.number(),
  unit: z.string(),
  ratio: z.number(),
  passes: z.boolean(),
});

export const WarningSchema = z.object({ code: z.string(), message: z.string() });

export const PoleRatiosSchema = z.object({
  flexure: z.number(),
  shear: z.number(),
  torsion: z.number(),
  axial: z.number(),
  interaction: z.number(),
  deflection: z.number(),
  /**
   * IBC 2021 1807.3.3 item 1: hole (footing) diameter needed, pole diameter or diagonal + 4 in,
   * over the footing diameter. Optional only because results saved before it lack it.
   */
  hole: z.number().optional(),
});

export const PoleOptionSchema = z.object({
  designation: z.string(),
  family: z.string(),
  weightPlf: z.number(),
  passes: z.boolean(),
  governingCheck: z.string(),
  governingRatio: z.number(),
  ratios: PoleRatiosSchema,
});

export const PoleDemandSchema = z.object({
  shearLb: z.number(),
  momentKipFt: z.number(),
  torsionKipFt: z.number(),
  axialLb: z.number(),
  deflectionIn: z.number(),
  allowableDeflectionIn: z.number(),
  poleWindLb: z.number(),
});

export const WindCaseSchema = z.object({
  id: z.enum(['A', 'B', 'C']),
  forceLb: z.number(),
  eccentricityFt: z.number(),
  resultantHeightFt: z.number(),
  momentAtGradeKipFt: z.number(),
  torsionKipFt: z.number(),
});

export const SummarySchema = z.object({
  standard: z.string(),
  kz: z.number(),
  ke: z.number(),
  qhPsf: z.number(),
  g: z.number(),
  cf: z.number(),
  signAreaFt2: z.number(),
  signForceLb: z.number(),
  groundlineShearLb: z.number(),
  groundlineMomentKipFt: z.number(),
  torsionKipFt: z.number(),
  pole: z.object({
    designation: z.string(),
    family: z.string(),
    weightPlf: z.number(),
    governingCheck: z.string(),
    governingRatio: z.number(),
    passes: z.boolean(),
  }),
  foundation: z.object({
    diameterFt: z.number(),
    depthFt: z.number(),
    concreteYd3: z.number(),
    lateralLoadLb: z.number(),
    loadHeightFt: z.number(),
    s1Psf: z.number(),
  }),
});

/** One pole's share at grade (ASD) under the governing case; x from the sign centre, ft. */
export const PoleShareSchema = z.object({
  pole: z.number().int(),
  xFt: z.number(),
  /** strength-level sign force on this pole, lb */
  signForceLb: z.number(),
  shearLb: z.number(),
  momentKipFt: z.number(),
  torsionKipFt: z.number(),
});

/** The section properties the checks used (design wall thickness for HSS and pipe). */
export const SectionPropertiesSchema = z.object({
  designation: z.string(),
  shape: z.enum(['round', 'square']),
  /** D (round) or B (square), in */
  sizeIn: z.number(),
  tDesignIn: z.number(),
  areaIn2: z.number(),
  iIn4: z.number(),
  sIn3: z.number(),
  zIn3: z.number(),
  jIn4: z.number(),
  cIn3: z.number(),
  fyKsi: z.number(),
  eKsi: z.number(),
  /** the hole it needs (IBC 1807.3.3 item 1): D or B sqrt 2, + 4 in */
  minHoleIn: z.number(),
});

/**
 * The gust-effect factor of the design's pole (ASCE 7 26.11): rigid 0.85 or flexible Gf. The
 * resonant terms r, gR and gf are 0 for a rigid pole (they do not apply: 26.11.1).
 */
export const GustSchema = z.object({
  n1Hz: z.number(),
  flexible: z.boolean(),
  g: z.number(),
  dampingRatio: z.number(),
  zBarFt: z.number(),
  iz: z.number(),
  lzFt: z.number(),
  q: z.number(),
  vzFtPerS: z.number(),
  r: z.number(),
  gR: z.number(),
  gf: z.number(),
});

/** A reading of the code (an engineering choice) that a reviewer must accept. */
export const ReadingSchema = z.object({ id: z.string(), title: z.string(), text: z.string() });

export const SignDesignResultSchema = z.object({
  engineVersion: z.string(),
  inputHash: z.string().regex(/^[0-9a-f]{64}$/),
  summary: SummarySchema,
  wind: z.object({
    standard: z.string(),
    windSpeedMph: z.number(),
    exposure: z.string(),
    riskCategory: z.string(),
    topHeightFt: z.number(),
    signHeightFt: z.number(),
    averageWidthFt: z.number(),
    signAreaFt2: z.number(),
    bOverS: z.number(),
    sOverH: z.number(),
    kz: z.number(),
    kzt: z.number(),
    ke: z.number(),
    kd: z.number(),
    g: z.number(),
    qhPsf: z.number(),
    cfCaseA: z.number(),
    solidityFactor: z.number(),
    caseCApplies: z.boolean(),
    caseCRegions: z.array(
      z.object({ fromFt: z.number(), toFt: z.number(), cf: z.number(), forceLb: z.number() }),
    ),
    cases: z.array(WindCaseSchema),
    governingCase: z.enum(['A', 'B', 'C']),
    signWeightLb: z.number(),
    // The fields below are optional only because results saved before them lack them.
    /** the outline of gapped cabinets (Fig. 29.3-1 note 2 reading, see src-shared/engine/outline) */
    outline: z
      .object({
        cabinetAreaFt2: z.number(),
        gapAreaFt2: z.number(),
        grossAreaFt2: z.number(),
        solidity: z.number(),
      })
      .optional(),
    /** Kd applied to the exposed pole (Table 26.6-1 chimneys, tanks and similar, by shape) */
    kdPole: z.number().optional(),
    gust: GustSchema.optional(),
  }),
  poles: z.object({
    poleCount: z.number(),
    material: z.string(),
    spacingFt: z.number(),
    selected: PoleOptionSchema.nullable(),
    closest: PoleOptionSchema,
    demand: PoleDemandSchema,
    naturalFrequencyHz: z.number(),
    options: z.array(PoleOptionSchema),
    // optional only because results saved before them lack them
    sharing: z.enum(['single', 'rigid-diaphragm', 'stiffness']).optional(),
    shares: z.array(PoleShareSchema).optional(),
    section: SectionPropertiesSchema.optional(),
  }),
  foundation: z.object({
    method: z.string(),
    diameterFt: z.number(),
    tabularPsfPerFt: z.number(),
    increaseFactor: z.number(),
    designPsfPerFt: z.number(),
    capPsf: z.number(),
    lateralLoadLb: z.number(),
    loadHeightFt: z.number(),
    momentLbFt: z.number(),
    s1Psf: z.number(),
    requiredDepthFt: z.number(),
    depthFt: z.number(),
    concreteYd3: z.number(),
    wasteFactor: z.number(),
    diameterTable: z.array(
      z.object({ diameterFt: z.number(), depthFt: z.number(), concreteYd3: z.number() }),
    ),
    // optional only because results saved before them lack them
    /** which section's loads P and M are (the selected pole, or a lighter one it envelopes) */
    loadSection: z.string().optional(),
    /** why P differs from the selected pole's groundline shear, in words ('' when it does not) */
    loadNote: z.string().optional(),
    /** smallest footing (hole) diameter the pole fits, IBC 1807.3.3 item 1, ft */
    minDiameterFt: z.number().optional(),
  }),
  checks: z.array(CheckSchema),
  steps: z.array(StepSchema),
  warnings: z.array(WarningSchema),
  /** the readings of the code a reviewer must accept (optional: older results lack it) */
  readings: z.array(ReadingSchema).optional(),
});

export type Step = z.infer<typeof StepSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type EngineWarning = z.infer<typeof WarningSchema>;
export type PoleOption = z.infer<typeof PoleOptionSchema>;
export type PoleRatios = z.infer<typeof PoleRatiosSchema>;
export type PoleDemand = z.infer<typeof PoleDemandSchema>;
export type WindCase = z.infer<typeof WindCaseSchema>;
export type PoleShare = z.infer<typeof PoleShareSchema>;
export type SectionProperties = z.infer<typeof SectionPropertiesSchema>;
export type Gust = z.infer<typeof GustSchema>;
export type Reading = z.infer<typeof ReadingSchema>;
export type SignDesignResult = z.infer<typeof SignDesignResultSchema>;

/** A (designation, diameter) pair evaluated for the quote's alternatives ranking. */
export const CombinationResultSchema = z.object({
  designation: z.string(),
  family: z.string(),
  weightPlf: z.number(),
  passes: z.boolean(),
  governingCheck: z.string(),
  governingRatio: z.number(),
  diameterFt: z.number(),
  depthFt: z.number(),
  concreteYd3: z.number(),
  poleLengthFt: z.number(),
});
export type CombinationResult = z.infer<typeof CombinationResultSchema>;

/** Every pole check passes except, possibly, the hole rule (which depends on the footing chosen). */
export function passesExceptHole(o: Pick<PoleOption, 'ratios'>): boolean {
  const r = o.ratios;
  return (
    r.flexure <= 1 &&
    r.shear <= 1 &&
    r.torsion <= 1 &&
    r.axial <= 1 &&
    r.interaction <= 1 &&
    r.deflection <= 1
  );
}
