/**
 * What a failed object-storage call means for the request that made it. The minio client throws
 * S3 error codes (`NoSuchUpload`, `InvalidPart`, ...) and plain socket errors alike; routes must
 * answer 4xx when the client asked for something impossible and 503 when storage itself is down
 * or misbehaving, never a 500 and never a crash.
 */

export type StorageFault = 'client' | 'not-found' | 'unavailable';

export class StorageError extends Error {
  constructor(
    readonly fault: StorageFault,
    /** the S3 error code, or the socket error code (ECONNREFUSED, ...) */
    readonly s3Code: string,
    message: string,
    readonly operation: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** S3 codes that mean "this request can never succeed as sent" (the caller's fault). */
const CLIENT_CODES: Record<string, string> = {
  InvalidPart:
    'One or more parts were never uploaded, or their ETag does not match what was uploaded.',
  InvalidPartOrder: 'The parts must be listed in ascending part-number order.',
  EntityTooSmall: 'Every part except the last must be at least 5 MiB.',
  EntityTooLarge: 'The object is larger than the storage accepts.',
  MalformedXML: 'The part list could not be read by the storage.',
  InvalidArgument: 'The storage refused an argument of this request.',
  InvalidRequest: 'The storage refused this request.',
};

const NOT_FOUND_CODES = new Set(['NoSuchUpload', 'NoSuchKey', 'NotFound']);

export function isNotFoundCode(code: string | undefined): boolean {
  return code !== undefined && NOT_FOUND_CODES.has(code);
}

/** Any error from the minio client (or a socket under it) -> a StorageError. */
export function classifyStorageError(err: unknown, operation: string): StorageError {
  if (err instanceof StorageError) return err;
  const code = String((err as { code?: unknown } | null)?.code ?? 'Unknown');
  if (code in CLIENT_CODES) return new StorageError('client', code, CLIENT_CODES[code], operation);
  if (isNotFoundCode(code)) {
    return new StorageError('not-found', code, 'The object or upload was not found.', operation);
  }
  // Everything else (connection refused or reset, timeouts, 5xx, bad credentials, a storage that
  // answers garbage) is the storage's or the operator's problem: the client should retry later.
  return new StorageError(
    'unavailable',
    code,
    'File storage is not answering right now; try again shortly.',
    operation,
  );
}
