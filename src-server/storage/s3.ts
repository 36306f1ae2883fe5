import { createHash } from 'node:crypto';
import * as Minio from 'minio';

/**
 * Object storage through the minio client. Two clients: `api` talks to S3 from the server
 * (stat, hash, multipart), `presigner` signs URLs for the host clients will use (S3_PUBLIC_ENDPOINT,
 * e.g. the public MinIO name behind a proxy). Presigning is offline: the region is fixed, so the
 * minio client never asks the bucket for its location.
 */

export interface S3Config {
  endpoint: string;
  publicEndpoint?: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
}

export interface ObjectInfo {
  size: number;
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
  });
}

function isNotFound(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'NotFound' || code === 'NoSuchKey' || code === 'NoSuchUpload';
}

export class ObjectStore {
  readonly bucket: string;
  private readonly api: Minio.Client;
  private readonly presigner: Minio.Client;

  constructor(cfg: S3Config) {
    this.bucket = cfg.bucket;
    this.api = clientFor(cfg.endpoint, cfg);
    this.presigner = cfg.publicEndpoint ? clientFor(cfg.publicEndpoint, cfg) : this.api;
  }

  async ensureBucket(region: string): Promise<void> {
    if (!(await this.api.bucketExists(this.bucket))) {
      await this.api.makeBucket(this.bucket, region).catch(async (err: unknown) => {
        // Another instance may have created it between the check and the create.
        if (!(await this.api.bucketExists(this.bucket))) throw err;
      });
    }
  }

  async ping(): Promise<void> {
    if (!(await this.api.bucketExists(this.bucket))) throw new Error('bucket missing');
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    try {
      const st = await this.api.statObject(this.bucket, key);
      return { size: st.size };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  /** Streams the object and hashes it: the only trustworthy proof of what was uploaded. */
  async sha256(key: string): Promise<{ sha256: string; size: number }> {
    const stream = await this.api.getObject(this.bucket, key);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { sha256: hash.digest('hex'), size };
  }

  async remove(key: string): Promise<void> {
    await this.api.removeObject(this.bucket, key);
  }

  presignPut(key: string, expirySeconds: number): Promise<string> {
    return this.presigner.presignedPutObject(this.bucket, key, expirySeconds);
  }

  presignGet(key: string, expirySeconds: number, fileName: string): Promise<string> {
    const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
    return this.presigner.presignedGetObject(this.bucket, key, expirySeconds, {
      'response-content-disposition': disposition,
    });
  }

  initiateMultipart(key: string, contentType: string): Promise<string> {
    return this.api.initiateNewMultipartUpload(this.bucket, key, { 'Content-Type': contentType });
  }

  /** UploadPart is a plain PUT with partNumber+uploadId in the query, so a presigned URL works. */
  presignPart(key: string, uploadId: string, partNumber: number, expiry: number): Promise<string> {
    return this.presigner.presignedUrl('PUT', this.bucket, key, expiry, {
      partNumber: String(partNumber),
      uploadId,
    });
  }

  async completeMultipart(
    key: string,
    uploadId: string,
    parts: { partNumber: number; etag: string }[],
  ): Promise<void> {
    const etags = [...parts]
      .sort((a, b) => a.partNumber - b.partNumber)
      .map((p) => ({ part: p.partNumber, etag: p.etag.replace(/"/g, '') }));
    await this.api.completeMultipartUpload(this.bucket, key, uploadId, etags);
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    await this.api.abortMultipartUpload(this.bucket, key, uploadId).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  }
}
