import { sql } from 'drizzle-orm';
import type { Db } from '../../src-server/db/client';

/**
 * Fills an organization on the server with many synced records straight in SQL (pushing 125,000
 * records through the API would take minutes): `projects` projects, `revisions` design revisions
 * spread over them, and `files` attachment records, in that seq order, as the server itself would
 * store them. Returns the number of records (= the org's change sequence afterwards).
 */
export async function seedBigOrg(
  db: Db,
  orgId: string,
  userId: string,
  n: { projects: number; revisions: number; files: number },
): Promise<number> {
  // ids as clients make them (RFC 9562 version 4 / variant 10, which the pulled-record schemas
  // check), derived from md5 so a design and a file can name their project's id
  const v4 = (expr: string) =>
    `overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`;
  const pid = (i: string) => sql.raw(v4(`'${orgId}-p' || ${i}`));
  await db.execute(sql`
    insert into records (org_id, entity, id, version, deleted, data, seq, updated_by)
    select ${orgId}, 'project', ${pid('i')}, 1, false,
           jsonb_build_object('name', 'Pylon ' || i, 'status', 'draft',
             'customer', jsonb_build_object('company', 'Customer ' || (i % 500), 'contact', 'Ann'),
             'siteAddress', i || ' Main St', 'jurisdiction', 'Dallas', 'notes', repeat('n', 100)),
           i, ${userId}
    from generate_series(1, ${n.projects}) as i`);
  await db.execute(sql`
    insert into records (org_id, entity, id, version, deleted, data, seq, updated_by)
    select ${orgId}, 'design', ${sql.raw(v4(`'${orgId}-d' || i`))}, 1, false,
           jsonb_build_object('projectId', ${pid(`(1 + (i % ${n.projects}))`)},
             'number', 1 + i / ${n.projects}, 'note', 'Revision ' || i,
             'input', jsonb_build_object('heightFt', 20 + i % 10, 'widthFt', 8),
             'result', jsonb_build_object('pass', true), 'engineVersion', '1.0.0',
             'inputHash', md5('h' || i)),
           ${n.projects} + i, ${userId}
    from generate_series(1, ${n.revisions}) as i`);
  await db.execute(sql`
    insert into records (org_id, entity, id, version, deleted, data, seq, updated_by)
    select ${orgId}, 'attachment', ${sql.raw(v4(`'${orgId}-f' || i`))}, 1, false,
           jsonb_build_object('projectId', ${pid(`(1 + (i % ${n.projects}))`)},
             'sha256', md5('a' || i) || md5('b' || i), 'size', 1000 + i,
             'fileName', 'photo-' || i || '.jpg', 'contentType', 'image/jpeg'),
           ${n.projects + n.revisions} + i, ${userId}
    from generate_series(1, ${n.files}) as i`);
  const total = n.projects + n.revisions + n.files;
  await db.execute(sql`update organizations set change_seq = ${total} where id = ${orgId}`);
  return total;
}
