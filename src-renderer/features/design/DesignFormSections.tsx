import { useFormContext } from 'react-hook-form';
import {
  DEFAULT_DAMPING_RATIO,
  POLE_FAMILIES,
  mapFloor,
  signOutline,
  type SignDesignInput,
} from '../../../src-shared/engine';
import { CabinetsEditor } from './CabinetsEditor';
import { CheckField, NumberField, SelectField, type DesignForm } from './fields';
import { UnknownFieldsNotice } from './UnknownFieldsNotice';
import { formatNumber } from '../../../src-shared/format';

/** The default pole spacing B / n (B = the outline's average width), for the field's hint. */
function defaultSpacing(values: DesignForm, n: number): string {
  const cabinets = (values.sign?.cabinets ?? []).filter(
    (c): c is { widthFt: number; heightFt: number } =>
      Number.isFinite(c?.widthFt) && Number.isFinite(c?.heightFt),
  );
  if (!cabinets.length || n < 2) return '';
  const o = signOutline({ cabinets, gapsFt: values.sign?.gapsFt ?? [], solidity: 1 });
  return o.heightFt > 0 ? `${formatNumber(o.grossAreaFt2 / o.heightFt / n, 2)} ft` : '';
}

const EXPOSURE_HINT: Record<string, string> = {
  B: 'B: urban, suburban or wooded terrain with many closely spaced obstructions.',
  C: 'C: open terrain with scattered obstructions; the usual choice when in doubt.',
  D: 'D: flat, unobstructed areas and water surfaces (shorelines).',
};

const FAMILY_LABEL: Record<string, string> = {
  pipe: 'Steel pipe (A53 Gr. B)',
  'hss-round': 'Round HSS (A500 Gr. C)',
  'hss-square': 'Square HSS (A500 Gr. C)',
};

