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
