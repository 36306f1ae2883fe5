import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type {
  RestartResult,
  UpdateChannel,
  UpdateProgress,
  UpdateState,
} from '../../src-shared/ipc/contracts/app';
import { AppError } from '../../src-shared/errors';
import { drizzleOf } from '../db/client';
import { settings } from '../db/schema';
import type { LoadedPolicy } from './policy';
import {
  CHECK_INTERVAL_MS,
  decideChannelChange,
  decideRestart,
  describeUpdateError,
  initialUpdateState,
  resolveUpdateConfig,
  shouldCheck,
  type UpdateConfig,
  type WorkAtRisk,
} from './updates-logic';

/** What the controller needs from an updater (electron-updater in the app, a fake in tests). */
export interface UpdaterPort {
  configure(config: UpdateConfig): void;
  /** resolves when the check is done; results arrive as events */
  check(): Promise<void>;
  download(): Promise<void>;
  quitAndInstall(): void;
  onEvent(listener: (e: UpdaterEvent) => void): void;
}

export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; progress: UpdateProgress }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

export interface ChannelStore {
  get(): UpdateChannel | null;
  set(channel: UpdateChannel): void;
}

export interface UpdateControllerDeps {
  /** null = this host cannot update itself (browser mode, memory host, dev build) */
  port: UpdaterPort | null;
  policy: LoadedPolicy;
  channelStore: ChannelStore;
  workAtRisk: () => WorkAtRisk;
  emitState: (state: UpdateState) => void;
  emitProgress: (progress: UpdateProgress) => void;
  now: () => string;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: unknown) => void;
  intervalMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * Host-independent update flow: check at start and on a timer, download in the background,
 * restart only when the user asks and nothing is at risk. All rules live in updates-logic.ts.
 */
export class UpdateController {
  private config: UpdateConfig;
  private current: UpdateState;
  private timer: unknown = null;

  constructor(private readonly deps: UpdateControllerDeps) {
    this.config = this.resolve();
    this.current = initialUpdateState(this.config, deps.port !== null);
    deps.port?.onEvent((e) => this.onEvent(e));
    if (this.config.enabled) deps.port?.configure(this.config);
  }

  private resolve(): UpdateConfig {
    return resolveUpdateConfig({
      policy: this.deps.policy.policy,
      locked: this.deps.policy.locked,
      userChannel: this.deps.channelStore.get(),
      hostSupportsUpdates: this.deps.port !== null,
    });
  }

  get state(): UpdateState {
    return this.current;
  }

  get effectiveConfig(): UpdateConfig {
    return this.config;
  }

  private setState(patch: Partial<UpdateState>): void {
    this.current = { ...this.current, ...patch };
    this.deps.emitState(this.current);
  }

  /** Check at start, then every few hours (skipped while offline errors just retry later). */
  start(): void {
    if (!this.config.enabled || this.timer !== null) return;
    void this.check(false);
    const every = this.deps.intervalMs ?? CHECK_INTERVAL_MS;
    this.timer = (this.deps.setInterval ?? setInterval)(() => void this.check(false), every);
    (this.timer as { unref?: () => void }).unref?.();
  }

  stop(): void {
    if (this.timer !== null) (this.deps.clearInterval ?? clearInterval)(this.timer as never);
    this.timer = null;
  }

  async check(manual = true): Promise<UpdateState> {
    const run = shouldCheck(
      this.config,
      this.current.phase,
      this.current.lastCheckedAt,
      this.deps.now(),
      this.deps.intervalMs ?? CHECK_INTERVAL_MS,
      manual,
    );
    if (!run || !this.deps.port) return this.current;
    this.setState({ phase: 'checking', message: null });
    try {
      await this.deps.port.check();
    } catch (err) {
      this.onEvent({ type: 'error', message: (err as Error).message ?? String(err) });
    }
    return this.current;
  }

  setChannel(channel: UpdateChannel): UpdateState {
    const change = decideChannelChange(this.config, channel);
    if (!change.ok) throw new AppError('FORBIDDEN', change.reason);
    this.deps.channelStore.set(change.channel);
    this.config = this.resolve();
    if (this.config.enabled) this.deps.port?.configure(this.config);
    // a download from the old channel no longer applies
    this.setState({
      channel: this.config.channel,
      ...(this.current.phase === 'downloaded' || this.current.phase === 'downloading'
        ? {}
        : { lastCheckedAt: null }),
    });
    return this.current;
  }

  restart(): RestartResult {
    const decision = decideRestart(this.current, this.deps.workAtRisk(), this.deps.port !== null);
    if (decision.restarting) {
      this.deps.log?.('info', `updates: restarting to install ${this.current.availableVersion}`);
      // let the IPC reply reach the renderer before the app quits
      setTimeout(() => this.deps.port?.quitAndInstall(), 250);
    } else {
      this.deps.log?.('info', `updates: restart refused (${decision.blockedBy})`);
    }
    return decision;
  }

  private onEvent(e: UpdaterEvent): void {
    const at = this.deps.now();
    switch (e.type) {
      case 'checking':
        if (this.current.phase !== 'checking') this.setState({ phase: 'checking', message: null });
        return;
      case 'not-available':
        this.setState({ phase: 'not-available', lastCheckedAt: at, message: null });
        return;
      case 'available':
        this.setState({
          phase: 'downloading',
          availableVersion: e.version,
          percent: 0,
          lastCheckedAt: at,
          message: null,
        });
        // background download; progress and completion arrive as events
        this.deps.port
          ?.download()
          .catch((err: unknown) =>
            this.onEvent({ type: 'error', message: (err as Error).message ?? String(err) }),
          );
        return;
      case 'progress':
        this.current = { ...this.current, percent: e.progress.percent };
        this.deps.emitProgress(e.progress);
        return;
      case 'downloaded':
        this.setState({ phase: 'downloaded', availableVersion: e.version, percent: 100 });
        return;
      case 'error':
        this.deps.log?.('warn', 'updates: ' + e.message);
        this.setState({
          phase: 'error',
          lastCheckedAt: at,
          message: describeUpdateError(e.message),
        });
        return;
    }
  }
}

const CHANNEL_KEY = 'updates.channel';

/** The user's channel choice, in the settings table (key/value). */
export function sqliteChannelStore(sqlite: Database.Database, now: () => string): ChannelStore {
  return {
    get() {
      const row = drizzleOf(sqlite)
        .select({ value: settings.value })
        .from(settings)
        .where(eq(settings.key, CHANNEL_KEY))
        .get();
      return row?.value === 'stable' || row?.value === 'beta' ? row.value : null;
    },
    set(channel) {
      const updatedAt = now();
      drizzleOf(sqlite)
        .insert(settings)
        .values({ key: CHANNEL_KEY, value: channel, updatedAt })
        .onConflictDoUpdate({ target: settings.key, set: { value: channel, updatedAt } })
        .run();
    },
  };
}
