import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ApiErrorCode } from '../../src-shared/sync/protocol';
import { fieldErrors } from '../../src-shared/validation';

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

export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    void reply
      .code(404)
      .send(new ApiError(404, 'NOT_FOUND', `No route ${req.method} ${req.url}.`).toBody());
  });

  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.statusCode).send(err.toBody());
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
