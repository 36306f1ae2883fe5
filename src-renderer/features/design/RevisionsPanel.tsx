import { useEffect, useState } from 'react';
import type { Revision, ValueChange } from '../../../src-shared/designs';
import type { SignDesignInput } from '../../../src-shared/engine';
import type { Project } from '../../../src-shared/projects';
import { useClient, useQuery } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { formatWhen, fmt } from '../../../src-shared/format';
import { saveBase64File } from '../../lib/save-file';
import { Dialog } from '../../components/Dialog';
import { ResultsPanel } from './ResultsPanel';
import { RevisionInputs } from './RevisionInputs';

type CopyInputs = (input: SignDesignInput, revisionNumber: number) => void;

export function RevisionsPanel({
  project,
  signId,
  onCopyInputs,
}: {
  project: Project;
  /** the schedule's sign whose revisions these are */
  signId: string;
  onCopyInputs?: CopyInputs;
}) {
  const { data } = useQuery('designs:list-revisions-sign', { signId }, ['designs:changed']);
  const [open, setOpen] = useState<string | null>(null);
  if (!data?.length)
    return (
      <p className="muted">
        No saved revisions yet. Saving one keeps the inputs and results exactly as shown.
      </p>
    );
  return (
    <>
      <table className="grid compact wrap revisions-table" aria-label="Design revisions">
        <thead>
          <tr>
            <th>Rev</th>
            <th>Saved</th>
            <th>By</th>
            <th>Pole</th>
            <th className="num">Footing</th>
            <th>Note</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.map((r) => (
            <tr key={r.id}>
              <td className="num">{r.number}</td>
              <td className="num">{formatWhen(r.createdAt)}</td>
              <td>{r.createdBy}</td>
              <td>
                {r.pole ?? 'none passes'}
                {r.verdict !== 'passes' && (
                  <div className="badge fail">
                    {r.verdict === 'fails' ? 'does not pass' : 'needs review'}
                  </div>
                )}
              </td>
              <td className="num">
                Ø{fmt.ft(r.diameterFt)} × {fmt.ft(r.depthFt)} ft
              </td>
              <td>{r.note}</td>
              <td>
                <button
                  type="button"
                  className="btn small"
                  onClick={() => setOpen(r.id)}
                  aria-label={`Open revision ${r.number}`}
                >
                  Open
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && (
        <RevisionDialog
          id={open}
          project={project}
          onClose={() => setOpen(null)}
          onCopyInputs={onCopyInputs}
        />
      )}
    </>
  );
}

function RevisionDialog({
  id,
  project,
  onClose,
  onCopyInputs,
}: {
  id: string;
  project: Project;
  onClose(): void;
  onCopyInputs?: CopyInputs;
}) {
  const client = useClient();
  const [rev, setRev] = useState<Revision | null>(null);
  const [recompute, setRecompute] = useState<{ changes: ValueChange[]; current: string } | null>(
    null,
  );
  useEffect(() => {
    client.call('designs:get-revision', { id }).then(setRev, (e: Error) => toast.error(e.message));
  }, [client, id]);

  const pdf = async () => {
    try {
      const file = await client.call('designs:report-pdf', { id });
      saveBase64File(file.fileName, file.base64);
      toast.info(`Calc report saved as ${file.fileName}.`);
    } catch (e) {
      toast.error((e as Error).message);
    }
  };

  return (
    <Dialog labelledBy="rev-title" onClose={onClose} width="min(980px, 96vw)">
      {!rev ? (
        <p id="rev-title">Loading…</p>
      ) : (
        <>
          <h2 id="rev-title" style={{ marginTop: 0 }}>
            {project.name}: design revision {rev.number}
          </h2>
          <p className="muted" style={{ marginTop: 0 }}>
            Saved {formatWhen(rev.createdAt)} by {rev.createdBy} · engine {rev.engineVersion} ·
            input {rev.inputHash.slice(0, 12)}…{rev.note ? ` · “${rev.note}”` : ''}
          </p>
          <div className="toolbar">
            <button type="button" className="btn primary" onClick={pdf} data-autofocus>
              Calc report (PDF)
            </button>
            {onCopyInputs && (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  onCopyInputs(rev.input, rev.number);
                  onClose();
                }}
              >
                Copy these inputs to the editor
              </button>
            )}
            <button
              type="button"
              className="btn"
              onClick={async () => {
                const r = await client.call('designs:recompute-revision', { id });
                setRecompute({ changes: r.changes, current: r.currentEngineVersion });
              }}
            >
              Recompute with today’s engine
            </button>
            <span style={{ flex: 1 }} />
            <button type="button" className="btn" onClick={onClose}>
              Close
            </button>
          </div>
          {recompute && (
            <div
              className="card"
              role="group"
              aria-label="Recompute result"
              style={{ marginBottom: 10 }}
            >
              {recompute.changes.length === 0 ? (
                <p style={{ margin: 0 }}>
                  Engine {recompute.current} gives the same results as the saved revision (engine{' '}
                  {rev.engineVersion}).
                </p>
              ) : (
                <table className="grid compact" aria-label="What changed">
                  <thead>
                    <tr>
                      <th>Value</th>
                      <th className="num">Saved (engine {rev.engineVersion})</th>
                      <th className="num">Today (engine {recompute.current})</th>
                    </tr>
                  </thead>
                  <tbody>
                    {recompute.changes.map((c) => (
                      <tr key={c.path}>
                        <td>{c.label}</td>
                        <td className="num">{String(c.before)}</td>
                        <td className="num">{String(c.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          )}
          <RevisionInputs input={rev.input} />
          <h3 style={{ margin: '12px 0 6px' }}>Results as saved</h3>
          <div style={{ display: 'grid', gap: 10 }}>
            <ResultsPanel input={rev.input} result={rev.result} readOnly />
          </div>
        </>
      )}
    </Dialog>
  );
}
