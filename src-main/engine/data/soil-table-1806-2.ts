// IBC 2021 Table 1806.2 presumptive lateral bearing (psf per ft of depth below natural grade), same
// values 2006 Table 1804.2 through 2021. Source: Signwright reference data soil_lateral.csv.
// 1806.3.4: isolated poles (signs) may use 2 x the tabular values; 1806.3.3 (depth increase) never
// above 15 x the tabular value.

export interface SoilClassRow {
  cls: 1 | 2 | 3 | 4 | 5;
  material: string;
  lateralPsfPerFt: number;
}

export const SOIL_CLASSES: readonly SoilClassRow[] = [
  { cls: 1, material: 'Crystalline bedrock', lateralPsfPerFt: 1200 },
  { cls: 2, material: 'Sedimentary and foliated rock', lateralPsfPerFt: 400 },
  { cls: 3, material: 'Sandy gravel and/or gravel (GW, GP)', lateralPsfPerFt: 200 },
  {
    cls: 4,
    material: 'Sand, silty sand, clayey sand, silty gravel, clayey gravel (SW, SP, SM, SC, GM, GC)',
    lateralPsfPerFt: 150,
  },
  {
    cls: 5,
    material: 'Clay, sandy clay, silty clay, clayey silt, silt, sandy silt (CL, ML, MH, CH)',
    lateralPsfPerFt: 100,
  },
];

/** 1806.3.4 isolated-pole factor. */
export const ISOLATED_POLE_FACTOR = 2;
/** 1806.3.3: lateral bearing never above 15 x the tabular value. */
export const MAX_TABULAR_MULTIPLE = 15;
/** 1807.3.2.1: d not over 12 ft for computing the lateral pressure (reading 1, conservative). */
export const PRESSURE_DEPTH_CAP_FT = 12;
/** Largest tabular value (class 1): a geotechnical value above it is outside the table. */
export const MAX_TABULAR_PSF_PER_FT = 1200;
