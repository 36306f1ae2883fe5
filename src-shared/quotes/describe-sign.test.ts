import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeSign, type SignDescriptionInput } from './describe-sign';

const base: SignDescriptionInput = {
  kind: 'pole',
  clearanceFt: 14,
  cabinets: [{ widthFt: 10, heightFt: 6 }],
  gapsFt: [],
  poleCount: 1,
  designation: 'HSS8.625x0.322',
  overallFt: 20,
  footing: { diameterFt: 3, depthFt: 7.5 },
  faceSides: 2,
  illuminated: true,
  material: 'aluminum',
};

describe('describeSign: the plain description on the customer quote', () => {
  it('reads like the estimator would say it', () => {
    expect(describeSign(base)).toBe(
      'Double-faced illuminated aluminum cabinet 10 ft x 6 ft on one HSS8.625x0.322 pole, 20 ft overall, drilled footing 3 ft diameter x 7.5 ft deep.',
    );
  });

  it('monuments sit at grade on posts; several poles have several footings', () => {
    expect(
      describeSign({
        ...base,
        kind: 'monument',
        clearanceFt: 0,
        poleCount: 2,
        designation: 'HSS6x6x1/4',
        cabinets: [{ widthFt: 8, heightFt: 4 }],
        overallFt: 4,
        faceSides: 1,
        illuminated: false,
        material: undefined,
      }),
    ).toBe(
      'Single-faced non-illuminated monument cabinet 8 ft x 4 ft at grade on two HSS6x6x1/4 posts, 4 ft overall, drilled footings 3 ft diameter x 7.5 ft deep.',
    );
  });

  it('stacked cabinets: sizes bottom up, the gaps, or "each" when they match', () => {
    expect(
      describeSign({
        ...base,
        poleCount: 3,
        cabinets: [
          { widthFt: 12, heightFt: 4 },
          { widthFt: 8, heightFt: 2.5 },
        ],
        gapsFt: [1.5],
      }),
    ).toBe(
      'Two double-faced illuminated aluminum cabinets, 12 ft x 4 ft, 8 ft x 2.5 ft from the bottom up, stacked with a 1.5 ft gap, on three HSS8.625x0.322 poles, 20 ft overall, drilled footings 3 ft diameter x 7.5 ft deep.',
    );
    expect(
      describeSign({
        ...base,
        poleCount: 4,
        cabinets: [
          { widthFt: 6, heightFt: 2 },
          { widthFt: 6, heightFt: 2 },
          { widthFt: 6, heightFt: 2 },
        ],
        gapsFt: [0, 0],
      }),
    ).toContain(
      'Three double-faced illuminated aluminum cabinets, each 6 ft x 2 ft, stacked, on four',
    );
  });

  it('odd characters in a typed section name never reach the page as control characters', () => {
    const s = describeSign({ ...base, designation: 'Pipe\u0000 6\n"Std."\t<b>&  \u2028' });
    expect(s).toContain('on one Pipe 6 "Std." <b>& pole');
    // eslint-disable-next-line no-control-regex -- asserting none are left
    expect(s).not.toMatch(/[\u0000-\u001f\u2028]/);
  });

  it('for every kind, 1-4 poles, 1-6 cabinets and any text: one clean sentence with the facts', () => {
    const cabinet = fc.record({
      widthFt: fc.double({ min: 0.5, max: 100, noNaN: true }),
      heightFt: fc.double({ min: 0.5, max: 50, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom<'pole' | 'monument'>('pole', 'monument'),
        fc.integer({ min: 1, max: 4 }),
        fc.array(cabinet, { minLength: 1, maxLength: 6 }),
        // any typed section name, except one that itself spells what the number check looks for
        // (a name like "e-0" or "null" is the estimator's text, not a number printed wrong)
        fc.string().filter((d) => !/undefined|NaN|null|Infinity|e[+-]\d/.test(d)),
        fc.integer({ min: 1, max: 2 }),
        fc.boolean(),
        (kind, poles, cabinets, designation, faces, lit) => {
          const s = describeSign({
            ...base,
            kind,
            clearanceFt: kind === 'monument' ? 0 : 12,
            poleCount: poles,
            cabinets,
            gapsFt: cabinets.slice(1).map(() => 1),
            designation,
            faceSides: faces,
            illuminated: lit,
          });
          expect(s).toMatch(/^[A-Z].*\.$/);
          expect(s).not.toMatch(/undefined|NaN|null|Infinity|e[+-]\d/);
          // eslint-disable-next-line no-control-regex -- asserting none are left
          expect(s).not.toMatch(/[\u0000-\u001f\u007f]/);
          expect(s).toContain(['one', 'two', 'three', 'four'][poles - 1]);
          expect(s).toContain('20 ft overall');
          expect(s).toContain(faces === 2 ? 'ouble-faced' : 'ingle-faced');
          expect(s).toContain(lit ? ' illuminated' : 'non-illuminated');
          expect(s).toContain(
            kind === 'monument' ? 'at grade' : poles === 1 ? ' pole,' : ' poles,',
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
