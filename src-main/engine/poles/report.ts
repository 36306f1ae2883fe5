import type { SignDesignInput } from '../../../src-shared/engine/input';
import type { Check, SectionProperties } from '../../../src-shared/engine/output';
import { KD_POLE_ROUND, KD_POLE_SQUARE } from '../data/wind-tables';
import type { FoundationDesign } from '../foundation/design-foundation';
import { StepLog, rnd } from '../steps';
import type { PoleSection } from './catalog';
import type { PoleContext, PoleEvaluation } from './evaluate';
import type { Selection } from './select';

/** The section properties the checks used (output and calc sheet). */
export function sectionProperties(sec: PoleSection): SectionProperties {
  return {
    designation: sec.designation,
    shape: sec.shape,
    sizeIn: sec.odIn,
    tDesignIn: sec.tIn,
    areaIn2: sec.areaIn2,
    iIn4: rnd(sec.iIn4, 4),
    sIn3: rnd(sec.sIn3, 4),
    zIn3: rnd(sec.zIn3, 4),
    jIn4: rnd(sec.jIn4, 4),
    cIn3: rnd(sec.cIn3, 4),
    fyKsi: sec.fyKsi,
    eKsi: sec.eKsi,
    minHoleIn: rnd(sec.hot.minHoleIn, 3),
  };
}

const KD_LABEL = {
  round: 'Directionality factor Kd for the exposed round pole',
  square: 'Directionality factor Kd for the exposed square pole',
};
const KD_FORMULA = {
  round: `${KD_POLE_ROUND} (chimneys, tanks and similar, round), not the sign's 0.85: the pole presents the same section to every wind direction`,
  square: `${KD_POLE_SQUARE} (chimneys, tanks and similar, square), not the sign's 0.85: the pole presents the same section to every wind direction`,
};

/** How the torque is shared, for the steps. */
function sharingText(ctx: PoleContext): [formula: string, codeRef: string] {
  if (ctx.poleCount === 1)
    return ['one pole: the whole sign force, the whole torque as torsion', 'statics'];
  if (ctx.sharing === 'stiffness')
    return [
      'by stiffness: pole torsion GJ/L against the bending couple 3EI/L^3 x^2; relies on a designed torsionally rigid pole-to-cabinet connection',
      'statics (explicit option)',
    ];
  return [
    'rigid diaphragm: V_i = F/n + T x_i / sum x^2; pole torsion 0 (the torque is the couple of the pole shears)',
    'statics, cabinet as a rigid diaphragm; ASCE 7 Fig. 29.3-1 note 3',
  ];
}

/** Steps for the governing per-pole demands and the chosen section's checks. */
export function buildPoleSteps(
  log: StepLog,
  input: SignDesignInput,
  ctx: PoleContext,
  sel: Selection,
): void {
  const e = sel.chosen;
  const sec = e.section;
  const ref = sec.codeRef;
  const [shareFormula, shareRef] = sharingText(ctx);
  log.add('pole.count', 'Poles', shareFormula, shareRef, ctx.poleCount, '');
  if (ctx.poleCount > 1) {
    log.add(
      'pole.spacing',
      'Pole spacing (centre to centre)',
      input.supports.spacingFt === undefined
        ? 'B / n (default: poles at the centres of equal widths)'
        : 'input',
      'input; the poles under the sign',
      ctx.spacingFt,
      'ft',
    );
    log.add(
      'pole.sumX2',
      'Sum of x_i^2 about the sign centre',
      'sum ((i - (n - 1)/2) spacing)^2',
      'statics',
      ctx.sumX2,
      'ft2',
    );
  }
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
    ctx.poleCount === 1
      ? 'F x G/0.85'
      : ctx.sharing === 'stiffness'
        ? '(F/n + T x_max / (n rho + sum x^2)) x G/0.85, T = F e'
        : '(F/n + T x_max / sum x^2) x G/0.85, T = F e (e = 0.2 B, Case C offset)',
    ctx.poleCount === 1 ? 'statics' : shareRef,
    e.signShareLb,
    'lb',
  );
  const square = sec.shape === 'square';
  log.add(
    'pole.kd',
    square ? KD_LABEL.square : KD_LABEL.round,
    square ? KD_FORMULA.square : KD_FORMULA.round,
    input.standard === 'ASCE7-22' ? 'ASCE 7-22 Table 26.6-1' : 'ASCE 7-16 Table 26.6-1',
    square ? KD_POLE_SQUARE : KD_POLE_ROUND,
    '',
  );
  log.add(
    'pole.wind',
    'Wind on the exposed pole (strength)',
    'sum qz Kd G Cf D L, Cf by h/D',
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
    ctx.poleCount === 1
      ? '0.6 T x G/0.85, Cases B/C (one pole takes the whole torque)'
      : ctx.sharing === 'stiffness'
        ? '0.6 T rho / (n rho + sum x^2) x G/0.85, Cases B/C'
        : '0 (rigid diaphragm: the torque is the couple of the pole shears)',
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
    '(1/2pi) sqrt(3EI / (m L^3)), L = resultant height, m = sign / n + 0.236 pole',
    'ASCE 7 26.2, 26.11.2 (rigid: n1 >= 1 Hz)',
    e.n1Hz,
    'Hz',
  );
  log.add(
    'pole.hole',
    'Hole the pole needs',
    sec.shape === 'square' ? 'diagonal B sqrt 2 + 4 in' : 'diameter D + 4 in',
    'IBC 2021 1807.3.3 item 1',
    sec.hot.minHoleIn,
    'in',
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
      'pole.hole',
      `Pole in its hole, ${sec.designation} in ${fdn.diameterFt} ft`,
      'IBC 2021 1807.3.3 item 1',
      sec.hot.minHoleIn,
      fdn.diameterFt * 12,
      'in',
      r.hole ?? 0,
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
