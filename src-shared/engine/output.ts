import { z } from 'zod';

/**
 * The sign design result (SignDesignResult): `{ engineVersion, inputHash, summary, wind, poles,
 * foundation, checks, steps, warnings }`. Units are in the field names. The `summary` names are
 * relied on by the UI, the reports and outside checks (ENGINE.md): do not rename them.
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
  }),
  checks: z.array(CheckSchema),
  steps: z.array(StepSchema),
  warnings: z.array(WarningSchema),
});

export type Step = z.infer<typeof StepSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type EngineWarning = z.infer<typeof WarningSchema>;
export type PoleOption = z.infer<typeof PoleOptionSchema>;
export type PoleRatios = z.infer<typeof PoleRatiosSchema>;
export type PoleDemand = z.infer<typeof PoleDemandSchema>;
export type WindCase = z.infer<typeof WindCaseSchema>;
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
