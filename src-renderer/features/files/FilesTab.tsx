import { useEffect, useRef, useState } from 'react';
import type { AttachmentInfoT } from '../../../src-shared/sync/client';
import type { Project } from '../../../src-shared/projects';
import { useClient, useQuery } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { formatBytes, formatWhen } from '../../../src-shared/format';
import { saveBase64File } from '../../lib/save-file';
import { MAX_FILE_BYTES } from '../../../src-shared/limits';
import { canPreview, FilePreview } from './FilePreview';

const LIMIT_MB = Math.round(MAX_FILE_BYTES / 1024 / 1024);

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const size = formatBytes;

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
  const [preview, setPreview] = useState<AttachmentInfoT | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const active = (data ?? []).filter((a) => !a.deletedAt);
  const removed = (data ?? []).filter((a) => a.deletedAt);

  const remove = async (a: AttachmentInfoT) => {
    try {
      await client.call('attachments:remove', { id: a.id });
      toast.info(`Removed ${a.fileName}.`, {
        label: 'Undo',
        run: () => restore(a),
      });
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  const restore = async (a: AttachmentInfoT) => {
    try {
      await client.call('attachments:restore', { id: a.id });
      toast.info(`Restored ${a.fileName}.`);
    } catch (e) {
      toast.error((e as Error).message);
    }
  };

  const add = async (files: FileList | File[]) => {
    for (const f of Array.from(files)) {
      // the main process checks again (and the bytes); these answer before reading the file
      if (f.size === 0) {
        toast.error(`${f.name} is empty (0 bytes), so there is nothing to add.`);
        continue;
      }
      if (f.size > MAX_FILE_BYTES) {
        toast.error(
          `${f.name} is ${Math.round(f.size / 1048576)} MB; files can be at most ${LIMIT_MB} MB.`,
        );
        continue;
      }
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
        <div className="muted" style={{ fontSize: 12, marginTop: 4 }}>
          Up to {LIMIT_MB} MB per file. Programs and scripts are not accepted.
        </div>
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
      {!active.length ? (
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
            {active.map((a) => (
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
                <td style={{ whiteSpace: 'nowrap' }}>
                  {canPreview(a) && (
                    <button className="btn small" onClick={() => setPreview(a)}>
                      Preview
                    </button>
                  )}{' '}
                  <button className="btn small" onClick={() => open(a)}>
                    {a.present ? 'Save a copy' : 'Download'}
                  </button>{' '}
                  <button
                    className="btn small"
                    aria-label={`Remove ${a.fileName}`}
                    onClick={() => void remove(a)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removed.length > 0 && (
        <details>
          <summary>Removed files ({removed.length})</summary>
          <ul aria-label="Removed files">
            {removed.map((a) => (
              <li key={a.id}>
                {a.fileName}{' '}
                <button className="btn small" onClick={() => void restore(a)}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {preview && <FilePreview file={preview} onClose={() => setPreview(null)} />}
    </section>
  );
}
