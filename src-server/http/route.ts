import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { z } from 'zod';
import { apiErrorSchema, ROLES, type Role } from '../../src-shared/sync/protocol';
import type { AuthUser } from '../auth/tokens';
import type { Db } from '../db/client';
import { ApiError, validationError } from './errors';
import { authenticate } from './guard';
import { findBadText } from './text';

/**
 * Declares a route once: zod schemas validate at the boundary (so messages name the field the
 * way the rest of the app does) and the same schemas, as JSON Schema, feed the OpenAPI document.
 * Fastify's own ajv validation and response serialization are switched off in app.ts.
 */

export const ANY_ROLE: readonly Role[] = ROLES;

export interface RouteContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** the authenticated caller; routes declared with `auth: false` must not read it */
  user: AuthUser;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteDef<B, Q, P> {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  /** roles allowed, or false for a public route */
  auth: readonly Role[] | false;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  headers?: z.ZodType;
  response?: Record<number, z.ZodType>;
  config?: RouteShorthandOptions['config'];
  /** parts of the body whose text is judged by the handler itself (a push's record data) */
  bodyTextJudgedBy?: (path: string[]) => boolean;
  handler(ctx: RouteContext<B, Q, P>): Promise<unknown>;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

function parse<T>(
  schema: z.ZodType<T> | undefined,
  value: unknown,
  where: string,
  skip?: (path: string[]) => boolean,
): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!r.success) throw validationError(where, r.error);
  // Whatever a route stores or passes on, Postgres and HTTP headers must be able to hold.
  const bad = findBadText(r.data, skip);
  if (bad) {
    const field = bad.path ? `${where}.${bad.path}` : where;
    const msg = `contains ${bad.what}`;
    throw new ApiError(400, 'VALIDATION', `Invalid ${where}: ${field} ${msg}`, { [field]: msg });
  }
  return r.data;
}

export function defineRoute<B = undefined, Q = undefined, P = undefined>(
  app: FastifyInstance,
  db: Db,
  def: RouteDef<B, Q, P>,
): void {
  const response: Record<string, unknown> = { '4xx': jsonSchema(apiErrorSchema, 'output') };
  for (const [code, s] of Object.entries(def.response ?? {})) {
    response[code] = jsonSchema(s, 'output');
  }
  app.route({
    method: def.method,
    url: def.url,
    config: def.config,
    schema: {
      summary: def.summary,
      tags: def.tags,
      ...(def.auth ? { security: [{ bearer: [] }] } : {}),
      ...(def.body ? { body: jsonSchema(def.body, 'input') } : {}),
      ...(def.query ? { querystring: jsonSchema(def.query, 'input') } : {}),
      ...(def.params ? { params: jsonSchema(def.params, 'input') } : {}),
      ...(def.headers ? { headers: jsonSchema(def.headers, 'input') } : {}),
      response,
    },
    handler: async (req, reply) => {
      // Auth before body validation: an anonymous caller learns nothing about the API's shapes.
      // Public routes never read ctx.user, hence the placeholder.
      const user = def.auth ? await authenticate(db, req, def.auth) : (null as unknown as AuthUser);
      const ctx: RouteContext<B, Q, P> = {
        body: parse(def.body, req.body, 'body', def.bodyTextJudgedBy),
        query: parse(def.query, req.query, 'query'),
        params: parse(def.params, req.params, 'params'),
        user,
        req,
        reply,
      };
      return def.handler(ctx);
    },
  });
}
