import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Mutation, MutationResult } from '../../src-shared/sync/protocol';
import type { AuthUser } from '../auth/tokens';
import type { Db, Tx } from '../db/client';
import { appliedMutations, records } from '../db/schema';
import { audit, type AuditEntry } from './audit';
import { lockOrg, saveSeq } from './org-lock';

/**
 * Push and pull. Batch semantics: the whole batch runs in ONE transaction, and each mutation is
 * judged on its own, in request order, against the state left by the ones before it (so a batch
 * may create a project and then a design in it). Each gets `applied`, `conflict` or `rejected`;
 * a conflict or rejection never stops the rest. Only applied results are stored by mutationId:
 * a replay returns the stored answer, and a stale baseVersion stays stale (versions only grow),
 * so a resent conflict is answered again with the then-current server copy.
 */

interface State {
  exists: boolean;
  version: number;
  deleted: boolean;
  data: Record<string, unknown> | null;
  seq: number;
}

const ABSENT: State = { exists: false, version: 0, deleted: false, data: null, seq: 0 };
const keyOf = (entity: string, id: string) => `${entity}:${id}`;
const CHUNK = 500;

async function loadStates(tx: Tx, orgId: string, keys: { entity: string; id: string }[]) {
  const byEntity = new Map<string, string[]>();
  for (const k of keys) byEntity.set(k.entity, [...(byEntity.get(k.entity) ?? []), k.id]);
  const states = new Map<string, State>();
  if (byEntity.size === 0) return states;
  const rows = await tx
    .select()
    .from(records)
    .where(
      and(
        eq(records.orgId, orgId),
        or(
          ...[...byEntity].map(([entity, ids]) =>
            and(eq(records.entity, entity), inArray(records.id, ids)),
          ),
        ),
      ),
    );
  for (const r of rows) {
    states.set(keyOf(r.entity, r.id), {
      exists: true,
      version: r.version,
      deleted: r.deleted,
      data: r.data,
      seq: r.seq,
    });
  }
  return states;
}

/** Entities that belong to a project (checked against it); price books belong to the org. */
const PROJECT_SCOPED = new Set(['design', 'quote']);

function projectIdOf(m: Mutation): string | null {
  const v = m.data?.projectId;
  return typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v.toLowerCase() : null;
}

