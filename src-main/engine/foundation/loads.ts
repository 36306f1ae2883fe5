import { G_RIGID } from '../data/wind-tables';
import type { PoleSection } from '../poles/catalog';
import type { Selection } from '../poles/select';
import { rnd } from '../steps';

/** The lateral load P and moment M the footing is designed for, and why. */
export interface FoundationLoads {
  p: number;
  m: number;
  /** the section whose loads P is (the selected one, or a lighter one it envelopes) */
  section: string;
  /** why P is not the selected pole's own groundline shear; '' when it is */
  note: string;
  /** the selected (or closest) pole's own shear, lb */
  ownShearLb: number;
}

/**
 * Foundation loads. The estimator's chosen section: its own loads. Lightest-passing selection:
 * the largest P and M of the chosen section and every lighter one checked, because more wind can
 * move the choice to a heavier section that is narrower (less pole wind) or stiffer (rigid G where
 * a lighter flexible one had Gf), and the footing must not get shallower as the wind, the gap or
 * the torque grows (docs/ENGINE.md monotone rule). A lighter section counts with its loads at the rigid
 * G = 0.85 (what it differs by is its pole wind, as before Gf), or, if larger, with its own loads
 * scaled down to its capacity (1 / its largest load ratio): the most it could have carried when it
 * was the selection at a lower wind. Never its full flexible-Gf load: a failing flexible section
 * must not triple the footing of the rigid pole actually used. The step and `note` say which
 * section governs. When nothing passes, every section checked is enveloped at its own loads.
 */
export function foundationLoads(
  sel: Selection,
  candidates: readonly PoleSection[],
): FoundationLoads {
  const own = sel.chosen;
  const mine = {
    p: own.shearLb,
    m: own.momentLbFt,
    section: own.section.designation,
    note: '',
    ownShearLb: own.shearLb,
  };
  if (sel.mode === 'designation' || sel.mode === 'designation-fallback') return mine;
  const evals = sel.scan.evaluations;
  const last = sel.mode === 'lightest' ? sel.chosenIndex : evals.length - 1;
  // start from the chosen section; another governs only when clearly larger (not by rounding
  // noise: a rigid-G load is the flexible one times 0.85 / Gf, equal to the ulp)
  const TOL = 1 + 1e-9;
  let p = own.shearLb;
  let m = own.momentLbFt;
  let ip = sel.mode === 'none-passes' ? -1 : sel.chosenIndex;
  let kp = 1;
  for (let i = 0; i <= last; i++) {
    // the lighter section at rigid G, or at its own capacity if that is more (never above its loads)
    const ei = evals[i];
    const gi = ei.g;
    const k =
      gi === G_RIGID || i === sel.chosenIndex || sel.mode === 'none-passes'
        ? 1
        : Math.min(1, Math.max(G_RIGID / gi, 1 / ei.loadRatio));
    const pi = ei.shearLb * k;
    if (pi > p * TOL) {
      p = pi;
      ip = i;
      kp = k;
    }
    const mi = ei.momentLbFt * k;
    if (mi > m * TOL) m = mi;
  }
  if (p === own.shearLb && m === own.momentLbFt) return mine;
  const gov = ip >= 0 ? candidates[ip] : own.section;
  const why =
    gov === own.section
      ? 'the selected pole; a lighter one gives the larger M'
      : evals[ip].g > G_RIGID
        ? `flexible, Gf = ${rnd(evals[ip].g, 3)}, ${kp < 1 ? `at ${rnd(kp * 100, 0)} % of its loads: what it carries at its own capacity` : 'at its own loads'}`
        : gov.odIn > own.section.odIn
          ? `wider (${gov.odIn} in), more wind on the pole`
          : 'more wind on the pole';
  const scope =
    sel.mode === 'none-passes'
      ? 'no section passes, so every section checked is enveloped'
      : `the footing is enveloped over ${own.section.designation} and the ${last} lighter sections checked, so it never gets shallower when the wind, the gap or the torque grows (a heavier pole can carry less load)`;
  const note = `P and M are those of ${gov.designation} (${why}), ${rnd(((p - own.shearLb) / own.shearLb) * 100, 0)} % above the shear of ${own.section.designation}: ${scope}; choose the section to design the footing for it alone`;
  return {
    p,
    m,
    section: gov.designation,
    note,
    ownShearLb: own.shearLb,
  };
}
