import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { MAX_FILE_BYTES } from '../../src-shared/limits';
import type { AttachmentInfoT } from '../../src-shared/sync/client';
import { attachmentApplier } from '../../src-main/services/sync/appliers';
import { freshMain } from '../helpers/main';

let m: ReturnType<typeof freshMain>;
afterEach(() => m?.close());

const add = (
  projectId: string,
  fileName: string,
  bytes: Uint8Array,
  contentType = 'application/octet-stream',
) =>
  m.call<AttachmentInfoT>('attachments:import', {
    projectId,
    fileName,
    contentType,
    base64: Buffer.from(bytes).toString('base64'),
  });

const png = (): Promise<Buffer> =>
  sharp({ create: { width: 4, height: 3, channels: 3, background: '#c8c8c8' } })
    .png()
    .toBuffer();

describe('files of a project', () => {
  it('refuses empty files, programs and scripts (by name and by their first bytes) and files over the limit', async () => {
    m = freshMain();
    const p = await m.call<{ id: string }>('projects:create', { name: 'Files' });
    const refused: [string, Uint8Array, RegExp][] = [
      ['empty.pdf', new Uint8Array(0), /empty \(0 bytes\)/],
      ['setup.exe', Buffer.from('hello'), /program or script \(\.exe\)/],
      ['install.sh', Buffer.from('echo hi'), /program or script \(\.sh\)/],
      [
        'photo.jpg',
        Buffer.from([0x4d, 0x5a, 0x90, 0, 3]),
        /a Windows program \(MZ\), whatever its name says/,
      ],
      ['plan.pdf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]), /a Linux program \(ELF\)/],
      ['art.png', Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0]), /a macOS program \(Mach-O\)/],
      ['notes.txt', Buffer.from('#!/bin/sh\nrm -rf ~'), /a script \(#!\)/],
      ['huge.tif', new Uint8Array(MAX_FILE_BYTES + 1), /files can be at most 50 MB/],
    ];
    for (const [name, bytes, msg] of refused)
      await expect(add(p.id, name, bytes), name).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(msg),
      });
    expect(await m.call('attachments:list', { projectId: p.id })).toEqual([]);
    expect(
      (await add(p.id, 'site.pdf', Buffer.from('%PDF-1.7 ...'), 'application/pdf')).fileName,
    ).toBe('site.pdf');
  });

  it('removes a file to the trash and restores it, both queued for sync; previews an image', async () => {
    m = freshMain();
    const p = await m.call<{ id: string }>('projects:create', { name: 'Files' });
    const a = await add(p.id, 'sign.png', await png(), 'image/png');
    const prev = await m.call<{ kind: string; dataUrl: string }>('attachments:preview', {
      id: a.id,
    });
    expect(prev.kind).toBe('image');
    expect(prev.dataUrl.startsWith('data:image/png;base64,iVBOR')).toBe(true);
    const gone = await m.call<AttachmentInfoT>('attachments:remove', { id: a.id });
    expect(gone.deletedAt).toBeTruthy();
    const back = await m.call<AttachmentInfoT>('attachments:restore', { id: a.id });
    expect(back.deletedAt).toBeNull();
    const queued = m.services.sqlite
      .prepare(`SELECT op, data FROM outbox WHERE entity = 'attachment' ORDER BY seq`)
      .all() as { op: string; data: string }[];
    expect(queued.map((q) => q.op)).toEqual(['attach', 'delete', 'upsert']);
    expect(JSON.parse(queued[2].data)).toMatchObject({
      projectId: p.id,
      sha256: a.sha256,
      size: a.size,
    });
    // the bytes never left the local store
    expect(m.files.has(a.sha256)).toBe(true);
  });

  it('a pulled attachment tombstone moves the file to the trash here; a pulled restore brings it back', async () => {
    m = freshMain();
    const p = await m.call<{ id: string }>('projects:create', { name: 'Files' });
    const a = await add(
      p.id,
      'photo.jpg',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]),
      'image/jpeg',
    );
    m.services.sqlite.transaction(() =>
      attachmentApplier.remove(m.services, a.id, '2026-03-01T00:00:00.000Z', 'Ann Estimator'),
    )();
    let [row] = await m.call<AttachmentInfoT[]>('attachments:list', { projectId: p.id });
    expect(row.deletedAt).toBe('2026-03-01T00:00:00.000Z');
    m.services.sqlite.transaction(() =>
      attachmentApplier.upsert(
        m.services,
        a.id,
        { projectId: p.id, sha256: a.sha256, size: a.size },
        '2026-03-02T00:00:00.000Z',
        'Ann Estimator',
      ),
    )();
    [row] = await m.call<AttachmentInfoT[]>('attachments:list', { projectId: p.id });
    expect(row.deletedAt).toBeNull();
    const audit = m.services.sqlite
      .prepare(
        `SELECT actor, action FROM audit_events WHERE entity = 'attachment' AND actor = 'Ann Estimator' ORDER BY seq`,
      )
      .all();
    expect(audit).toEqual([
      { actor: 'Ann Estimator', action: 'attachment.removed' },
      { actor: 'Ann Estimator', action: 'attachment.restored' },
    ]);
  });
});
