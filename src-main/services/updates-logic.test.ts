import { describe, expect, it } from 'vitest';
import type { Policy, PolicyKey } from './policy';
import {
  decideChannelChange,
  decideRestart,
  describeUpdateError,
  initialUpdateState,
  resolveUpdateConfig,
  shouldCheck,
} from './updates-logic';

const unlocked: Record<PolicyKey, boolean> = {
  updatesEnabled: false,
  updateChannel: false,
  updateFeedUrl: false,
  syncServer: false,
};
const lockedFor = (p: Policy) => ({
  ...unlocked,
  ...Object.fromEntries(Object.keys(p).map((k) => [k, true])),
});
const config = (policy: Policy, userChannel: 'stable' | 'beta' | null = null, host = true) =>
  resolveUpdateConfig({
    policy,
    locked: lockedFor(policy),
    userChannel,
    hostSupportsUpdates: host,
  });

describe('resolveUpdateConfig', () => {
  it('defaults: enabled, stable (latest.yml), baked-in feed, no downgrade', () => {
    const c = config({});
    expect(c).toMatchObject({
      enabled: true,
      channel: 'stable',
      feedChannel: 'latest',
      feedUrl: null,
      allowPrerelease: false,
      allowDowngrade: false,
      offReason: null,
    });
  });

  it('the user may pick beta when nothing is pinned', () => {
    expect(config({}, 'beta')).toMatchObject({
      channel: 'beta',
      feedChannel: 'beta',
      allowPrerelease: true,
    });
  });

  it('policy off -> disabled with a reason, and never checks', () => {
    const c = config({ updatesEnabled: false });
    expect(c.enabled).toBe(false);
    expect(c.offReason).toMatch(/turned off by your IT department/);
    expect(shouldCheck(c, 'idle', null, '2030-01-01T00:00:00Z', 1000, true)).toBe(false);
    expect(initialUpdateState(c, true).phase).toBe('disabled');
  });

  it('a pinned channel wins over the user choice', () => {
    const c = config({ updateChannel: 'stable' }, 'beta');
    expect(c.channel).toBe('stable');
    expect(c.channelLocked).toBe(true);
    const change = decideChannelChange(c, 'beta');
    expect(change).toEqual({
      ok: false,
      reason: expect.stringMatching(/set to "stable" by your IT/),
    });
  });

  it('an unpinned channel can be changed', () => {
    expect(decideChannelChange(config({}), 'beta')).toEqual({ ok: true, channel: 'beta' });
  });

  it('the feed URL override from policy replaces the built-in feed', () => {
    expect(config({ updateFeedUrl: 'https://mirror.corp.example/sw' }).feedUrl).toBe(
      'https://mirror.corp.example/sw',
    );
  });

  it('browser mode / dev build: unsupported', () => {
    const c = config({}, null, false);
    expect(c.enabled).toBe(false);
    expect(initialUpdateState(c, false)).toMatchObject({ phase: 'unsupported' });
  });
});

describe('shouldCheck', () => {
  const c = config({});
  it('checks at start, then only after the interval', () => {
    expect(shouldCheck(c, 'idle', null, '2030-01-01T04:00:00Z', 4 * 3600e3)).toBe(true);
    expect(
      shouldCheck(c, 'not-available', '2030-01-01T01:00:00Z', '2030-01-01T04:00:00Z', 4 * 3600e3),
    ).toBe(false);
    expect(
      shouldCheck(c, 'not-available', '2030-01-01T00:00:00Z', '2030-01-01T04:00:00Z', 4 * 3600e3),
    ).toBe(true);
  });
  it('a manual check ignores the interval but not a running one', () => {
    expect(
      shouldCheck(
        c,
        'not-available',
        '2030-01-01T03:59:00Z',
        '2030-01-01T04:00:00Z',
        4 * 3600e3,
        true,
      ),
    ).toBe(true);
    expect(shouldCheck(c, 'checking', null, '2030-01-01T04:00:00Z', 1, true)).toBe(false);
    expect(shouldCheck(c, 'downloading', null, '2030-01-01T04:00:00Z', 1, true)).toBe(false);
  });
});

describe('decideRestart', () => {
  const ready = { phase: 'downloaded' as const };
  it('restarts when downloaded and nothing is at risk', () => {
    expect(decideRestart(ready, { dirty: false, unsyncedCount: 0 }, true)).toEqual({
      restarting: true,
    });
  });
  it('unsaved work blocks the restart with a reason', () => {
    expect(decideRestart(ready, { dirty: true, unsyncedCount: 0 }, true)).toEqual({
      restarting: false,
      blockedBy: 'unsaved',
      reason: expect.stringMatching(/unsaved changes/),
    });
  });
  it('unsynced work blocks the restart with a count', () => {
    expect(decideRestart(ready, { dirty: false, unsyncedCount: 3 }, true)).toEqual({
      restarting: false,
      blockedBy: 'unsynced',
      reason: expect.stringMatching(/^3 changes not synced yet/),
    });
    expect(decideRestart(ready, { dirty: false, unsyncedCount: 1 }, true)).toMatchObject({
      reason: expect.stringMatching(/^1 change not synced/),
    });
  });
  it('nothing downloaded, or an unsupported host, never restarts', () => {
    expect(
      decideRestart({ phase: 'idle' }, { dirty: false, unsyncedCount: 0 }, true),
    ).toMatchObject({
      blockedBy: 'not-downloaded',
    });
    expect(decideRestart(ready, { dirty: false, unsyncedCount: 0 }, false)).toMatchObject({
      blockedBy: 'unsupported',
    });
  });
});

describe('describeUpdateError', () => {
  it('turns network errors into plain words', () => {
    expect(describeUpdateError('net::ERR_INTERNET_DISCONNECTED')).toMatch(
      /Could not reach the update server/,
    );
    expect(describeUpdateError('sha512 checksum mismatch')).toMatch(/integrity check/);
    expect(describeUpdateError('weird')).toMatch(/try again later/);
  });
});
