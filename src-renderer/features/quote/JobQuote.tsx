import { useCallback, useState } from 'react';
import type {
  JobQuoteDraft,
  LineOverride,
  ManualLine,
  QuoteSettings,
  SignSettings,
} from '../../../src-shared/quotes';
import type { Project } from '../../../src-shared/projects';
import type { SignListItem } from '../../../src-shared/signs';
import { useClient, useQuery } from '../../app/client-context';
import { withToast } from '../../app/toasts';
import { formatWhen } from '../../../src-shared/format';
import { Alternatives } from './Alternatives';
import { JobLines, type LineScope } from './JobLines';
import { SignPick, titleOf } from './SignPick';
import { ManualLineForm } from './ManualLineForm';
import { QuoteRevisions } from './QuoteRevisions';
import { SettingsAndTotals } from './SettingsAndTotals';
import { DraftNotices } from './quote-bits';
import { VerdictPanel } from './VerdictPanel';

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
  const designed = schedule.filter((s) => s.source === 'revision');
  const notDesigned = schedule.filter((s) => s.source !== 'revision');
  const blockedByAck = Object.entries(needs).some(([id, r]) => r && !acks[id]);

  const run = withToast;
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
      signSettings?: SignSettings;
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
              ...(patch.signSettings ? { settings: patch.signSettings } : {}),
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
              <th>Lighting</th>
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
                  jobLit={draft?.settings.illuminated ?? true}
                  onLit={
                    draft
                      ? (v) => {
                          const pin = draft.signs.find((x) => x.signId === s.id);
                          if (!pin) return;
                          const settings = { ...pin.settings, illuminated: v };
                          if (v === undefined) delete settings.illuminated;
                          void run(
                            () => update(draft, { scope: s.id, signSettings: settings }),
                            `${s.mark}: ${v === undefined ? 'lit as the job' : v ? 'illuminated' : 'not illuminated'}.`,
                          );
                        }
                      : undefined
                  }
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
      <DraftNotices newerPriceBook={draft?.newerPriceBook} warnings={draft?.job.warnings} />
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
          <SettingsAndTotals
            projectId={project.id}
            draftUpdatedAt={draft.updatedAt}
            settings={draft.settings}
            book={book.data}
            totals={draft.job.totals}
            onApply={applySettings}
          />
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
