import { ALUMINUM_TUBES } from '../data/aluminum-tubes';
import { STEEL_SECTION_ROWS, type SteelFamily } from '../data/steel-sections';
import { AL_6061_T6, admAllowableMoment } from './adm-round-tube';
import {
  OMEGA_B,
  OMEGA_T,
  OMEGA_V,
  e7RoundEffectiveArea,
  f8FlexuralStrength,
  g5ShearStrength,
  h31RoundTorsion,
} from './aisc-round';
import { f7FlexuralStrength, g4ShearStrength, h31SquareTorsion } from './aisc-square';
import { admAllowableShear, admAllowableTorsion } from './adm-round-tube';

/** Round HSS shear/torsion stress is capped at 0.6 Fy for every length when the b-branch already is. */
function roundCapsAtAllLengths(fy: number, e: number, dt15: number): boolean {
  return (0.6 * e) / dt15 >= 0.6 * fy; // H3-2b (0.60E) <= G5-2b (0.78E), so this covers both
}

export type SectionFamily = SteelFamily | 'aluminum-round';

/** A pole section with the constants that do not depend on the design (computed once at load). */
export interface PoleSection {
  index: number;
  designation: string;
  family: SectionFamily;
  shape: 'round' | 'square';
  material: 'steel' | 'aluminum';
  odIn: number;
  tIn: number;
  weightPlf: number;
  areaIn2: number;
  iIn4: number;
  sIn3: number;
  zIn3: number;
  jIn4: number;
  cIn3: number;
  rIn: number;
  fyKsi: number;
  eKsi: number;
  gKsi: number;
  /** D/t (round) or b/t with b = B - 3t (square) */
  slenderness: number;
  flexureClass: string;
  /** ASD allowable moment, kip-in */
  maKipIn: number;
  /** ASD shear (kip) and torsion (kip-in) when independent of length, else NaN (computed per design) */
  vaKip: number;
  taKipIn: number;
  /** E7 effective area for compression when independent of the stress (round), else NaN */
  aeIn2: number;
  /** reference Ma from the source CSV (kip-ft), tests only; NaN for aluminum */
  refMaKipFt: number;
  codeRef: { flexure: string; shear: string; torsion: string; axial: string; interaction: string };
  /** stiffness and geometry the per-design checks use (evaluate.ts), computed once */
  hot: SectionHotConstants;
}

export interface SectionHotConstants {
  /** G J / (3 E I): rho = this x zA^2 */
  rhoCoef: number;
  /** 3 E I (lb-in2): cantilever stiffness 3EI / L^3 for the natural frequency */
  k3EI: number;
  /**
   * The hole the pole needs, IBC 2021 1807.3.3 item 1: 4 in larger than the diameter of a round
   * column or the diagonal of a square one (B sqrt 2, the corner radii neglected: conservative), in
   */
  minHoleIn: number;
  /** E (psi) x I, lb-in^2 */
  eiLbIn2: number;
  /** D in ft, and the index of (shape, D) among the distinct pole-wind profiles */
  dFt: number;
  windKey: number;
}

/** IBC 2021 1807.3.3 item 1: the hole is at least 4 in larger than the column (diameter/diagonal). */
export const HOLE_CLEARANCE_IN = 4;

const E_STEEL = 29000;
const G_STEEL = 11200;
/** Yield strengths by family (docs/ENGINE.md): A53 Gr B 35; A500 Gr C round 46; A500 Gr C square 50. */
export const FY_BY_FAMILY: Record<SteelFamily, number> = {
  pipe: 35,
  'hss-round': 46,
  'hss-square': 50,
};

