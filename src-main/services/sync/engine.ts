import { and, count, eq, isNull, notExists, sql } from 'drizzle-orm';
import { AppError } from '../../../src-shared/errors';
import { outbox, syncConflicts, syncEntities } from '../../db/schema';
import type { ServiceContext } from '../context';
import type { FileStore } from '../attachments';
import { SyncApi, SyncHttpError } from './api';
import {
  attachmentApplier,
  designApplier,
  signApplier,
  priceBookApplier,
  projectApplier,
  quoteApplier,
  type EntityApplier,
} from './appliers';
import { companyApplier } from './company';
import { autoMergeConflicts, listConflicts, resolveConflict } from './conflicts';
import type { CredentialStore } from './credentials';
import { projectBadges } from './badges';
import { isolateRefusedBatch } from './isolate';
import { nextUnit, noteAttempt, parkedRows, pendingCount, pushBatch, pushSubmit } from './push';
import { discardParked, unpark, type ParkedView } from './park';
import { pullAll, type PullOutcome } from './pull';
import { refusedPulls, type RefusedPull } from './refused';
import { KEYS, getSetting, setSetting } from './state';
import { isInsecureServer, logIn } from './sign-in';
import { downloadAttachment, pushAttachment, type Progress } from './uploads';

export type SyncPhase =
  'signed-out' | 'idle' | 'syncing' | 'offline' | 'error' | 'needs-confirmation';

export interface SyncStatus {
  phase: SyncPhase;
  serverUrl: string | null;
  user: { email: string; name: string; role: string } | null;
  lastSyncAt: string | null;
  lastError: string | null;
  pending: number;
  conflicts: number;
  parked: ParkedView[];
  /** pulled records not applied because they fail the shared schemas */
  refused: RefusedPull[];
  progress: Progress | null;
  /** while a pull runs: records received of the total the server reported (big first syncs) */
  records: { received: number; total: number } | null;
  massDelete: NonNullable<PullOutcome['massDelete']> | null;
  nextAttemptAt: string | null;
  insecure: boolean;
}

export interface SyncEngineOptions {
  ctx: ServiceContext;
  credentials: CredentialStore;
  files: FileStore;
  fetchImpl?: typeof fetch;
  /** periodic sync (default 3 min) */
  intervalMs?: number;
  /** after local changes (default 2 s) */
  debounceMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  random?: () => number;
  timeoutMs?: number;
  log?: (level: 'info' | 'warn' | 'error', msg: string) => void;
  /** extra entity appliers (quotes) */
  appliers?: Record<string, EntityApplier>;
}

/**
 * The background sync loop of the main process: one run at a time; push (outbox in order, in
 * batches) then pull (from the cursor) then nothing else. Runs on start, every few minutes,
 * shortly after local changes, on "Sync now", and when the server answers again after being
 * unreachable; failures back off exponentially with jitter.
 */
export class SyncEngine {
  private running: Promise<void> | null = null;
  private rerun = false;
  private timer: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private failures = 0;
  private started = false;
  private probing = false;
  private unlisten: (() => void) | null = null;
  private phase: SyncPhase = 'idle';
  private lastError: string | null = null;
  private progress: Progress | null = null;
  private records: { received: number; total: number } | null = null;
  private massDelete: NonNullable<PullOutcome['massDelete']> | null = null;
  private nextAttemptAt: number | null = null;
  private readonly appliers: Record<string, EntityApplier>;
  private readonly listeners = new Set<(s: SyncStatus) => void>();

  constructor(private readonly o: SyncEngineOptions) {
    this.appliers = {
      project: projectApplier,
      sign: signApplier,
      design: designApplier,
      'price-book': priceBookApplier,
      quote: quoteApplier,
      attachment: attachmentApplier,
      company: companyApplier,
      ...o.appliers,
    };
    if (!o.credentials.load()) this.phase = 'signed-out';
  }

  private get ctx() {
    return this.o.ctx;
  }

  private api(): SyncApi | null {
    const c = this.o.credentials.load();
    return c
      ? new SyncApi({
          baseUrl: c.serverUrl,
          token: c.token,
          fetchImpl: this.o.fetchImpl,
          timeoutMs: this.o.timeoutMs,
        })
      : null;
  }

