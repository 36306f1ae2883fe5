import type { z } from 'zod';
import {
  attachmentSchema,
  downloadResponseSchema,
  IDEMPOTENCY_HEADER,
  loginResponseSchema,
  multipartCompleteResponseSchema,
  multipartPartsResponseSchema,
  presignResponseSchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  pullPageSchema,
  pushResponseSchema,
  submitResponseSchema,
  type AttachRequest,
  type LoginResponse,
  type Mutation,
  type PresignRequest,
  type PresignResponse,
  type PushResponse,
  type SubmitResponse,
} from '../../../src-shared/sync/protocol';
import { parsePullPage, type PulledPage } from './answers';

/**
 * Why a request failed, in the terms the sync loop acts on: `offline` and `server` are retried
 * with backoff; `auth` stops until the user signs in again; `client` means this request can
 * never succeed as sent (the row is parked with its reason, never dropped silently).
 */
export type FailureKind = 'offline' | 'server' | 'auth' | 'client' | 'protocol';

export class SyncHttpError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status = 0,
    readonly code = '',
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

/**
 * The server answered 2xx with something that does not match the protocol: nothing of it is used.
 * A `server` failure (retried with backoff, shown as the Sync status' error), never `client`, so
 * no local change is parked because of the server's answer.
 */
export class SyncAnswerError extends SyncHttpError {
  constructor(
    readonly endpoint: string,
    readonly field: string | null,
    detail: string,
    status: number,
  ) {
    super(
      'server',
      `The server's answer to ${endpoint} is not valid${field ? ` (${field}: ${detail})` : ` (${detail})`}. Nothing of it was used; sync will try again.`,
      status,
      'INVALID_ANSWER',
    );
    this.name = 'SyncAnswerError';
  }
}

/** The first issue of a failed parse, as the field's dotted path and zod's message. */
export function firstIssue(error: z.ZodError): { field: string | null; detail: string } {
  const issue = error.issues[0];
  return {
    field: issue?.path.length ? issue.path.map(String).join('.') : null,
    detail: issue?.message ?? 'not valid',
  };
}

export interface ApiOptions {
  baseUrl: string;
  token?: string;
  /** per-request timeout; a stalled connection counts as offline */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/** The central server's /v1 API, as the desktop sync client uses it. */
export class SyncApi {
  readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  constructor(private readonly opts: ApiOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = opts.fetchImpl ?? fetch;
  }

  withToken(token: string): SyncApi {
    return new SyncApi({ ...this.opts, token });
  }

