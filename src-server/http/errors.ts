import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ApiErrorCode } from '../../src-shared/sync/protocol';
import { fieldErrors } from '../../src-shared/validation';
import { StorageError } from '../storage/errors';

/** The one error type handlers throw on purpose; everything else becomes a generic 500. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody() {
    return {
      error: this.fields
        ? { code: this.code, message: this.message, fields: this.fields }
        : { code: this.code, message: this.message },
    };
  }
}

/** 404 for "absent" and for "belongs to another organization" alike, so existence never leaks. */
export const notFound = (what: string) => new ApiError(404, 'NOT_FOUND', `${what} was not found.`);

/** A zod failure -> 400 whose message names the first bad field and `fields` lists them all. */
export function validationError(where: string, error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const [path, msg] of Object.entries(fieldErrors(error))) {
    fields[path === '(input)' ? where : `${where}.${path}`] = msg;
  }
  const [first] = Object.entries(fields);
  const message = first ? `Invalid ${where}: ${first[0]} ${first[1]}` : `Invalid ${where}`;
  return new ApiError(400, 'VALIDATION', message, fields);
}

/** A storage failure as the answer the caller should see (see storage/errors.ts). */
export function storageAnswer(err: StorageError): ApiError {
  if (err.fault === 'client') {
    return new ApiError(400, 'VALIDATION', err.message, { body: err.message });
  }
  if (err.fault === 'not-found') return new ApiError(404, 'NOT_FOUND', err.message);
  return new ApiError(503, 'UNAVAILABLE', err.message);
}

// Postgres SQLSTATE classes that mean "the database is not there right now", not "this request
// is wrong": connection exceptions (08), operator intervention such as a restart (57P),
// insufficient resources (53), and the node socket errors under them.
const DB_DOWN = /^(08|57P|53)/;
const SOCKET_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

export function isDatabaseDown(err: unknown): boolean {
  // drizzle wraps the driver's error in `cause`; look a few levels down
  let e = err as { code?: unknown; cause?: unknown; message?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (DB_DOWN.test(code) || SOCKET_DOWN.has(code)) return true;
    if (typeof e.message === 'string' && /Connection terminated|PGlite is closed/i.test(e.message))
      return true;
  }
  return false;
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    void reply
      .code(404)
      .send(new ApiError(404, 'NOT_FOUND', `No route ${req.method} ${req.url}.`).toBody());
  });

  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.statusCode).send(err.toBody());
    if (err instanceof StorageError) {
      const answer = storageAnswer(err);
      if (answer.statusCode === 503) {
        req.log.warn({ err, operation: err.operation }, 'storage unavailable');
        void reply.header('retry-after', '5');
      }
      return reply.code(answer.statusCode).send(answer.toBody());
    }
    if (isDatabaseDown(err)) {
      req.log.warn({ err }, 'database unavailable');
      return reply
        .code(503)
        .header('retry-after', '5')
        .send(
          new ApiError(
            503,
            'UNAVAILABLE',
            'The database is not answering; try again shortly.',
          ).toBody(),
        );
    }
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .code(413)
        .send(new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large.').toBody());
    }
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx: unparseable JSON, wrong content type, empty body.
      const message = err.message || 'Malformed request.';
      return reply
        .code(status)
        .send(new ApiError(status, 'VALIDATION', message, { body: message }).toBody());
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send(new ApiError(500, 'INTERNAL', 'Internal server error.').toBody());
  });
}
