import { useEffect } from 'react';
import { designVerdict } from '../../../src-shared/engine';
import type { DraftSign } from '../../../src-shared/quotes';
import type { SignListItem } from '../../../src-shared/signs';
import { useQuery } from '../../app/client-context';
import { fmt } from '../../../src-shared/format';
import { revisionOptionText } from './quote-bits';
import { VerdictPanel } from './VerdictPanel';

const VERDICT_TEXT = { passes: 'Passes', fails: 'Does not pass', review: 'Needs review' } as const;
const VERDICT_CLASS = { passes: 'pass', fails: 'fail', review: 'fail' } as const;

/** "S2 monument × 2" */
export const titleOf = (s: Pick<SignListItem, 'mark' | 'name' | 'quantity'>) =>
  `${[s.mark, s.name].filter(Boolean).join(' ')}${s.quantity > 1 ? ` × ${s.quantity}` : ''}`;

/**
 * One sign of the schedule in the quote: the design revision the quote prices (default: the one
 * it is pinned to, else the latest), its status, subtotal and price; a design that does not pass
 * asks for the estimator's acknowledgement before it is quoted (issue 11, per sign).
 */
export function SignPick({
  sign,
  pinned,
  priced,
  value,
  onChange,
  onNeeds,
  acknowledged,
  onAcknowledge,
  jobLit,
  onLit,
}: {
  sign: SignListItem;
  pinned: DraftSign | undefined;
  priced: { subtotalCents: number; priceCents: number | null } | undefined;
  value: string | undefined;
  onChange(id: string): void;
  onNeeds(reasons: string[] | null): void;
  acknowledged: boolean;
  onAcknowledge(v: boolean): void;
  /** the job's setting, what "As the job" means */
  jobLit: boolean;
  /** the sign's own illumination (undefined: the job's); only once the quote prices the sign */
  onLit?(v: boolean | undefined): void;
}) {
  const revs = useQuery('designs:list-revisions-sign', { signId: sign.id }, ['designs:changed']);
  const list = revs.data ?? [];
  const chosen = value ?? pinned?.designRevisionId ?? list[0]?.id ?? '';
  const rev = useQuery('designs:get-revision', chosen ? { id: chosen } : null);
  const verdict = rev.data && rev.data.id === chosen ? designVerdict(rev.data.result) : null;
  const already = pinned?.designRevisionId === chosen && pinned.acknowledgement !== null;
  const needs = !!verdict && verdict.status !== 'passes' && !already;
  const key = needs && verdict ? verdict.reasons.join('\n') : '';
  useEffect(() => {
    onNeeds(key ? key.split('\n') : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const id = `q-sign-${sign.id}`;
  const latest = list[0];
  return (
    <>
      <tr data-sign={sign.mark}>
        <th scope="row" style={{ textAlign: 'left' }}>
          {titleOf(sign)}
        </th>
        <td>
          {list.length ? (
            <>
              <label htmlFor={id} className="sr-only">
                Design revision for {sign.mark}
              </label>
              <select id={id} value={chosen} onChange={(e) => onChange(e.target.value)}>
                {list.map((r) => (
                  <option key={r.id} value={r.id}>
                    {revisionOptionText(r)}
                  </option>
                ))}
              </select>
              {pinned && latest && pinned.designRevisionId !== latest.id && (
                <div className="muted" style={{ fontSize: 11 }}>
                  Revision {latest.number} is newer than the one this quote prices.
                </div>
              )}
            </>
          ) : (
            <span className="muted">
              Not designed: save a design revision of {sign.mark} in the Design tab.
            </span>
          )}
        </td>
        <td>
          {list.length === 0 ? (
            <span className="badge draft">Not designed</span>
          ) : verdict ? (
            <span className={`badge ${VERDICT_CLASS[verdict.status]}`}>
              {VERDICT_TEXT[verdict.status]}
            </span>
          ) : null}
        </td>
        <td>
          {pinned && onLit ? (
            <>
              <label htmlFor={`${id}-lit`} className="sr-only">
                Lighting of {sign.mark}
              </label>
              <select
                id={`${id}-lit`}
                value={
                  pinned.settings.illuminated === undefined
                    ? 'job'
                    : pinned.settings.illuminated
                      ? 'lit'
                      : 'unlit'
                }
                onChange={(e) =>
                  onLit(e.target.value === 'job' ? undefined : e.target.value === 'lit')
                }
              >
                <option value="job">As the job ({jobLit ? 'lit' : 'unlit'})</option>
                <option value="lit">Illuminated</option>
                <option value="unlit">Not illuminated</option>
              </select>
            </>
          ) : (
            '—'
          )}
        </td>
        <td className="num">{priced ? fmt.money(priced.subtotalCents) : '—'}</td>
        <td className="num">
          {priced?.priceCents !== null && priced ? fmt.money(priced.priceCents) : '—'}
        </td>
      </tr>
      {needs && verdict && (
        <tr>
          <td colSpan={6}>
            <VerdictPanel
              id={`verdict-${sign.id}`}
              verdict={verdict}
              what={`quote sign ${sign.mark}`}
              acknowledged={acknowledged}
              onAcknowledge={onAcknowledge}
            />
          </td>
        </tr>
      )}
    </>
  );
}
