/**
 * The outline of a sign made of cabinets stacked with clear gaps, read as ONE solid sign with
 * openings (ASCE 7 Fig. 29.3-1 note 2): gross area = the cabinets' faces plus, for each gap, the
 * opening it leaves between the two cabinets it separates. That opening is counted over the
 * NARROWER of the two cabinets: only there is the gap bounded by sign faces above and below; the
 * gap beside the narrower cabinet is open air, exactly like the air beside that cabinet, which the
 * figure already covers through the average width B = As / s (note 3: "average width of the sign").
 *
 * Shared by the schema (open signs are refused there, naming the field) and the engine (the force
 * uses this gross area and solidity), so both always agree.
 */

/** Below this solidity the sign is an open sign (Fig. 29.3-1 note 2: 30 % or more openings). */
export const OPEN_SIGN_SOLIDITY = 0.7;

export interface OutlineSign {
  cabinets: readonly { widthFt: number; heightFt: number }[];
  gapsFt: readonly number[];
  /** solidity of the cabinet faces themselves (openings in the faces), 0 < eps <= 1 */
  solidity: number;
}

export interface SignOutline {
  /** sum of the cabinet faces w h (ft2) */
  cabinetAreaFt2: number;
  /** sum over gaps of gap x narrower adjacent width (ft2) */
  gapAreaFt2: number;
  /** cabinets + gap openings: As of Eq. 29.3-1 (ft2) */
  grossAreaFt2: number;
  /** solid area: the cabinet faces times their own solidity (ft2) */
  solidAreaFt2: number;
  /** eps = solid / gross (Fig. 29.3-1 note 2) */
  solidity: number;
  /** s: bottom of the lowest to top of the highest cabinet (ft) */
  heightFt: number;
  /** the largest gap opening area (gap x narrower width) that keeps eps >= 0.7 (ft2) */
  maxGapAreaFt2: number;
}

/** The outline of the stacked cabinets (missing gaps count as 0 ft; the schema reports them). */
export function signOutline(sign: OutlineSign): SignOutline {
  const cabs = sign.cabinets;
  let cabinetArea = 0;
  let gapArea = 0;
  let height = 0;
  for (let i = 0; i < cabs.length; i++) {
    cabinetArea += cabs[i].widthFt * cabs[i].heightFt;
    height += cabs[i].heightFt;
    if (i < cabs.length - 1) {
      const g = sign.gapsFt[i] ?? 0;
      height += g;
      gapArea += g * Math.min(cabs[i].widthFt, cabs[i + 1].widthFt);
    }
  }
  const gross = cabinetArea + gapArea;
  const solid = cabinetArea * sign.solidity;
  return {
    cabinetAreaFt2: cabinetArea,
    gapAreaFt2: gapArea,
    grossAreaFt2: gross,
    solidAreaFt2: solid,
    // no openings: the faces' own solidity exactly (A eps / A is not always eps in floating point)
    solidity: gapArea > 0 ? solid / gross : sign.solidity,
    heightFt: height,
    maxGapAreaFt2: Math.max(solid / OPEN_SIGN_SOLIDITY - cabinetArea, 0),
  };
}
