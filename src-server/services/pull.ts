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
  let hasMore = rows.length > changes.length;
  if (!hasMore && last && rows.length <= limit) {
    // The database may have cut rows past the cap: is there anything after this page?
    const more = await db.execute(
      sql`select 1 from records where org_id = ${orgId} and seq > ${Number(last.seq)} limit 1`,
    );
    hasMore = rowsOf(more).length > 0;
  }
  const nextCursor = String(last ? Number(last.seq) : cursor);
  return `{"changes":[${changes.join(',')}],"nextCursor":"${nextCursor}","hasMore":${hasMore}}`;
}
