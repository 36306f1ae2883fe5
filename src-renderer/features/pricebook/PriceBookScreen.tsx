import { useRef, useState } from 'react';
import { SOURCE_LABELS } from './labels';
import { useClient, useQuery } from '../../app/client-context';
import { useRouter } from '../../app/router';
import { toast } from '../../app/toasts';
import { formatWhen, localDate } from '../../../src-shared/format';
import { saveBytes } from '../../lib/save-file';
import { CommandError } from '../../lib/client';
import { ItemsEditor } from './ItemsEditor';

/** Left rail "Price book": the version in force (editable), history, CSV, company header. */
export function PriceBookScreen() {
  const client = useClient();
  const current = useQuery('pricebook:get-current', {}, ['pricebook:changed']);
  const versions = useQuery('pricebook:list-versions', {}, ['pricebook:changed']);
  const go = useRouter((s) => s.go);
  const [importErrors, setImportErrors] = useState<string[] | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const today = localDate();

  const exportCsv = async (id?: string) => {
    try {
      const f = await client.call('pricebook:export-csv', id ? { id } : {});
      saveBytes(f.fileName, f.csv, 'text/csv');
      toast.info(`Exported ${f.fileName}.`);
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  const importCsv = async (file: File | undefined) => {
    if (!file) return;
    setImportErrors(null);
    try {
      const v = await client.call('pricebook:import-csv', {
        csv: await file.text(),
        note: `Imported ${file.name}`,
      });
      toast.info(
        `Imported ${file.name} as price book version ${v.number}, effective ${v.effectiveDate}.`,
      );
    } catch (e) {
      const f = e instanceof CommandError ? Object.values(e.fields) : [];
      setImportErrors(f.length ? f : [(e as Error).message]);
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  return (
    <section aria-labelledby="pb-title" style={{ display: 'grid', gap: 12 }}>
      <h1 id="pb-title" style={{ margin: 0 }}>
        Price book
      </h1>
      <div className="toolbar" style={{ margin: 0 }}>
        {current.data && (
          <span>
            Version <strong className="num">{current.data.number}</strong> in force since{' '}
            <span className="num">{current.data.effectiveDate}</span>
            {current.data.note ? ` · ${current.data.note}` : ''}
          </span>
        )}
        <span style={{ flex: 1 }} />
        <button type="button" className="btn" onClick={() => exportCsv()}>
          Export CSV
        </button>
        {/* a real button (visible focus, Enter and Space) opening the hidden file picker */}
        <button type="button" className="btn" onClick={() => fileRef.current?.click()}>
          Import CSV…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".csv,text/csv"
          aria-label="Import CSV"
          tabIndex={-1}
          hidden
          onChange={(e) => importCsv(e.target.files?.[0])}
        />
      </div>
      {importErrors && (
        <div className="form-error" role="alert" aria-label="Import problems">
          <strong>The CSV was not imported; the price book in force did not change.</strong>
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {importErrors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {current.data && (
        <ItemsEditor
          key={current.data.id}
          version={current.data}
          today={today}
          onSave={async (v) => {
            try {
              const s = await client.call('pricebook:save-version', v);
              toast.info(`Saved price book version ${s.number}, effective ${s.effectiveDate}.`);
            } catch (e) {
              toast.error((e as Error).message);
            }
          }}
        />
      )}
      <p className="muted" style={{ margin: 0, fontSize: 12 }}>
        Prices in dollars per unit (percent for the unit percent). Labor, equipment and travel
        quantities: fixed + per pole × poles + per yd³ × concrete + per ft² × sign area. Match: the
        pole family for steel, the diameter in ft for drilling, top&lt;=25 / top&gt;25 / optional
        for fees, illuminated for crews needed only on lit signs. Round to: the quantity is rounded
        up to a multiple of it and the line says so (empty: crew hours 0.25 h, concrete 0.25 yd³,
        nothing else; 0: never).
      </p>
      <h2>Version history</h2>
      <table className="grid compact" aria-label="Price book versions">
        <thead>
          <tr>
            <th className="num">Version</th>
            <th className="num">Effective</th>
            <th>Source</th>
            <th>Note</th>
            <th>Saved</th>
            <th className="num">Items</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(versions.data ?? []).map((v) => (
            <tr key={v.id} className={v.current ? 'current' : undefined}>
              <td className="num">
                {v.number}
                {v.current ? ' (in force)' : ''}
              </td>
              <td className="num">{v.effectiveDate}</td>
              <td>{SOURCE_LABELS[v.source]}</td>
              <td title={v.note}>{v.note}</td>
              <td>
                {formatWhen(v.createdAt)} by {v.createdBy}
              </td>
              <td className="num">{v.itemCount}</td>
              <td>
                <button
                  type="button"
                  className="btn small"
                  onClick={() => exportCsv(v.id)}
                  aria-label={`Export version ${v.number} as CSV`}
                >
                  CSV
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" style={{ margin: 0 }}>
        The company details printed on quotes (name, logo, license, terms, exclusions) are in{' '}
        <button type="button" className="link-button" onClick={() => go({ name: 'settings' })}>
          Settings
        </button>
        .
      </p>
    </section>
  );
}
