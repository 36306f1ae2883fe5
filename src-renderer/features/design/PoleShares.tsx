import type { SignDesignResult } from '../../../src-shared/engine';
import { fmt } from '../../../src-shared/format';

const SHARING: Record<string, string> = {
  single: 'One pole: the whole sign force, the torque as pole torsion.',
  'rigid-diaphragm':
    'Rigid sign: the torque is the couple of the pole shears, V = F/n + T x / Σx²; no pole torsion.',
  stiffness:
    'Split by stiffness: relies on a designed torsionally rigid pole-to-cabinet connection (engineering review).',
};

/**
 * Each pole's share at grade (ASD) and where the footing load comes from: the shown shear, or a
 * note saying which section governs it and why. Results saved before engine 2.0 have no shares;
 * then only the footing line shows.
 */
export function PoleShares({ result }: { result: SignDesignResult }) {
  const p = result.poles;
  const shares = p.shares ?? [];
  const critical = shares.reduce((a, s) => Math.max(a, s.shearLb), -Infinity);
  const f = result.foundation;
  return (
    <div className="card pole-shares" aria-label="Pole shares">
      <h3>
        {p.poleCount === 1 ? 'Pole at grade' : `${p.poleCount} poles at ${fmt.ft(p.spacingFt)} ft`}
      </h3>
      {p.sharing && (
        <p className={`muted ${p.sharing === 'stiffness' ? 'warn-text' : ''}`}>
          {SHARING[p.sharing]}
        </p>
      )}
      {shares.length > 0 && (
        <table className="grid compact" aria-label="Each pole's share">
          <thead>
            <tr>
              <th>Pole</th>
              <th className="num">x (ft)</th>
              <th className="num">V (lb)</th>
              <th className="num">M (kip-ft)</th>
              <th className="num">T (kip-ft)</th>
            </tr>
          </thead>
          <tbody>
            {shares.map((s) => (
              <tr key={s.pole} className={s.shearLb === critical ? 'current' : undefined}>
                <td>
                  {s.pole}
                  {s.shearLb === critical && shares.length > 1 ? ' (critical)' : ''}
                </td>
                <td className="num">{fmt.ft(s.xFt)}</td>
                <td className="num">{fmt.lb(s.shearLb)}</td>
                <td className="num">{fmt.kipFt(s.momentKipFt)}</td>
                <td className="num">{fmt.kipFt(s.torsionKipFt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="footing-load" aria-label="Footing load">
        Footing P = {fmt.lb(f.lateralLoadLb)} lb
        {f.loadNote === undefined
          ? ''
          : f.loadNote
            ? `: ${f.loadNote}.`
            : ` = the groundline shear of ${result.summary.pole.designation}.`}
      </p>
      {result.readings && result.readings.length > 0 && (
        <details>
          <summary>Readings a reviewer must accept ({result.readings.length})</summary>
          <ul className="readings">
            {result.readings.map((r) => (
              <li key={r.id}>
                <strong>{r.title}:</strong> {r.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
