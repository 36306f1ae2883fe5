import type { Step } from '../../src-shared/engine/output';

/** Collects the calc steps an engineer checks: `{ id, label, formula, codeRef, value, unit }`. */
export class StepLog {
  readonly steps: Step[] = [];

  add(
    id: string,
    label: string,
    formula: string,
    codeRef: string,
    value: number | string,
    unit: string,
  ): number | string {
    this.steps.push({
      id,
      label,
      formula,
      codeRef,
      value: typeof value === 'number' ? rnd(value, 4) : value,
      unit,
    });
    return value;
  }
}

const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6];

/** Round to `d` decimals (0..6) deterministically; non-finite values become 0, -0 becomes 0. */
export function rnd(x: number, d: number): number {
  const p = POW10[d];
  const v = Math.round(x * p) / p;
  return v === v && v !== Infinity && v !== -Infinity ? v + 0 : 0;
}
