import { describe, expect, it } from 'vitest';
import { designVerdict } from './verdict';

const check = (passes: boolean) => ({
  id: 'pole.flexure',
  label: 'Pole flexure',
  codeRef: 'AISC 360-16 F8',
  demand: 10,
  capacity: passes ? 20 : 5,
  unit: 'kip-ft',
  ratio: passes ? 0.5 : 2,
  passes,
});
const selected = { designation: 'Pipe 6 Std.' } as never;

describe('designVerdict', () => {
  it('passes when every check passes and no warning asks for review', () => {
    const v = designVerdict({ checks: [check(true)], warnings: [], poles: { selected } });
    expect(v).toEqual({ status: 'passes', reasons: [] });
  });
  it('fails when a check fails, naming the check, its ratio and clause', () => {
    const v = designVerdict({ checks: [check(false)], warnings: [], poles: { selected } });
    expect(v.status).toBe('fails');
    expect(v.reasons[0]).toBe('Pole flexure fails (ratio 2.00, AISC 360-16 F8).');
  });
  it('fails when no pole is selected, and asks for review on a review warning', () => {
    expect(designVerdict({ checks: [], warnings: [], poles: { selected: null } }).status).toBe(
      'fails',
    );
    const v = designVerdict({
      checks: [check(true)],
      warnings: [{ code: 'foundation.deep', message: 'Embedment 14 ft is deep.' }],
      poles: { selected },
    });
    expect(v).toEqual({ status: 'review', reasons: ['Embedment 14 ft is deep.'] });
  });
  it('ignores informational warnings', () => {
    const v = designVerdict({
      checks: [check(true)],
      warnings: [{ code: 'pole.designation-failed', message: 'x' }],
      poles: { selected },
    });
    expect(v.status).toBe('passes');
  });
});

describe('designVerdict for the engine 2.0 results', () => {
  const ok = { checks: [check(true)], poles: { selected } };
  it('the stiffness torque split needs review; Gf and the map floor are informational', () => {
    expect(
      designVerdict({ ...ok, warnings: [{ code: 'pole.torsion-by-stiffness', message: 'm' }] })
        .status,
    ).toBe('review');
    for (const code of ['wind.flexible-gf', 'wind.below-map-floor'])
      expect(designVerdict({ ...ok, warnings: [{ code, message: 'm' }] }).status).toBe('passes');
  });
  it('a pole that does not fit its hole fails through its check row', () => {
    const hole = {
      id: 'pole.hole',
      label: 'Pole in its hole, HSS12x12x1/2 in 1.5 ft',
      codeRef: 'IBC 2021 1807.3.3 item 1',
      demand: 20.97,
      capacity: 18,
      unit: 'in',
      ratio: 1.165,
      passes: false,
    };
    const v = designVerdict({ checks: [check(true), hole], warnings: [], poles: { selected } });
    expect(v.status).toBe('fails');
    expect(v.reasons[0]).toBe(
      'Pole in its hole, HSS12x12x1/2 in 1.5 ft fails (ratio 1.17, IBC 2021 1807.3.3 item 1).',
    );
  });
});
