import { describe, expect, it } from 'vitest';
import { defaultDesignInput, type SignDesignInput } from '../../src-shared/engine';
import { computeDesign } from '../../src-main/engine';
import { elevationDrawing } from '../../src-shared/drawing/elevation';

const two: SignDesignInput = {
  ...structuredClone(defaultDesignInput),
  sign: { ...defaultDesignInput.sign, cabinets: [{ widthFt: 10, heightFt: 5, weightPsf: 10 }] },
  supports: { ...defaultDesignInput.supports, poleCount: 2, spacingFt: 6 },
};

describe('elevation drawing', () => {
  it('dimensions the pole spacing and draws the poles at +-s/2 with the section width', () => {
    const r = computeDesign(two);
    const d = elevationDrawing(two, r);
    const dim = d.shapes.find((s) => s.kind === 'dim' && s.text.startsWith('spacing'));
    expect(dim).toMatchObject({ text: 'spacing 6 ft', x1: -3, x2: 3 });
    const poles = d.shapes.filter((s) => s.kind === 'rect' && s.role === 'pole');
    expect(poles).toHaveLength(2);
    const w = r.poles.section!.sizeIn / 12;
    for (const [p, x] of poles.map((p, i) => [p, i ? 3 : -3] as const)) {
      if (p.kind !== 'rect') throw new Error('pole');
      expect(p.x + p.w / 2).toBeCloseTo(x, 9);
      expect(p.w).toBeCloseTo(Math.max(0.25, w), 9);
    }
  });

  it('three poles: n - 1 spaces; one pole: no spacing dimension', () => {
    const three = { ...two, supports: { ...two.supports, poleCount: 3, spacingFt: 4 } };
    const d = elevationDrawing(three, computeDesign(three));
    expect(d.shapes.some((s) => s.kind === 'dim' && s.text === '2 x 4 ft = 8 ft')).toBe(true);
    const one = elevationDrawing(defaultDesignInput, computeDesign({}));
    expect(one.shapes.some((s) => s.kind === 'dim' && /spacing| x /.test(s.text))).toBe(false);
  });
});