/** A section's stiffness and geometry constants (the same for every design). */
function hotConstants(sec: PoleSection): SectionHotConstants {
  const { odIn } = sec;
  return {
    rhoCoef: (sec.gKsi * sec.jIn4) / (3 * sec.eKsi * sec.iIn4),
    k3EI: 3 * sec.eKsi * 1000 * sec.iIn4,
    minHoleIn: (sec.shape === 'square' ? odIn * Math.SQRT2 : odIn) + HOLE_CLEARANCE_IN,
    eiLbIn2: sec.eKsi * 1000 * sec.iIn4,
    dFt: odIn / 12,
    windKey: -1,
  };
}

/** Fill in `hot` (the literal's placeholder keeps every section on one hidden class). */
function withHot(sec: PoleSection): PoleSection {
  sec.hot = hotConstants(sec);
  return sec;
}

const HOT_PLACEHOLDER = null as unknown as SectionHotConstants;

function steelSection(index: number, row: (typeof STEEL_SECTION_ROWS)[number]): PoleSection {
  const [family, designation, od, , t, w, a, i, s, z, j, c, refMa] = row;
  const fy = FY_BY_FAMILY[family];
  const round = family !== 'hss-square';
  const slenderness = round ? od / t : (od - 3 * t) / t;
  const dt15 = Math.pow(slenderness, 1.5);
  const flex = round
    ? f8FlexuralStrength(fy, E_STEEL, slenderness, s, z)
    : f7FlexuralStrength(fy, E_STEEL, od, t, a, i, s, z);
  return withHot({
    index,
    designation,
    family,
    shape: round ? 'round' : 'square',
    material: 'steel',
    odIn: od,
    tIn: t,
    weightPlf: w,
    areaIn2: a,
    iIn4: i,
    sIn3: s,
    zIn3: z,
    jIn4: j,
    cIn3: c,
    rIn: Math.sqrt(i / a),
    fyKsi: fy,
    eKsi: E_STEEL,
    gKsi: G_STEEL,
    slenderness,
    flexureClass: flex.cls,
    maKipIn: flex.cls === 'not permitted' ? 0 : flex.mn / OMEGA_B,
    vaKip: round
      ? roundCapsAtAllLengths(fy, E_STEEL, dt15)
        ? g5ShearStrength(fy, E_STEEL, slenderness, od, 1e9, a) / OMEGA_V
        : Number.NaN
      : g4ShearStrength(fy, E_STEEL, od, t) / OMEGA_V,
    taKipIn: round
      ? roundCapsAtAllLengths(fy, E_STEEL, dt15)
        ? h31RoundTorsion(fy, E_STEEL, slenderness, od, 1e9, c) / OMEGA_T
        : Number.NaN
      : h31SquareTorsion(fy, E_STEEL, od, t, c) / OMEGA_T,
    aeIn2: round ? e7RoundEffectiveArea(fy, E_STEEL, slenderness, a) : Number.NaN,
    refMaKipFt: refMa,
    codeRef: round
      ? {
          flexure: 'AISC 360-16 F8',
          shear: 'AISC 360-16 G5',
          torsion: 'AISC 360-16 H3.1(a)',
          axial: 'AISC 360-16 E3, E7',
          interaction: 'AISC 360-16 H1.1 / H3.2 (H3-6)',
        }
      : {
          flexure: 'AISC 360-16 F7',
          shear: 'AISC 360-16 G4',
          torsion: 'AISC 360-16 H3.1(b)',
          axial: 'AISC 360-16 E3, E7',
          interaction: 'AISC 360-16 H1.1 / H3.2 (H3-6)',
        },
    hot: HOT_PLACEHOLDER,
  });
}