  /** Sends one request; a 2xx answer is parsed with `schema` (the shared protocol). */
  private async request<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: z.output<S> }> {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), this.opts.timeoutMs ?? 30_000);
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: {
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.opts.token ? { authorization: `Bearer ${this.opts.token}` } : {}),
          ...headers,
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: ctrl.signal,
      });
    } catch (err) {
      throw new SyncHttpError(
        'offline',
        `The sync server is not reachable (${(err as Error).message}).`,
      );
    } finally {
      clearTimeout(timer);
    }
    let parsed: unknown = null;
    const text = await res.text().catch(() => {
      throw new SyncHttpError('offline', 'The connection dropped while reading the answer.');
    });
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      if (res.ok)
        throw new SyncHttpError('server', 'The server sent an unreadable answer.', res.status);
    }
    if (!res.ok) {
      const err = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
      const msg = err?.message ?? `The server answered ${res.status}.`;
      const kind: FailureKind =
        res.status === 401
          ? 'auth'
          : res.status === 426
            ? 'protocol'
            : res.status >= 500 || res.status === 429
              ? 'server'
              : 'client';
      throw new SyncHttpError(kind, msg, res.status, err?.code ?? '');
    }
    if (!schema) return { status: res.status, body: parsed as z.output<S> };
    const checked = schema.safeParse(parsed);
    if (!checked.success) {
      const { field, detail } = firstIssue(checked.error);
      throw new SyncAnswerError(`${method} ${path.split('?')[0]}`, field, detail, res.status);
    }
    return { status: res.status, body: checked.data as z.output<S> };
  }

  async login(email: string, password: string): Promise<LoginResponse> {
    return (await this.request('POST', '/v1/auth/login', loginResponseSchema, { email, password }))
      .body;
  }
  async logout(): Promise<void> {
    // the answer carries nothing the client uses
    await this.request('POST', '/v1/auth/logout', null, {});
  }
  async push(mutations: Mutation[]): Promise<PushResponse> {
    const res = (await this.request('POST', '/v1/sync/push', pushResponseSchema, { mutations }))
      .body;
    // one result per mutation: an answer about other mutations settles nothing
    const sent = new Set(mutations.map((m) => m.mutationId.toLowerCase()));
    const stray = res.results.findIndex((r) => !sent.has(r.mutationId.toLowerCase()));
    if (stray >= 0)
      throw new SyncAnswerError(
        'POST /v1/sync/push',
        `results.${stray}.mutationId`,
        'names no mutation of this batch',
        200,
      );
    return res;
  }
  /**
   * One page of changes. The page itself must match the protocol (else SyncAnswerError and
   * nothing is applied); a change that does not is listed in `refused` and the rest go on.
   */
  async pull(cursor: string, limit: number): Promise<PulledPage> {
    const q = new URLSearchParams({ cursor, limit: String(limit) });
    const page = (await this.request('GET', `/v1/sync/pull?${q}`, pullPageSchema)).body;
    const parsed = parsePullPage(page, cursor);
    if (parsed.stalled)
      throw new SyncAnswerError(
        'GET /v1/sync/pull',
        'nextCursor',
        'says there is more but does not move past the cursor it was given',
        200,
      );
    return parsed;
  }
  async submit(projectId: string, idempotencyKey: string): Promise<SubmitResponse> {
    return (
      await this.request(
        'POST',
        `/v1/projects/${projectId}/submit`,
        submitResponseSchema,
        {},
        { [IDEMPOTENCY_HEADER]: idempotencyKey },
      )
    ).body;
  }
  async presign(req: PresignRequest): Promise<PresignResponse> {
    return (await this.request('POST', '/v1/attachments/presign', presignResponseSchema, req)).body;
  }
  async presignParts(sha256: string, uploadId: string, partNumbers: number[]) {
    return (
      await this.request('POST', '/v1/attachments/multipart/parts', multipartPartsResponseSchema, {
        sha256,
        uploadId,
        partNumbers,
      })
    ).body;
  }
  async completeMultipart(
    sha256: string,
    uploadId: string,
    parts: { partNumber: number; etag: string }[],
  ) {
    await this.request(
      'POST',
      '/v1/attachments/multipart/complete',
      multipartCompleteResponseSchema,
      {
        sha256,
        uploadId,
        parts,
      },
    );
  }
  async attach(req: AttachRequest): Promise<{ id: string; version: number }> {
    return (await this.request('POST', '/v1/attachments/attach', attachmentSchema, req)).body;
  }
  async downloadUrl(id: string): Promise<{ url: string; sha256: string; size: number }> {
    return (await this.request('GET', `/v1/attachments/${id}/download`, downloadResponseSchema))
      .body;
  }

  /** PUT bytes to a presigned URL (S3/MinIO); returns the ETag. */
  async putObject(url: string, body: Uint8Array): Promise<string> {
    let res: Response;
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), Math.max(this.opts.timeoutMs ?? 30_000, 120_000));
    try {
      res = await this.fetchImpl(url, {
        method: 'PUT',
        body: body as NonNullable<RequestInit['body']>,
        signal: ctrl.signal,
      });
    } catch (err) {
      throw new SyncHttpError('offline', `Upload interrupted (${(err as Error).message}).`);
    } finally {
      clearTimeout(timer);
    }
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) {
      throw new SyncHttpError(
        res.status >= 500 ? 'server' : 'client',
        `The file store refused the upload (${res.status}).`,
        res.status,
      );
    }
    return res.headers.get('etag') ?? '';
  }

  async getObject(url: string): Promise<Uint8Array> {
    let res: Response;
    try {
      res = await this.fetchImpl(url);
    } catch (err) {
      throw new SyncHttpError('offline', `Download interrupted (${(err as Error).message}).`);
    }
    if (!res.ok)
      throw new SyncHttpError(
        res.status >= 500 ? 'server' : 'client',
        `The file store answered ${res.status}.`,
        res.status,
      );
    try {
      return new Uint8Array(await res.arrayBuffer());
    } catch (err) {
      throw new SyncHttpError('offline', `Download interrupted (${(err as Error).message}).`);
    }
  }

  async healthy(): Promise<boolean> {
    try {
      const res = await this.fetchImpl(`${this.baseUrl}/healthz`, {
        signal: AbortSignal.timeout(5000),
      });
      return res.ok;
    } catch {
      return false;
    }
  }
}
