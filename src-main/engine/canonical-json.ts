/**
 * Canonical JSON: object keys sorted (code-unit order), no whitespace, `undefined` members dropped,
 * non-finite numbers rejected. The input hash is SHA-256 of this text, so two inputs that mean the
 * same thing (key order aside) hash the same.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
      return String(value);
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i) out += ',';
          out += value[i] === undefined ? 'null' : canonicalJson(value[i]);
        }
        return out + ']';
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      let out = '{';
      let first = true;
      for (const k of keys) {
        const v = obj[k];
        if (v === undefined) continue;
        if (!first) out += ',';
        first = false;
        out += JSON.stringify(k) + ':' + canonicalJson(v);
      }
      return out + '}';
    }
    default:
      throw new Error(`canonicalJson: unsupported ${typeof value}`);
  }
}

/**
 * The shape of a value whose canonical JSON is written by a precompiled plan: 'v' for any scalar,
 * an object's fields, or an array's element shape. Anything that does not fit the plan (another
 * type, a key the plan does not name) is written by canonicalJson itself, so the text is always
 * exactly canonicalJson(value); the plan only avoids sorting keys and re-quoting them.
 */
export type CanonicalShape = 'v' | { readonly [key: string]: CanonicalShape } | [CanonicalShape];

interface ObjectPlan {
  kind: 'object';
  /** key -> index in `keys` (null prototype: no inherited names) */
  index: Record<string, number>;
  /** keys in canonical (sorted) order, their `"key":` text and value plans */
  keys: string[];
  prefix: string[];
  plans: Plan[];
  /** which keys are present for the own-key list `lastOwn` (objects of one shape repeat it) */
  present: Uint8Array;
  lastOwn: string[] | null;
  /** set while this plan writes an object: a re-entrant use (a getter) takes the generic path */
  busy: boolean;
}
type Plan = { kind: 'scalar' } | { kind: 'array'; element: Plan } | ObjectPlan;

const SCALAR: Plan = { kind: 'scalar' };

/** Compile a shape into a writer plan (once, at module load of the caller). */
export function canonicalPlan(shape: CanonicalShape): Plan {
  if (shape === 'v') return SCALAR;
  if (Array.isArray(shape)) return { kind: 'array', element: canonicalPlan(shape[0]) };
  const keys = Object.keys(shape).sort();
  const index = Object.create(null) as Record<string, number>;
  keys.forEach((k, i) => (index[k] = i));
  return {
    kind: 'object',
    index,
    keys,
    prefix: keys.map((k) => JSON.stringify(k) + ':'),
    plans: keys.map((k) => canonicalPlan((shape as Record<string, CanonicalShape>)[k])),
    present: new Uint8Array(keys.length),
    lastOwn: null,
    busy: false,
  };
}

function sameKeys(a: string[], b: string[] | null): boolean {
  if (b === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** canonicalJson(value), written by a plan from canonicalPlan (same text for any value). */
export function canonicalJsonWith(value: unknown, plan: Plan): string {
  if (plan.kind === 'scalar') {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string') return JSON.stringify(value);
    return canonicalJson(value);
  }
  if (plan.kind === 'array') {
    if (!Array.isArray(value)) return canonicalJson(value);
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i) out += ',';
      const v: unknown = value[i];
      out += v === undefined ? 'null' : canonicalJsonWith(v, plan.element);
    }
    return out + ']';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || plan.busy) {
    return canonicalJson(value);
  }
  plan.busy = true;
  try {
    return writeObject(value as Record<string, unknown>, plan);
  } finally {
    plan.busy = false;
  }
}

function writeObject(obj: Record<string, unknown>, plan: ObjectPlan): string {
  const own = Object.keys(obj);
  const present = plan.present;
  if (!sameKeys(own, plan.lastOwn)) {
    present.fill(0);
    for (let i = 0; i < own.length; i++) {
      const at = plan.index[own[i]];
      if (at === undefined) {
        plan.lastOwn = null;
        return canonicalJson(obj);
      }
      present[at] = 1;
    }
    plan.lastOwn = own;
  }
  const { keys, prefix, plans } = plan;
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    if (!present[i]) continue;
    const v = obj[keys[i]];
    if (v === undefined) continue;
    out += (first ? prefix[i] : ',' + prefix[i]) + canonicalJsonWith(v, plans[i]);
    first = false;
  }
  return out + '}';
}
