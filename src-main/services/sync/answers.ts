import type { z } from 'zod';
import { changeSchema, type Change, type pullPageSchema } from '../../../src-shared/sync/protocol';

/** A pulled change that could not be used, with what is known of it and why. */
export interface RefusedChange {
  entity: string;
  entityId: string;
  version: number | null;
  field: string | null;
  message: string;
}

export interface PulledPage {
  changes: Change[];
  /** changes of this page that failed the protocol's change schema: not applied, reported */
  refused: RefusedChange[];
  nextCursor: string;
  hasMore: boolean;
  /** changes after nextCursor as the server counted them (progress), when it says */
  remaining?: number;
}

const text = (v: unknown) => (typeof v === 'string' && v.length <= 200 ? v : null);

/**
 * Checks each change of a well-formed page on its own. A page that says there is more but hands
 * back the cursor it was asked for would be asked for forever: refused as a whole.
 */
export function parsePullPage(
  page: z.output<typeof pullPageSchema>,
  cursor: string,
): PulledPage & { stalled?: true } {
  const changes: Change[] = [];
  const refused: RefusedChange[] = [];
  page.changes.forEach((raw, i) => {
    const r = changeSchema.safeParse(raw);
    if (r.success) {
      changes.push(r.data);
      return;
    }
    const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const issue = r.error.issues[0];
    const field = issue?.path.length ? issue.path.map(String).join('.') : null;
    refused.push({
      entity: text(o.entity) ?? 'unknown',
      entityId: text(o.id) ?? `change ${i + 1} of the page after ${cursor}`,
      version: typeof o.version === 'number' && Number.isInteger(o.version) ? o.version : null,
      field,
      message: `${field ?? 'change'}: ${issue?.message ?? 'not valid'}`,
    });
  });
  const out: PulledPage & { stalled?: true } = {
    changes,
    refused,
    nextCursor: page.nextCursor,
    hasMore: page.hasMore,
    remaining: page.remaining,
  };
  if (page.hasMore && page.nextCursor === cursor) out.stalled = true;
  return out;
}
