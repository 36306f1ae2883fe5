import type Database from 'better-sqlite3';
import { AppError } from '../../src-shared/errors';
import type { AppDb } from '../db/client';
import type { EventBus } from '../events';
import { appendAudit } from './audit';
import { enqueueOutbox, type OutboxOp } from './outbox';

export interface ServiceContext {
  db: AppDb;
  sqlite: Database.Database;
  events: EventBus;
  now(): string;
  /** the local profile's name; throws when no profile is set up yet */
  actor(): string;
}

export interface ChangeRecord {
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  /** what the sync client pushes; omit for local-only changes */
  outbox?: { op: OutboxOp; data: unknown };
}

/**
 * Runs `mutate` and writes its audit event and outbox row in ONE transaction: either all three
 * land or none does. Returns what `mutate` returned plus the audit event id (for undo).
 */
export function recordChange<T>(
  ctx: ServiceContext,
  mutate: (at: string) => { value: T; change: ChangeRecord },
): { value: T; eventId: string } {
  const { value, eventIds } = recordChanges(ctx, (at) => {
    const { value, change } = mutate(at);
    return { value, changes: [change] };
  });
  return { value, eventId: eventIds[0] };
}

export function requireActor(name: string | undefined): string {
  if (!name) {
    throw new AppError(
      'ILLEGAL_STATE',
      'Set up your profile (name and initials) before making changes.',
    );
  }
  return name;
}

/**
 * recordChange for a change that touches several records (a sign duplicated with its design
 * revision, a reorder): every row, one audit event per record and its outbox row, all in ONE
 * transaction. Returns the audit event ids in the order of `changes`.
 */
export function recordChanges<T>(
  ctx: ServiceContext,
  mutate: (at: string) => { value: T; changes: ChangeRecord[] },
): { value: T; eventIds: string[] } {
  const actor = ctx.actor();
  const run = ctx.sqlite.transaction(() => {
    const at = ctx.now();
    const { value, changes } = mutate(at);
    const eventIds = changes.map((change) => {
      const eventId = appendAudit(ctx.sqlite, {
        actor,
        at,
        action: change.action,
        entity: change.entity,
        entityId: change.entityId,
        before: change.before,
        after: change.after,
      });
      if (change.outbox)
        enqueueOutbox(ctx.sqlite, {
          entity: change.entity,
          entityId: change.entityId,
          op: change.outbox.op,
          data: change.outbox.data,
          at,
        });
      return eventId;
    });
    return { value, eventIds };
  });
  return run.immediate();
}