function aluminumSection(index: number, od: number, t: number): PoleSection {
  const di = od - 2 * t;
  const a = (Math.PI / 4) * (od * od - di * di);
  const i = (Math.PI / 64) * (od ** 4 - di ** 4);
  const z = (od ** 3 - di ** 3) / 6;
  const rm = (od - t) / 2;
  return withHot({
    index,
    designation: `AL ${od.toFixed(3)}x${t.toFixed(3)} 6061-T6`,
    family: 'aluminum-round',
    shape: 'round',
    material: 'aluminum',
    odIn: od,
    tIn: t,
    weightPlf: Math.round(a * 12 * AL_6061_T6.densityPci * 100) / 100,
    areaIn2: a,
    iIn4: i,
    sIn3: (2 * i) / od,
    zIn3: z,
    jIn4: 2 * i,
    cIn3: 2 * Math.PI * rm * rm * t,
    rIn: Math.sqrt(i / a),
    fyKsi: AL_6061_T6.fty,
    eKsi: AL_6061_T6.e,
    gKsi: AL_6061_T6.g,
    slenderness: rm / t,
    flexureClass: 'yielding/rupture (stocky tube)',
    maKipIn: admAllowableMoment((2 * i) / od, z),
    vaKip: admAllowableShear(a),
    taKipIn: admAllowableTorsion(2 * Math.PI * rm * rm * t),
    aeIn2: a,
    refMaKipFt: Number.NaN,
    codeRef: {
      flexure: 'ADM 2020 F.1, F.2',
      shear: 'ADM 2020 G',
      torsion: 'ADM 2020 H.2',
      axial: 'ADM 2020 E.3',
      interaction: 'ADM 2020 H.3',
    },
    hot: HOT_PLACEHOLDER,
  });
}

const steel = STEEL_SECTION_ROWS.map((r, i) => steelSection(i, r));
const aluminum = ALUMINUM_TUBES.map(([od, t], i) => aluminumSection(steel.length + i, od, t));

/** Distinct (shape, D) pole-wind profiles: sections sharing one get the same pole wind. */
const windKeys = new Map<string, number>();
for (const sec of [...steel, ...aluminum]) {
  const key = `${sec.shape}:${sec.odIn}`;
  if (!windKeys.has(key)) windKeys.set(key, windKeys.size);
  sec.hot.windKey = windKeys.get(key) as number;
}
/** Number of distinct pole-wind profiles (size of the per-design pole-wind cache). */
export const WIND_KEY_COUNT = windKeys.size;

/** Every section, lightest first (stable: catalog order breaks ties). */
export const ALL_SECTIONS: readonly PoleSection[] = [...steel, ...aluminum].sort(
  (x, y) => x.weightPlf - y.weightPlf || x.index - y.index,
);

export const STEEL_SECTIONS: readonly PoleSection[] = ALL_SECTIONS.filter(
  (s) => s.material === 'steel',
);
export const ALUMINUM_SECTIONS: readonly PoleSection[] = ALL_SECTIONS.filter(
  (s) => s.material === 'aluminum',
);

const byDesignation = new Map(ALL_SECTIONS.map((s) => [normalize(s.designation), s]));

function normalize(d: string): string {
  return d.toLowerCase().replace(/[\s.]/g, '');
}

/** Look a section up by designation (case, spaces and dots ignored: "pipe 6 std" works). */
export function findSection(designation: string): PoleSection | undefined {
  return byDesignation.get(normalize(designation));
}

const familyCache = new Map<string, readonly PoleSection[]>();
/** the same lists by the families exactly as given (a design repeats its own list) */
const rawFamilyCache = new Map<string, readonly PoleSection[]>();

/** Sections of the allowed families (steel) or the aluminum catalog, lightest first. */
export function candidateSections(
  material: 'steel' | 'aluminum',
  families: readonly string[],
): readonly PoleSection[] {
  if (material === 'aluminum') return ALUMINUM_SECTIONS;
  const raw = families.join(',');
  let list = rawFamilyCache.get(raw);
  if (list) return list;
  const key = [...new Set(families)].sort().join(',');
  list = familyCache.get(key);
  if (!list) {
    list = STEEL_SECTIONS.filter((s) => families.includes(s.family));
    familyCache.set(key, list);
  }
  // bounded: the family names are validated, so only a few orderings and duplicates exist
  if (rawFamilyCache.size < 256) rawFamilyCache.set(raw, list);
  return list;
}
