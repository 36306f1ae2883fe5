// What the sign's wind calculation (sign-wind.ts) gives: read by its calc steps (wind-steps.ts)
// and the pole checks. Its own module, so the calculation and its steps do not import each other.

/** An exposed length of pole (below the sign or in a gap between cabinets). */
export interface PoleSegment {
  fromFt: number;
  toFt: number;
  lengthFt: number;
  centroidFt: number;
  /** 0.00256 Kz Kzt Ke V^2 at the centroid (no Kd; the pole's Kd is applied once, by shape) */
  q0Psf: number;
  sqrtQ0: number;
  /** cantilever top deflection per unit line load: [f(to) - f(from)], f(c) = c^3 (4H - c) / 24 */
  deflFt4: number;
}

export interface CaseCRegionForce {
  fromFt: number;
  toFt: number;
  cf: number;
  forceLb: number;
}

/** Strength-level wind on the sign (ASCE 7 29.3) plus what the pole checks need. */
export interface SignWind {
  topHeightFt: number;
  signHeightFt: number;
  solidHeightFt: number;
  /** As: the gross outline area, ft2 */
  areaFt2: number;
  avgWidthFt: number;
  bOverS: number;
  sOverH: number;
  kz: number;
  ke: number;
  kd: number;
  kdForce: number;
  g: number;
  qhPsf: number;
  cfA: number;
  solidityFactor: number;
  /** outline (Fig. 29.3-1 note 2 reading): cabinet faces, gap openings, eps = solid / gross */
  cabinetAreaFt2: number;
  gapAreaFt2: number;
  solidity: number;
  forceALb: number;
  /** height of the resultant above grade (all cases) */
  resultantFt: number;
  eccentricityBFt: number;
  caseC: boolean;
  regions: CaseCRegionForce[];
  forceCLb: number;
  eccentricityCFt: number;
  /** sum over cabinets of (A_i / As) a_i^2 (3H - a_i) / 6, ft^3: top deflection per unit force x EI */
  signDeflFt3: number;
  segments: PoleSegment[];
  signWeightLb: number;
}
