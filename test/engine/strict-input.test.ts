// Strict input: an unknown key anywhere in SignDesignInput is an error naming it (and the key it
// resembles when it is a misspelling), never dropped: `site.windspeedmph: 180` is not a design at
// the default 115 mph.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SignDesignInputSchema, parseDesignInput } from '../../src-shared/engine';
import { closestKey } from '../../src-shared/engine/strict';
import { EngineInputError, computeDesign } from '../../src-main/engine';

const fields = (raw: unknown) => {
  const r = parseDesignInput(raw);
  return r.ok ? {} : r.fields;
};

describe('strict design input', () => {
  it('names a misspelled key and the key it meant', () => {
    expect(fields({ site: { windspeedmph: 180 } })).toEqual({
      'site.windspeedmph':
        'Unknown field "windspeedmph" in site (did you mean "windSpeedMph"?); the fields here are windSpeedMph, riskCategory, exposure, kzt, groundElevationFt',
    });
    expect(() => computeDesign({ site: { windspeedmph: 180 } })).toThrow(EngineInputError);
    expect(
      fields({ sign: { cabinets: [{ widthFt: 8, heightFt: 3, wieghtPsf: 12 }] } }),
    ).toHaveProperty(
      'sign.cabinets.0.wieghtPsf',
      expect.stringMatching(/did you mean "weightPsf"/),
    );
    expect(fields({ supports: { polecount: 2 } })['supports.polecount']).toMatch(
      /did you mean "poleCount"/,
    );
    expect(fields({ sites: {} })['sites']).toMatch(
      /^Unknown field "sites" in the design \(did you mean "site"\?\)/,
    );
  });

  it('names a key that resembles nothing, at every level, with the allowed fields', () => {
    const f = fields({
      junk: 1,
      foundation: { soil: { class: 4, colour: 'red' } },
      options: { fancy: true },
    });
    expect(Object.keys(f).sort()).toEqual(['foundation.soil.colour', 'junk', 'options.fancy']);
    expect(f['foundation.soil.colour']).toBe(
      'Unknown field "colour" in foundation.soil; the fields here are class, geotechPsfPerFt',
    );
  });

  it('suggests only plausible misspellings', () => {
    expect(closestKey('exposur', ['exposure', 'kzt'])).toBe('exposure');
    expect(closestKey('KZT', ['exposure', 'kzt'])).toBe('kzt');
    expect(closestKey('x', ['exposure', 'kzt'])).toBeUndefined();
    expect(closestKey('diameter', ['diameterFt', 'soil'])).toBe('diameterFt');
    expect(closestKey('depth', ['diameterFt', 'soil'])).toBeUndefined();
  });

  it('the forms use the same strict schema', () => {
    expect(SignDesignInputSchema.safeParse({ site: { windspeedmph: 180 } }).success).toBe(false);
    expect(SignDesignInputSchema.safeParse({ site: { windSpeedMph: 180 } }).success).toBe(true);
  });

  it('the CLI exits 2 naming the key', () => {
    const r = spawnSync('npx', ['tsx', 'src-main/engine/cli.ts', '-'], {
      input: JSON.stringify({ site: { windspeedmph: 180 } }),
      encoding: 'utf8',
      cwd: join(__dirname, '../..'),
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /site\.windspeedmph: Unknown field "windspeedmph" in site \(did you mean "windSpeedMph"\?\)/,
    );
  });
});
