import { useState } from 'react';
import type {
  LineOverride,
  ManualLine,
  QuoteDraft,
  QuoteSettings,
} from '../../../src-shared/quotes';
import type { Project } from '../../../src-shared/projects';
import { useClient, useQuery } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { fmt, formatWhen } from '../../lib/format';
import { Alternatives } from './Alternatives';
import { ManualLineForm } from './ManualLineForm';
import { QuoteLines } from './QuoteLines';
import { QuoteRevisions } from './QuoteRevisions';
import { SettingsForm } from './SettingsForm';
import { Totals } from './Totals';

/** The Quote tab: generate from a saved design revision, adjust, save revisions, compare, PDF. */
export function QuoteTab({ project }: { project: Project }) {
  const client = useClient();
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
  const revs = designs.data ?? [];
  const chosen = picked || draft?.designRevisionId || revs[0]?.id || '';

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
      () => client.call('quotes:generate', { projectId: project.id, designRevisionId: chosen }),
      draft ? 'Quote regenerated; overrides and manual lines kept.' : 'Quote generated.',
    );
  const update = (
    d: QuoteDraft,
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
          <select id="q-design" value={chosen} onChange={(e) => setPicked(e.target.value)}>
            {revs.map((r) => (
              <option key={r.id} value={r.id}>
                Revision {r.number}: {r.pole ?? 'no passing pole'}, Ø{fmt.ft(r.diameterFt)} ×{' '}
                {fmt.ft(r.depthFt)} ft
                {r.note ? ` (${r.note})` : ''}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="btn primary"
          style={{ alignSelf: 'flex-end' }}
          onClick={generate}
          disabled={!chosen}
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
      {draft && draft.priced.design.designRevisionId !== latest.id && (
        <p className="form-error" role="status">
          Design revision {latest.number} is newer than the one this quote prices. Choose it and
          regenerate to follow the design.
        </p>
      )}
      {draft?.newerPriceBook && (
        <p className="form-error" role="status">
          Price book version {draft.newerPriceBook} is now in force. Regenerate to use it.
        </p>
      )}
      {draft?.priced.warnings.map((w) => (
        <p key={w} className="form-error" role="alert">
          {w}
        </p>
      ))}
      {draft && (
        <>
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
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'minmax(0, 1.4fr) minmax(280px, 1fr)',
              gap: 12,
              alignItems: 'start',
            }}
          >
            <section className="card" aria-labelledby="qs-title">
              <h3 id="qs-title" style={{ margin: '0 0 6px' }}>
                Settings and adjustments
              </h3>
              <SettingsForm
                settings={draft.settings}
                book={book.data}
                totals={draft.priced.totals}
                onApply={(settings) => run(() => update(draft, { settings }), 'Settings applied.')}
              />
            </section>
            <section aria-label="Totals" style={{ display: 'grid', gap: 8 }}>
              <Totals totals={draft.priced.totals} />
              <SaveRevision projectId={project.id} />
            </section>
          </div>
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

function SaveRevision({ projectId }: { projectId: string }) {
  const client = useClient();
  const [note, setNote] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      const r = await client.call('quotes:save-revision', {
        projectId,
        note,
        ...(validUntil ? { validUntil } : {}),
      });
      setNote('');
      toast.info(
        `Saved quote revision ${r.number} (${fmt.money(r.totalCents)}), valid until ${r.validUntil}.`,
      );
    } catch (e) {
      const err = e as Error & { fields?: Record<string, string> };
      setError(err.fields?.validUntil ?? err.message);
    }
  };
  return (
    <div className="card" style={{ display: 'grid', gap: 6 }}>
      <div className="field">
        <label htmlFor="qr-note">Quote note</label>
        <input
          id="qr-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="e.g. sent to Dana"
        />
      </div>
      <div className="field">
        <label htmlFor="qr-valid">Valid until</label>
        <input
          id="qr-valid"
          type="date"
          value={validUntil}
          onChange={(e) => setValidUntil(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
        <span className="hint">Empty: today plus the company’s validity days.</span>
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </div>
      <button type="button" className="btn primary" onClick={save}>
        Save quote revision
      </button>
    </div>
  );
}
