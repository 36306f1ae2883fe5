import type { RevisionSummary } from '../../../src-shared/designs';
import { fmt } from '../../../src-shared/format';

/** A design revision as the quote's pickers list it: "Revision 2: HSS6x6x1/4, Ø2.5 × 6 ft". */
export function revisionOptionText(r: RevisionSummary): string {
  const verdict =
    r.verdict === 'fails' ? ', does not pass' : r.verdict === 'review' ? ', needs review' : '';
  return `Revision ${r.number}: ${r.pole ?? 'no passing pole'}, Ø${fmt.ft(r.diameterFt)} × ${fmt.ft(r.depthFt)} ft${verdict}${r.note ? ` (${r.note})` : ''}`;
}

/** The header row of the quote lines table (one design or a job). */
export function QuoteLinesHead() {
  return (
    <thead>
      <tr>
        <th>Description</th>
        <th className="num">Qty</th>
        <th>Unit</th>
        <th className="num">Unit price</th>
        <th className="num">Amount</th>
        <th />
      </tr>
    </thead>
  );
}

/** What the working quote needs the estimator to know: a newer price book, pricing warnings. */
export function DraftNotices({
  newerPriceBook,
  warnings,
}: {
  newerPriceBook: number | null | undefined;
  warnings: readonly string[] | undefined;
}) {
  return (
    <>
      {newerPriceBook ? (
        <p className="form-error" role="status">
          Price book version {newerPriceBook} is now in force. Regenerate to use it.
        </p>
      ) : null}
      {warnings?.map((w) => (
        <p key={w} className="form-error" role="alert">
          {w}
        </p>
      ))}
    </>
  );
}
