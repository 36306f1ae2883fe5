import { useState } from 'react';
import type { QuoteComparison } from '../../../src-shared/quotes';
import { fmt, formatMoneyDelta as delta, formatQty as qty } from '../../../src-shared/format';

/** `qty × unit = amount` for one side of a compared line, or a dash when it is absent. */
function lineCell(
  l: { quantity: number; unitPriceCents: number; amountCents: number } | null | undefined,
) {
  return l
    ? `${qty(l.quantity)} × ${fmt.money(l.unitPriceCents)} = ${fmt.money(l.amountCents)}`
    : '—';
}

/** Two quote revisions side by side: facts, changed lines, totals, with the difference. */
export function ComparePanel({ cmp, onClose }: { cmp: QuoteComparison; onClose(): void }) {
  const [all, setAll] = useState(false);
  const lines = all ? cmp.lines : cmp.lines.filter((l) => l.change !== 'same');
  const a = `Rev ${cmp.a.number}`;
  const b = `Rev ${cmp.b.number}`;
  return (
    <section className="card" aria-label="Quote comparison" style={{ display: 'grid', gap: 8 }}>
      <div className="toolbar" style={{ margin: 0 }}>
        <h3 style={{ margin: 0, flex: 1 }}>
          Revision {cmp.a.number} → revision {cmp.b.number}:{' '}
          {delta(cmp.b.totalCents - cmp.a.totalCents)}
        </h3>
        <label style={{ fontSize: 12 }}>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Show
          unchanged lines
        </label>
        <button type="button" className="btn small" onClick={onClose}>
          Close
        </button>
      </div>
      <table className="grid compact" aria-label="What changed">
        <thead>
          <tr>
            <th>Item</th>
            <th className="num">{a}</th>
            <th className="num">{b}</th>
          </tr>
        </thead>
        <tbody>
          {cmp.facts.map((f) => (
            <tr key={f.label} className={f.before !== f.after ? 'current' : undefined}>
              <td>{f.label}</td>
              <td className="num">{String(f.before)}</td>
              <td className="num">{String(f.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cmp.signs.length > 1 && (
        <table className="grid compact" aria-label="Sign changes">
          <thead>
            <tr>
              <th>Sign</th>
              <th>Change</th>
              <th className="num">Design {a}</th>
              <th className="num">Design {b}</th>
              <th className="num">Subtotal {a}</th>
              <th className="num">Subtotal {b}</th>
            </tr>
          </thead>
          <tbody>
            {cmp.signs.map((x) => (
              <tr key={x.signId} className={x.change !== 'same' ? 'current' : undefined}>
                <td>{x.label}</td>
                <td>{x.change}</td>
                <td className="num">
                  {x.designRevisionBefore === null ? '—' : `rev ${x.designRevisionBefore}`}
                </td>
                <td className="num">
                  {x.designRevisionAfter === null ? '—' : `rev ${x.designRevisionAfter}`}
                </td>
                <td className="num">
                  {x.subtotalBefore === null ? '—' : fmt.money(x.subtotalBefore)}
                </td>
                <td className="num">
                  {x.subtotalAfter === null ? '—' : fmt.money(x.subtotalAfter)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table className="grid compact" aria-label="Line changes">
        <thead>
          <tr>
            <th>Line</th>
            <th>Change</th>
            <th className="num">{a}</th>
            <th className="num">{b}</th>
            <th className="num">Difference</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.code}>
              <td>{l.description}</td>
              <td>{l.change}</td>
              <td className="num">{lineCell(l.before)}</td>
              <td className="num">{lineCell(l.after)}</td>
              <td className="num">{delta(l.deltaCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="grid compact" aria-label="Total changes">
        <thead>
          <tr>
            <th>Total</th>
            <th className="num">{a}</th>
            <th className="num">{b}</th>
            <th className="num">Difference</th>
          </tr>
        </thead>
        <tbody>
          {cmp.totals.map((t) => (
            <tr key={t.key} className={t.key === 'total' ? 'current' : undefined}>
              <td>{t.label}</td>
              <td className="num">{fmt.money(t.before)}</td>
              <td className="num">{fmt.money(t.after)}</td>
              <td className="num">{delta(t.deltaCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
