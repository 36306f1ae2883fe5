import { z } from 'zod';
import { text } from '../validation';

/** https, or plain http only to this computer itself (a local test server). */
export function isInsecureServer(serverUrl: string): boolean {
  try {
    const u = new URL(serverUrl);
    if (u.protocol !== 'http:') return false;
    const h = u.hostname.replace(/^\[|\]$/g, '');
    return !(h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h));
  } catch {
    return false;
  }
}

/** What the app shows of sync (the token never appears here: it stays in the main process). */
export const syncStatusSchema = z.object({
  phase: z.enum(['signed-out', 'idle', 'syncing', 'offline', 'error', 'needs-confirmation']),
  serverUrl: z.string().nullable(),
  user: z.object({ email: z.string(), name: z.string(), role: z.string() }).nullable(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  pending: z.number().int(),
  conflicts: z.number().int(),
  /** changes the server refused: kept here, with the reason and the field, until fixed or discarded */
  parked: z.array(
    z.object({
      entity: z.string(),
      entityId: z.string(),
      error: z.string(),
      code: z.string().nullable().optional(),
      field: z.string().nullable().optional(),
      fieldLabel: z.string().nullable().optional(),
      title: z.string().optional(),
      projectId: z.string().nullable().optional(),
      parkedAt: z.string().nullable().optional(),
    }),
  ),
  /** records pulled from the server that this laptop did not apply: fail the shared schemas */
  refused: z
    .array(
      z.object({
        entity: z.string(),
        entityId: z.string(),
        version: z.number().int().nullable(),
        field: z.string().nullable(),
        fieldLabel: z.string().nullable(),
        message: z.string(),
        title: z.string(),
        at: z.string(),
      }),
    )
    .default([]),
  progress: z
    .object({ label: z.string(), doneBytes: z.number(), totalBytes: z.number() })
    .nullable(),
  /** while a pull runs: records received of the total the server reported */
  records: z.object({ received: z.number().int(), total: z.number().int() }).nullable().optional(),
  massDelete: z
    .object({
      count: z.number().int(),
      total: z.number().int(),
      /** what the server would trash most of (projects, or signs of the schedules) */
      what: z.enum(['projects', 'signs']).default('projects'),
    })
    .nullable(),
  nextAttemptAt: z.string().nullable(),
  /** the server is reached over plain http:// on another computer: the Sync screen warns */
  insecure: z.boolean().optional(),
});
export type SyncStatusView = z.infer<typeof syncStatusSchema>;

export const signInSchema = z.object({
  serverUrl: text('Server URL', { required: true, max: 500 }),
  email: text('Email', { required: true, max: 254 }).refine(
    (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
    {
      message: 'Email must be a valid email address, like name@company.com',
    },
  ),
  password: z
    .string({ error: 'Password is required' })
    .min(1, { message: 'Password is required' })
    .max(1024),
  /** the user confirmed a plain http:// server on another computer (see the sign-in warning) */
  allowInsecure: z.boolean().default(false),
});

export const conflictViewSchema = z.object({
  id: z.string(),
  entity: z.string(),
  entityId: z.string(),
  title: z.string(),
  createdAt: z.string(),
  serverVersion: z.number().int(),
  theirsDeleted: z.boolean(),
  mine: z.record(z.string(), z.unknown()),
  theirs: z.record(z.string(), z.unknown()).nullable(),
  /** only the fields both sides changed */
  fields: z.array(
    z.object({
      path: z.string(),
      label: z.string().optional(),
      mine: z.unknown(),
      theirs: z.unknown(),
      base: z.unknown().optional(),
    }),
  ),
  /** fields changed on one side only (they merge by themselves) */
  merged: z
    .array(z.object({ path: z.string(), label: z.string(), side: z.enum(['mine', 'theirs']) }))
    .optional(),
  theirsBy: z.string().nullable().optional(),
  theirsAt: z.string().nullable().optional(),
});
export type ConflictViewT = z.infer<typeof conflictViewSchema>;

export const SYNC_BADGES = ['local', 'pending', 'synced', 'conflict'] as const;

export const attachmentInfoSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  present: z.boolean(),
  uploaded: z.boolean(),
  hasThumbnail: z.boolean(),
  /** in the trash (restore brings it back); null when in use */
  deletedAt: z.string().nullable().optional(),
});
export type AttachmentInfoT = z.infer<typeof attachmentInfoSchema>;
