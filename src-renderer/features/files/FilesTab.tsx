import { useEffect, useRef, useState } from 'react';
import type { AttachmentInfoT } from '../../../src-shared/sync/client';
import type { Project } from '../../../src-shared/projects';
import { useClient, useQuery } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { formatWhen } from '../../lib/format';
import { saveBase64File } from '../../lib/save-file';

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const size = (n: number) =>
  n >= 1048576
    ? `${(n / 1048576).toFixed(1)} MB`
    : n >= 1024
      ? `${(n / 1024).toFixed(0)} KB`
      : `${n} B`;

function Thumb({ a }: { a: AttachmentInfoT }) {
  const client = useClient();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!a.hasThumbnail) return;
    client.call('attachments:thumbnail', { id: a.id }).then(
      (r) => setUrl(r.dataUrl),
      () => undefined,
    );
  }, [a.id, a.hasThumbnail, client]);
  return url ? (
    <img
      src={url}
      alt={`Preview of ${a.fileName}`}
      style={{ width: 64, height: 48, objectFit: 'cover', borderRadius: 4 }}
    />
  ) : (
    <span className="badge" style={{ width: 64, textAlign: 'center' }}>
      {a.fileName.split('.').pop()?.toUpperCase().slice(0, 4) || 'FILE'}
    </span>
  );
}

/** Site photos, artwork and plans: drop them here; they sync and stay available offline. */
export function FilesTab({ project }: { project: Project }) {
  const client = useClient();
  const { data } = useQuery('attachments:list', { projectId: project.id }, [
    'attachments:changed',
    'sync:status',
  ]);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const add = async (files: FileList | File[]) => {
    for (const f of Array.from(files)) {
      setBusy(`Adding ${f.name}…`);
      try {
        await client.call('attachments:import', {
          projectId: project.id,
          fileName: f.name,
          contentType: f.type || 'application/octet-stream',
          base64: toBase64(await f.arrayBuffer()),
        });
        toast.info(`Added ${f.name}.`);
      } catch (e) {
        toast.error(`${f.name}: ${(e as Error).message}`);
      }
    }
    setBusy(null);
  };

  const open = async (a: AttachmentInfoT) => {
    try {
      if (!a.present) {
        setBusy(`Downloading ${a.fileName}…`);
        await client.call('attachments:download', { id: a.id });
      }
      const f = await client.call('attachments:read', { id: a.id });
      saveBase64File(f.fileName, f.base64, f.contentType);
    } catch (e) {
      toast.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-label="Files" style={{ display: 'grid', gap: 10 }}>
      <div
        role="button"
        tabIndex={0}
        aria-label="Drop files here or press Enter to choose files"
        className="card"
        style={{
          borderStyle: 'dashed',
          textAlign: 'center',
          padding: 22,
          background: over ? 'var(--accent-weak)' : undefined,
          cursor: 'pointer',
        }}
        onClick={() => input.current?.click()}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void add(e.dataTransfer.files);
        }}
      >
        Drop site photos, artwork or plans here, or click to choose files.
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label="Choose files"
          onChange={(e) => {
            if (e.target.files) void add(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {busy && <p className="status-line">{busy}</p>}
      {!data?.length ? (
        <p className="muted">No files yet.</p>
      ) : (
        <table className="grid" aria-label="Project files">
          <thead>
            <tr>
              <th />
              <th>Name</th>
              <th className="num">Size</th>
              <th>Added</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.map((a) => (
              <tr key={a.id}>
                <td>
                  <Thumb a={a} />
                </td>
                <td>{a.fileName}</td>
                <td className="num">{size(a.size)}</td>
                <td className="num">
                  {formatWhen(a.createdAt)} · {a.createdBy}
                </td>
                <td>
                  {!a.present ? (
                    <span className="badge">On the server</span>
                  ) : a.uploaded ? (
                    <span className="badge accepted">Synced</span>
                  ) : (
                    <span className="badge submitted">Waiting to upload</span>
                  )}
                </td>
                <td>
                  <button className="btn small" onClick={() => open(a)}>
                    {a.present ? 'Save a copy' : 'Download'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
