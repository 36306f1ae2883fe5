import { useCallback, useState } from 'react';
import { designVerdict } from '../../../src-shared/engine';
import type {
  LineOverride,
  JobQuoteDraft,
  ManualLine,
  QuoteSettings,
} from '../../../src-shared/quotes';
import type { Project } from '../../../src-shared/projects';
import { useClient, useQuery } from '../../app/client-context';
import { withToast } from '../../app/toasts';
import { formatWhen } from '../../../src-shared/format';
import { Alternatives } from './Alternatives';
import { JobQuote } from './JobQuote';
import { ManualLineForm } from './ManualLineForm';
import { QuoteLines } from './QuoteLines';
import { QuoteRevisions } from './QuoteRevisions';
import { SettingsAndTotals } from './SettingsAndTotals';
import { DraftNotices, revisionOptionText } from './quote-bits';
import { VerdictPanel } from './VerdictPanel';

/**
 * The Quote tab: generate from a saved design revision, adjust, save revisions, compare, PDF. A
 * job of several signs (or one sign × more than one) is quoted by JobQuote: one quote for the
 * job, a design revision picked per sign; a project of one sign keeps the one-design view.
 */
export function QuoteTab({ project }: { project: Project }) {
  const client = useClient();
  const schedule = useQuery('signs:list', { projectId: project.id }, [
    'signs:changed',
    'designs:changed',
  ]);
  const designs = useQuery('designs:list-revisions', { projectId: project.id }, [
    'designs:changed',
  ]);
  const draftQ = useQuery('quotes:get-draft', { projectId: project.id }, [
    'quotes:changed',
    'pricebook:changed',
  ]);
  const draft = draftQ.data ?? null;
  const book = useQuery('pricebook:get-version', draft ? { id: draft.priceBookVersionId } : null);
  const [picked, setPicked] = useState<string>('');
  const [ack, setAck] = useState(false);
  const revs = designs.data ?? [];
  const chosen = picked || draft?.designRevisionId || revs[0]?.id || '';
  const chosenRev = useQuery('designs:get-revision', chosen ? { id: chosen } : null);
  const chosenVerdict =
    chosenRev.data && chosenRev.data.id === chosen ? designVerdict(chosenRev.data.result) : null;
  // the draft already carries an acknowledgement for this very design
  const alreadyAcknowledged = draft?.designRevisionId === chosen && draft.acknowledgement !== null;
  const needsAck = !!chosenVerdict && chosenVerdict.status !== 'passes' && !alreadyAcknowledged;

  const run = withToast;
  const generate = () =>
    run(
      () =>
        client.call('quotes:generate', {
          projectId: project.id,
          designRevisionId: chosen,
          ...(needsAck && chosenVerdict ? { acknowledge: { reasons: chosenVerdict.reasons } } : {}),
        }),
      draft ? 'Quote regenerated; overrides and manual lines kept.' : 'Quote generated.',
    ).then(() => setAck(false));
  const update = (
    d: JobQuoteDraft,
    patch: {
      settings?: QuoteSettings;
      overrides?: Record<string, LineOverride>;
      manualLines?: ManualLine[];
    },
  ) =>
    client.call('quotes:update-draft', {
      projectId: project.id,
      settings: patch.settings ?? d.settings,
      overrides: patch.overrides ?? d.overrides,
      manualLines: patch.manualLines ?? d.manualLines,
    });
  // settings apply as typed; a refusal is shown by the form itself (it throws back)
  const applySettings = useCallback(
    async (settings: QuoteSettings) => {
      const d = draftQ.data;
      if (d) await update(d, { settings });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [draftQ.data?.updatedAt, project.id],
  );

  const signs = schedule.data ?? [];
  const isJob = draft
    ? draft.signs.length > 1 || draft.signs.some((x) => x.quantity > 1) || draft.unpriced.length > 0
    : signs.length > 1 || signs.some((x) => x.quantity > 1);
  if (isJob && schedule.data)
    return <JobQuote project={project} draft={draft} schedule={schedule.data} />;
  if (designs.loading && !designs.data) return <p className="muted">Loading…</p>;
  if (!revs.length)
    return (
      <div className="empty">
        Save a design revision in the Design tab first: a quote always prices a saved design.
      </div>
    );
  const latest = revs[0];
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <div className="toolbar" style={{ margin: 0 }}>
        <div className="field">
          <label htmlFor="q-design">Design revision</label>
          <select
            id="q-design"
            value={chosen}
            onChange={(e) => (setPicked(e.target.value), setAck(false))}
          >
            {revs.map((r) => (
              <option key={r.id} value={r.id}>
                {revisionOptionText(r)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="btn primary"
          style={{ alignSelf: 'flex-end' }}
          onClick={generate}
          disabled={!chosen || !chosenVerdict || (needsAck && !ack)}
        >
          {draft ? 'Regenerate quote' : 'Generate quote'}
        </button>
        {draft && (
          <span className="muted" style={{ alignSelf: 'flex-end' }}>
            Pricing design revision {draft.priced.design.designRevisionNumber} with price book v
            {draft.priced.priceBookVersionNumber} · updated {formatWhen(draft.updatedAt)}
          </span>
        )}
      </div>
      {chosenVerdict && needsAck && (
        <VerdictPanel
          id="verdict-chosen"
          verdict={chosenVerdict}
          what="quote this design"
          acknowledged={ack}
          onAcknowledge={setAck}
        />
      )}
      {draft && draft.verdict.status !== 'passes' && !needsAck && (
        <VerdictPanel
          id="verdict-draft"
          verdict={draft.verdict}
          acknowledgements={draft.acknowledgement ? [draft.acknowledgement] : []}
        />
      )}
      {draft && draft.priced.design.designRevisionId !== latest.id && (
        <p className="form-error" role="status">
          Design revision {latest.number} is newer than the one this quote prices. Choose it and
          regenerate to follow the design.
        </p>
      )}
      <DraftNotices newerPriceBook={draft?.newerPriceBook} warnings={draft?.priced.warnings} />
      {draft && (
        <>
          <p className="muted" style={{ margin: 0 }} data-testid="sign-description">
            {draft.description}
          </p>
          <QuoteLines
            draft={draft}
            onOverride={(code, o) => {
              const overrides = { ...draft.overrides };
              if (o) overrides[code] = o;
              else delete overrides[code];
              return run(
                () => update(draft, { overrides }),
                o ? 'Override applied.' : 'Override cleared.',
              );
            }}
            onRemoveManual={(code) =>
              run(
                () =>
                  update(draft, { manualLines: draft.manualLines.filter((m) => m.code !== code) }),
                'Line removed.',
              )
            }
          />
          <section className="card" aria-labelledby="ml-title">
            <h3 id="ml-title" style={{ margin: '0 0 6px' }}>
              Manual line
            </h3>
            <ManualLineForm
              nextCode={`manual-${Math.max(0, ...draft.manualLines.map((m) => Number(m.code.split('-')[1]) || 0)) + 1}`}
              onAdd={(line) =>
                run(
                  () => update(draft, { manualLines: [...draft.manualLines, line] }),
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
            totals={draft.priced.totals}
            onApply={applySettings}
          />
          <Alternatives projectId={project.id} designRevisionId={draft.designRevisionId} />
        </>
      )}
      <section aria-labelledby="qr-title">
        <h2 id="qr-title">Quote revisions</h2>
        <QuoteRevisions projectId={project.id} />
      </section>
    </div>
  );
}
