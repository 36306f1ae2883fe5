import { useState } from 'react';
import { STATUS_LABELS } from '../../../src-shared/projects';
import {
  QUOTE_STATUS_LABELS,
  QUOTE_TRANSITIONS,
  type ProjectMove,
  type QuoteComparison,
  type QuoteRevisionSummary,
  type QuoteStatus,
} from '../../../src-shared/quotes';
import { useClient, useQuery } from '../../app/client-context';
import { useRouter } from '../../app/router';
import { toast } from '../../app/toasts';
import { fmt, formatWhen } from '../../../src-shared/format';
import { ComparePanel } from './ComparePanel';
import { STATUS_BADGE } from './format';
import { downloadQuotePdf } from './SaveRevision';
import { AcknowledgeSendDialog, ProjectMoveDialog } from './StatusDialogs';

const VERB: Record<QuoteStatus, string> = {
  draft: 'Back to draft',
  sent: 'Mark sent',
  accepted: 'Mark accepted',
  declined: 'Mark declined',
  expired: 'Mark expired',
};

/** Saved quote revisions: status, PDF, and two of them compared side by side. */

export function QuoteRevisions({ projectId }: { projectId: string }) {
  const client = useClient();
  const list = useQuery('quotes:list-revisions', { projectId }, ['quotes:changed']);
  const [picked, setPicked] = useState<string[]>([]);
  const [cmp, setCmp] = useState<QuoteComparison | null>(null);
  const [ask, setAsk] = useState<
    { kind: 'ack'; revision: QuoteRevisionSummary } | { kind: 'move'; move: ProjectMove } | null
  >(null);
  const go = useRouter((s) => s.go);
  const rows = list.data ?? [];
  if (!rows.length)
    return (
      <p className="muted">
        No quote revisions yet. Saving one freezes the lines and totals as shown.
      </p>
    );

  /**
   * Marks a status; sending a design that does not pass first asks for the acknowledgement. The
   * answer says what happened to the project (moved, or a question when it needs several steps).
   */
  const setStatus = async (r: QuoteRevisionSummary, to: QuoteStatus, acknowledged = false) => {
    if (to === 'sent' && r.verdict.status !== 'passes' && !acknowledged) {
      setAsk({ kind: 'ack', revision: r });
      return;
    }
    try {
      const res = await client.call('quotes:set-status', {
        id: r.id,
        to,
        ...(acknowledged ? { acknowledge: { reasons: r.verdict.reasons } } : {}),
      });
      const said = `Quote revision ${r.number} marked ${QUOTE_STATUS_LABELS[to].toLowerCase()}.`;
      const move = res.projectMove;
      if (move?.path.length) setAsk({ kind: 'move', move });
      if (move?.moved && move.eventId) {
        const eventId = move.eventId;
        toast.info(`${said} ${move.message}`, {
          label: 'Undo project move',
          run: () =>
            client
              .call('projects:undo-transition', { id: move.projectId, eventId })
              .then(() => toast.info(`The project is ${STATUS_LABELS[move.from]} again.`))
              .catch((e: Error) => toast.error(e.message)),
        });
      } else toast.info(move && !move.path.length ? `${said} ${move.message}` : said);
    } catch (e) {
      const err = e as Error & { fields?: Record<string, string> };
      if (err.fields?.company)
        toast.error(err.message, { label: 'Open Settings', run: () => go({ name: 'settings' }) });
      else toast.error(err.message);
    }
  };
  const moveProject = async (move: ProjectMove) => {
    setAsk(null);
    try {
      await client.call('projects:move-to', { id: move.projectId, to: move.to });
      toast.info(`Project moved to ${STATUS_LABELS[move.to]} (${move.path.length} steps).`);
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
      <table className="grid compact wrap quote-revisions" aria-label="Quote revisions">
        <thead>
          <tr>
            <th>Compare</th>
            <th className="num">Rev</th>
            <th className="num">Saved</th>
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
                <td
                  className="num"
                  style={r.signs.length > 1 ? { whiteSpace: 'normal' } : undefined}
                >
                  {r.signs.length > 1
                    ? r.signs.map((x) => `${x.mark} rev ${x.designRevisionNumber}`).join(', ')
                    : `rev ${r.designRevisionNumber}`}
                </td>
                <td className="num">v{r.priceBookVersionNumber}</td>
                <td className="num">{r.validUntil}</td>
                <td className="num">
                  {fmt.money(r.totalCents)}
                  {r.verdict.status !== 'passes' && (
                    <div className="badge fail" title={r.verdict.reasons.join(' ')}>
                      {r.verdict.status === 'fails' ? 'design fails' : 'needs review'}
                    </div>
                  )}
                </td>
                <td>{r.note}</td>
                <td className="actions">
                  <div className="row-actions">
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
                    ))}
                    <button
                      type="button"
                      className="btn small"
                      onClick={() => downloadQuotePdf(client, 'customer', { id: r.id })}
                      aria-label={`Customer quote PDF of revision ${r.number}`}
                    >
                      Quote PDF
                    </button>
                    <button
                      type="button"
                      className="btn small"
                      onClick={() => downloadQuotePdf(client, 'cost-sheet', { id: r.id })}
                      aria-label={`Cost sheet PDF of revision ${r.number}`}
                    >
                      Cost sheet
                    </button>
                    <button
                      type="button"
                      className="btn small"
                      onClick={() => downloadQuotePdf(client, 'job-packet', { id: r.id })}
                      aria-label={`Job packet PDF of revision ${r.number}`}
                    >
                      Job packet
                    </button>
                  </div>
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
      {ask?.kind === 'ack' && (
        <AcknowledgeSendDialog
          revision={ask.revision}
          onCancel={() => setAsk(null)}
          onConfirm={() => {
            const r = ask.revision;
            setAsk(null);
            void setStatus(r, 'sent', true);
          }}
        />
      )}
      {ask?.kind === 'move' && (
        <ProjectMoveDialog
          move={ask.move}
          onKeep={() => {
            setAsk(null);
            toast.info(`The project stays ${STATUS_LABELS[ask.move.from]}.`);
          }}
          onMove={() => moveProject(ask.move)}
        />
      )}
    </>
  );
}