  onStatus(l: (s: SyncStatus) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private emit() {
    const s = this.status();
    for (const l of this.listeners) l(s);
  }

  status(): SyncStatus {
    const c = this.o.credentials.load();
    return {
      phase: c ? (this.phase === 'signed-out' ? 'idle' : this.phase) : 'signed-out',
      serverUrl: c?.serverUrl ?? null,
      user: c ? { email: c.user.email, name: c.user.name, role: c.user.role } : null,
      lastSyncAt: getSetting(this.ctx.sqlite, KEYS.lastSyncAt),
      lastError: this.lastError,
      pending: pendingCount(this.ctx),
      conflicts:
        this.ctx.db
          .select({ n: count() })
          .from(syncConflicts)
          .where(isNull(syncConflicts.resolvedAt))
          .get()?.n ?? 0,
      parked: parkedRows(this.ctx),
      refused: refusedPulls(this.ctx.sqlite),
      progress: this.progress,
      records: this.records,
      massDelete: this.massDelete,
      nextAttemptAt: this.nextAttemptAt ? new Date(this.nextAttemptAt).toISOString() : null,
      insecure: c ? isInsecureServer(c.serverUrl) : false,
    };
  }

  /** Per project: what the badge says. */
  projectStates(ids: string[]) {
    return projectBadges(this.ctx, ids, !!this.o.credentials.load());
  }

  async signIn(
    serverUrl: string,
    email: string,
    password: string,
    allowInsecure = false,
  ): Promise<SyncStatus> {
    const creds = await logIn(this.ctx, { serverUrl, email, password, allowInsecure }, this.o);
    this.o.credentials.save(creds);
    this.phase = 'idle';
    this.lastError = null;
    this.failures = 0;
    this.emit();
    this.kick(0);
    return this.status();
  }

  async signOut(): Promise<SyncStatus> {
    const api = this.api();
    if (api) await api.logout().catch(() => undefined);
    this.o.credentials.clear();
    this.phase = 'signed-out';
    this.clearTimers();
    this.emit();
    return this.status();
  }

  /** Starts the background loop (on app start). */
  start(): void {
    this.started = true;
    this.unlisten?.();
    this.unlisten = this.ctx.events.listen((name) => {
      if (
        name === 'projects:changed' ||
        name === 'designs:changed' ||
        name === 'attachments:changed'
      )
        this.onLocalChange();
    });
    this.kick(0);
  }

  stop(): void {
    this.started = false;
    this.unlisten?.();
    this.unlisten = null;
    this.clearTimers();
  }

  private clearTimers() {
    if (this.timer) clearTimeout(this.timer);
    if (this.debounce) clearTimeout(this.debounce);
    this.timer = this.debounce = null;
  }

  private onLocalChange() {
    if (!this.started || !this.o.credentials.load()) return;
    // an edit during a run is sent by a follow-up run right after it
    if (this.running) {
      this.rerun = true;
      return;
    }
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(
      () => void this.syncNow().catch(() => undefined),
      this.o.debounceMs ?? 2000,
    );
  }

  private kick(ms: number) {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextAttemptAt = Date.now() + ms;
    this.timer = setTimeout(() => void this.syncNow().catch(() => undefined), ms);
  }

  /** One run (push then pull); a second call while running waits for a fresh run after it. */
  syncNow(opts: { confirmMassDelete?: boolean } = {}): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.run(opts).finally(() => {
      this.running = null;
      if (this.rerun) {
        this.rerun = false;
        void this.syncNow().catch(() => undefined);
      }
    });
    return this.running;
  }

