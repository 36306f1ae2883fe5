import { and, eq, getTableColumns } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { cleanDeep } from '../../../src-shared/sync/record-check';
import { badCharacter, cleanText } from '../../../src-shared/validation';
import { appendAudit } from '../audit';
import type { ServiceContext } from '../context';
import { enqueueOutbox } from '../outbox';
import {
  attachments,
  designDrafts,
  designRevisions,
  outbox,
  priceBookVersions,
  profile,
  projects,
  quoteRevisions,
  settings,
  signs,
  syncConflicts,
  syncEntities,
} from '../../db/schema';
import { syncData, toProject } from '../projects';
import { getSetting, hasPending, KEYS, setSetting } from './state';

/**
 * The one-time repair of text stored before the shared schemas refused unstorable characters
 * (NUL, lone surrogates, control characters; line breaks in single-line fields). Each bad
 * character is replaced (cleanText), everything else is kept; every repaired record gets an audit
 * event with its before and after; queued sync payloads are cleaned too, and a repaired project
 * the server already has is queued again so every laptop ends up with the clean text.
 */
export const REPAIR_ACTOR = 'Signwright (data repair)';

interface Target {
  table: SQLiteTable;
  /** property names of the table's drizzle columns */
  key: string;
  entity: string;
  single?: string[];
  multi?: string[];
  json?: string[];
}

const TARGETS: Target[] = [
  {
    table: projects,
    key: 'id',
    entity: 'project',
    single: [
      'name',
      'customerCompany',
      'customerContact',
      'customerEmail',
      'customerPhone',
      'siteAddress',
      'jurisdiction',
    ],
    multi: ['notes'],
  },
  { table: profile, key: 'id', entity: 'profile', single: ['name', 'initials'] },
  { table: designRevisions, key: 'id', entity: 'design', single: ['note'], json: ['input'] },
  { table: designDrafts, key: 'signId', entity: 'design-draft', json: ['input'] },
  { table: signs, key: 'id', entity: 'sign', single: ['mark', 'name'] },
  {
    table: quoteRevisions,
    key: 'id',
    entity: 'quote',
    single: ['note'],
    json: ['priced', 'overrides', 'manualLines', 'header'],
  },
  {
    table: priceBookVersions,
    key: 'id',
    entity: 'price-book',
    single: ['note'],
    json: ['items'],
  },
  { table: attachments, key: 'id', entity: 'attachment', single: ['fileName'] },
  { table: settings, key: 'key', entity: 'settings', json: ['value'] },
  { table: outbox, key: 'seq', entity: 'outbox', json: ['data'] },
  { table: syncConflicts, key: 'id', entity: 'sync-conflict', json: ['mine', 'theirs', 'base'] },
];

/** A JSON text whose strings hold something cleanText would change (cheap test first). */
const SUSPECT_JSON =
  /\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u[dD][89a-fA-F][0-9a-fA-F]{2}|[\u007f-\u009f\ufffe\uffff]/;

function cleanJson(text: string | null): string | null {
  if (text === null || !SUSPECT_JSON.test(text)) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    const out = JSON.stringify(cleanDeep(parsed));
    return out === JSON.stringify(parsed) ? null : out;
  } catch {
    return null;
  }
}

export function repairStoredText(ctx: ServiceContext): number {
  if (getSetting(ctx.sqlite, KEYS.textRepaired)) return 0;
  let repaired = 0;
  ctx.sqlite.transaction(() => {
    const at = ctx.now();
    for (const t of TARGETS) {
      const columns = getTableColumns(t.table) as Record<string, SQLiteColumn>;
      const keys = [
        ...new Set([t.key, ...(t.single ?? []), ...(t.multi ?? []), ...(t.json ?? [])]),
      ];
      // read first, write after: an UPDATE cannot run while a SELECT still iterates
      const all = ctx.db
        .select(Object.fromEntries(keys.map((k) => [k, columns[k]])))
        .from(t.table)
        .all() as Record<string, unknown>[];
      for (const row of all) {
        const set: Record<string, unknown> = {};
        for (const c of t.single ?? [])
          if (typeof row[c] === 'string' && badCharacter(row[c] as string) !== null)
            set[c] = cleanText(row[c] as string);
        for (const c of t.multi ?? [])
          if (
            typeof row[c] === 'string' &&
            badCharacter(row[c] as string, { multiline: true }) !== null
          )
            set[c] = cleanText(row[c] as string, { multiline: true });
        for (const c of t.json ?? []) {
          const v = cleanJson(row[c] as string | null);
          if (v !== null) set[c] = v;
        }
        const changed = Object.keys(set);
        if (!changed.length) continue;
        ctx.db.update(t.table).set(set).where(eq(columns[t.key], row[t.key])).run();
        repaired++;
        // the audit event names the stored columns, as it always has
        const named = (k: string) => columns[k].name;
        appendAudit(ctx.sqlite, {
          actor: REPAIR_ACTOR,
          at,
          action: 'repair.text-cleaned',
          entity: t.entity,
          entityId: String(row[t.key]),
          before: Object.fromEntries(changed.map((c) => [named(c), row[c]])),
          after: Object.fromEntries(changed.map((c) => [named(c), set[c]])),
        });
        if (t.table === projects) requeueProject(ctx, String(row.id), at);
      }
    }
    setSetting(ctx.sqlite, KEYS.textRepaired, at);
  })();
  return repaired;
}

/** A repaired project the server has, with nothing queued, is sent again in its clean form. */
function requeueProject(ctx: ServiceContext, id: string, at: string) {
  const known = ctx.db
    .select({ v: syncEntities.serverVersion })
    .from(syncEntities)
    .where(and(eq(syncEntities.entity, 'project'), eq(syncEntities.entityId, id)))
    .get();
  if (!known || hasPending(ctx.sqlite, 'project', id)) return;
  const row = ctx.db.select().from(projects).where(eq(projects.id, id)).get();
  if (!row) return;
  enqueueOutbox(ctx.sqlite, {
    entity: 'project',
    entityId: id,
    op: 'upsert',
    data: syncData(toProject(row)),
    at,
  });
}
