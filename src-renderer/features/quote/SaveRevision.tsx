import { useState } from 'react';
import { companyMissing } from '../../../src-shared/quotes';
import { useClient, useQuery } from '../../app/client-context';
import { useRouter } from '../../app/router';
import { toast } from '../../app/toasts';
import { fmt } from '../../../src-shared/format';
import { saveBase64File } from '../../lib/save-file';
import type { SettingsState } from './SettingsForm';

/** Downloads one of the quote documents (or the job packet) and says where it went. */
export async function downloadQuotePdf(
  client: ReturnType<typeof useClient>,
  kind: 'customer' | 'cost-sheet' | 'job-packet',
  source: { id: string } | { projectId: string },
): Promise<void> {
  try {
    const f = await client.call(
      kind === 'customer'
        ? 'quotes:customer-pdf'
        : kind === 'cost-sheet'
          ? 'quotes:cost-sheet-pdf'
          : 'quotes:job-packet-pdf',
      source,
    );
    saveBase64File(f.fileName, f.base64);
    const what =
      kind === 'customer' ? 'Customer quote' : kind === 'cost-sheet' ? 'Cost sheet' : 'Job packet';
    toast.info(`${what} saved as ${f.fileName}.`);
  } catch (e) {
    toast.error((e as Error).message);
  }
}

/**
 * Saves the working quote as a revision, exactly as shown: refused while quote settings are not
 * applied yet (the main process double-checks with the draft's `updatedAt`). Also exports the
 * working quote's two documents, and warns before saving when the company details a sent quote
 * needs are missing.
 */
export function SaveRevision({
  projectId,
  draftUpdatedAt,
  settingsState,
}: {
  projectId: string;
  draftUpdatedAt: string;
  settingsState: SettingsState;
}) {
  const client = useClient();
  const go = useRouter((s) => s.go);
  const company = useQuery('quotes:get-company', {});
  const [note, setNote] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const missing = company.data ? companyMissing(company.data) : [];
  const blocked =
    settingsState === 'pending'
      ? 'Applying the quote settings… saving waits until the lines show them.'
      : settingsState === 'invalid'
        ? 'Fix the quote settings first: a revision is saved only from settings that are applied.'
        : null;
  const save = async () => {
    setError(null);
    setSaving(true);
    try {
      const r = await client.call('quotes:save-revision', {
        projectId,
        note,
        expectedUpdatedAt: draftUpdatedAt,
        ...(validUntil ? { validUntil } : {}),
      });
      setNote('');
      toast.info(
        `Saved quote revision ${r.number} (${fmt.money(r.totalCents)}), valid until ${r.validUntil}.`,
      );
    } catch (e) {
      const err = e as Error & { fields?: Record<string, string> };
      setError(err.fields?.validUntil ?? err.message);
    } finally {
      setSaving(false);
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
          aria-describedby="qr-valid-hint"
        />
        <span className="hint" id="qr-valid-hint">
          Empty: today plus the company’s validity days.
        </span>
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </div>
      {missing.length > 0 && (
        <p className="notice" style={{ margin: 0, fontSize: 13 }}>
          The company details are missing the {missing.join(', ')}: a quote saved now cannot be
          sent.{' '}
          <button type="button" className="link-button" onClick={() => go({ name: 'settings' })}>
            Complete them in Settings
          </button>
        </p>
      )}
      {blocked && (
        <p className="status-line" role="status" style={{ margin: 0 }}>
          {blocked}
        </p>
      )}
      <button
        type="button"
        className="btn primary"
        onClick={save}
        disabled={saving || blocked !== null}
      >
        Save quote revision
      </button>
      <div className="row-actions" style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
        <button
          type="button"
          className="btn small"
          disabled={blocked !== null}
          onClick={() => downloadQuotePdf(client, 'customer', { projectId })}
        >
          Customer quote (PDF)
        </button>
        <button
          type="button"
          className="btn small"
          disabled={blocked !== null}
          onClick={() => downloadQuotePdf(client, 'cost-sheet', { projectId })}
        >
          Cost sheet (PDF)
        </button>
        <button
          type="button"
          className="btn small"
          disabled={blocked !== null}
          onClick={() => downloadQuotePdf(client, 'job-packet', { projectId })}
          title="Cover page and every sign's calc report, for the plan checker"
        >
          Job packet PDF
        </button>
      </div>
    </div>
  );
}
