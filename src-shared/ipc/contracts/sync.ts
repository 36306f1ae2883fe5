import { z } from 'zod';
import { defineCommand, defineEvent } from '../define';
import { TEXT_LIMITS } from '../../limits';
import { text } from '../../validation';
import {
  attachmentInfoSchema,
  conflictViewSchema,
  signInSchema,
  SYNC_BADGES,
  syncStatusSchema,
} from '../../sync/client';

const none = z.object({}).default({});
const idRef = z.object({ id: z.string().min(1, { message: 'Id is required' }) });

export const syncContract = {
  'sync:status': defineCommand(none, syncStatusSchema),
  'sync:sign-in': defineCommand(signInSchema, syncStatusSchema),
  'sync:sign-out': defineCommand(none, syncStatusSchema),
  'sync:now': defineCommand(none, syncStatusSchema),
  /** re-pull from scratch; local pending work is kept */
  'sync:repair': defineCommand(none, syncStatusSchema),
  /** the mass-delete fail-safe stopped a pull: go ahead */
  'sync:confirm-deletes': defineCommand(none, syncStatusSchema),
  'sync:conflicts': defineCommand(none, z.array(conflictViewSchema)),
  /** "Discard my change" on a change the server refused (the UI asks for confirmation first) */
  'sync:discard-parked': defineCommand(
    z.object({ entity: z.string().min(1).max(40), entityId: z.string().min(1).max(100) }),
    syncStatusSchema,
  ),
  'sync:resolve': defineCommand(
    idRef.extend({
      choice: z.enum(['mine', 'theirs', 'merge']),
      picks: z.record(z.string(), z.enum(['mine', 'theirs'])).optional(),
    }),
    syncStatusSchema,
  ),
  'sync:states': defineCommand(
    z.object({ ids: z.array(z.string()).max(1000) }),
    z.record(z.string(), z.enum(SYNC_BADGES)),
  ),
  'attachments:import': defineCommand(
    z.object({
      projectId: z.string().min(1),
      fileName: text('File name', { required: true, max: TEXT_LIMITS.fileName }),
      /** a MIME type as the browser reports it; anything else is stored as a plain file */
      contentType: z
        .string()
        .max(255)
        .catch('application/octet-stream')
        .transform((v) =>
          /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i.test(v)
            ? v.toLowerCase()
            : 'application/octet-stream',
        ),
      base64: z.string(),
    }),
    attachmentInfoSchema,
  ),
  'attachments:list': defineCommand(
    z.object({ projectId: z.string().min(1) }),
    z.array(attachmentInfoSchema),
  ),
  /** the bytes of a file that is on this laptop (for opening or saving it) */
  'attachments:read': defineCommand(
    idRef,
    z.object({ fileName: z.string(), contentType: z.string(), base64: z.string() }),
  ),
  'attachments:thumbnail': defineCommand(idRef, z.object({ dataUrl: z.string().nullable() })),
  /** to the trash (synced as an attachment delete); undo with attachments:restore */
  'attachments:remove': defineCommand(idRef, attachmentInfoSchema),
  'attachments:restore': defineCommand(idRef, attachmentInfoSchema),
  /** an in-app preview of an image on this laptop (the original, as a data URL) */
  'attachments:preview': defineCommand(
    idRef,
    z.object({
      kind: z.enum(['image', 'none']),
      dataUrl: z.string().nullable(),
      fileName: z.string(),
      contentType: z.string(),
    }),
  ),
  /** fetch a file another device added; it then stays available offline */
  'attachments:download': defineCommand(idRef, attachmentInfoSchema),
};

export const syncEvents = {
  'sync:status': defineEvent(syncStatusSchema),
  'attachments:changed': defineEvent(z.object({ projectId: z.string() })),
};
