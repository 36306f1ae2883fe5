import { z } from 'zod';
import { defineCommand, defineEvent } from '../define';

export const appInfoSchema = z.object({
  version: z.string(),
  engineVersion: z.string(),
  dataDir: z.string(),
  host: z.enum(['electron', 'browser', 'memory']),
});

export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export const updateChannelSchema = z.enum(UPDATE_CHANNELS, {
  error: 'Update channel must be one of: ' + UPDATE_CHANNELS.join(', '),
});

/**
 * Where the updater is. `unsupported` = this host cannot update itself (browser mode, a dev
 * build); `disabled` = IT policy turned updates off.
 */
export const UPDATE_PHASES = [
  'unsupported',
  'disabled',
  'idle',
  'checking',
  'not-available',
  'downloading',
  'downloaded',
  'error',
] as const;

export const updateStateSchema = z.object({
  phase: z.enum(UPDATE_PHASES),
  channel: updateChannelSchema,
  /** version on offer (downloading/downloaded) */
  availableVersion: z.string().nullable(),
  /** 0..100 while downloading */
  percent: z.number().min(0).max(100).nullable(),
  /** ISO time of the last finished check */
  lastCheckedAt: z.string().nullable(),
  /** plain-words message for unsupported/disabled/error */
  message: z.string().nullable(),
});

export const updateProgressSchema = z.object({
  percent: z.number().min(0).max(100),
  transferredBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative(),
  bytesPerSecond: z.number().nonnegative(),
});

export const restartResultSchema = z.discriminatedUnion('restarting', [
  z.object({ restarting: z.literal(true) }),
  z.object({
    restarting: z.literal(false),
    /** machine-readable: why the restart was refused */
    blockedBy: z.enum(['unsaved', 'unsynced', 'not-downloaded', 'unsupported']),
    reason: z.string(),
  }),
]);

export const aboutSchema = z.object({
  version: z.string(),
  engineVersion: z.string(),
  host: z.enum(['electron', 'browser', 'memory']),
  /** Electron/Chromium/Node versions when running in Electron */
  runtime: z.record(z.string(), z.string()),
  updateState: updateStateSchema,
});

export const POLICY_KEYS = [
  'updatesEnabled',
  'updateChannel',
  'updateFeedUrl',
  'syncServer',
] as const;

export const policyViewSchema = z.object({
  /** the settings in effect: machine policy > user choice > built-in default */
  effective: z.object({
    updatesEnabled: z.boolean(),
    updateChannel: updateChannelSchema,
    updateFeedUrl: z.string().nullable(),
    syncServer: z.string().nullable(),
  }),
  /** true = set by IT (policy file or environment); the UI shows it read-only */
  locked: z.object({
    updatesEnabled: z.boolean(),
    updateChannel: z.boolean(),
    updateFeedUrl: z.boolean(),
    syncServer: z.boolean(),
  }),
  policyFile: z.string(),
  /** problems found while reading the policy (shown to IT in Settings > About) */
  problems: z.array(z.string()),
});

const none = z.object({}).default({});

export const appContract = {
  'app:info': defineCommand(z.object({}).default({}), appInfoSchema),
  'app:about': defineCommand(none, aboutSchema),
  /** the renderer says whether a form holds unsaved edits (blocks "restart to update") */
  'app:set-dirty': defineCommand(
    z.object({ dirty: z.boolean() }),
    z.object({ dirty: z.boolean() }),
  ),
  'app:open-logs-folder': defineCommand(none, z.object({ path: z.string() })),
  'policy:get': defineCommand(none, policyViewSchema),
  'updates:status': defineCommand(none, updateStateSchema),
  'updates:check': defineCommand(none, updateStateSchema),
  'updates:set-channel': defineCommand(
    z.object({ channel: updateChannelSchema }),
    updateStateSchema,
  ),
  /** quit and install the downloaded update; refused (with a reason) while work is at risk */
  'updates:restart': defineCommand(none, restartResultSchema),
};

export const appEvents = {
  'updates:state': defineEvent(updateStateSchema),
  'updates:progress': defineEvent(updateProgressSchema),
};

export type UpdateChannel = z.output<typeof updateChannelSchema>;
export type UpdateState = z.output<typeof updateStateSchema>;
export type UpdateProgress = z.output<typeof updateProgressSchema>;
export type RestartResult = z.output<typeof restartResultSchema>;
export type PolicyView = z.output<typeof policyViewSchema>;
