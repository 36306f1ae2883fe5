import type Database from 'better-sqlite3';
import { and, eq, isNull } from 'drizzle-orm';
import { companySchema } from '../../../src-shared/quotes';
import { drizzleOf } from '../../db/client';
import { outbox } from '../../db/schema';
import { appendAudit } from '../audit';
import { enqueueOutbox } from '../outbox';
import type { EntityApplier } from './appliers';
import { getSetting, KEYS, setSetting } from './state';

/**
 * The company details (settings key `company`, src-main/services/quotes-company.ts) sync as the
 * entity `company` whose id is the organization id. The whole parsed object travels, so fields
 * added to companySchema later sync without a change here.
 */
export const COMPANY_KEY = 'company';

/** The organization this laptop syncs with, once it has signed in (null before). */
export function syncOrgId(sqlite: Database.Database): string | null {
  const feed = getSetting(sqlite, KEYS.serverUrl);
  const org = feed?.split('|')[1];
  return org && /^[0-9a-f-]{36}$/i.test(org) ? org : null;
}

export function storedCompany(sqlite: Database.Database): Record<string, unknown> | null {
  const raw = getSetting(sqlite, COMPANY_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Queues the company details for the org (inside the caller's transaction), when one is known. */
export function queueCompany(sqlite: Database.Database, at: string): boolean {
  const org = syncOrgId(sqlite);
  const company = storedCompany(sqlite);
  if (!org || !company) return false;
  // an unsent older copy is superseded by this one
  drizzleOf(sqlite)
    .delete(outbox)
    .where(and(eq(outbox.entity, 'company'), isNull(outbox.batchId)))
    .run();
  enqueueOutbox(sqlite, { entity: 'company', entityId: org, op: 'upsert', data: company, at });
  return true;
}

/**
 * An arriving company record replaces the local one field by field; a field this build's schema
 * refuses keeps its local value instead of blanking the whole header.
 */
export const companyApplier: EntityApplier = {
  upsert(ctx, _id, data, at, by = 'Sync (from server)') {
    const before = storedCompany(ctx.sqlite) ?? {};
    const next: Record<string, unknown> = { ...before, ...data };
    const r = companySchema.safeParse(next);
    if (!r.success)
      for (const issue of r.error.issues) {
        const k = String(issue.path[0] ?? '');
        if (k in before) next[k] = before[k];
        else delete next[k];
      }
    setSetting(ctx.sqlite, COMPANY_KEY, JSON.stringify(next));
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: 'company.received',
      entity: 'company-settings',
      entityId: COMPANY_KEY,
      before: slim(before),
      after: slim(next),
    });
  },
  remove() {
    // the company header is never deleted by a pull
  },
  local(ctx) {
    return storedCompany(ctx.sqlite);
  },
};

/** The logo is large: the audit keeps its length, not its bytes. */
const slim = (c: Record<string, unknown>) => ({
  ...c,
  ...(typeof c.logoDataUrl === 'string' && c.logoDataUrl
    ? { logoDataUrl: `${c.logoDataUrl.length} chars` }
    : {}),
});
