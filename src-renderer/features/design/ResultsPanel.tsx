import { useState } from 'react';
import type { SignDesignInput, SignDesignResult } from '../../../src-shared/engine';
import { fmt } from '../../../src-shared/format';
import { ElevationSvg } from './ElevationSvg';
import { Flash } from './Flash';
import { OptionsTable } from './OptionsTable';
import { PoleShares } from './PoleShares';

function Metric({ k, v, unit }: { k: string; v: string; unit?: string }) {
  return (
    <div className="metric">
      <span className="k">{k}</span>
      <Flash value={v} className="v">
        {v}
        {unit ? <span className="muted"> {unit}</span> : null}
      </Flash>
    </div>
  );
}

/**
 * Live results beside the form: wind summary, the selected pole with its ratios, the options
 * table, the foundation with its diameter -> depth table, warnings, and every step on demand.
 */
export function ResultsPanel({
  input,
  result,
  onPickSection,
  onPickDiameter,
  readOnly,
  stale,
}: {
  input: SignDesignInput;
  result: SignDesignResult;
  onPickSection?(designation: string): void;
  onPickDiameter?(diameterFt: number): void;
  readOnly?: boolean;
  /** the form holds edits these results are not for (a field to fix): say so in the panel */
  stale?: boolean;
}) {
  const s = result.summary;
  const [showAllSteps, setShowAllSteps] = useState(false);
  const pole = result.poles.selected;
  return (
    <>
      {stale && (
        <div className="stale-banner" role="status" data-testid="results-stale">
          Out of date: these results are for the last valid design, not the fields being edited. Fix
          the fields listed under “Review and save” to update them.
        </div>
      )}
      <div className="card" role="group" aria-label="Wind">
        <h3>
          Wind ({s.standard}, Case {result.wind.governingCase} governs)
        </h3>
        <div className="metrics">
          <Metric k="Kz" v={fmt.coef(s.kz)} />
          <Metric k="qh" v={fmt.psf(s.qhPsf)} unit="psf" />
          <Metric k="Cf" v={fmt.ratio(s.cf)} />
          <Metric k="Sign force F" v={fmt.lb(s.signForceLb)} unit="lb" />
          <Metric k="Shear / pole (ASD)" v={fmt.lb(s.groundlineShearLb)} unit="lb" />
          <Metric k="Moment / pole (ASD)" v={fmt.kipFt(s.groundlineMomentKipFt)} unit="kip-ft" />
          <Metric k="Torsion (ASD)" v={fmt.kipFt(s.torsionKipFt)} unit="kip-ft" />
          <Metric k="Sign area" v={fmt.ft(s.signAreaFt2)} unit="ft²" />
          <Metric k="Ke / G" v={`${fmt.coef(s.ke)} / ${fmt.ratio(s.g)}`} />
        </div>
      </div>

      <div className="card" role="group" aria-label="Pole">
        <h3>Pole</h3>
        {pole ? (
          <>
            <p style={{ margin: '0 0 6px' }}>
              <Flash value={pole.designation}>
                <strong data-testid="selected-pole">{pole.designation}</strong>
              </Flash>{' '}
              <span className="muted">
                {input.supports.poleCount} × {fmt.ft(pole.weightPlf)} lb/ft, governing{' '}
                {pole.governingCheck}
              </span>{' '}
              <span className={`badge ${pole.governingRatio > 1 ? 'fail' : 'pass'}`}>
                ratio {fmt.ratio(pole.governingRatio)}
              </span>
            </p>
            <table className="grid compact" aria-label="Pole ratios">
              <thead>
                <tr>
                  {Object.keys(pole.ratios).map((k) => (
                    <th key={k} className="num">
                      {k}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {Object.entries(pole.ratios).map(([k, v]) => (
                    <td
                      key={k}
                      className="num"
                      style={{ color: v > 1 ? 'var(--warn)' : undefined }}
                    >
                      {fmt.ratio(v)}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </>
        ) : (
          <p className="error" role="alert" style={{ color: 'var(--warn)' }}>
            No section in the catalog passes. Closest: {result.poles.closest.designation} (governing{' '}
            {result.poles.closest.governingCheck}, ratio{' '}
            {fmt.ratio(result.poles.closest.governingRatio)}). Add poles, allow more families, or
            lower the sign.
          </p>
        )}
        <OptionsTable
          options={result.poles.options}
          selected={pole?.designation}
          onPick={readOnly ? undefined : onPickSection}
        />
      </div>

      <PoleShares result={result} />

      <div className="card" role="group" aria-label="Foundation">
        <h3>Foundation ({result.foundation.method})</h3>
        <div className="metrics">
          <Metric k="Diameter" v={fmt.ft(s.foundation.diameterFt)} unit="ft" />
          <Metric k="Depth" v={fmt.ft(s.foundation.depthFt)} unit="ft" />
          <Metric k="Concrete / footing" v={fmt.yd3(s.foundation.concreteYd3)} unit="yd³" />
          <Metric k="P per pole (ASD)" v={fmt.lb(s.foundation.lateralLoadLb)} unit="lb" />
          <Metric k="h (= M/P)" v={fmt.ft(s.foundation.loadHeightFt)} unit="ft" />
          <Metric k="S1" v={fmt.psf(s.foundation.s1Psf)} unit="psf" />
        </div>
        <table className="grid compact" aria-label="Diameter to depth" style={{ marginTop: 8 }}>
          <thead>
            <tr>
              <th className="num">Diameter (ft)</th>
              <th className="num">Depth (ft)</th>
              <th className="num">Concrete (yd³)</th>
            </tr>
          </thead>
          <tbody>
            {result.foundation.diameterTable.map((r) => {
              const current = Math.abs(r.diameterFt - s.foundation.diameterFt) < 1e-9;
              return (
                <tr
                  key={r.diameterFt}
                  className={`${readOnly ? '' : 'pick'} ${current ? 'current' : ''}`}
                  aria-selected={current}
                  tabIndex={readOnly ? undefined : 0}
                  title={readOnly ? undefined : 'Use this diameter'}
                  onClick={() => !readOnly && onPickDiameter?.(r.diameterFt)}
                  onKeyDown={(e) =>
                    e.key === 'Enter' && !readOnly && onPickDiameter?.(r.diameterFt)
                  }
                >
                  <td className="num">{fmt.ft(r.diameterFt)}</td>
                  <td className="num">{fmt.ft(r.depthFt)}</td>
                  <td className="num">{fmt.yd3(r.concreteYd3)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {result.warnings.length > 0 && (
        <div
          className="card"
          role="group"
          aria-label="Warnings"
          style={{ borderColor: 'var(--warn)' }}
        >
          <h3 style={{ color: 'var(--warn)' }}>Warnings</h3>
          <ul className="warning-list">
            {result.warnings.map((w) => (
              <li key={w.code + w.message}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}

      <ElevationSvg input={input} result={result} />

      <details
        className="card steps"
        open={showAllSteps}
        onToggle={(e) => setShowAllSteps((e.target as HTMLDetailsElement).open)}
      >
        <summary>Calculation steps ({result.steps.length}) and checks</summary>
        {showAllSteps && (
          <>
            <table className="grid compact wrap steps-table" aria-label="Calculation steps">
              <thead>
                <tr>
                  <th>Step and formula</th>
                  <th>Clause</th>
                  <th className="num">Value</th>
                </tr>
              </thead>
              <tbody>
                {result.steps.map((st) => (
                  <tr key={st.id}>
                    <td>
                      {st.label}
                      {st.formula && st.formula !== '-' ? (
                        <div className="formula">{st.formula}</div>
                      ) : null}
                    </td>
                    <td>{st.codeRef}</td>
                    <td className="num">
                      {typeof st.value === 'number' ? Number(st.value.toPrecision(5)) : st.value}{' '}
                      {st.unit !== '-' ? st.unit : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table
              className="grid compact wrap checks-table"
              aria-label="Checks"
              style={{ marginTop: 8 }}
            >
              <thead>
                <tr>
                  <th>Check</th>
                  <th>Clause</th>
                  <th className="num">Demand</th>
                  <th className="num">Capacity</th>
                  <th className="num">Ratio</th>
                </tr>
              </thead>
              <tbody>
                {result.checks.map((c) => (
                  <tr key={c.id} className={c.passes ? '' : 'fail'}>
                    <td>{c.label}</td>
                    <td>{c.codeRef}</td>
                    <td className="num">
                      {Number(c.demand.toPrecision(4))} {c.unit}
                    </td>
                    <td className="num">
                      {Number(c.capacity.toPrecision(4))} {c.unit}
                    </td>
                    <td className="num">{fmt.ratio(c.ratio)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </details>
    </>
  );
}
