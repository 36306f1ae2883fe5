import type { SignDesignInput } from '../../src-shared/engine/input';
import type { Reading } from '../../src-shared/engine/output';
import { KD_POLE_ROUND, KD_POLE_SQUARE } from './data/wind-tables';
import type { FoundationLoads } from './foundation/loads';
import type { PoleContext, PoleEvaluation } from './poles/evaluate';
import { rnd } from './steps';

// The texts are constants where they can be (the numbers are in the steps and the output, next
// to each reading): building a string from floating-point numbers costs more than the rest of it.
const DEPTH_CAP =
  'd is taken not over 12 ft before S1 is evaluated at d/3 (S1 = S min(d, 12) / 3, so S1 <= 4 S; S3 = S min(d, 12)); the other reading (cap the depth of evaluation d/3 at 12 ft) gives shallower footings where d exceeds 12 ft.';
const DEPTH_CAP_TEXT = {
  constrained: `${DEPTH_CAP} Constrained at grade: Eq. 18-2.`,
  free: `${DEPTH_CAP} Non-constrained: Eq. 18-1, solved to its fixed point.`,
};
const TORQUE_RIGID =
  'Cabinet as a rigid diaphragm: the Case B / C torque is the couple of the pole shears, V_i = F/n + T x_i / sum x^2 at the pole spacing of the steps; the poles are not relied on in torsion. Every pole and footing is sized for the critical pole.';
const TORQUE_STIFF =
  "Case B / C torque split between each pole's own torsion (GJ/L) and the couple of their bending (3EI/L^3 x^2) by stiffness: valid only with a designed torsionally rigid pole-to-cabinet connection (not designed here).";
const OUTLINE_GAPS =
  'Cabinets stacked with gaps are one solid sign with openings: As = the gross outline (cabinet faces + gap openings, each gap counted over the narrower cabinet it separates), solidity = solid / As, Cf x (1 - (1 - eps)^1.5) per Fig. 29.3-1 note 2; the exposed pole in the gaps is added as well (conservative). ';
const OUTLINE_B =
  'B = As / s (the average width of Fig. 29.3-1 note 3) for Cf, the Case B offset 0.2 B and Case C; the values are in the wind steps.';
const KD_TEXT = {
  round: `Kd = ${KD_POLE_ROUND} (Table 26.6-1, chimneys, tanks and similar structures, round) for the pole below and between cabinets, not the sign's 0.85: the pole presents the same section to every wind direction.`,
  square: `Kd = ${KD_POLE_SQUARE} (Table 26.6-1, chimneys, tanks and similar structures, square) for the pole below and between cabinets, not the sign's 0.85: the pole presents the same section to every wind direction.`,
};

/** One reading (a plain function: no per-design closure in the hot path). */
function add(out: Reading[], id: string, title: string, text: string): void {
  out.push({ id, title, text });
}

/**
 * The readings of the codes this design rests on that a plan checker must accept (or reject):
 * each is a choice where the text leaves room, stated once with its clause. The calc sheet, the
 * calc report and the UI print this list as it is.
 */
export function buildReadings(
  input: SignDesignInput,
  ctx: PoleContext,
  chosen: PoleEvaluation,
  loads: FoundationLoads,
): Reading[] {
  const out: Reading[] = [];
  const f = input.foundation;
  const w = ctx.wind;
  if (f.soil.geotechPsfPerFt === undefined) {
    add(
      out,
      'soil-increase',
      'Isolated-pole soil increase',
      f.isolatedPoleIncrease
        ? 'Lateral bearing of IBC Table 1806.2 doubled per IBC 1806.3.4 (isolated sign pole, not adversely affected by 1/2 in of motion at the ground surface); no 1/3 increase (1806.1, ASCE 7 2.4 combinations).'
        : 'No isolated-pole increase (IBC 1806.3.4 not applied): Table 1806.2 values as tabulated.',
    );
  }
  add(
    out,
    'depth-cap',
    'The 12 ft limit of 1807.3.2.1',
    f.constrained ? DEPTH_CAP_TEXT.constrained : DEPTH_CAP_TEXT.free,
  );
  if (ctx.poleCount > 1) {
    add(
      out,
      'torque',
      'Torque sharing on the poles',
      ctx.sharing === 'stiffness' ? TORQUE_STIFF : TORQUE_RIGID,
    );
  } else {
    add(
      out,
      'torque',
      'Torque on one pole',
      'The whole Case B / C torque is torsion in the pole (AISC H3).',
    );
  }
  add(
    out,
    'deflection',
    'Deflection criterion',
    `Sign-top deflection under ${input.options.serviceWindFactor} W (cantilever formulas) limited to H/${input.options.deflectionLimitRatio}; IBC has no limit for sign poles, the default H/40 is the AASHTO sign-support 2.5 % of the height.`,
  );
  let unequal = false;
  const cabs = input.sign.cabinets;
  for (let i = 1; i < cabs.length; i++) if (cabs[i].widthFt !== cabs[0].widthFt) unequal = true;
  if (w.gapAreaFt2 > 0 || unequal) {
    add(
      out,
      'outline',
      'Cabinets as one sign (outline)',
      w.gapAreaFt2 > 0 ? OUTLINE_GAPS + OUTLINE_B : OUTLINE_B,
    );
  }
  if (ctx.includePoleWind && w.segments.length > 0) {
    add(
      out,
      'kd-pole',
      'Kd for the exposed pole',
      chosen.section.shape === 'square' ? KD_TEXT.square : KD_TEXT.round,
    );
  }
  if (chosen.n1Hz < 1) {
    add(
      out,
      'gust',
      'Flexible sign: Gf',
      `n1 = ${rnd(chosen.n1Hz, 3)} Hz estimated as a cantilever with the sign as a tip mass (26.11.2); Gf by 26.11.5 with damping ${rnd(input.options.dampingRatio * 100, 2)} % of critical and the sign depth L taken as 0 (R_L = 1); G = max(Gf, 0.85) = ${rnd(chosen.g, 3)}.`,
    );
  }
  add(
    out,
    'hole',
    'Pole in its hole',
    'IBC 1807.3.3 item 1: the drilled hole is at least 4 in larger than the pole diameter, or than the diagonal B sqrt 2 of a square pole (corner radii neglected).',
  );
  if (loads.note) add(out, 'footing-load', 'Footing load', `${loads.note}.`);
  return out;
}
