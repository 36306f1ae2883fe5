// A fast path for parseInput: for an input that is plainly valid (plain objects, numbers in range,
// known enum values, every cross-field rule met) it builds the same parsed, defaulted object
// SignDesignInputSchema would, without zod's per-field machinery. Anything else - a wrong type, a
// value out of range, a failed rule, an unusual object - returns null and the caller runs zod,
// which alone produces the errors. So it can only ever answer for inputs zod accepts, with zod's
// answer: the rules below transcribe src-shared/engine/input.ts, and
// test/engine/fast-parse.test.ts checks them against the schema (every bound and rule probed) and
// against zod on random inputs. The enums and defaults are read from the schema's own sources.
import {
  ALUMINUM_MAX_HEIGHT_FT,
  EXPOSURES,
  MAX_OVERALL_HEIGHT_FT,
  MIN_SOLIDITY,
  POLE_FAMILIES,
  POLE_MATERIALS,
  RISK_CATEGORIES,
  SIGN_KINDS,
  STANDARDS,
  TORSION_SHARING,
  CabinetSchema,
  SignDesignInputSchema,
  type SignDesignInput,
} from '../../src-shared/engine/input';
import { signOutline } from '../../src-shared/engine/outline';

/** A number rule of input.ts: inclusive min, exclusive gt, inclusive max, whole number. */
export interface NumberRule {
  min?: number;
  gt?: number;
  max: number;
  int?: boolean;
}

/** Every numeric field's rule, by path (input.ts `num(...)` arguments). */
export const NUMBER_RULES = {
  'site.windSpeedMph': { min: 60, max: 250 },
  'site.kzt': { min: 1, max: 3 },
  'site.groundElevationFt': { min: -500, max: 15000 },
  'sign.clearanceFt': { min: 0, max: 150 },
  'sign.cabinets.widthFt': { gt: 0, max: 100 },
  'sign.cabinets.heightFt': { gt: 0, max: 50 },
  'sign.cabinets.weightPsf': { min: 0, max: 100 },
  'sign.gapsFt': { min: 0, max: 50 },
  'sign.solidity': { gt: 0, max: 1 },
  'sign.returnCornerFt': { min: 0, max: 100 },
  'supports.poleCount': { min: 1, max: 4, int: true },
  'supports.spacingFt': { gt: 0, max: 100 },
  'foundation.diameterFt': { min: 1, max: 8 },
  'foundation.soil.class': { min: 1, max: 5, int: true },
  'foundation.soil.geotechPsfPerFt': { gt: 0, max: 5000 },
  'foundation.depthIncrementFt': { gt: 0, max: 2 },
  'foundation.wasteFactor': { min: 0, max: 1 },
  'options.deflectionLimitRatio': { min: 10, max: 1000 },
  'options.serviceWindFactor': { gt: 0, max: 1 },
  'options.dampingRatio': { min: 0.002, max: 0.05 },
} as const satisfies Record<string, NumberRule>;

/** The keys of each object the schema reads (the load-time check compares them with the schema). */
export const FAST_PARSE_KEYS: Record<string, readonly string[]> = {
  '': ['standard', 'site', 'sign', 'supports', 'foundation', 'options'],
  site: ['windSpeedMph', 'riskCategory', 'exposure', 'kzt', 'groundElevationFt'],
  sign: ['kind', 'clearanceFt', 'cabinets', 'gapsFt', 'solidity', 'returnCornerFt'],
  'sign.cabinets': ['widthFt', 'heightFt', 'weightPsf'],
  supports: ['poleCount', 'material', 'families', 'designation', 'spacingFt', 'torsionSharing'],
  foundation: [
    'kind',
    'diameterFt',
    'soil',
    'isolatedPoleIncrease',
    'constrained',
    'depthIncrementFt',
    'wasteFactor',
  ],
  'foundation.soil': ['class', 'geotechPsfPerFt'],
  options: ['deflectionLimitRatio', 'serviceWindFactor', 'includePoleWind', 'dampingRatio'],
};

/** The same lists as sets: an object with any other key goes to zod (strict: it reports it). */
const KNOWN: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries(FAST_PARSE_KEYS).map(([k, v]) => [k, new Set(v)]),
);

const K_ROOT = KNOWN[''];
const K_SITE = KNOWN.site;
const K_SIGN = KNOWN.sign;
const K_CABINET = KNOWN['sign.cabinets'];
const K_SUPPORTS = KNOWN.supports;
const K_FOUNDATION = KNOWN.foundation;
const K_SOIL = KNOWN['foundation.soil'];
const K_OPTIONS = KNOWN.options;

