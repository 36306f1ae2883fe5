import type { QuoteTotals } from '../../../src-shared/quotes';
import { fmt, formatPercentBp as pct } from '../../../src-shared/format';

export function Totals({ totals: t }: { totals: QuoteTotals }) {
  const rows: [string, number][] = [
    ['Subtotal', t.subtotalCents],
    [`Contingency ${pct(t.contingencyBp)}`, t.contingencyCents],
    [`${t.markupMode === 'margin' ? 'Margin' : 'Markup'} ${pct(t.markupBp)}`, t.markupCents],
    [`Discount ${pct(t.discountBp)}`, t.discountCents ? -t.discountCents : 0],
    [`Tax ${pct(t.taxBp)} on taxable ${fmt.money(t.taxableCents)}`, t.taxCents],
  ];
  return (
    <table className="grid compact" aria-label="Quote totals">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <td>{k}</td>
            <td className="num">{fmt.money(v)}</td>
          </tr>
        ))}
        <tr className="current">
          <td>Total</td>
          <td className="num" data-testid="quote-total">
            {fmt.money(t.totalCents)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