/** Site -> Sign -> Structure -> Foundation, as steps on one page (docs/UX.md). */
export function DesignFormSections({
  soilMode,
  setSoilMode,
}: {
  soilMode: 'class' | 'geotech';
  setSoilMode(m: 'class' | 'geotech'): void;
}) {
  const { watch, register, setValue } = useFormContext<DesignForm>();
  const exposure = watch('site.exposure') ?? 'C';
  const kind = watch('sign.kind');
  const standard = (watch('standard') ?? 'ASCE7-22') as SignDesignInput['standard'];
  const category = (watch('site.riskCategory') ?? 'II') as SignDesignInput['site']['riskCategory'];
  const map = mapFloor(
    standard === 'ASCE7-16' ? 'ASCE7-16' : 'ASCE7-22',
    ['I', 'II', 'III', 'IV'].includes(category) ? category : 'II',
  );
  const poles = Number(watch('supports.poleCount') ?? 1);
  const spacingDefault = defaultSpacing(watch(), poles);
  return (
    <div style={{ display: 'grid', gap: 14 }}>
      <UnknownFieldsNotice />
      <section aria-labelledby="sec-site">
        <h2 id="sec-site">1. Site</h2>
        <div className="form">
          <NumberField
            name="site.windSpeedMph"
            label="Basic wind speed V"
            unit="mph"
            hint={`From the ASCE Hazard Tool on the Risk Category ${category} map (${map.figure}); no importance factor.`}
          />
          <SelectField
            name="site.riskCategory"
            label="Risk category"
            options={['I', 'II', 'III', 'IV'].map((v) => ({ value: v, label: v }))}
            hint={`V comes from this category's map: ${map.figure} (lowest contiguous-US contour ${map.floorMph} mph). Signs are usually II (I where failure is low-hazard).`}
          />
          <SelectField
            name="site.exposure"
            label="Exposure category"
            options={['B', 'C', 'D'].map((v) => ({ value: v, label: v }))}
            hint={EXPOSURE_HINT[exposure as string]}
          />
          <SelectField
            name="standard"
            label="Standard"
            options={[
              { value: 'ASCE7-22', label: 'ASCE 7-22' },
              { value: 'ASCE7-16', label: 'ASCE 7-16' },
            ]}
          />
          <NumberField
            name="site.kzt"
            label="Topographic factor Kzt"
            hint="1.0 for flat sites (Fig. 26.8-1)."
          />
          <NumberField
            name="site.groundElevationFt"
            label="Ground elevation"
            unit="ft"
            hint="For Ke (Table 26.9-1)."
          />
        </div>
      </section>

      <section aria-labelledby="sec-sign">
        <h2 id="sec-sign">2. Sign</h2>
        <div className="form">
          <SelectField
            name="sign.kind"
            label="Sign kind"
            options={[
              { value: 'pole', label: 'Pole sign (cabinets on poles)' },
              { value: 'monument', label: 'Monument (at grade)' },
            ]}
          />
          {kind === 'monument' ? (
            <div className="field">
              <span className="field-label">Clearance to grade (ft)</span>
              <span className="hint">0 ft: a monument sits at grade.</span>
            </div>
          ) : (
            <NumberField name="sign.clearanceFt" label="Clearance to grade" unit="ft" />
          )}
          <NumberField
            name="sign.solidity"
            label="Solidity ε (solid area / gross)"
            hint="1.0 for a solid face; below 0.7 is an open sign."
          />
          <NumberField
            name="sign.returnCornerFt"
            label="Return corner length"
            unit="ft"
            hint="Optional (Fig. 29.3-1 note 3); leave empty if none."
            optional
          />
          <CabinetsEditor />
        </div>
      </section>

      <section aria-labelledby="sec-structure">
        <h2 id="sec-structure">3. Structure</h2>
        <div className="form">
          <SelectField
            name="supports.poleCount"
            label="Number of poles"
            asNumber
            options={[1, 2, 3, 4].map((n) => ({ value: n, label: String(n) }))}
          />
          {poles > 1 && (
            <>
              <NumberField
                name="supports.spacingFt"
                label="Pole spacing"
                unit="ft"
                optional
                hint={`Centre to centre; the poles must fit under the sign. Empty: B / n = ${spacingDefault || 'the sign width / n'}.`}
              />
              <SelectField
                name="supports.torsionSharing"
                label="Torque on the poles"
                options={[
                  { value: 'rigid-diaphragm', label: 'Rigid sign: shears couple' },
                  { value: 'stiffness', label: 'By stiffness (torsional connection)' },
                ]}
                hint="Cases B and C of Fig. 29.3-1. Rigid sign: V = F/n + T x / Σx², no pole torsion. By stiffness: needs a designed torsionally rigid pole-to-cabinet connection (engineering review)."
              />
            </>
          )}
          <SelectField
            name="supports.material"
            label="Pole material"
            options={[
              { value: 'steel', label: 'Steel' },
              { value: 'aluminum', label: 'Aluminum 6061-T6 (up to 15 ft overall)' },
            ]}
          />
          <fieldset className="full field" style={{ border: 'none', padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 12, color: 'var(--muted)', fontWeight: 600 }}>
              Allowed steel families
            </legend>
            <div style={{ display: 'flex', gap: 14, flexWrap: 'wrap' }}>
              {POLE_FAMILIES.map((f) => (
                <label key={f} style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
                  <input type="checkbox" value={f} {...register('supports.families')} />
                  {FAMILY_LABEL[f]}
                </label>
              ))}
            </div>
          </fieldset>
          <NumberField
            name="options.dampingRatio"
            label="Damping ratio β (flexible signs)"
            hint={`For Gf when n1 < 1 Hz (ASCE 7 26.11.5); ${DEFAULT_DAMPING_RATIO} = 1 % of critical, typical for steel (C26.11); lower for bare welded poles.`}
          />
        </div>
      </section>

      <section aria-labelledby="sec-foundation">
        <h2 id="sec-foundation">4. Foundation</h2>
        <div className="form">
          <NumberField name="foundation.diameterFt" label="Footing diameter" unit="ft" />
          <div className="field">
            <label htmlFor="soil-mode">Soil</label>
            <select
              id="soil-mode"
              value={soilMode}
              onChange={(e) => {
                const m = e.target.value as 'class' | 'geotech';
                setSoilMode(m);
                setValue(
                  'foundation.soil',
                  m === 'class' ? { class: 4 } : { geotechPsfPerFt: 150 },
                  { shouldValidate: true, shouldDirty: true },
                );
              }}
            >
              <option value="class">IBC Table 1806.2 class</option>
              <option value="geotech">Geotechnical report value</option>
            </select>
          </div>
          {soilMode === 'class' ? (
            <SelectField
              name="foundation.soil.class"
              label="Soil class"
              asNumber
              options={[
                { value: 1, label: '1 – Crystalline bedrock (1200 psf/ft)' },
                { value: 2, label: '2 – Sedimentary rock (400 psf/ft)' },
                { value: 3, label: '3 – Sandy gravel, gravel (200 psf/ft)' },
                { value: 4, label: '4 – Sand, silty/clayey sand (150 psf/ft)' },
                { value: 5, label: '5 – Clay, silt (100 psf/ft)' },
              ]}
            />
          ) : (
            <NumberField
              name="foundation.soil.geotechPsfPerFt"
              label="Lateral bearing"
              unit="psf/ft"
            />
          )}
          <CheckField
            name="foundation.isolatedPoleIncrease"
            label="Isolated pole increase 2x (IBC 1806.3.4)"
          />
          <CheckField
            name="foundation.constrained"
            label="Constrained at grade (slab or pavement, 1807.3.2.2)"
          />
          <NumberField
            name="foundation.wasteFactor"
            label="Concrete waste factor"
            hint="0.10 = 10 % extra concrete."
          />
          <NumberField name="foundation.depthIncrementFt" label="Depth rounded up to" unit="ft" />
        </div>
      </section>
    </div>
  );
}
