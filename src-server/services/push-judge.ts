import type { Mutation, MutationResult } from '../../src-shared/sync/protocol';
import { judgeProjectUpsert } from './project-rules';
import { checkRecordData, type RecordProblem } from './record-checks';
import { signProblem } from './sign-rules';

/**
 * How one pushed mutation is judged against the server's current state of its entity, without
 * touching the database: the outcome is a result to answer, or the next state to write.
 */

export interface State {
  exists: boolean;
  version: number;
  deleted: boolean;
  data: Record<string, unknown> | null;
  seq: number;
}

export const ABSENT: State = { exists: false, version: 0, deleted: false, data: null, seq: 0 };
export const keyOf = (entity: string, id: string) => `${entity}:${id}`;

/** Entities that belong to a project (checked against it); price books belong to the org. */
export const PROJECT_SCOPED = new Set(['sign', 'design', 'quote', 'attachment']);

export function projectIdOf(data: Record<string, unknown> | null | undefined): string | null {
  const v = data?.projectId;
  return typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v.toLowerCase() : null;
}

export interface JudgeContext {
  orgId: string;
  states: Map<string, State>;
  /** verified attachment objects by sha256 (their size), looked up before the transaction */
  objects: Map<string, number | null>;
}

export type Verdict =
  | { kind: 'answer'; result: MutationResult }
  | { kind: 'write'; data: Record<string, unknown>; deleted: boolean };

const rejected = (m: Mutation, p: RecordProblem): Verdict => ({
  kind: 'answer',
  result: { mutationId: m.mutationId, status: 'rejected', ...p },
});

function liveProject(ctx: JudgeContext, data: Record<string, unknown> | null | undefined) {
  const pid = projectIdOf(data);
  const p = pid ? ctx.states.get(keyOf('project', pid)) : undefined;
  return !!p && p.exists && !p.deleted;
}

const PROJECT_MISSING: RecordProblem = {
  code: 'PROJECT_NOT_FOUND',
  message: 'data.projectId must name a project of your organization.',
  field: 'projectId',
};

/**
 * A file record changes only two ways over push: to the trash (delete, a tombstone) and back
 * (restore: an upsert of a trashed record naming its own projectId, sha256 and size, whose
 * verified object is still in storage). Created through /v1/attachments/attach only; the object
 * itself is never deleted by a trash, since other records may share the content.
 */
function judgeAttachmentUpsert(m: Mutation, cur: State, ctx: JudgeContext): Verdict {
  const data = m.data ?? {};
  if (!cur.exists) {
    return rejected(m, {
      code: 'ATTACH_REQUIRED',
      message: 'Files are added through /v1/attachments/attach, not pushed.',
    });
  }
  if (!cur.deleted) {
    return rejected(m, {
      code: 'ATTACHMENT_IMMUTABLE',
      message: 'A file record cannot be edited; it can only be moved to the trash or restored.',
    });
  }
  const stored = cur.data ?? {};
  for (const f of ['projectId', 'sha256', 'size'] as const) {
    const same =
      f === 'projectId'
        ? projectIdOf(data) === projectIdOf(stored)
        : f === 'size'
          ? Number(data.size) === Number(stored.size)
          : data[f] === stored[f];
    if (!same) {
      return rejected(m, {
        code: 'ATTACHMENT_MISMATCH',
        message: `A restore must name the file's own ${f} (${String(stored[f])}).`,
        field: f,
      });
    }
  }
  if (!liveProject(ctx, stored)) return rejected(m, PROJECT_MISSING);
  if (ctx.objects.get(String(stored.sha256)) !== Number(stored.size)) {
    return rejected(m, {
      code: 'FILE_MISSING',
      message: "The file's bytes are no longer in storage; add the file again.",
    });
  }
  // The verified record is restored as it was; nothing the client sent replaces it.
  return { kind: 'write', data: stored, deleted: false };
}

export function judge(m: Mutation, ctx: JudgeContext): Verdict {
  if (m.entity === 'company' && m.id !== ctx.orgId) {
    return rejected(m, {
      code: 'INVALID_ID',
      message: `The company record's id must be your organization's id (${ctx.orgId}).`,
    });
  }
  if (m.op === 'upsert') {
    const problem = checkRecordData(m.entity, m.data ?? {});
    if (problem) return rejected(m, problem);
  }
  const cur = ctx.states.get(keyOf(m.entity, m.id)) ?? ABSENT;
  if (m.baseVersion !== cur.version) {
    return {
      kind: 'answer',
      result: {
        mutationId: m.mutationId,
        status: 'conflict',
        serverVersion: cur.version,
        serverData: cur.exists && !cur.deleted ? cur.data : null,
        deleted: cur.deleted,
      },
    };
  }
  if (m.op === 'delete') {
    if (!cur.exists) {
      return rejected(m, {
        code: 'NOT_FOUND',
        message: `${m.entity} ${m.id} does not exist, so it cannot be deleted.`,
      });
    }
    // The tombstone keeps the last data: a restore is judged against it.
    return { kind: 'write', data: cur.data ?? {}, deleted: true };
  }
  if (m.entity === 'attachment') return judgeAttachmentUpsert(m, cur, ctx);
  const data = m.data ?? {};
  if (PROJECT_SCOPED.has(m.entity) && !liveProject(ctx, data)) return rejected(m, PROJECT_MISSING);
  if (m.entity === 'sign') {
    const problem = signProblem(data);
    if (problem) return rejected(m, problem);
  }
  if (m.entity === 'project') {
    const v = judgeProjectUpsert(cur.exists ? cur.data : null, data);
    if ('problem' in v) return rejected(m, v.problem);
    return { kind: 'write', data: v.data, deleted: false };
  }
  return { kind: 'write', data, deleted: false };
}
