import S3rver from 's3rver';

/**
 * s3rver as the local stand-in for MinIO (default for `npm run server` without S3_ENDPOINT, and in
 * tests). It accepts the fixed key pair S3RVER/S3RVER and does not verify V4 signatures, which is
 * why the server re-hashes every upload itself at attach time rather than trusting the store.
 */
export const LOCAL_S3_KEY = 'S3RVER';

export interface LocalS3 {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  close(): Promise<void>;
}

export async function startLocalS3(opts: { directory: string; port?: number }): Promise<LocalS3> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: opts.port ?? 0,
    directory: opts.directory,
    silent: true,
  });
  const addr = await server.run();
  return {
    endpoint: `http://127.0.0.1:${addr.port}`,
    accessKey: LOCAL_S3_KEY,
    secretKey: LOCAL_S3_KEY,
    close: () => server.close(),
  };
}
