import type { SignDesignInput } from '../../../src-shared/engine/input';
import type { Check } from '../../../src-shared/engine/output';
import type { FoundationDesign } from '../foundation/design-foundation';
import { StepLog, rnd } from '../steps';
import type { PoleContext, PoleEvaluation } from './evaluate';
import type { Selection } from './select';

/** Cantilever first-mode estimate: k = 3EI/L^3 at the resultant, mass = tip + 0.236 pole (Hz). */
export function naturalFrequencyHz(e: PoleEvaluation, ctx: PoleContext): number {
  const sec = e.section;
  const lIn = ctx.wind.resultantFt * 12;
  const k = (3 * sec.eKsi * 1000 * sec.iIn4) / (lIn * lIn * lIn); // lb/in
  const wLb = ctx.signWeightPerPoleLb + 0.236 * sec.weightPlf * ctx.wind.topHeightFt;
  const mass = Math.max(wLb, 1) / 386.1; // lb s^2 / in
  return Math.sqrt(k / mass) / (2 * Math.PI);
}

/** Steps for the governing per-pole demands and the chosen section's checks. */
export function buildPoleSteps(
  log: StepLog,
  input: SignDesignInput,
  ctx: PoleContext,
  sel: Selection,
  nHz: number,
): void {
  const e = sel.chosen;
  const sec = e.section;
  const ref = sec.codeRef;
  log.add(
    'pole.count',
    'Poles',
    `${ctx.poleCount} equal poles share by stiffness`,
    'statics',
    ctx.poleCount,
    '',
  );
  log.add(
    'pole.case',
    'Governing wind case for the most loaded pole',
    'max over Cases A, B, C',
    'ASCE 7 Fig. 29.3-1 note 3',
    e.governingCase,
    '',
  );
  log.add(
    'pole.share',
    'Sign force on the most loaded pole (strength)',
    ctx.poleCount > 1 ? 'F/n + F e x_max / (n rho + sum x^2)' : 'F',
    'statics (rigid sign)',
    e.signShareLb,
    'lb',
  );
  log.add(
    'pole.wind',
    'Wind on the exposed pole (strength)',
    'sum qz (Kd) G Cf D L, Cf by h/D',
    'ASCE 7 29.4, Fig. 29.4-1',
    e.poleWindLb,
    'lb',
  );
  log.add(
    'pole.V',
    'Groundline shear per pole (ASD)',
    '0.6 (F_sign + F_pole)',
    'ASCE 7 2.4.1 (D + 0.6W)',
    e.shearLb,
    'lb',
  );
  log.add(
    'pole.M',
    'Groundline moment per pole (ASD)',
    '0.6 (F_sign z + sum F_pole z)',
    'ASCE 7 2.4.1',
    e.momentLbFt / 1000,
    'kip-ft',
  );
  log.add(
    'pole.T',
    'Torsion per pole (ASD)',
    '0.6 F e rho / (n rho + sum x^2), Cases B/C',
    'ASCE 7 Fig. 29.3-1 note 3',
    e.torsionLbFt / 1000,
    'kip-ft',
  );
  log.add(
    'pole.P',
    'Axial dead load per pole',
    'sign weight / n + pole weight (D + 0.6W governs; 0.6D + 0.6W lighter)',
    'ASCE 7 2.4.1',
    e.axialLb,
    'lb',
  );
  log.add(
    'pole.section',
    'Pole section',
    sel.mode,
    input.supports.material === 'steel' ? 'AISC 360-16 ASD' : 'Aluminum Design Manual 2020 ASD',
    sec.designation,
    '',
  );
  log.add(
    'pole.class',
    'Flexure class',
    sec.shape === 'round' ? `D/t = ${rnd(sec.slenderness, 2)}` : `b/t = ${rnd(sec.slenderness, 2)}`,
    ref.flexure,
    sec.flexureClass,
    '',
  );
  log.add(
    'pole.Ma',
    'Allowable moment Mn / Omega',
    sec.material === 'steel' ? 'Mn / 1.67' : 'min(Mnp / 1.65, Mnu / 1.95)',
    ref.flexure,
    sec.maKipIn / 12,
    'kip-ft',
  );
  log.add('pole.Va', 'Allowable shear Vn / Omega', 'Vn / 1.67', ref.shear, e.vaKip, 'kip');
  log.add(
    'pole.Ta',
    'Allowable torsion Tn / Omega',
    'Tn / 1.67',
    ref.torsion,
    e.taKipIn / 12,
    'kip-ft',
  );
  log.add(
    'pole.Pa',
    'Allowable axial Pn / Omega (K = 2.1)',
    'Fcr Ae / 1.67',
    ref.axial,
    e.paKip,
    'kip',
  );
  log.add(
    'pole.defl',
    'Sign-top deflection at service wind',
    `${input.options.serviceWindFactor} W, cantilever: P a^2 (3L - a) / 6EI + pole wind`,
    'ASCE 7 App. C (serviceability)',
    e.deflectionIn,
    'in',
  );
  log.add(
    'pole.deflAllow',
    'Allowable deflection',
    `H / ${input.options.deflectionLimitRatio}`,
    'AASHTO sign supports: 2.5 % of height (H/40) default',
    ctx.deflLimitIn,
    'in',
  );
  log.add(
    'pole.n1',
    'Natural frequency estimate',
    '(1/2pi) sqrt(3EI / (m L^3))',
    'ASCE 7 26.2 (rigid: n1 >= 1 Hz)',
    nHz,
    'Hz',
  );
  log.add('pole.gov', 'Governing ratio', e.governingCheck, ref.interaction, e.governingRatio, '');
}

