import type Database from 'better-sqlite3';
import { fieldLabel } from '../../../src-shared/sync/labels';
import { getSetting, setSetting } from './state';

/**
 * Pulled records this laptop did not apply because they fail the shared schemas: listed on the
 * Sync screen (entity, record, field, reason) until a later version of the same record applies.
 * Kept as one small settings value; the newest MAX_REFUSED entries.
 */
export interface RefusedPull {
  entity: string;
  entityId: string;
  /** the server version that was refused (null when the change did not say) */
  version: number | null;
  field: string | null;
  fieldLabel: string | null;
  message: string;
  title: string;
  at: string;
}

const KEY = 'sync.refusedPulls';
export const MAX_REFUSED = 200;

const WHAT: Record<string, string> = {
  project: 'Project',
  design: 'Design revision',
  quote: 'Quote revision',
  'price-book': 'Price book version',
  company: 'Company details',
  attachment: 'File',
};

/** What the user calls the record, from what the change carried. */
export function refusedTitle(entity: string, data: Record<string, unknown> | null): string {
  const what = WHAT[entity] ?? `A record (${entity})`;
  const name = data?.name ?? data?.fileName;
  if (typeof name === 'string' && name.trim()) return `${what} “${name.trim().slice(0, 80)}”`;
  if (typeof data?.number === 'number') return `${what} ${data.number}`;
  return what;
}

export function refusedPulls(sqlite: Database.Database): RefusedPull[] {
  const raw = getSetting(sqlite, KEY);
  if (!raw) return [];
  try {
    const list = JSON.parse(raw) as unknown;
    return Array.isArray(list) ? (list as RefusedPull[]) : [];
  } catch {
    return [];
  }
}

/** Read once per page, changed in memory, written back with the page's transaction. */
export class RefusedLog {
  private list: RefusedPull[];
  private changed = false;
  constructor(private readonly sqlite: Database.Database) {
    this.list = refusedPulls(sqlite);
  }
  add(
    r: Omit<RefusedPull, 'fieldLabel' | 'title'> & { data?: Record<string, unknown> | null },
  ): void {
    const { data, ...rest } = r;
    this.clear(r.entity, r.entityId);
    this.list.push({
      ...rest,
      fieldLabel: r.field ? fieldLabel(r.entity, r.field) : null,
      title: refusedTitle(r.entity, data ?? null),
    });
    if (this.list.length > MAX_REFUSED) this.list = this.list.slice(-MAX_REFUSED);
    this.changed = true;
  }
  clear(entity: string, entityId: string): void {
    const i = this.list.findIndex((x) => x.entity === entity && x.entityId === entityId);
    if (i < 0) return;
    this.list.splice(i, 1);
    this.changed = true;
  }
  save(): void {
    if (!this.changed) return;
    setSetting(this.sqlite, KEY, this.list.length ? JSON.stringify(this.list) : null);
    this.changed = false;
  }
}
