import type { DbOrTx } from '../db/client';
import { auditEvents } from '../db/schema';

export interface AuditEntry {
  orgId: string;
  userId: string | null;
  /** dotted verb, e.g. `sync.upsert`, `attachment.attach`, `project.submit`, `auth.login` */
  action: string;
  entity?: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
}

// Chunked so one big push never exceeds Postgres' 65,535 bind parameters.
const CHUNK = 1000;

export async function audit(db: DbOrTx, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK) {
    await db.insert(auditEvents).values(
      entries.slice(i, i + CHUNK).map((e) => ({
        orgId: e.orgId,
        userId: e.userId,
        action: e.action,
        entity: e.entity ?? null,
        entityId: e.entityId ?? null,
        before: e.before ?? null,
        after: e.after ?? null,
      })),
    );
  }
}