/** One check row: demand, capacity and ratio rounded for the output. */
function check(
  id: string,
  label: string,
  codeRef: string,
  demand: number,
  capacity: number,
  unit: string,
  ratio: number,
): Check {
  return {
    id,
    label,
    codeRef,
    demand: rnd(demand, 4),
    capacity: rnd(capacity, 4),
    unit,
    ratio: rnd(ratio, 4),
    passes: ratio <= 1,
  };
}

/** The chosen pole's checks and the footing check, each with demand, capacity and ratio. */
export function buildChecks(e: PoleEvaluation, ctx: PoleContext, fdn: FoundationDesign): Check[] {
  const sec = e.section;
  const ref = sec.codeRef;
  const c = check;
  const r = e.ratios;
  return [
    c(
      'pole.flexure',
      `Flexure, ${sec.designation}`,
      ref.flexure,
      e.momentLbFt / 1000,
      sec.maKipIn / 12,
      'kip-ft',
      r.flexure,
    ),
    c(
      'pole.shear',
      `Shear, ${sec.designation}`,
      ref.shear,
      e.shearLb / 1000,
      e.vaKip,
      'kip',
      r.shear,
    ),
    c(
      'pole.torsion',
      `Torsion, ${sec.designation}`,
      ref.torsion,
      e.torsionLbFt / 1000,
      e.taKipIn / 12,
      'kip-ft',
      r.torsion,
    ),
    c(
      'pole.axial',
      `Axial, ${sec.designation}`,
      ref.axial,
      e.axialLb / 1000,
      e.paKip,
      'kip',
      r.axial,
    ),
    c(
      'pole.interaction',
      `Combined forces, ${sec.designation}`,
      ref.interaction,
      r.interaction,
      1,
      '',
      r.interaction,
    ),
    c(
      'pole.deflection',
      'Sign-top deflection at service wind',
      'ASCE 7 App. C; AASHTO 2.5 % H',
      e.deflectionIn,
      ctx.deflLimitIn,
      'in',
      r.deflection,
    ),
    c(
      'foundation.embedment',
      `Embedment, ${fdn.diameterFt} ft footing`,
      fdn.method === 'constrained' ? 'IBC 2021 1807.3.2.2' : 'IBC 2021 1807.3.2.1',
      fdn.requiredDepthFt,
      fdn.depthFt,
      'ft',
      fdn.depthFt > 0 ? fdn.requiredDepthFt / fdn.depthFt : 0,
    ),
  ];
}