  private async run(opts: { confirmMassDelete?: boolean }): Promise<void> {
    const api = this.api();
    if (!api) {
      this.phase = 'signed-out';
      this.emit();
      return;
    }
    this.phase = 'syncing';
    this.emit();
    try {
      await this.pushAll(api);
      // conflicts where no field changed on both sides merge by themselves and go out now
      if (autoMergeConflicts(this.ctx, this.appliers) > 0) await this.pushAll(api);
      let received = 0;
      const pulled = await pullAll(this.ctx, api, this.appliers, {
        confirmMassDelete: opts.confirmMassDelete,
        onPage: (n, remaining) => {
          received += n;
          this.records = { received, total: received + (remaining ?? 0) };
          this.emit();
        },
      }).finally(() => (this.records = null));
      if (pulled.massDelete) {
        this.massDelete = pulled.massDelete;
        this.phase = 'needs-confirmation';
        this.lastError = `The server would move ${pulled.massDelete.count} of your ${pulled.massDelete.total} ${pulled.massDelete.what} to the trash. Nothing was changed; confirm to continue.`;
        this.emit();
        return;
      }
      this.massDelete = null;
      // an edit made during the pull goes out in the same run
      if (pendingCount(this.ctx) > 0) await this.pushAll(api);
      if (autoMergeConflicts(this.ctx, this.appliers) > 0) await this.pushAll(api);
      setSetting(this.ctx.sqlite, KEYS.lastSyncAt, this.ctx.now());
      this.failures = 0;
      this.lastError = null;
      this.phase = 'idle';
      this.progress = null;
      this.kick(this.o.intervalMs ?? 180_000);
    } catch (err) {
      this.progress = null;
      const e =
        err instanceof SyncHttpError ? err : new SyncHttpError('server', (err as Error).message);
      this.lastError = e.message;
      if (e.kind === 'auth') {
        this.phase = 'error';
        this.lastError = 'Your sign-in expired or was revoked. Sign in again to keep syncing.';
      } else {
        this.phase = e.kind === 'offline' ? 'offline' : 'error';
        this.failures++;
        const { baseMs, maxMs } = this.o.backoff ?? { baseMs: 2000, maxMs: 300_000 };
        const raw = Math.min(maxMs, baseMs * 2 ** (this.failures - 1));
        // "full jitter" halves the thundering herd when a server comes back
        const delay = raw / 2 + (this.o.random ?? Math.random)() * (raw / 2);
        this.kick(delay);
        if (e.kind === 'offline') this.watchForServer(api);
      }
      this.o.log?.('warn', `sync failed (${e.kind}): ${e.message}`);
      this.emit();
      throw e;
    }
    this.emit();
  }

  /** While offline, a cheap health probe brings the next run forward as soon as the server answers. */
  private watchForServer(api: SyncApi) {
    if (this.probing) return; // one probe chain, however many runs failed
    this.probing = true;
    const probe = async () => {
      if (!this.started || this.phase !== 'offline') {
        this.probing = false;
        return;
      }
      if (await api.healthy()) {
        this.probing = false;
        this.kick(0);
      } else setTimeout(() => void probe(), 5000).unref?.();
    };
    setTimeout(() => void probe(), 5000).unref?.();
  }

  private async pushAll(api: SyncApi): Promise<void> {
    for (;;) {
      const unit = nextUnit(this.ctx);
      if (!unit) return;
      if (unit.kind === 'batch') {
        try {
          await pushBatch(this.ctx, api, unit.rows);
        } catch (err) {
          for (const r of unit.rows) noteAttempt(this.ctx, r.seq, (err as Error).message);
          if (!(await isolateRefusedBatch(this.ctx, api, unit.rows, err))) throw err;
        }
      } else {
        const row = unit.row;
        try {
          if (row.op === 'submit') await pushSubmit(this.ctx, api, row);
          else
            await pushAttachment(this.ctx, api, this.o.files, row, (p) => {
              this.progress = p;
              this.emit();
            });
        } catch (err) {
          this.progress = null;
          noteAttempt(this.ctx, row.seq, (err as Error).message);
          // a submit or a file the server keeps failing on must not hold up what follows it
          if (!(await isolateRefusedBatch(this.ctx, api, [row], err))) throw err;
        }
        this.progress = null;
      }
      this.emit();
    }
  }

  /** Re-pull everything from the start, keeping every local pending change. */
  async repair(): Promise<void> {
    setSetting(this.ctx.sqlite, KEYS.cursor, '0');
    const pendingHere = this.ctx.db
      .select({ one: sql`1` })
      .from(outbox)
      .where(
        and(eq(outbox.entity, syncEntities.entity), eq(outbox.entityId, syncEntities.entityId)),
      );
    this.ctx.db.delete(syncEntities).where(notExists(pendingHere)).run();
    // parked rows get another chance after a repair
    unpark(this.ctx.sqlite);
    await this.syncNow();
  }

  async confirmMassDelete(): Promise<void> {
    await this.syncNow({ confirmMassDelete: true });
  }

  async download(id: string): Promise<void> {
    const api = this.api();
    if (!api)
      throw new AppError('ILLEGAL_STATE', 'Sign in to a sync server to download this file.');
    await downloadAttachment(this.ctx, api, this.o.files, id);
  }

  conflicts() {
    return listConflicts(this.ctx, this.appliers);
  }

  /** Drops a refused change (after the user confirmed); see discardParked. */
  discard(entity: string, entityId: string): SyncStatus {
    discardParked(this.ctx, this.appliers, entity, entityId);
    this.emit();
    return this.status();
  }

  resolve(
    id: string,
    choice: 'mine' | 'theirs' | 'merge',
    picks?: Record<string, 'mine' | 'theirs'>,
  ) {
    resolveConflict(this.ctx, this.appliers, id, choice, picks);
    this.emit();
    this.onLocalChange();
  }
}
