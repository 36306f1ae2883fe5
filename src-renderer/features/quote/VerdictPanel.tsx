import type { DesignVerdict } from '../../../src-shared/engine';
import { verdictHeadline, type DesignAcknowledgement } from '../../../src-shared/quotes';
import { formatWhen } from '../../../src-shared/format';

/**
 * A design that does not pass, said plainly with its reasons (issue 11). With `onAcknowledge` it
 * asks for the estimator's explicit acknowledgement; with `acknowledgements` it shows who gave it.
 */
export function VerdictPanel({
  verdict,
  what,
  acknowledged,
  onAcknowledge,
  acknowledgements = [],
  id = 'verdict',
}: {
  verdict: DesignVerdict;
  /** "quote this design", "send this quote" */
  what?: string;
  acknowledged?: boolean;
  onAcknowledge?(v: boolean): void;
  acknowledgements?: DesignAcknowledgement[];
  id?: string;
}) {
  if (verdict.status === 'passes') return null;
  return (
    <section className="verdict" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{verdictHeadline(verdict)}</h3>
      <ul>
        {verdict.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {acknowledgements.map((a) => (
        <p key={a.kind + a.at} className="muted" style={{ margin: '2px 0' }}>
          {a.kind === 'send' ? 'Sending' : 'Quoting'} acknowledged by {a.by}, {formatWhen(a.at)}.
        </p>
      ))}
      {onAcknowledge && (
        <label style={{ display: 'flex', gap: 6, alignItems: 'flex-start', fontWeight: 600 }}>
          <input
            type="checkbox"
            checked={!!acknowledged}
            onChange={(e) => onAcknowledge(e.target.checked)}
          />
          I have read {verdict.reasons.length === 1 ? 'this reason' : 'these reasons'} and want to{' '}
          {what ?? 'go on'} anyway.
        </label>
      )}
    </section>
  );
}
