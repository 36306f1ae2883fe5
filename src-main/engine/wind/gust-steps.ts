import type { SignDesignInput } from '../../../src-shared/engine/input';
import type { PoleContext, PoleEvaluation } from '../poles/evaluate';
import type { StepLog } from '../steps';
import { gustDetail } from './gust-factor';

/**
 * The flexible-sign gust-effect factor steps (ASCE 7 26.11.5) for the chosen pole, whose
 * estimated n1 is below 1 Hz: every term of Gf with its equation, then the G the design uses.
 */
export function logGustSteps(
  log: StepLog,
  input: SignDesignInput,
  ctx: PoleContext,
  chosen: PoleEvaluation,
): void {
  const A = `ASCE ${input.standard === 'ASCE7-22' ? '7-22' : '7-16'}`;
  const s = ctx.gust;
  const d = gustDetail(s, chosen.n1Hz);
  const sec = chosen.section.designation;
  const steps: [string, string, string, string, number, string][] = [
    [
      'gust.n1',
      `Natural frequency n1 (${sec})`,
      'cantilever 3EI / L^3 at the resultant, tip mass = sign / n + 0.236 pole weight; < 1 Hz: flexible',
      `${A} 26.2, 26.11.2`,
      chosen.n1Hz,
      'Hz',
    ],
    [
      'gust.beta',
      'Damping ratio beta',
      'input (fraction of critical; default 0.01 for steel)',
      `${A} 26.11.5; Commentary C26.11`,
      s.dampingRatio,
      '',
    ],
    ['gust.zbar', 'Equivalent height z bar', 'max(0.6 h, z_min)', `${A} 26.11.4`, s.zBarFt, 'ft'],
    ['gust.Iz', 'Turbulence intensity Iz', 'c (33 / z bar)^(1/6)', `${A} Eq. 26.11-7`, s.iz, ''],
    [
      'gust.Lz',
      'Integral length scale Lz',
      'l (z bar / 33)^eps bar',
      `${A} Eq. 26.11-9`,
      s.lzFt,
      'ft',
    ],
    [
      'gust.Q',
      'Background response Q',
      'sqrt(1 / (1 + 0.63 ((B + h) / Lz)^0.63))',
      `${A} Eq. 26.11-8`,
      s.q,
      '',
    ],
    [
      'gust.Vz',
      'Mean hourly wind speed at z bar',
      'b bar (z bar / 33)^alpha bar (88/60) V',
      `${A} Eq. 26.11-16, Table 26.11-1`,
      s.vzFtPerS,
      'ft/s',
    ],
    ['gust.N1', 'Reduced frequency N1', 'n1 Lz / Vz', `${A} Eq. 26.11-14`, d.n1Reduced, ''],
    ['gust.Rn', 'Rn', '7.47 N1 / (1 + 10.3 N1)^(5/3)', `${A} Eq. 26.11-13`, d.rn, ''],
    [
      'gust.Rh',
      'Rh (eta = 4.6 n1 h / Vz)',
      '1/eta - (1 - e^(-2 eta)) / (2 eta^2)',
      `${A} Eq. 26.11-15a`,
      d.rh,
      '',
    ],
    [
      'gust.RB',
      'RB (eta = 4.6 n1 B / Vz)',
      '1/eta - (1 - e^(-2 eta)) / (2 eta^2)',
      `${A} Eq. 26.11-15a`,
      d.rb,
      '',
    ],
    [
      'gust.R',
      'Resonant response R (RL = 1: sign depth L taken as 0)',
      'sqrt(Rn Rh RB (0.53 + 0.47 RL) / beta)',
      `${A} Eq. 26.11-12, 26.11-15b`,
      d.r,
      '',
    ],
    [
      'gust.gR',
      'Peak factor gR',
      'sqrt(2 ln(3600 n1)) + 0.577 / sqrt(2 ln(3600 n1)); gQ = gv = 3.4',
      `${A} Eq. 26.11-11`,
      d.gR,
      '',
    ],
    [
      'gust.Gf',
      'Gust-effect factor Gf (flexible)',
      '0.925 (1 + 1.7 Iz sqrt(gQ^2 Q^2 + gR^2 R^2)) / (1 + 1.7 gv Iz)',
      `${A} Eq. 26.11-10`,
      d.gf,
      '',
    ],
    [
      'gust.G',
      'G used for this pole',
      'max(Gf, 0.85): every wind load on sign and pole times G / 0.85',
      `${A} 26.11.5`,
      chosen.g,
      '',
    ],
  ];
  for (const st of steps) log.add(st[0], st[1], st[2], st[3], st[4], st[5]);
}
