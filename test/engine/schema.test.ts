import { describe, expect, it } from 'vitest';
import {
  FAILING_WARNING_CODES,
  REVIEW_WARNING_CODES,
  SignDesignInputSchema,
  SignDesignResultSchema,
  defaultDesignInput,
  parseDesignInput,
} from '../../src-shared/engine';
import { EngineInputError, computeDesign, evaluateCombination } from '../../src-main/engine';

const fields = (raw: unknown) => {
  const r = parseDesignInput(raw);
  return r.ok ? {} : r.fields;
};

describe('SignDesignInput schema', () => {
  it('defaults of a new design equal parse({})', () => {
    expect(SignDesignInputSchema.parse({})).toEqual(defaultDesignInput);
  });
  it('names the field and the range with its unit', () => {
    expect(
      fields({ sign: { cabinets: [{ widthFt: 0, heightFt: 3 }] } })['sign.cabinets.0.widthFt'],
    ).toBe('Cabinet width must be more than 0 ft and at most 100 ft');
    expect(fields({ site: { windSpeedMph: 500 } })['site.windSpeedMph']).toMatch(
      /Basic wind speed must be between 60 and 250 mph/,
    );
    expect(fields({ site: { windSpeedMph: '115' } })['site.windSpeedMph']).toMatch(
      /Basic wind speed must be a number/,
    );
    expect(fields({ site: { exposure: 'E' } })['site.exposure']).toBe(
      'Exposure category must be one of B, C, D',
    );
    expect(fields({ sign: { clearanceFt: 10000 } })['sign.clearanceFt']).toMatch(
      /between 0 and 150 ft/,
    );
    expect(
      fields({ sign: { cabinets: [{ widthFt: 8, heightFt: -3 }] } })['sign.cabinets.0.heightFt'],
    ).toMatch(/Cabinet height/);
  });
  it('cross-field rules land on the right field', () => {
    expect(fields({ sign: { kind: 'monument', clearanceFt: 4 } })['sign.clearanceFt']).toMatch(
      /must be 0 ft for a monument/,
    );
    expect(
      fields({
        sign: {
          cabinets: [
            { widthFt: 8, heightFt: 3 },
            { widthFt: 8, heightFt: 3 },
          ],
        },
      })['sign.gapsFt'],
    ).toMatch(/must list 1 value/);
    expect(fields({ sign: { solidity: 0.5 } })['sign.solidity']).toMatch(/open sign/);
    expect(
      fields({ supports: { material: 'aluminum' }, sign: { clearanceFt: 14 } })[
        'supports.material'
      ],
    ).toMatch(/^Aluminum poles are limited to 15 ft overall height/);
    expect(
      fields({ foundation: { soil: { class: 2, geotechPsfPerFt: 300 } } })['foundation.soil'],
    ).toMatch(/either a class/);
    expect(fields({ foundation: { soil: { class: 6 } } })['foundation.soil.class']).toMatch(
      /Soil class must be a whole number between 1 and 5/,
    );
  });
});

describe('engine API', () => {
  it('the result matches the output schema and the summary names', () => {
    const r = computeDesign({});
    expect(SignDesignResultSchema.parse(r)).toEqual(r);
    expect(Object.keys(r)).toEqual([
      'engineVersion',
      'inputHash',
      'summary',
      'wind',
      'poles',
      'foundation',
      'checks',
      'steps',
      'warnings',
      'readings',
    ]);
    for (const st of r.steps)
      expect(Object.keys(st)).toEqual(['id', 'label', 'formula', 'codeRef', 'value', 'unit']);
  });
  it('aluminum under 15 ft uses the aluminum catalog, never a silent swap', () => {
    const r = computeDesign({
      supports: { material: 'aluminum' },
      sign: { clearanceFt: 8, cabinets: [{ widthFt: 4, heightFt: 3 }] },
    });
    expect(r.poles.options.every((o) => o.family === 'aluminum-round')).toBe(true);
    expect(() =>
      computeDesign({ supports: { material: 'aluminum' }, sign: { clearanceFt: 14 } }),
    ).toThrow(EngineInputError);
  });
  it("uses the estimator's section when it passes, else falls back with a warning", () => {
    const ok = computeDesign({ supports: { designation: 'Pipe 8 Std.' } });
    expect(ok.summary.pole.designation).toBe('Pipe 8 Std.');
    const weak = computeDesign({ supports: { designation: 'Pipe 2-1/2 Std.' } });
    expect(weak.summary.pole.designation).not.toBe('Pipe 2-1/2 Std.');
    expect(weak.warnings.map((w) => w.code)).toContain('pole.designation-failed');
    expect(() => computeDesign({ supports: { designation: 'W8x31' } })).toThrow(
      /supports.designation|not in the section catalog/,
    );
  });
  it('two poles: Case B puts more on one pole than half the force', () => {
    const r = computeDesign({
      supports: { poleCount: 2 },
      sign: { cabinets: [{ widthFt: 16, heightFt: 4 }] },
    });
    const one = computeDesign({ sign: { cabinets: [{ widthFt: 16, heightFt: 4 }] } });
    expect(r.summary.groundlineShearLb).toBeLessThan(one.summary.groundlineShearLb);
    expect(r.summary.groundlineShearLb).toBeGreaterThan(one.summary.groundlineShearLb / 2);
  });
  it('warns on tall signs and deep footings', () => {
    const r = computeDesign({
      sign: { clearanceFt: 70, cabinets: [{ widthFt: 20, heightFt: 10 }] },
      foundation: { diameterFt: 1.5, soil: { class: 5 } },
    });
    const codes = r.warnings.map((w) => w.code);
    expect(codes).toContain('wind.tall-sign');
    // a failing or review warning says so in words; the others are informational notes
    for (const w of r.warnings) {
      if (FAILING_WARNING_CODES.has(w.code) || REVIEW_WARNING_CODES.has(w.code))
        expect(w.message).toMatch(/engineering review required/);
      else
        expect(['wind.flexible-gf', 'wind.below-map-floor', 'pole.designation-failed']).toContain(
          w.code,
        );
    }
  });
  it('evaluateCombination gives the same depth as the design for the same pair', () => {
    const r = computeDesign({ supports: { designation: 'Pipe 6 Std.' } });
    const c = evaluateCombination({ supports: { designation: 'Pipe 6 Std.' } }, 'Pipe 6 Std.', 2.5);
    expect(c.depthFt).toBe(r.summary.foundation.depthFt);
    expect(c.passes).toBe(true);
    expect(c.poleLengthFt).toBeCloseTo(r.wind.topHeightFt + c.depthFt, 6);
    const d3 = evaluateCombination({}, 'Pipe 6 Std.', 3);
    expect(d3.depthFt).toBeLessThanOrEqual(c.depthFt);
  });
});