/** Every own key of `o` is one the schema knows there. */
function onlyKnown(o: Obj, known: ReadonlySet<string>): boolean {
  for (const k in o) if (!known.has(k)) return false;
  return true;
}

type Rules = typeof NUMBER_RULES;
type Obj = Record<string, unknown>;

function ok(v: unknown, r: NumberRule): v is number {
  return (
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (!r.int || Number.isInteger(v)) &&
    (r.min === undefined || v >= r.min) &&
    (r.gt === undefined || v > r.gt) &&
    v <= r.max
  );
}

/** A plain data object (what JSON and object literals give); other objects go to zod. */
function plain(x: unknown): x is Obj {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

const plainArray = (x: unknown): x is unknown[] =>
  Array.isArray(x) && Object.getPrototypeOf(x) === Array.prototype;

const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (values as readonly string[]).includes(v);

/** The schema's defaults (zod applied to {}), copied per use. */
const D: SignDesignInput = SignDesignInputSchema.parse({});

const NO = null;

/** The field default of a cabinet's weight (the schema's, read once). */
const CABINET_WEIGHT_PSF = CabinetSchema.parse({ widthFt: 1, heightFt: 1 }).weightPsf;

/** A raw value, or the default when it is undefined (each raw field is read once, like zod). */
const orDefault = (v: unknown, dflt: unknown): unknown => (v === undefined ? dflt : v);

/** Read a numeric field: the default when undefined, NaN (decline) when invalid. */
function numOr(v: unknown, rule: NumberRule, dflt: number): number {
  if (v === undefined) return dflt;
  return ok(v, rule) ? v : Number.NaN;
}

function boolOr(v: unknown, dflt: boolean): boolean | null {
  if (v === undefined) return dflt;
  return typeof v === 'boolean' ? v : NO;
}

/** The parsed input for a plainly valid raw input, else null (then zod decides). */
export function fastParse(raw: unknown): SignDesignInput | null {
  if (!enabled || !plain(raw) || !onlyKnown(raw, K_ROOT)) return NO;
  const R: Rules = NUMBER_RULES;

  const standard = orDefault(raw.standard, D.standard);
  if (!oneOf(STANDARDS, standard)) return NO;

  // site
  const s0 = orDefault(raw.site, {});
  if (!plain(s0) || !onlyKnown(s0, K_SITE)) return NO;
  const riskCategory = orDefault(s0.riskCategory, D.site.riskCategory);
  const exposure = orDefault(s0.exposure, D.site.exposure);
  if (!oneOf(RISK_CATEGORIES, riskCategory) || !oneOf(EXPOSURES, exposure)) return NO;
  const site = {
    windSpeedMph: numOr(s0.windSpeedMph, R['site.windSpeedMph'], D.site.windSpeedMph),
    riskCategory,
    exposure,
    kzt: numOr(s0.kzt, R['site.kzt'], D.site.kzt),
    groundElevationFt: numOr(
      s0.groundElevationFt,
      R['site.groundElevationFt'],
      D.site.groundElevationFt,
    ),
  };
  if (site.windSpeedMph !== site.windSpeedMph || site.kzt !== site.kzt) return NO;
  if (site.groundElevationFt !== site.groundElevationFt) return NO;

  // sign
  const g0 = orDefault(raw.sign, {});
  if (!plain(g0) || !onlyKnown(g0, K_SIGN)) return NO;
  const kind = orDefault(g0.kind, D.sign.kind);
  if (!oneOf(SIGN_KINDS, kind)) return NO;
  const clearanceFt = numOr(g0.clearanceFt, R['sign.clearanceFt'], D.sign.clearanceFt);
  const solidity = numOr(g0.solidity, R['sign.solidity'], D.sign.solidity);
  if (clearanceFt !== clearanceFt || solidity !== solidity) return NO;
  let cabinets: SignDesignInput['sign']['cabinets'];
  const c0 = g0.cabinets;
  if (c0 === undefined) {
    cabinets = D.sign.cabinets.map((c) => ({ ...c }));
  } else {
    if (!plainArray(c0) || c0.length < 1 || c0.length > 6) return NO;
    cabinets = [];
    for (let i = 0; i < c0.length; i++) {
      const c = c0[i];
      if (!plain(c) || !onlyKnown(c, K_CABINET)) return NO;
      const widthFt = c.widthFt;
      const heightFt = c.heightFt;
      const weightPsf = numOr(c.weightPsf, R['sign.cabinets.weightPsf'], CABINET_WEIGHT_PSF);
      if (!ok(widthFt, R['sign.cabinets.widthFt']) || !ok(heightFt, R['sign.cabinets.heightFt'])) {
        return NO;
      }
      if (weightPsf !== weightPsf) return NO;
      cabinets.push({ widthFt, heightFt, weightPsf });
    }
  }
  let gapsFt: number[];
  const a0 = g0.gapsFt;
  if (a0 === undefined) gapsFt = [];
  else {
    const a = a0;
    if (!plainArray(a)) return NO;
    gapsFt = [];
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!ok(v, R['sign.gapsFt'])) return NO;
      gapsFt.push(v);
    }
  }
  const sign: SignDesignInput['sign'] = { kind, clearanceFt, cabinets, gapsFt, solidity };
  if ('returnCornerFt' in g0) {
    const v = g0.returnCornerFt;
    if (v !== undefined && !ok(v, R['sign.returnCornerFt'])) return NO;
    sign.returnCornerFt = v;
  }

  // supports
  const p0 = orDefault(raw.supports, {});
  if (!plain(p0) || !onlyKnown(p0, K_SUPPORTS)) return NO;
  const poleCount = numOr(p0.poleCount, R['supports.poleCount'], D.supports.poleCount);
  const material = orDefault(p0.material, D.supports.material);
  if (poleCount !== poleCount || !oneOf(POLE_MATERIALS, material)) return NO;
  let families: SignDesignInput['supports']['families'];
  const fa = p0.families;
  if (fa === undefined) families = [...D.supports.families];
  else {
    const a = fa;
    if (!plainArray(a) || a.length < 1) return NO;
    families = [];
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!oneOf(POLE_FAMILIES, v)) return NO;
      families.push(v);
    }
  }
  const supports = { poleCount, material, families } as SignDesignInput['supports'];
  if ('designation' in p0) {
    const v = p0.designation;
    if (v === undefined) supports.designation = v;
    else {
      if (typeof v !== 'string') return NO;
      const t = v.trim();
      if (t.length < 1 || t.length > 60) return NO;
      supports.designation = t;
    }
  }
  if ('spacingFt' in p0) {
    const v = p0.spacingFt;
    if (v !== undefined && !ok(v, R['supports.spacingFt'])) return NO;
    supports.spacingFt = v;
  }
  const torsionSharing = orDefault(p0.torsionSharing, D.supports.torsionSharing);
  if (!oneOf(TORSION_SHARING, torsionSharing)) return NO;
  supports.torsionSharing = torsionSharing;

  // foundation
  const f0 = orDefault(raw.foundation, {});
  if (!plain(f0) || !onlyKnown(f0, K_FOUNDATION)) return NO;
  const fkind = f0.kind;
  if (fkind !== undefined && fkind !== 'direct-embedment') return NO;
  const diameterFt = numOr(f0.diameterFt, R['foundation.diameterFt'], D.foundation.diameterFt);
  const depthIncrementFt = numOr(
    f0.depthIncrementFt,
    R['foundation.depthIncrementFt'],
    D.foundation.depthIncrementFt,
  );
  const wasteFactor = numOr(f0.wasteFactor, R['foundation.wasteFactor'], D.foundation.wasteFactor);
  const isolatedPoleIncrease = boolOr(f0.isolatedPoleIncrease, D.foundation.isolatedPoleIncrease);
  const constrained = boolOr(f0.constrained, D.foundation.constrained);
  if (diameterFt !== diameterFt || depthIncrementFt !== depthIncrementFt) return NO;
  if (wasteFactor !== wasteFactor || isolatedPoleIncrease === NO || constrained === NO) return NO;
  let soil: SignDesignInput['foundation']['soil'];
  const so = f0.soil;
  if (so === undefined) soil = { ...D.foundation.soil };
  else {
    const o = so;
    if (!plain(o) || !onlyKnown(o, K_SOIL)) return NO;
    soil = {};
    if ('class' in o) {
      const v = o.class;
      if (v !== undefined && !ok(v, R['foundation.soil.class'])) return NO;
      soil.class = v;
    }
    if ('geotechPsfPerFt' in o) {
      const v = o.geotechPsfPerFt;
      if (v !== undefined && !ok(v, R['foundation.soil.geotechPsfPerFt'])) return NO;
      soil.geotechPsfPerFt = v;
    }
  }
  const foundation: SignDesignInput['foundation'] = {
    kind: 'direct-embedment',
    diameterFt,
    soil,
    isolatedPoleIncrease,
    constrained,
    depthIncrementFt,
    wasteFactor,
  };

  // options
  const o0 = orDefault(raw.options, {});
  if (!plain(o0) || !onlyKnown(o0, K_OPTIONS)) return NO;
  const options = {
    deflectionLimitRatio: numOr(
      o0.deflectionLimitRatio,
      R['options.deflectionLimitRatio'],
      D.options.deflectionLimitRatio,
    ),
    serviceWindFactor: numOr(
      o0.serviceWindFactor,
      R['options.serviceWindFactor'],
      D.options.serviceWindFactor,
    ),
    includePoleWind: boolOr(o0.includePoleWind, D.options.includePoleWind),
    dampingRatio: numOr(o0.dampingRatio, R['options.dampingRatio'], D.options.dampingRatio),
  };
  if (options.dampingRatio !== options.dampingRatio) return NO;
  if (options.deflectionLimitRatio !== options.deflectionLimitRatio) return NO;
  if (options.serviceWindFactor !== options.serviceWindFactor || options.includePoleWind === NO) {
    return NO;
  }

  const out: SignDesignInput = {
    standard,
    site,
    sign,
    supports,
    foundation,
    options: options as SignDesignInput['options'],
  };
  return crossFieldRulesHold(out) ? out : NO;
}