export async function push(db: Db, user: AuthUser, input: Mutation[]) {
  const orgId = user.orgId;
  // Postgres hands uuids back lower-case; compare like with like.
  const mutations = input.map((m) => ({
    ...m,
    id: m.id.toLowerCase(),
    mutationId: m.mutationId.toLowerCase(),
  }));
  return db.transaction(async (tx) => {
    let seq = await lockOrg(tx, orgId);
    const done = new Map<string, MutationResult>();
    const ids = [...new Set(mutations.map((m) => m.mutationId))];
    const prior = await tx
      .select({ id: appliedMutations.mutationId, result: appliedMutations.result })
      .from(appliedMutations)
      .where(and(eq(appliedMutations.orgId, orgId), inArray(appliedMutations.mutationId, ids)));
    for (const p of prior) done.set(p.id, p.result as MutationResult);

    const keys = mutations.map((m) => ({ entity: m.entity as string, id: m.id }));
    for (const m of mutations) {
      const pid = PROJECT_SCOPED.has(m.entity) ? projectIdOf(m) : null;
      if (pid) keys.push({ entity: 'project', id: pid });
    }
    const states = await loadStates(tx, orgId, keys);

    const results: MutationResult[] = [];
    const dirty = new Map<string, { entity: string; id: string; s: State }>();
    const fresh: { mutationId: string; result: MutationResult }[] = [];
    const events: AuditEntry[] = [];

    for (const m of mutations) {
      const stored = done.get(m.mutationId);
      if (stored) {
        results.push(stored);
        continue;
      }
      const key = keyOf(m.entity, m.id);
      const cur = states.get(key) ?? ABSENT;
      const reject = (code: string, message: string) =>
        results.push({ mutationId: m.mutationId, status: 'rejected', code, message });

      if (m.baseVersion !== cur.version) {
        results.push({
          mutationId: m.mutationId,
          status: 'conflict',
          serverVersion: cur.version,
          serverData: cur.exists && !cur.deleted ? cur.data : null,
          deleted: cur.deleted,
        });
        continue;
      }
      if (m.entity === 'attachment') {
        // Files are created and verified through /v1/attachments/*; trash and restore over push are
        // not served yet, so nothing about a file record can change here.
        reject(
          'ATTACH_REQUIRED',
          'Files are added through /v1/attachments; they cannot be pushed.',
        );
        continue;
      }
      let next: State;
      if (m.op === 'delete') {
        if (!cur.exists) {
          reject('NOT_FOUND', `${m.entity} ${m.id} does not exist, so it cannot be deleted.`);
          continue;
        }
        next = {
          exists: true,
          version: cur.version + 1,
          deleted: true,
          data: cur.data,
          seq: ++seq,
        };
      } else {
        const data = m.data ?? {};
        if (PROJECT_SCOPED.has(m.entity)) {
          const pid = projectIdOf(m);
          const project = pid ? states.get(keyOf('project', pid)) : undefined;
          if (!project || !project.exists || project.deleted) {
            reject('PROJECT_NOT_FOUND', `data.projectId must name a project of your organization.`);
            continue;
          }
        } else if (data.status === 'submitted' && cur.data?.status !== 'submitted') {
          // Submission is an audited server action with its own idempotency; not a plain edit.
          reject('SUBMIT_REQUIRED', 'Use POST /v1/projects/:id/submit to submit a project.');
          continue;
        }
        next = { exists: true, version: cur.version + 1, deleted: false, data, seq: ++seq };
      }
      states.set(key, next);
      dirty.set(key, { entity: m.entity, id: m.id, s: next });
      const result: MutationResult = {
        mutationId: m.mutationId,
        status: 'applied',
        version: next.version,
        seq: next.seq,
      };
      results.push(result);
      done.set(m.mutationId, result);
      fresh.push({ mutationId: m.mutationId, result });
      events.push({
        orgId,
        userId: user.userId,
        action: `sync.${m.op}`,
        entity: m.entity,
        entityId: m.id,
        before: cur.exists && !cur.deleted ? cur.data : null,
        after: m.op === 'delete' ? null : next.data,
      });
    }

    if (dirty.size > 0) {
      await writeRecords(tx, orgId, user.userId, [...dirty.values()]);
      await saveSeq(tx, orgId, seq);
      for (let i = 0; i < fresh.length; i += CHUNK) {
        await tx.insert(appliedMutations).values(
          fresh.slice(i, i + CHUNK).map((f) => ({
            orgId,
            mutationId: f.mutationId,
            result: f.result as unknown as Record<string, unknown>,
          })),
        );
      }
      await audit(tx, events);
    }
    return results;
  });
}

/** Writes final states; a key touched twice in a batch was collapsed to its last state. */
async function writeRecords(
  tx: Tx,
  orgId: string,
  userId: string,
  rows: { entity: string; id: string; s: State }[],
): Promise<void> {
  const now = new Date();
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insert(records)
      .values(
        rows.slice(i, i + CHUNK).map((r) => ({
          orgId,
          entity: r.entity,
          id: r.id,
          version: r.s.version,
          deleted: r.s.deleted,
          data: r.s.data ?? {},
          seq: r.s.seq,
          updatedAt: now,
          updatedBy: userId,
        })),
      )
      .onConflictDoUpdate({
        target: [records.orgId, records.entity, records.id],
        set: {
          version: sql`excluded.version`,
          deleted: sql`excluded.deleted`,
          data: sql`excluded.data`,
          seq: sql`excluded.seq`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
        },
      });
  }
}

/**
 * One page of changes as a ready JSON string. The jsonb `data` is fetched as text and spliced in
 * as is: parsing it only to stringify it again was most of a pull's CPU time.
 */
export async function pull(db: Db, orgId: string, cursor: number, limit: number): Promise<string> {
  const rows = await db
    .select({
      seq: records.seq,
      entity: records.entity,
      id: records.id,
      version: records.version,
      deleted: records.deleted,
      data: sql<string>`${records.data}::text`,
      updatedAt: records.updatedAt,
    })
    .from(records)
    .where(and(eq(records.orgId, orgId), gt(records.seq, cursor)))
    .orderBy(asc(records.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const changes = page.map(
    (r) =>
      `{"seq":${r.seq},"entity":${JSON.stringify(r.entity)},"id":"${r.id}","version":${r.version},` +
      `"deleted":${r.deleted},"data":${r.deleted ? 'null' : r.data},` +
      `"updatedAt":"${r.updatedAt.toISOString()}"}`,
  );
  const last = page[page.length - 1];
  const nextCursor = String(last ? last.seq : cursor);
  return `{"changes":[${changes.join(',')}],"nextCursor":"${nextCursor}","hasMore":${rows.length > limit}}`;
}
