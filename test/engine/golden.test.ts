// Golden outputs: the full design JSON of fixed inputs must stay byte-identical (performance work
// must not change a single output byte). Snapshots: fixtures/golden, from golden-generate.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeDesign, computeDesignParsed, parseInput } from '../../src-main/engine/design';
import { GOLDEN_CASES } from './golden-inputs';
import { GOLDEN_DIR, SWEEP_COUNT, sweepDigests } from './golden-shared';

const read = (file: string) => readFileSync(new URL(file, GOLDEN_DIR), 'utf8');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
/** name -> SHA-256 of the exact JSON.stringify text when the snapshot was made */
const HASHES = new Map(
  read('hashes.txt')
    .trimEnd()
    .split('\n')
    .map((l) => l.split(' ') as [string, string]),
);

describe('golden design outputs (byte-identical)', () => {
  const names = Object.keys(GOLDEN_CASES);

  it('has a snapshot for every case', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
    for (const name of names) {
      expect(() => JSON.parse(read(`${name}.json`))).not.toThrow();
      expect(HASHES.get(name), name).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it.each(names)('%s', (name) => {
    const input = GOLDEN_CASES[name];
    // the snapshot is prettier-formatted; parse + stringify restores the exact original text
    const expected = JSON.stringify(JSON.parse(read(`${name}.json`)));
    const actual = JSON.stringify(computeDesign(input));
    expect(actual).toBe(expected);
    expect(sha(actual)).toBe(HASHES.get(name));
    // the parsed entry point, and a second run (no state carried between designs)
    expect(JSON.stringify(computeDesignParsed(parseInput(input)))).toBe(actual);
  });

  it('covers the snapshot cases: editions, exposures, pole counts, modes, warnings', () => {
    const all = names.map((n) => JSON.parse(read(`${n}.json`)));
    const set = (f: (r: (typeof all)[number]) => unknown) => new Set(all.map(f));
    expect(set((r) => r.summary.standard)).toEqual(new Set(['ASCE7-22', 'ASCE7-16']));
    expect(set((r) => r.wind.exposure)).toEqual(new Set(['B', 'C', 'D']));
    expect(set((r) => r.poles.poleCount)).toEqual(new Set([1, 2, 3, 4]));
    expect(set((r) => r.poles.material)).toEqual(new Set(['steel', 'aluminum']));
    expect(set((r) => r.foundation.method)).toEqual(new Set(['constrained', 'non-constrained']));
    const codes = new Set(all.flatMap((r) => r.warnings.map((w: { code: string }) => w.code)));
    for (const code of [
      'pole.none-passes',
      'pole.designation-failed',
      'wind.tall-sign',
      'wind.flexible-gf',
      'wind.below-map-floor',
      'pole.torsion-by-stiffness',
      'wind.cf-clamped',
      'foundation.no-solution',
      'foundation.soil-beyond-table',
    ]) {
      expect(codes, code).toContain(code);
    }
    expect(all.some((r) => r.wind.caseCApplies)).toBe(true);
    expect(set((r) => r.poles.sharing)).toEqual(
      new Set(['single', 'rigid-diaphragm', 'stiffness']),
    );
    expect(all.some((r) => r.wind.outline.gapAreaFt2 > 0)).toBe(true);
    expect(all.some((r) => r.wind.gust.flexible && r.poles.selected)).toBe(true);
    expect(
      all.some((r) =>
        r.poles.options.some((o: { governingCheck: string }) => o.governingCheck === 'hole'),
      ),
    ).toBe(true);
  });

  it(`matches the digests of ${SWEEP_COUNT} pseudo-random inputs (design, calc sheet, combination)`, () => {
    const expected = read('sweep.txt').trimEnd().split('\n');
    const actual = sweepDigests();
    expect(actual.length).toBe(expected.length);
    for (let i = 0; i < actual.length; i++) expect(actual[i], `sweep input ${i}`).toBe(expected[i]);
  });
});
