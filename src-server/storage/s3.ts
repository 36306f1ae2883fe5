import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import * as Minio from 'minio';
import { classifyStorageError, isNotFoundCode } from './errors';

/**
 * Object storage through the minio client. Two clients: `api` talks to S3 from the server
 * (stat, hash, copy, multipart), `presigner` signs URLs for the host clients will use
 * (S3_PUBLIC_ENDPOINT, e.g. the public MinIO name behind a proxy). Presigning is offline: the
 * region is fixed, so the minio client never asks the bucket for its location.
 *
 * Every call that reaches the storage throws only StorageError (errors.ts): routes turn it into
 * a 4xx when the request was impossible and a 503 when the storage is down, never a 500.
 */

export interface S3Config {
  endpoint: string;
  publicEndpoint?: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
  /** a storage socket silent this long is closed and the call fails (default 30 s) */
  socketTimeoutMs?: number;
}

export interface ObjectInfo {
  size: number;
  lastModified: Date;
}

/** An agent whose sockets give up after `ms` of silence: minio itself never times out. */
function timeoutAgent(useSSL: boolean, ms: number): http.Agent {
  const Base = useSSL ? https.Agent : http.Agent;
  const agent = new Base({ keepAlive: true });
  const create = (agent as unknown as { createConnection: (...a: unknown[]) => Duplex })
    .createConnection;
  (agent as unknown as { createConnection: (...a: unknown[]) => Duplex }).createConnection = (
    ...args: unknown[]
  ) => {
    const socket = create.apply(agent, args) as Duplex & { setTimeout(ms: number): void };
    socket.setTimeout(ms);
    socket.on('timeout', () => socket.destroy());
    return socket;
  };
  return agent;
}

function clientFor(endpoint: string, cfg: S3Config): Minio.Client {
  const url = new URL(endpoint);
  const useSSL = url.protocol === 'https:';
  return new Minio.Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey: cfg.accessKey,
    secretKey: cfg.secretKey,
    region: cfg.region,
    pathStyle: true,
    transportAgent: timeoutAgent(useSSL, cfg.socketTimeoutMs ?? 30_000),
  });
}

const codeOf = (err: unknown) => (err as { code?: string } | null)?.code;

export class ObjectStore {
  readonly bucket: string;
  private readonly api: Minio.Client;
  private readonly presigner: Minio.Client;

  constructor(cfg: S3Config) {
    this.bucket = cfg.bucket;
    this.api = clientFor(cfg.endpoint, cfg);
    this.presigner = cfg.publicEndpoint ? clientFor(cfg.publicEndpoint, cfg) : this.api;
  }

  private async call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw classifyStorageError(err, operation);
    }
  }

  async ensureBucket(region: string): Promise<void> {
    await this.call('ensureBucket', async () => {
      if (await this.api.bucketExists(this.bucket)) return;
      await this.api.makeBucket(this.bucket, region).catch(async (err: unknown) => {
        // Another instance may have created it between the check and the create.
        if (!(await this.api.bucketExists(this.bucket))) throw err;
      });
    });
  }

  async ping(): Promise<void> {
    await this.call('ping', async () => {
      if (!(await this.api.bucketExists(this.bucket))) throw new Error('bucket missing');
    });
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    return this.call('stat', async () => {
      try {
        const st = await this.api.statObject(this.bucket, key);
        return { size: st.size, lastModified: st.lastModified };
      } catch (err) {
        if (isNotFoundCode(codeOf(err))) return null;
        throw err;
      }
    });
  }

  /** Streams the object and hashes it: the only trustworthy proof of what was uploaded. */
  async sha256(key: string): Promise<{ sha256: string; size: number }> {
    return this.call('sha256', async () => {
      const stream = await this.api.getObject(this.bucket, key);
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
      }
      return { sha256: hash.digest('hex'), size };
    });
  }

  /** Server-side copy (S3 CopyObject: one request up to 5 GiB, MAX_ATTACHMENT_BYTES). */
  async copy(from: string, to: string): Promise<void> {
    await this.call('copy', () => this.api.copyObject(this.bucket, to, `/${this.bucket}/${from}`));
  }

  async remove(key: string): Promise<void> {
    await this.call('remove', () => this.api.removeObject(this.bucket, key));
  }

  /** Every object under a prefix, with its age (the upload sweeper's input). */
  async list(prefix: string): Promise<{ key: string; size: number; lastModified: Date }[]> {
    return this.call('list', async () => {
      const out: { key: string; size: number; lastModified: Date }[] = [];
      const stream = this.api.listObjectsV2(this.bucket, prefix, true);
      for await (const item of stream as AsyncIterable<Minio.BucketItem>) {
        if (item.name)
          out.push({ key: item.name, size: item.size, lastModified: item.lastModified });
      }
      return out;
    });
  }

  presignPut(key: string, expirySeconds: number): Promise<string> {
    return this.call('presignPut', () =>
      this.presigner.presignedPutObject(this.bucket, key, expirySeconds),
    );
  }

  presignGet(key: string, expirySeconds: number, fileName: string): Promise<string> {
    const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
    return this.call('presignGet', () =>
      this.presigner.presignedGetObject(this.bucket, key, expirySeconds, {
        'response-content-disposition': disposition,
      }),
    );
  }

  initiateMultipart(key: string, contentType: string): Promise<string> {
    return this.call('initiateMultipart', () =>
      this.api.initiateNewMultipartUpload(this.bucket, key, { 'Content-Type': contentType }),
    );
  }

  /** UploadPart is a plain PUT with partNumber+uploadId in the query, so a presigned URL works. */
  presignPart(key: string, uploadId: string, partNumber: number, expiry: number): Promise<string> {
    return this.call('presignPart', () =>
      this.presigner.presignedUrl('PUT', this.bucket, key, expiry, {
        partNumber: String(partNumber),
        uploadId,
      }),
    );
  }

  async completeMultipart(
    key: string,
    uploadId: string,
    parts: { partNumber: number; etag: string }[],
  ): Promise<void> {
    const etags = [...parts]
      .sort((a, b) => a.partNumber - b.partNumber)
      .map((p) => ({ part: p.partNumber, etag: p.etag.replace(/"/g, '') }));
    await this.call('completeMultipart', () =>
      this.api.completeMultipartUpload(this.bucket, key, uploadId, etags),
    );
  }

  /** Abandons an upload and frees its parts; an upload already gone is fine. */
  async abortMultipart(key: string, uploadId: string): Promise<void> {
    await this.call('abortMultipart', async () => {
      await this.api.abortMultipartUpload(this.bucket, key, uploadId).catch((err: unknown) => {
        if (!isNotFoundCode(codeOf(err))) throw err;
      });
    });
  }
}
