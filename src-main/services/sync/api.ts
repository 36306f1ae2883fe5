import {
  IDEMPOTENCY_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type AttachRequest,
  type LoginResponse,
  type Mutation,
  type PresignRequest,
  type PresignResponse,
  type PullResponse,
  type PushResponse,
  type SubmitResponse,
} from '../../../src-shared/sync/protocol';

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

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
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
    return { status: res.status, body: parsed as T };
  }

  async login(email: string, password: string): Promise<LoginResponse> {
    return (await this.request<LoginResponse>('POST', '/v1/auth/login', { email, password })).body;
  }
  async logout(): Promise<void> {
    await this.request('POST', '/v1/auth/logout', {});
  }
  async push(mutations: Mutation[]): Promise<PushResponse> {
    return (await this.request<PushResponse>('POST', '/v1/sync/push', { mutations })).body;
  }
  async pull(cursor: string, limit: number): Promise<PullResponse> {
    const q = new URLSearchParams({ cursor, limit: String(limit) });
    return (await this.request<PullResponse>('GET', `/v1/sync/pull?${q}`)).body;
  }
  async submit(projectId: string, idempotencyKey: string): Promise<SubmitResponse> {
    return (
      await this.request<SubmitResponse>(
        'POST',
        `/v1/projects/${projectId}/submit`,
        {},
        { [IDEMPOTENCY_HEADER]: idempotencyKey },
      )
    ).body;
  }
  async presign(req: PresignRequest): Promise<PresignResponse> {
    return (await this.request<PresignResponse>('POST', '/v1/attachments/presign', req)).body;
  }
  async presignParts(sha256: string, uploadId: string, partNumbers: number[]) {
    return (
      await this.request<{ parts: { partNumber: number; url: string }[]; expiresAt: string }>(
        'POST',
        '/v1/attachments/multipart/parts',
        { sha256, uploadId, partNumbers },
      )
    ).body;
  }
  async completeMultipart(
    sha256: string,
    uploadId: string,
    parts: { partNumber: number; etag: string }[],
  ) {
    await this.request('POST', '/v1/attachments/multipart/complete', { sha256, uploadId, parts });
  }
  async attach(req: AttachRequest): Promise<{ id: string; version: number }> {
    return (
      await this.request<{ id: string; version: number }>('POST', '/v1/attachments/attach', req)
    ).body;
  }
  async downloadUrl(id: string): Promise<{ url: string; sha256: string; size: number }> {
    return (
      await this.request<{ url: string; sha256: string; size: number }>(
        'GET',
        `/v1/attachments/${id}/download`,
      )
    ).body;
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
