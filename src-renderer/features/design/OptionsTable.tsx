import { useMemo, useState } from 'react';
import type { PoleOption } from '../../../src-shared/engine';
import { fmt } from '../../../src-shared/format';

type SortKey = 'weight' | 'ratio' | 'name';

/** Every section checked, lightest first by default; passing ones can be picked. */
export function OptionsTable({
  options,
  selected,
  onPick,
}: {
  options: PoleOption[];
  selected?: string;
  onPick?(designation: string): void;
}) {
  const [sort, setSort] = useState<SortKey>('weight');
  const [onlyPassing, setOnlyPassing] = useState(false);
  const rows = useMemo(() => {
    const list = onlyPassing ? options.filter((o) => o.passes) : [...options];
    if (sort === 'ratio') list.sort((a, b) => a.governingRatio - b.governingRatio);
    else if (sort === 'name') list.sort((a, b) => a.designation.localeCompare(b.designation));
    return list;
  }, [options, sort, onlyPassing]);
  const header = (key: SortKey, label: string, num = false) => (
    <th className={num ? 'num' : undefined} aria-sort={sort === key ? 'ascending' : 'none'}>
      <button
        type="button"
        className="btn small"
        style={{ border: 'none', background: 'none', padding: 0, fontWeight: 600 }}
        onClick={() => setSort(key)}
      >
        {label}
        {sort === key ? ' ▲' : ''}
      </button>
    </th>
  );
  return (
    <details style={{ marginTop: 8 }}>
      <summary style={{ cursor: 'pointer', color: 'var(--accent)' }}>
        All options ({options.filter((o) => o.passes).length} of {options.length} pass)
      </summary>
      <label style={{ display: 'flex', gap: 6, margin: '6px 0', fontSize: 12 }}>
        <input
          type="checkbox"
          checked={onlyPassing}
          onChange={(e) => setOnlyPassing(e.target.checked)}
        />{' '}
        Passing only
      </label>
      <div style={{ maxHeight: 280, overflow: 'auto' }}>
        <table className="grid compact" aria-label="Pole options">
          <thead>
            <tr>
              {header('name', 'Section')}
              {header('weight', 'lb/ft', true)}
              {header('ratio', 'Ratio', true)}
              <th>Governs</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr
                key={o.designation}
                className={`${o.passes ? '' : 'fail'} ${o.designation === selected ? 'current' : ''}`}
              >
                <td>{o.designation}</td>
                <td className="num">{fmt.ft(o.weightPlf)}</td>
                <td className="num">{fmt.ratio(o.governingRatio)}</td>
                <td>{o.passes ? o.governingCheck : `fails: ${o.governingCheck}`}</td>
                <td>
                  {o.passes && onPick && o.designation !== selected && (
                    <button
                      type="button"
                      className="btn small"
                      onClick={() => onPick(o.designation)}
                      aria-label={`Use ${o.designation}`}
                    >
                      Use
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
