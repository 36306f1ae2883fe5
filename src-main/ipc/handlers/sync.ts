import { AppError } from '../../../src-shared/errors';
import type { Handlers } from '../dispatch';
import type { ServiceContext } from '../../services/context';
import {
  getAttachment,
  importAttachment,
  setAttachmentDeleted,
  listAttachments,
  type FileStore,
} from '../../services/attachments';
import type { SyncEngine } from '../../services/sync/engine';
import fs from 'node:fs';

type SyncHandlers = Pick<
  Handlers,
  | 'sync:status'
  | 'sync:sign-in'
  | 'sync:sign-out'
  | 'sync:now'
  | 'sync:repair'
  | 'sync:confirm-deletes'
  | 'sync:conflicts'
  | 'sync:discard-parked'
  | 'sync:resolve'
  | 'sync:states'
  | 'attachments:import'
  | 'attachments:list'
  | 'attachments:read'
  | 'attachments:thumbnail'
  | 'attachments:download'
  | 'attachments:remove'
  | 'attachments:restore'
  | 'attachments:preview'
>;

/** Images the window can show as they are (img-src allows data: URLs). */
const PREVIEWABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Runs a sync and reports the outcome in the status (a failed run is not a failed command). */
async function runQuietly(engine: SyncEngine, fn: () => Promise<void>) {
  await fn().catch(() => undefined);
  return engine.status();
}

export function syncHandlers(
  ctx: ServiceContext,
  engine: SyncEngine,
  files: FileStore,
): SyncHandlers {
  return {
    'sync:status': () => engine.status(),
    'sync:sign-in': ({ serverUrl, email, password, allowInsecure }) =>
      engine.signIn(serverUrl, email, password, allowInsecure),
    'sync:sign-out': () => engine.signOut(),
    'sync:now': () => runQuietly(engine, () => engine.syncNow()),
    'sync:repair': () => runQuietly(engine, () => engine.repair()),
    'sync:confirm-deletes': () => runQuietly(engine, () => engine.confirmMassDelete()),
    'sync:conflicts': () => engine.conflicts(),
    'sync:discard-parked': ({ entity, entityId }) => engine.discard(entity, entityId),
    'sync:resolve': ({ id, choice, picks }) => {
      engine.resolve(id, choice, picks);
      return engine.status();
    },
    'sync:states': ({ ids }) => engine.projectStates(ids),
    'attachments:import': ({ projectId, fileName, contentType, base64 }) =>
      importAttachment(ctx, files, {
        projectId,
        fileName,
        contentType,
        bytes: Buffer.from(base64, 'base64'),
      }),
    'attachments:list': ({ projectId }) => listAttachments(ctx, projectId),
    'attachments:read': ({ id }) => {
      const a = getAttachment(ctx, id);
      if (!a.present || !files.has(a.sha256)) {
        throw new AppError(
          'ILLEGAL_STATE',
          'This file is not on this computer yet. Download it first.',
        );
      }
      return {
        fileName: a.fileName,
        contentType: a.contentType,
        base64: files.read(a.sha256).toString('base64'),
      };
    },
    'attachments:thumbnail': ({ id }) => {
      const a = getAttachment(ctx, id);
      const p = files.thumbPath(a.sha256);
      return {
        dataUrl:
          a.hasThumbnail && fs.existsSync(p)
            ? `data:image/jpeg;base64,${fs.readFileSync(p).toString('base64')}`
            : null,
      };
    },
    'attachments:remove': ({ id }) => setAttachmentDeleted(ctx, id, true),
    'attachments:restore': ({ id }) => setAttachmentDeleted(ctx, id, false),
    'attachments:preview': ({ id }) => {
      const a = getAttachment(ctx, id);
      const image = PREVIEWABLE.has(a.contentType) && a.present && files.has(a.sha256);
      return {
        kind: image ? 'image' : 'none',
        dataUrl: image
          ? `data:${a.contentType};base64,${files.read(a.sha256).toString('base64')}`
          : null,
        fileName: a.fileName,
        contentType: a.contentType,
      };
    },
    'attachments:download': async ({ id }) => {
      await engine.download(id);
      return getAttachment(ctx, id);
    },
  };
}
