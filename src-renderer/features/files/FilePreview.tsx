import { useEffect, useRef, useState } from 'react';
import type { AttachmentInfoT } from '../../../src-shared/sync/client';
import { useClient } from '../../app/client-context';

/** An image shown in the app from the local store; Esc or Close returns to the list. */
export function FilePreview({ file, onClose }: { file: AttachmentInfoT; onClose(): void }) {
  const client = useClient();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [pages, setPages] = useState<number | null>(null);
  const close = useRef<HTMLButtonElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const isPdf = file.contentType === 'application/pdf';
  useEffect(() => {
    const back = document.activeElement as HTMLElement | null;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      back?.focus?.();
    };
  }, [onClose]);
  useEffect(() => {
    if (isPdf) {
      // the first page, drawn here from the bytes on this computer
      client
        .call('attachments:read', { id: file.id })
        .then(async (r) => {
          const bin = atob(r.base64);
          const bytes = new Uint8Array(bin.length);
          for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
          const { renderFirstPage } = await import('./pdf-page');
          const out = await renderFirstPage(bytes, canvas.current!, 900);
          setPages(out.pages);
        })
        .catch((e: Error) => setFailed(`This PDF cannot be shown here (${e.message}).`));
      return;
    }
    client.call('attachments:preview', { id: file.id }).then(
      (r) => (r.dataUrl ? setSrc(r.dataUrl) : setFailed('This file cannot be previewed here.')),
      (e: Error) => setFailed(e.message),
    );
  }, [client, file.id, isPdf]);
  return (
    // the backdrop click is a mouse shortcut for Esc (handled for the keyboard): presentation only
    <div
      role="presentation"
      className="dialog-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="preview-title"
        style={{ maxWidth: 'min(1000px, 92vw)' }}
      >
        <h2 id="preview-title" style={{ marginTop: 0, overflowWrap: 'anywhere' }}>
          {file.fileName}
        </h2>
        {isPdf && !failed && (
          <>
            <canvas
              ref={canvas}
              role="img"
              aria-label={`First page of ${file.fileName}`}
              style={{ maxWidth: '100%', maxHeight: '65vh', display: 'block', margin: '0 auto' }}
            />
            <p className="muted">
              {pages === null
                ? 'Drawing the first page…'
                : `Page 1 of ${pages}. “Save a copy” opens the whole document.`}
            </p>
          </>
        )}
        {isPdf ? (
          failed && <p className="muted">{failed}</p>
        ) : src ? (
          <img
            src={src}
            alt={file.fileName}
            style={{ maxWidth: '100%', maxHeight: '65vh', display: 'block', margin: '0 auto' }}
          />
        ) : (
          <p className="muted">{failed ?? 'Loading…'}</p>
        )}
        <div className="dialog-actions">
          <button ref={close} className="btn" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

export const canPreview = (a: AttachmentInfoT) =>
  a.present &&
  ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'].includes(a.contentType);
