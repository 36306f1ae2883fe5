import { and, eq } from 'drizzle-orm';
import type { SubmitResponse } from '../../src-shared/sync/protocol';
import type { AuthUser } from '../auth/tokens';
import type { Db } from '../db/client';
import { idempotencyKeys, records } from '../db/schema';
import { ApiError, notFound } from '../http/errors';
import { audit } from './audit';
import { lockKeys, reserveSeqs, withRetry } from './org-lock';
import { storedStatus } from './project-rules';
import { findLive } from './records';
import { canTransition, STATUS_LABELS } from '../../src-shared/projects';

/**
 * Submitting moves a project's data.status to 'submitted' exactly once. The answer is stored under
 * the Idempotency-Key, so a retried request (lost response, flaky network) replays it verbatim; a
 * different key on an already-submitted project is a 409 the user can read.
 */
export async function submitProject(
  db: Db,
  user: AuthUser,
  projectId: string,
  idempotencyKey: string,
): Promise<{ statusCode: number; body: SubmitResponse }> {
  const scope = `submit:${projectId}`;
  return withRetry(db, async (tx) => {
    // the project and the key (org-lock.ts); the org's seq is taken only right before the write
    await lockKeys(tx, user.orgId, [
      { key: `project:${projectId.toLowerCase()}`, exclusive: true },
      { key: `idempotency:${idempotencyKey}`, exclusive: true },
    ]);
    const prior = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.orgId, user.orgId), eq(idempotencyKeys.key, idempotencyKey)));
    if (prior[0]) {
      if (prior[0].scope !== scope) {
        throw new ApiError(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used for a different request.',
          { 'idempotency-key': 'already used for another request' },
        );
      }
      return { statusCode: prior[0].statusCode, body: prior[0].body as unknown as SubmitResponse };
    }
    const project = await findLive(tx, user.orgId, 'project', projectId);
    if (!project) throw notFound('Project');
    if (project.data.status === 'submitted') {
      const at =
        typeof project.data.submittedAt === 'string' ? ` at ${project.data.submittedAt}` : '';
      throw new ApiError(409, 'ALREADY_SUBMITTED', `Project was already submitted${at}.`);
    }
    const from = storedStatus(project.data) ?? 'draft';
    if (!canTransition(from, 'submitted')) {
      // src-shared/projects.ts TRANSITIONS: only an estimate (Estimating) is submitted.
      throw new ApiError(
        409,
        'CONFLICT',
        `A project is submitted from ${STATUS_LABELS.estimating}; this one is ${STATUS_LABELS[from]}.`,
      );
    }
    const submittedAt = new Date().toISOString();
    const data = { ...project.data, status: 'submitted', submittedAt, submittedBy: user.userId };
    const version = project.version + 1;
    const seq = (await reserveSeqs(tx, user.orgId, 1)) + 1;
    await tx
      .update(records)
      .set({ data, version, seq, updatedAt: new Date(), updatedBy: user.userId })
      .where(
        and(
          eq(records.orgId, user.orgId),
          eq(records.entity, 'project'),
          eq(records.id, projectId),
        ),
      );
    await audit(tx, [
      {
        orgId: user.orgId,
        userId: user.userId,
        action: 'project.submit',
        entity: 'project',
        entityId: projectId,
        before: project.data,
        after: data,
      },
    ]);
    const body: SubmitResponse = { projectId, status: 'submitted', version, seq, submittedAt };
    await tx.insert(idempotencyKeys).values({
      orgId: user.orgId,
      key: idempotencyKey,
      scope,
      statusCode: 200,
      body: body as unknown as Record<string, unknown>,
    });
    return { statusCode: 200, body };
  });
}
