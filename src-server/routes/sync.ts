import {
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '../../src-shared/sync/protocol';
import type { RouteDeps } from '../context';
import { ANY_ROLE, defineRoute } from '../http/route';
import { pull } from '../services/pull';
import { push } from '../services/push';

export function syncRoutes({ app, database, store }: RouteDeps): void {
  const db = database.db;

  defineRoute(app, db, {
    method: 'POST',
    url: '/v1/sync/push',
    summary:
      'Apply a batch of client mutations (one transaction, one result per mutation, in order)',
    tags: ['sync'],
    auth: ['estimator', 'admin'],
    body: pushRequestSchema,
    // Record data is judged per mutation: a bad record is `rejected`, the rest of the batch applies.
    bodyTextJudgedBy: (path) => path.length === 3 && path[0] === 'mutations' && path[2] === 'data',
    response: { 200: pushResponseSchema },
    handler: async ({ user, body }) => ({ results: await push(db, store, user, body.mutations) }),
  });

  defineRoute(app, db, {
    method: 'GET',
    url: '/v1/sync/pull',
    summary: "The organization's changes after a cursor, oldest first, tombstones included",
    tags: ['sync'],
    auth: ANY_ROLE,
    query: pullQuerySchema,
    response: { 200: pullResponseSchema },
    handler: async ({ user, query, reply }) => {
      void reply.type('application/json');
      return pull(db, user.orgId, Number(query.cursor), query.limit);
    },
  });
}
