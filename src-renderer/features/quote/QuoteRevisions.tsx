import { useState } from 'react';
import {
  QUOTE_STATUS_LABELS,
  QUOTE_TRANSITIONS,
  type QuoteComparison,
  type QuoteRevisionSummary,
  type QuoteStatus,
} from '../../../src-shared/quotes';
import { useClient, useQuery } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { fmt, formatWhen } from '../../lib/format';
import { saveBase64File } from '../../lib/save-file';
import { delta, qty, STATUS_BADGE } from './format';

const VERB: Record<QuoteStatus, string> = {
  draft: 'Back to draft',
  sent: 'Mark sent',
  accepted: 'Mark accepted',
  declined: 'Mark declined',
  expired: 'Mark expired',
};

/** Saved quote revisions: status, PDF, and two of them compared side by side. */

/** `qty × unit = amount` for one side of a compared line, or a dash when it is absent. */
function lineCell(
  l: { quantity: number; unitPriceCents: number; amountCents: number } | null | undefined,
) {
  return l
    ? `${qty(l.quantity)} × ${fmt.money(l.unitPriceCents)} = ${fmt.money(l.amountCents)}`
    : '—';
}

export function QuoteRevisions({ projectId }: { projectId: string }) {
  const client = useClient();
  const list = useQuery('quotes:list-revisions', { projectId }, ['quotes:changed']);
  const [picked, setPicked] = useState<string[]>([]);
  const [cmp, setCmp] = useState<QuoteComparison | null>(null);
  const rows = list.data ?? [];
  if (!rows.length)
    return (
      <p className="muted">
        No quote revisions yet. Saving one freezes the lines and totals as shown.
      </p>
    );

  const setStatus = async (r: QuoteRevisionSummary, to: QuoteStatus) => {
    try {
      await client.call('quotes:set-status', { id: r.id, to });
      toast.info(`Quote revision ${r.number} marked ${QUOTE_STATUS_LABELS[to].toLowerCase()}.`);
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  const pdf = async (r: QuoteRevisionSummary) => {
    try {
      const f = await client.call('quotes:customer-pdf', { id: r.id });
      saveBase64File(f.fileName, f.base64);
      toast.info(`Quote saved as ${f.fileName}.`);
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  const toggle = (id: string) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));
  const compare = async () => {
    const [a, b] = [...picked].sort(
      (x, y) => rows.find((r) => r.id === x)!.number - rows.find((r) => r.id === y)!.number,
    );
    try {
      setCmp(await client.call('quotes:compare', { a, b }));
    } catch (e) {
      toast.error((e as Error).message);
    }
  };

  return (
    <>
      <table className="grid compact" aria-label="Quote revisions">
        <thead>
          <tr>
            <th>Compare</th>
            <th className="num">Rev</th>
            <th>Saved</th>
            <th>Status</th>
            <th className="num">Design</th>
            <th className="num">Book</th>
            <th className="num">Valid until</th>
            <th className="num">Total</th>
            <th>Note</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const next =
              r.displayStatus === 'expired' && r.status !== 'expired'
                ? (['expired', 'declined'] as const)
                : QUOTE_TRANSITIONS[r.status];
            return (
              <tr key={r.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Compare revision ${r.number}`}
                    checked={picked.includes(r.id)}
                    onChange={() => toggle(r.id)}
                  />
                </td>
                <td className="num">{r.number}</td>
                <td className="num">{formatWhen(r.createdAt)}</td>
                <td>
                  <span
                    className={`badge ${STATUS_BADGE[r.displayStatus]}`}
                    aria-label={`Quote ${r.number} status: ${QUOTE_STATUS_LABELS[r.displayStatus]}`}
                  >
                    {QUOTE_STATUS_LABELS[r.displayStatus]}
                  </span>
                </td>
                <td className="num">rev {r.designRevisionNumber}</td>
                <td className="num">v{r.priceBookVersionNumber}</td>
                <td className="num">{r.validUntil}</td>
                <td className="num">{fmt.money(r.totalCents)}</td>
                <td title={r.note}>{r.note}</td>
                <td>
                  {next.map((to) => (
                    <button
                      key={to}
                      type="button"
                      className="btn small"
                      onClick={() => setStatus(r, to)}
                      aria-label={`${VERB[to]}: revision ${r.number}`}
                    >
                      {VERB[to]}
                    </button>
                  ))}{' '}
                  <button
                    type="button"
                    className="btn small"
                    onClick={() => pdf(r)}
                    aria-label={`PDF of quote revision ${r.number}`}
                  >
                    PDF
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="toolbar" style={{ marginTop: 6 }}>
        <button type="button" className="btn" disabled={picked.length !== 2} onClick={compare}>
          Compare selected
        </button>
        <span className="muted">Tick two revisions to compare them.</span>
      </div>
      {cmp && <ComparePanel cmp={cmp} onClose={() => setCmp(null)} />}
    </>
  );
}

function ComparePanel({ cmp, onClose }: { cmp: QuoteComparison; onClose(): void }) {
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