/** The schema's superRefine rules, computed the same way (any failure: zod reports it). */
function crossFieldRulesHold(v: SignDesignInput): boolean {
  const { sign, supports, foundation } = v;
  if (sign.kind === 'monument' && sign.clearanceFt !== 0) return false;
  if (sign.gapsFt.length !== sign.cabinets.length - 1) return false;
  if (sign.solidity < MIN_SOLIDITY) return false;
  if (sign.gapsFt.length > 0 && !(signOutline(sign).solidity >= MIN_SOLIDITY)) return false;
  let heights = 0;
  for (let i = 0; i < sign.cabinets.length; i++) heights = heights + sign.cabinets[i].heightFt;
  let gaps = 0;
  for (let i = 0; i < sign.gapsFt.length; i++) gaps = gaps + sign.gapsFt[i];
  const overall = sign.clearanceFt + heights + gaps;
  if (!(overall <= MAX_OVERALL_HEIGHT_FT)) return false;
  if (supports.material === 'aluminum' && !(overall <= ALUMINUM_MAX_HEIGHT_FT)) return false;
  if (supports.spacingFt !== undefined && supports.poleCount > 1) {
    let widest = -Infinity;
    for (let i = 0; i < sign.cabinets.length; i++) {
      widest = Math.max(widest, sign.cabinets[i].widthFt);
    }
    if (!(supports.spacingFt * (supports.poleCount - 1) <= widest)) return false;
  }
  const soil = foundation.soil;
  const given = (soil.class !== undefined ? 1 : 0) + (soil.geotechPsfPerFt !== undefined ? 1 : 0);
  return given === 1;
}

