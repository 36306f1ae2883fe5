import type { RestartResult, UpdateChannel, UpdateState } from '../../src-shared/ipc/contracts/app';
import type { Policy, PolicyKey } from './policy';

/**
 * Every update decision, as pure functions (no electron, no clock, no I/O) so each rule is a
 * unit test. The Electron adapter (src-main/app/updater.ts) only carries them out.
 */

export const DEFAULT_CHANNEL: UpdateChannel = 'stable';
/** "every few hours": often enough to ship a fix the same day, rare enough to be invisible */
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export interface UpdateConfigInput {
  policy: Policy;
  locked: Record<PolicyKey, boolean>;
  /** the user's choice from Settings (null = never chose) */
  userChannel: UpdateChannel | null;
  /** false in browser mode and in an unpackaged dev build */
  hostSupportsUpdates: boolean;
}

export interface UpdateConfig {
  /** false = never check, never download */
  enabled: boolean;
  channel: UpdateChannel;
  channelLocked: boolean;
  /** null = the feed URL baked in at build time (electron-builder `publish`, app-update.yml) */
  feedUrl: string | null;
  /** electron-updater's channel name: the feed file is `<name>.yml` (latest.yml, beta.yml) */
  feedChannel: 'latest' | 'beta';
  allowPrerelease: boolean;
  /** never: a newer build may have migrated the database past what an older build can open */
  allowDowngrade: false;
  /** why updates are off, in plain words (null when enabled) */
  offReason: string | null;
}

export function resolveUpdateConfig(input: UpdateConfigInput): UpdateConfig {
  const { policy, locked } = input;
  // A pinned channel ignores the user's choice entirely (IT decides which builds ship).
  const channel =
    locked.updateChannel && policy.updateChannel
      ? policy.updateChannel
      : (input.userChannel ?? DEFAULT_CHANNEL);
  let offReason: string | null = null;
  if (!input.hostSupportsUpdates) {
    offReason = 'Updates are not available in this mode (browser mode or a development build).';
  } else if (policy.updatesEnabled === false) {
    offReason = 'Updates are turned off by your IT department.';
  }
  return {
    enabled: offReason === null,
    channel,
    channelLocked: locked.updateChannel,
    feedUrl: policy.updateFeedUrl ?? null,
    feedChannel: channel === 'beta' ? 'beta' : 'latest',
    allowPrerelease: channel === 'beta',
    allowDowngrade: false,
    offReason,
  };
}

export type ChannelChange = { ok: true; channel: UpdateChannel } | { ok: false; reason: string };

export function decideChannelChange(config: UpdateConfig, requested: UpdateChannel): ChannelChange {
  if (config.channelLocked) {
    return {
      ok: false,
      reason: `The update channel is set to "${config.channel}" by your IT department.`,
    };
  }
  return { ok: true, channel: requested };
}

/** Whether a (start-up or timer) check should run now. */
export function shouldCheck(
  config: UpdateConfig,
  phase: UpdateState['phase'],
  lastCheckedAt: string | null,
  now: string,
  intervalMs = CHECK_INTERVAL_MS,
  manual = false,
): boolean {
  if (!config.enabled) return false;
  // one at a time; a finished download waits for the user, no point checking again
  if (phase === 'checking' || phase === 'downloading' || phase === 'downloaded') return false;
  if (manual || lastCheckedAt === null) return true;
  return Date.parse(now) - Date.parse(lastCheckedAt) >= intervalMs;
}

export interface WorkAtRisk {
  /** a form has unsaved edits (the renderer says so via app:set-dirty) */
  dirty: boolean;
  /** local changes not yet pushed to the server (outbox rows) */
  unsyncedCount: number;
}

/**
 * "Restart to update" only when nothing can be lost. Unsynced changes are safe on disk, but a
 * restart runs the new version's migrations over them before they reach the server, and a
 * field user may be about to go offline: we let them sync first.
 */
export function decideRestart(
  state: Pick<UpdateState, 'phase'>,
  work: WorkAtRisk,
  hostSupportsUpdates: boolean,
): RestartResult {
  if (!hostSupportsUpdates || state.phase === 'unsupported') {
    return {
      restarting: false,
      blockedBy: 'unsupported',
      reason: 'Updates are not available in this mode.',
    };
  }
  if (state.phase !== 'downloaded') {
    return {
      restarting: false,
      blockedBy: 'not-downloaded',
      reason: 'No update has been downloaded yet.',
    };
  }
  if (work.dirty) {
    return {
      restarting: false,
      blockedBy: 'unsaved',
      reason: 'You have unsaved changes. Save or discard them, then restart to update.',
    };
  }
  if (work.unsyncedCount > 0) {
    const n = work.unsyncedCount;
    return {
      restarting: false,
      blockedBy: 'unsynced',
      reason: `${n} change${n === 1 ? '' : 's'} not synced yet. Sync (or wait until you are online), then restart to update.`,
    };
  }
  return { restarting: true };
}

/** The state shown before the first check, from the config alone. */
export function initialUpdateState(
  config: UpdateConfig,
  hostSupportsUpdates: boolean,
): UpdateState {
  return {
    phase: !hostSupportsUpdates ? 'unsupported' : config.enabled ? 'idle' : 'disabled',
    channel: config.channel,
    availableVersion: null,
    percent: null,
    lastCheckedAt: null,
    message: config.offReason,
  };
}

/** Turns a network error from the updater into something a user can act on. */
export function describeUpdateError(message: string): string {
  if (
    /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|net::/i.test(
      message,
    )
  ) {
    return 'Could not reach the update server. Signwright will try again later.';
  }
  if (/404|Cannot find channel/i.test(message)) {
    return 'The update server has no release for this channel yet.';
  }
  if (/sha512 checksum mismatch|signature/i.test(message)) {
    return 'The downloaded update failed its integrity check and was discarded.';
  }
  return 'Checking for updates failed. Signwright will try again later.';
}
