import type { SignDesignInput } from '../../../src-shared/engine/input';
import {
  CASE_B_ECCENTRICITY,
  CASE_C_MIN_B_OVER_S,
  WALL_RESULTANT_RAISE,
} from '../data/cf-figure-29-3-1';
import { G_RIGID, KD_SIGN, QZ_CONSTANT } from '../data/wind-tables';
import type { StepLog } from '../steps';
import { logSignWindSteps } from './wind-steps';
import type { CaseCRegionForce, PoleSegment, SignWind } from './sign-wind-result';
import { cfCaseAB, cfCaseCRegions, solidityReductionFactor } from './force-coefficient';
import {
  forceEquationKd,
  groundElevationFactor,
  velocityPressure,
  velocityPressureExposureCoefficient,
} from './velocity-pressure';

/** Cantilever top deflection per unit line load up to height c: c^3 (4H - c) / 24. */
const fdef = (c: number, H: number) => (c * c * c * (4 * H - c)) / 24;

/** An exposed pole length from..to (nothing when empty), qz at its centroid without Kd. */
function addSegment(
  segments: PoleSegment[],
  input: SignDesignInput,
  ke: number,
  H: number,
  from: number,
  to: number,
): void {
  if (to - from <= 0) return;
  const site = input.site;
  const v = site.windSpeedMph;
  const zc = (from + to) / 2;
  const kzc = velocityPressureExposureCoefficient(input.standard, site.exposure, zc);
  const q0 = QZ_CONSTANT * kzc * site.kzt * ke * v * v;
  segments.push({
    fromFt: from,
    toFt: to,
    lengthFt: to - from,
    centroidFt: zc,
    q0Psf: q0,
    sqrtQ0: Math.sqrt(q0),
    deflFt4: fdef(to, H) - fdef(from, H),
  });
}

/**
 * ASCE 7 Chapter 29.3 wind on a solid freestanding sign (cabinets stacked bottom to top). Gapped
 * cabinets are ONE sign with openings (src-shared/engine/outline.ts): As = gross outline area
 * (cabinets + the gap openings over the narrower cabinet), eps = solid / gross combined with the
 * faces' own solidity, Cf times 1 - (1 - eps)^1.5 (Fig. 29.3-1 note 2), B = As / s (the average
 * width of note 3), s from the bottom of the lowest to the top of the highest cabinet.
 */
