import { sql } from 'drizzle-orm';
import { MAX_PULL_PAGE_BYTES } from '../../src-shared/sync/protocol';
import type { Db } from '../db/client';

/**
 * Pull: one page of changes after a cursor as a ready JSON string. The jsonb `data` is fetched as
 * text and spliced in as is (parsing it only to stringify it again was most of a pull's CPU time).
 *
 * A page stops at `limit` changes or at `maxBytes` of JSON, whichever comes first, and always
 * holds at least one change, so no set of records can make a page too big to build or to read
 * (110 records of 5 MB once made every page fail with "Invalid string length"). The database does
 * the first cut: rows whose data starts past the byte cap are never sent to the server.
 */

interface Row {
  seq: number | string;
  entity: string;
  id: string;
  version: number;
  deleted: boolean;
  data: string;
  updated_at: Date | string;
  author_id: string | null;
  author_name: string | null;
  start_bytes: number | string;
}

const rowsOf = (r: unknown): Row[] =>
  Array.isArray(r) ? (r as Row[]) : ((r as { rows: Row[] }).rows ?? []);

function changeJson(r: Row): string {
  const author =
    r.author_id && r.author_name !== null
      ? `{"userId":"${r.author_id}","name":${JSON.stringify(r.author_name)}}`
      : 'null';
  const at = (r.updated_at instanceof Date ? r.updated_at : new Date(r.updated_at)).toISOString();
  return (
    `{"seq":${Number(r.seq)},"entity":${JSON.stringify(r.entity)},"id":"${r.id}",` +
    `"version":${r.version},"deleted":${r.deleted},"data":${r.deleted ? 'null' : r.data},` +
    `"updatedAt":"${at}","author":${author}}`
  );
}

export async function pull(
  db: Db,
  orgId: string,
  cursor: number,
  limit: number,
  maxBytes = MAX_PULL_PAGE_BYTES,
): Promise<string> {
  // `start_bytes` = bytes of data before this row in the page; a row starting past the cap can
  // never be on this page. The author is whoever wrote this version (null once deleted).
  const res = await db.execute(sql`
    select * from (
      select base.*,
             coalesce(sum(octet_length(base.data))
               over (order by base.seq rows between unbounded preceding and 1 preceding), 0)
               as start_bytes
      from (
        select r.seq, r.entity, r.id, r.version, r.deleted, r.updated_at,
               case when r.deleted then 'null' else r.data::text end as data,
               u.id as author_id, u.name as author_name
        from records r
        left join users u on u.id = r.updated_by and u.org_id = r.org_id
        where r.org_id = ${orgId} and r.seq > ${cursor}
        order by r.seq
        limit ${limit + 1}
      ) base
    ) page
    where page.start_bytes <= ${maxBytes}
    order by page.seq`);
  const rows = rowsOf(res);

  const changes: string[] = [];
  // The envelope around the changes (`{"changes":[...],"nextCursor":...}`) counts too.
  let bytes = 100;
  let last: Row | undefined;
  for (const r of rows) {
    if (changes.length === limit) break;
    const json = changeJson(r);
    const size = Buffer.byteLength(json, 'utf8') + 1;
    if (changes.length > 0 && bytes + size > maxBytes) break;
    changes.push(json);
    bytes += size;
    last = r;
  }
  const next = last ? Number(last.seq) : cursor;
  let remaining = 0;
  if (rows.length > changes.length || (last && rows.length <= limit)) {
    // How many changes are after this page (the database may have cut rows past the cap, so
    // this also says whether there is more): an index-only count on (org_id, seq).
    const more = await db.execute(
      sql`select count(*)::int as n from records where org_id = ${orgId} and seq > ${next}`,
    );
    remaining = Number((rowsOf(more)[0] as unknown as { n: number } | undefined)?.n ?? 0);
  }
  const hasMore = remaining > 0;
  return (
    `{"changes":[${changes.join(',')}],"nextCursor":"${String(next)}","hasMore":${hasMore},` +
    `"remaining":${remaining}}`
  );
}
