import { cleanDeep } from '../../../src-shared/sync/record-check';
import { badCharacter, cleanText } from '../../../src-shared/validation';
import { appendAudit } from '../audit';
import type { ServiceContext } from '../context';
import { enqueueOutbox } from '../outbox';
import { projectData } from './appliers';
import { getSetting, KEYS, setSetting } from './state';

/**
 * The one-time repair of text stored before the shared schemas refused unstorable characters
 * (NUL, lone surrogates, control characters; line breaks in single-line fields). Each bad
 * character is replaced (cleanText), everything else is kept; every repaired record gets an audit
 * event with its before and after; queued sync payloads are cleaned too, and a repaired project
 * the server already has is queued again so every laptop ends up with the clean text.
 */
export const REPAIR_ACTOR = 'Signwright (data repair)';

interface Target {
  table: string;
  key: string;
  entity: string;
  single?: string[];
  multi?: string[];
  json?: string[];
}

const TARGETS: Target[] = [
  {
    table: 'projects',
    key: 'id',
    entity: 'project',
    single: [
      'name',
      'customer_company',
      'customer_contact',
      'customer_email',
      'customer_phone',
      'site_address',
      'jurisdiction',
    ],
    multi: ['notes'],
  },
  { table: 'profile', key: 'id', entity: 'profile', single: ['name', 'initials'] },
  { table: 'design_revisions', key: 'id', entity: 'design', single: ['note'], json: ['input'] },
  { table: 'design_drafts', key: 'project_id', entity: 'design-draft', json: ['input'] },
  {
    table: 'quote_revisions',
    key: 'id',
    entity: 'quote',
    single: ['note'],
    json: ['priced', 'overrides', 'manual_lines', 'header'],
  },
  {
    table: 'price_book_versions',
    key: 'id',
    entity: 'price-book',
    single: ['note'],
    json: ['items'],
  },
  { table: 'attachments', key: 'id', entity: 'attachment', single: ['file_name'] },
  { table: 'settings', key: 'key', entity: 'settings', json: ['value'] },
  { table: 'outbox', key: 'seq', entity: 'outbox', json: ['data'] },
  { table: 'sync_conflicts', key: 'id', entity: 'sync-conflict', json: ['mine', 'theirs', 'base'] },
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
      if (
        !ctx.sqlite
          .prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name=?`)
          .get(t.table)
      )
        continue;
      const cols = [t.key, ...(t.single ?? []), ...(t.multi ?? []), ...(t.json ?? [])];
      // read first, write after: an UPDATE cannot run while a SELECT still iterates
      const all = ctx.sqlite
        .prepare(`SELECT ${[...new Set(cols)].join(', ')} FROM ${t.table}`)
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
        const cols = Object.keys(set);
        if (!cols.length) continue;
        ctx.sqlite
          .prepare(
            `UPDATE ${t.table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE ${t.key} = @__key`,
          )
          .run({ ...set, __key: row[t.key] });
        repaired++;
        appendAudit(ctx.sqlite, {
          actor: REPAIR_ACTOR,
          at,
          action: 'repair.text-cleaned',
          entity: t.entity,
          entityId: String(row[t.key]),
          before: Object.fromEntries(cols.map((c) => [c, row[c]])),
          after: set,
        });
        if (t.table === 'projects') requeueProject(ctx, String(row.id), at);
      }
    }
    setSetting(ctx.sqlite, KEYS.textRepaired, at);
  })();
  return repaired;
}

/** A repaired project the server has, with nothing queued, is sent again in its clean form. */
function requeueProject(ctx: ServiceContext, id: string, at: string) {
  const known = ctx.sqlite
    .prepare(`SELECT 1 FROM sync_entities WHERE entity = 'project' AND entity_id = ?`)
    .get(id);
  const queued = ctx.sqlite
    .prepare(`SELECT 1 FROM outbox WHERE entity = 'project' AND entity_id = ?`)
    .get(id);
  if (!known || queued) return;
  const row = ctx.sqlite.prepare('SELECT * FROM projects WHERE id = ?').get(id) as Record<
    string,
    unknown
  >;
  enqueueOutbox(ctx.sqlite, {
    entity: 'project',
    entityId: id,
    op: 'upsert',
    data: projectData(row),
    at,
  });
}
