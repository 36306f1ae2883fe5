import { useCallback, useEffect, useState } from 'react';
import { designVerdict } from '../../../src-shared/engine';
import type {
  DraftSign,
  JobQuoteDraft,
  LineOverride,
  ManualLine,
  QuoteSettings,
} from '../../../src-shared/quotes';
import type { Project } from '../../../src-shared/projects';
import type { SignListItem } from '../../../src-shared/signs';
import { useClient, useQuery } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { fmt, formatWhen } from '../../../src-shared/format';
import { Alternatives } from './Alternatives';
import { JobLines, type LineScope } from './JobLines';
import { ManualLineForm } from './ManualLineForm';
import { QuoteRevisions } from './QuoteRevisions';
import { SaveRevision } from './SaveRevision';
import { SettingsForm, type SettingsState } from './SettingsForm';
import { Totals } from './Totals';
import { VerdictPanel } from './VerdictPanel';

const VERDICT_TEXT = { passes: 'Passes', fails: 'Does not pass', review: 'Needs review' } as const;
const VERDICT_CLASS = { passes: 'pass', fails: 'fail', review: 'fail' } as const;

const titleOf = (s: Pick<SignListItem, 'mark' | 'name' | 'quantity'>) =>
  `${[s.mark, s.name].filter(Boolean).join(' ')}${s.quantity > 1 ? ` × ${s.quantity}` : ''}`;

/**
 * One sign of the schedule in the quote: the design revision the quote prices (default: the one
 * it is pinned to, else the latest), its status, subtotal and price; a design that does not pass
 * asks for the estimator's acknowledgement before it is quoted (issue 11, per sign).
 */