// --- load-time check: the schema reads exactly the keys above (else the fast path stays off) ---

interface ZodLike {
  _zod: { def: { type: string; innerType?: ZodLike; element?: ZodLike; shape?: Obj } };
  shape?: Record<string, ZodLike>;
}

/** The object schema inside default/prefault/optional/array wrappers, or null. */
function objectShape(t: ZodLike | undefined): Record<string, ZodLike> | null {
  let cur = t;
  for (let i = 0; cur && i < 8; i++) {
    const def = cur._zod.def;
    if (def.type === 'object') return (def.shape ?? null) as Record<string, ZodLike> | null;
    cur = def.innerType ?? def.element;
  }
  return null;
}

function schemaMatchesKeys(): boolean {
  try {
    const root = objectShape(SignDesignInputSchema as unknown as ZodLike);
    if (!root) return false;
    for (const [path, keys] of Object.entries(FAST_PARSE_KEYS)) {
      let shape: Record<string, ZodLike> | null = root;
      if (path) {
        for (const part of path.split('.')) shape = shape ? objectShape(shape[part]) : null;
      }
      if (!shape) return false;
      const actual = Object.keys(shape);
      if (actual.length !== keys.length || actual.some((k, i) => k !== keys[i])) return false;
    }
    return true;
  } catch {
    return false;
  }
}

let enabled = schemaMatchesKeys();

/** Whether the fast path is on (off when the schema's fields differ from the ones it knows). */
export function fastParseEnabled(): boolean {
  return enabled;
}

/** Tests only: turn the fast path off/on to compare with zod alone. */
export function setFastParseEnabled(on: boolean): void {
  enabled = on && schemaMatchesKeys();
}
