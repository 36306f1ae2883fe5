// Shared by the golden test and its generator: what is snapshotted for each input.
import { createHash } from 'node:crypto';
import { computeDesign } from '../../src-main/engine/design';
import { evaluateCombination } from '../../src-main/engine/combination';
import { formatCalcSheet } from '../../src-main/engine/calc-sheet';
import { sweepInputs } from './golden-inputs';

export const GOLDEN_DIR = new URL('./fixtures/golden/', import.meta.url);
export const SWEEP_COUNT = 400;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function errorText(err: unknown): string {
  const e = err as { name?: string; message?: string; fields?: unknown };
  return `error:${e.name}:${e.message}:${JSON.stringify(e.fields)}`;
}

/** One line per sweep input: hash of the design JSON, of the calc sheet and of one combination. */
export function sweepDigests(): string[] {
  return sweepInputs(SWEEP_COUNT).map((input) => {
    let design: string;
    let sheet = '';
    let combo = '';
    try {
      const r = computeDesign(input);
      design = JSON.stringify(r);
      sheet = sha(formatCalcSheet(r));
      const d = r.summary.pole.designation;
      combo = sha(JSON.stringify(evaluateCombination(input, d, 3)));
    } catch (err) {
      design = errorText(err);
    }
    return `${sha(design)} ${sheet} ${combo}`.trim();
  });
}