function SignPick({
  sign,
  pinned,
  priced,
  value,
  onChange,
  onNeeds,
  acknowledged,
  onAcknowledge,
}: {
  sign: SignListItem;
  pinned: DraftSign | undefined;
  priced: { subtotalCents: number; priceCents: number | null } | undefined;
  value: string | undefined;
  onChange(id: string): void;
  onNeeds(reasons: string[] | null): void;
  acknowledged: boolean;
  onAcknowledge(v: boolean): void;
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
                    Revision {r.number}: {r.pole ?? 'no passing pole'}, Ø{fmt.ft(r.diameterFt)} ×{' '}
                    {fmt.ft(r.depthFt)} ft
                    {r.verdict === 'fails'
                      ? ', does not pass'
                      : r.verdict === 'review'
                        ? ', needs review'
                        : ''}
                    {r.note ? ` (${r.note})` : ''}
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
        <td className="num">{priced ? fmt.money(priced.subtotalCents) : '—'}</td>
        <td className="num">
          {priced?.priceCents !== null && priced ? fmt.money(priced.priceCents) : '—'}
        </td>
      </tr>
      {needs && verdict && (
        <tr>
          <td colSpan={5}>
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

/**
 * The Quote tab for a job of several signs (or one sign × more than one): per sign the design
 * revision to price, the lines grouped by sign then the job's lines, the job's settings, totals,
 * revisions and documents (customer quote, cost sheet, job packet).
 */
export function JobQuote({
  project,
  draft,
  schedule,
}: {
  project: Project;
  draft: JobQuoteDraft | null;
  schedule: SignListItem[];
}) {
  const client = useClient();
  const book = useQuery('pricebook:get-version', draft ? { id: draft.priceBookVersionId } : null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [needs, setNeeds] = useState<Record<string, string[] | null>>({});
  const [acks, setAcks] = useState<Record<string, boolean>>({});
  const [manualFor, setManualFor] = useState<string>('job');
  const [altSign, setAltSign] = useState<string>('');
  const [settingsState, setSettingsState] = useState<SettingsState>('applied');
  const designed = schedule.filter((s) => s.source === 'revision');
  const notDesigned = schedule.filter((s) => s.source !== 'revision');
  const blockedByAck = Object.entries(needs).some(([id, r]) => r && !acks[id]);

  const run = async (what: () => Promise<unknown>, done?: string) => {
    try {
      await what();
      if (done) toast.info(done);
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  const generate = () =>
    run(
      () =>
        client.call('quotes:generate', {
          projectId: project.id,
          signs: designed.map((s) => ({
            signId: s.id,
            ...(choices[s.id] ? { designRevisionId: choices[s.id] } : {}),
            ...(needs[s.id] && acks[s.id] ? { acknowledge: { reasons: needs[s.id]! } } : {}),
          })),
        }),
      draft ? 'Quote regenerated; overrides and manual lines kept.' : 'Quote generated.',
    ).then(() => (setAcks({}), setChoices({})));

  const update = (
    d: JobQuoteDraft,
    patch: {
      settings?: QuoteSettings;
      scope?: LineScope;
      overrides?: Record<string, LineOverride>;
      manualLines?: ManualLine[];
    },
  ) => {
    const sign = patch.scope ? d.signs.find((x) => x.signId === patch.scope) : undefined;
    return client.call('quotes:update-draft', {
      projectId: project.id,
      settings: patch.settings ?? d.settings,
      overrides: (!patch.scope && patch.overrides) || d.jobOverrides,
      manualLines: (!patch.scope && patch.manualLines) || d.jobManualLines,
      signs: sign
        ? [
            {
              signId: sign.signId,
              overrides: patch.overrides ?? sign.overrides,
              manualLines: patch.manualLines ?? sign.manualLines,
            },
          ]
        : [],
    });
  };
  const applySettings = useCallback(
    async (settings: QuoteSettings) => {
      if (draft) await update(draft, { settings });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [draft?.updatedAt, project.id],
  );
  const linesOf = (scope: LineScope) =>
    !draft
      ? []
      : scope
        ? (draft.signs.find((x) => x.signId === scope)?.manualLines ?? [])
        : draft.jobManualLines;
  const overridesOf = (scope: LineScope) =>
    !draft
      ? {}
      : scope
        ? (draft.signs.find((x) => x.signId === scope)?.overrides ?? {})
        : draft.jobOverrides;
  const manualScope: LineScope =
    manualFor !== 'job' && draft?.signs.some((x) => x.signId === manualFor) ? manualFor : null;
  const altSignId = draft?.signs.some((x) => x.signId === altSign)
    ? altSign
    : (draft?.signs[0]?.signId ?? '');
  const altPinned = draft?.signs.find((x) => x.signId === altSignId);

  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <section aria-labelledby="q-signs-title">
        <div className="toolbar" style={{ margin: '0 0 6px' }}>
          <h3 id="q-signs-title" style={{ margin: 0, flex: 1 }}>
            Signs in this quote
          </h3>
          {draft && (
            <span className="muted">
              Price book v{draft.priced.priceBookVersionNumber} · updated{' '}
              {formatWhen(draft.updatedAt)}
            </span>
          )}
          <button
            type="button"
            className="btn primary"
            onClick={generate}
            disabled={!designed.length || notDesigned.length > 0 || blockedByAck}
          >
            {draft ? 'Regenerate quote' : 'Generate quote'}
          </button>
        </div>
        <table className="grid compact" aria-label="Signs in this quote">
          <thead>
            <tr>
              <th>Sign</th>
              <th>Design revision</th>
              <th>Design</th>
              <th className="num">Subtotal</th>
              <th className="num">Price</th>
            </tr>
          </thead>
          <tbody>
            {schedule.map((s) => {
              const priced = draft?.job.signs.find((x) => x.signId === s.id);
              return (
                <SignPick
                  key={s.id}
                  sign={s}
                  pinned={draft?.signs.find((x) => x.signId === s.id)}
                  priced={priced}
                  value={choices[s.id]}
                  onChange={(id) => (
                    setChoices((c) => ({ ...c, [s.id]: id })),
                    setAcks((a) => ({ ...a, [s.id]: false }))
                  )}
                  onNeeds={(r) => setNeeds((n) => ({ ...n, [s.id]: r }))}
                  acknowledged={!!acks[s.id]}
                  onAcknowledge={(v) => setAcks((a) => ({ ...a, [s.id]: v }))}
                />
              );
            })}
          </tbody>
        </table>
        {notDesigned.length > 0 && (
          <p className="form-error" role="status">
            {notDesigned.map((s) => s.mark).join(', ')} {notDesigned.length === 1 ? 'is' : 'are'}{' '}
            not designed yet: the quote is generated once every sign has a saved design revision (or
            move a sign to the trash in the Signs tab).
          </p>
        )}
      </section>
      {draft && draft.verdict.status !== 'passes' && (
        <VerdictPanel
          id="verdict-draft"
          verdict={draft.verdict}
          acknowledgements={draft.signs.flatMap((x) =>
            x.acknowledgement ? [x.acknowledgement] : [],
          )}
        />
      )}
      {draft?.newerPriceBook && (
        <p className="form-error" role="status">
          Price book version {draft.newerPriceBook} is now in force. Regenerate to use it.
        </p>
      )}
      {draft?.job.warnings.map((w) => (
        <p key={w} className="form-error" role="alert">
          {w}
        </p>
      ))}
      {draft && (
        <>
          <ul className="muted" style={{ margin: 0 }} data-testid="sign-description">
            {draft.signs.map((x) => (
              <li key={x.signId}>
                {[x.mark, x.name].filter(Boolean).join(' ')}: {x.description}
              </li>
            ))}
          </ul>
          <JobLines
            draft={draft}
            onOverride={(scope, code, o) => {
              const overrides = { ...overridesOf(scope) };
              if (o) overrides[code] = o;
              else delete overrides[code];
              return run(
                () => update(draft, { scope, overrides }),
                o ? 'Override applied.' : 'Override cleared.',
              );
            }}
            onRemoveManual={(scope, code) =>
              run(
                () =>
                  update(draft, {
                    scope,
                    manualLines: linesOf(scope).filter((m) => m.code !== code),
                  }),
                'Line removed.',
              )
            }
          />
          <section className="card" aria-labelledby="ml-title">
            <div className="toolbar" style={{ margin: '0 0 6px' }}>
              <h3 id="ml-title" style={{ margin: 0 }}>
                Manual line
              </h3>
              <label htmlFor="ml-for">For</label>
              <select
                id="ml-for"
                value={manualScope ?? 'job'}
                onChange={(e) => setManualFor(e.target.value)}
              >
                <option value="job">The job (once)</option>
                {draft.signs.map((x) => (
                  <option key={x.signId} value={x.signId}>
                    {titleOf(x)} (per sign)
                  </option>
                ))}
              </select>
            </div>
            <ManualLineForm
              key={manualScope ?? 'job'}
              nextCode={`manual-${Math.max(0, ...linesOf(manualScope).map((m) => Number(m.code.split('-')[1]) || 0)) + 1}`}
              onAdd={(line) =>
                run(
                  () =>
                    update(draft, {
                      scope: manualScope,
                      manualLines: [...linesOf(manualScope), line],
                    }),
                  'Line added.',
                )
              }
            />
          </section>
          <div className="quote-split">
            <section className="card" aria-labelledby="qs-title">
              <h3 id="qs-title" style={{ margin: '0 0 6px' }}>
                Settings and adjustments
              </h3>
              <SettingsForm
                settings={draft.settings}
                book={book.data}
                totals={draft.job.totals}
                onApply={applySettings}
                onState={setSettingsState}
              />
            </section>
            <section aria-label="Totals" style={{ display: 'grid', gap: 8, minWidth: 0 }}>
              <Totals totals={draft.job.totals} />
              <SaveRevision
                projectId={project.id}
                draftUpdatedAt={draft.updatedAt}
                settingsState={settingsState}
              />
            </section>
          </div>
          <div className="toolbar" style={{ margin: 0 }}>
            <label htmlFor="alt-sign">Alternatives for</label>
            <select id="alt-sign" value={altSignId} onChange={(e) => setAltSign(e.target.value)}>
              {draft.signs.map((x) => (
                <option key={x.signId} value={x.signId}>
                  {titleOf(x)}
                </option>
              ))}
            </select>
          </div>
          {altPinned && (
            <Alternatives
              key={altPinned.signId}
              projectId={project.id}
              signId={altPinned.signId}
              designRevisionId={altPinned.designRevisionId}
            />
          )}
        </>
      )}
      <section aria-labelledby="qr-title">
        <h2 id="qr-title">Quote revisions</h2>
        <QuoteRevisions projectId={project.id} />
      </section>
    </div>
  );
}
