import type { SignDesignInput } from '../../../src-shared/engine';

const FAMILY: Record<string, string> = {
  pipe: 'steel pipe',
  'hss-round': 'round HSS',
  'hss-square': 'square HSS',
};
const yes = (b: boolean) => (b ? 'yes' : 'no');
const ft = (v: number | undefined) => (v === undefined ? '—' : `${v} ft`);

/** A saved revision's inputs, grouped as the form's steps, in the form's words and units. */
export function RevisionInputs({ input }: { input: SignDesignInput }) {
  const { site, sign, supports, foundation, options } = input;
  const soil =
    foundation.soil.geotechPsfPerFt !== undefined
      ? `geotechnical ${foundation.soil.geotechPsfPerFt} psf/ft`
      : `IBC Table 1806.2 class ${foundation.soil.class}`;
  const groups: [string, [string, string][]][] = [
    [
      'Site',
      [
        ['Standard', input.standard.replace('ASCE7-', 'ASCE 7-')],
        ['Basic wind speed V', `${site.windSpeedMph} mph`],
        ['Risk category', site.riskCategory],
        ['Exposure', site.exposure],
        ['Kzt', String(site.kzt)],
        ['Ground elevation', ft(site.groundElevationFt)],
      ],
    ],
    [
      'Sign',
      [
        ['Kind', sign.kind === 'monument' ? 'Monument (at grade)' : 'Pole sign'],
        ['Clearance to grade', ft(sign.clearanceFt)],
        [
          'Cabinets (bottom to top)',
          sign.cabinets
            .map((c) => `${c.widthFt} × ${c.heightFt} ft, ${c.weightPsf} psf`)
            .join('; '),
        ],
        ['Gaps', sign.gapsFt.length ? sign.gapsFt.map((g) => `${g} ft`).join(', ') : 'none'],
        ['Solidity', String(sign.solidity)],
        ['Return corner', ft(sign.returnCornerFt)],
      ],
    ],
    [
      'Structure',
      [
        ['Poles', String(supports.poleCount)],
        ['Material', supports.material],
        ['Families', supports.families.map((f) => FAMILY[f] ?? f).join(', ')],
        ['Section chosen', supports.designation ?? 'the lightest passing'],
        ['Pole spacing', supports.spacingFt === undefined ? 'default' : ft(supports.spacingFt)],
      ],
    ],
    [
      'Foundation',
      [
        ['Footing diameter', ft(foundation.diameterFt)],
        ['Soil', soil],
        ['Isolated pole increase', yes(foundation.isolatedPoleIncrease)],
        ['Constrained at grade', yes(foundation.constrained)],
        ['Waste factor', String(foundation.wasteFactor)],
        ['Depth rounded up to', ft(foundation.depthIncrementFt)],
      ],
    ],
    [
      'Options',
      [
        ['Deflection limit', `H/${options.deflectionLimitRatio}`],
        ['Service wind factor', String(options.serviceWindFactor)],
        ['Wind on the exposed pole', yes(options.includePoleWind)],
      ],
    ],
  ];
  return (
    <section className="card revision-inputs" aria-labelledby="rev-inputs-title">
      <h3 id="rev-inputs-title" style={{ margin: '0 0 6px' }}>
        Inputs
      </h3>
      <div className="inputs-grid">
        {groups.map(([title, rows]) => (
          <div key={title}>
            <h4>{title}</h4>
            <dl className="kv compact">
              {rows.map(([k, v]) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </div>
    </section>
  );
}
