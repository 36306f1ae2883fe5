import { z } from 'zod';
import { IDEMPOTENCY_HEADER, submitResponseSchema } from '../../src-shared/sync/protocol';
import type { RouteDeps } from '../context';
import { ApiError } from '../http/errors';
import { defineRoute } from '../http/route';
import { submitProject } from '../services/submit';

export function projectRoutes({ app, database }: RouteDeps): void {
  const db = database.db;

  defineRoute(app, db, {
    method: 'POST',
    url: '/v1/projects/:id/submit',
    summary: 'Submit a project once (Idempotency-Key header required; replays the first answer)',
    tags: ['projects'],
    auth: ['estimator', 'admin'],
    params: z.object({ id: z.uuid({ error: 'must be a UUID' }) }),
    headers: z.object({ [IDEMPOTENCY_HEADER]: z.string().min(8).max(200) }),
    response: { 200: submitResponseSchema },
    handler: async ({ user, params, req, reply }) => {
      const raw = req.headers[IDEMPOTENCY_HEADER];
      const key = Array.isArray(raw) ? raw[0] : raw;
      if (!key || key.length < 8 || key.length > 200) {
        throw new ApiError(
          400,
          'VALIDATION',
          'Idempotency-Key header is required (8-200 characters).',
          {
            [IDEMPOTENCY_HEADER]: 'required, 8-200 characters',
          },
        );
      }
      const { statusCode, body } = await submitProject(db, user, params.id, key);
      void reply.code(statusCode);
      return body;
    },
  });
}