export function computeSignWind(input: SignDesignInput, log: StepLog | null): SignWind {
  const { site, sign } = input;
  const edition = input.standard;
  const v = site.windSpeedMph;
  const cabs = sign.cabinets;
  const n = cabs.length;
  // geometry: cabinet bottoms/tops, the outline's elements (cabinets and gap openings) and their
  // area-weighted centroid (Case A: "through the geometric center" of the outline)
  let z = sign.clearanceFt;
  let cabArea = 0;
  let gapArea = 0;
  let solidH = 0;
  let gapsH = 0;
  let weight = 0;
  let azSum = 0;
  const tops: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = cabs[i];
    const a = c.widthFt * c.heightFt;
    cabArea += a;
    solidH += c.heightFt;
    weight += a * c.weightPsf;
    azSum += a * (z + c.heightFt / 2);
    z += c.heightFt;
    tops[i] = z;
    if (i < n - 1) {
      const g = sign.gapsFt[i];
      if (g > 0) {
        const ag = g * Math.min(c.widthFt, cabs[i + 1].widthFt);
        gapArea += ag;
        gapsH += g;
        azSum += ag * (z + g / 2);
      }
      z += g;
    }
  }
  const area = cabArea + gapArea;
  const H = z;
  const s = H - sign.clearanceFt;
  // the outline height (= s; summed so an ungapped sign keeps B = As / sum s_i exactly)
  const sOutline = solidH + gapsH;
  const B = area / sOutline;
  const solidity = gapArea > 0 ? (cabArea * sign.solidity) / area : sign.solidity;
  const bOverS = B / s;
  const sOverH = s / H;
  const kz = velocityPressureExposureCoefficient(edition, site.exposure, H);
  const ke = groundElevationFactor(site.groundElevationFt);
  const qh = velocityPressure(edition, kz, site.kzt, KD_SIGN, ke, v);
  const kdF = forceEquationKd(edition, KD_SIGN);
  const cfA = cfCaseAB(sOverH, bOverS);
  const phi = solidityReductionFactor(solidity);
  const unitP = qh * kdF * G_RIGID * phi; // psf per unit Cf
  const forceA = unitP * cfA * area;
  // Fig. 29.3-1 note 3: s/h = 1 (at grade) puts the resultant 0.05 s above the geometric centre
  const raise = sOverH >= 1 ? WALL_RESULTANT_RAISE * s : 0;
  const zA = azSum / area + raise;
  // cantilever top deflection from a unit force shared over the outline: P a^2 (3H - a) / 6EI
  let deflSum = 0;
  z = sign.clearanceFt;
  for (let i = 0; i < n; i++) {
    const a = Math.min(z + cabs[i].heightFt / 2 + raise, H);
    deflSum += ((cabs[i].widthFt * cabs[i].heightFt) / area) * ((a * a * (3 * H - a)) / 6);
    if (i < n - 1) {
      const g = sign.gapsFt[i];
      if (g > 0) {
        const ag = g * Math.min(cabs[i].widthFt, cabs[i + 1].widthFt);
        const ad = Math.min(tops[i] + g / 2 + raise, H);
        deflSum += (ag / area) * ((ad * ad * (3 * H - ad)) / 6);
      }
    }
    z = tops[i] + (i < n - 1 ? sign.gapsFt[i] : 0);
  }
  const eB = CASE_B_ECCENTRICITY * B;
  // Case C (B/s >= 2): regions of width s from the windward edge over the outline height
  const caseC = bOverS >= CASE_C_MIN_B_OVER_S;
  const regions: CaseCRegionForce[] = [];
  let forceC = 0;
  let eC = 0;
  if (caseC) {
    const lrOverS = (sign.returnCornerFt ?? 0) / s;
    let moment = 0;
    for (const r of cfCaseCRegions(bOverS, sOverH, lrOverS)) {
      // each region is a strip of the outline, (to - from) s wide and s high
      const f = unitP * r.cf * (r.to - r.from) * s * sOutline;
      forceC += f;
      moment += (f * (r.from + r.to) * s) / 2;
      regions.push({ fromFt: r.from * s, toFt: r.to * s, cf: r.cf, forceLb: f });
    }
    eC = B / 2 - moment / forceC;
  }
  // exposed pole: below the sign and in each gap (ASCE 7 29.4, qz at the segment centroid)
  const segments: PoleSegment[] = [];
  addSegment(segments, input, ke, H, 0, sign.clearanceFt);
  for (let i = 0; i < n - 1; i++)
    addSegment(segments, input, ke, H, tops[i], tops[i] + sign.gapsFt[i]);

  const out: SignWind = {
    topHeightFt: H,
    signHeightFt: s,
    solidHeightFt: solidH,
    areaFt2: area,
    avgWidthFt: B,
    bOverS,
    sOverH,
    kz,
    ke,
    kd: KD_SIGN,
    kdForce: kdF,
    g: G_RIGID,
    qhPsf: qh,
    cfA,
    solidityFactor: phi,
    cabinetAreaFt2: cabArea,
    gapAreaFt2: gapArea,
    solidity,
    forceALb: forceA,
    resultantFt: zA,
    eccentricityBFt: eB,
    caseC,
    regions,
    forceCLb: forceC,
    eccentricityCFt: eC,
    signDeflFt3: deflSum,
    segments,
    signWeightLb: weight,
  };
  if (log) logSignWindSteps(log, input, out);
  return out;
}
