import { z } from 'zod';

/**
 * The wire contract between the desktop sync client and the central server (src-server). Pure:
 * imports only zod, so both wings parse the same shapes. Every request to /v1/* carries
 * `x-signwright-protocol: <PROTOCOL_VERSION>`; a missing or unsupported value gets 426.
 */

export const PROTOCOL_HEADER = 'x-signwright-protocol';
/**
 * 2: a project holds a sign schedule (entity `sign`; design revisions carry `signId`, numbered per
 * sign). A protocol-1 client knows one design per project and would misread several signs'
 * revisions as one line, so the server refuses it ("Update Signwright to keep syncing").
 */
export const PROTOCOL_VERSION = 2;
/** Oldest client protocol the server still accepts; raise it when a breaking change ships. */
export const MIN_PROTOCOL_VERSION = 2;

export const ROLES = ['estimator', 'field', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * Entities a client may push. `company` is the organization's one company header (its id is the
 * org id). An `attachment` is created only through /v1/attachments/attach; a push may only delete
 * one (to the trash, a tombstone) or restore a deleted one with its recorded sha256 and size.
 */
export const PUSH_ENTITIES = [
  'project',
  'sign',
  'design',
  'quote',
  'price-book',
  'company',
  'attachment',
] as const;
export const pushEntitySchema = z.enum(PUSH_ENTITIES);
/** Entities a pull can return. */
export const SYNC_ENTITIES = [
  'project',
  'sign',
  'design',
  'quote',
  'price-book',
  'company',
  'attachment',
] as const;
export const syncEntitySchema = z.enum(SYNC_ENTITIES);
export type SyncEntity = z.infer<typeof syncEntitySchema>;

const uuid = z.uuid({ error: 'must be a UUID' });
const jsonObject = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });

export const MAX_PUSH_BATCH = 500;
/**
 * Largest UTF-8 JSON of one synced record's `data` (1 MiB). A bigger record is refused at the form
 * and at push (`rejected`, code RECORD_TOO_LARGE), so it can never reach, and break, another
 * laptop's pull. A design revision with its full result is about 0.1 MiB.
 */
export const MAX_RECORD_BYTES = 1024 * 1024;
/** A pull page stops adding changes once their data passes this many bytes (always at least one). */
export const MAX_PULL_PAGE_BYTES = 8 * 1024 * 1024;

export const mutationSchema = z
  .object({
    mutationId: uuid,
    entity: pushEntitySchema,
    id: uuid,
    /** the version the client edited; 0 means "create" */
    baseVersion: z.number({ error: 'must be a number' }).int().min(0),
    op: z.enum(['upsert', 'delete']),
    /** required for upsert; ignored for delete */
    data: jsonObject.optional(),
  })
  .refine((m) => m.op === 'delete' || m.data !== undefined, {
    message: 'data is required for an upsert',
    path: ['data'],
  });
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  mutations: z
    .array(mutationSchema)
    .min(1, { message: 'must hold at least one mutation' })
    .max(MAX_PUSH_BATCH, { message: `must hold at most ${MAX_PUSH_BATCH} mutations` }),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * One result per mutation, in request order. `applied`: now at `version`. `conflict`: baseVersion
 * was stale; the server copy is returned so the client can keep both for the user to resolve.
 * `rejected`: the mutation can never apply as sent (e.g. its projectId names no project).
 */
export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({
    mutationId: uuid,
    status: z.literal('applied'),
    version: z.number().int(),
    seq: z.number().int(),
  }),
  z.object({
    mutationId: uuid,
    status: z.literal('conflict'),
    serverVersion: z.number().int(),
    serverData: jsonObject.nullable(),
    deleted: z.boolean(),
  }),
  z.object({
    mutationId: uuid,
    status: z.literal('rejected'),
    code: z.string(),
    message: z.string(),
    /** the field of `data` at fault, as a dotted path (`name`, `customer.contact`), when one is */
    field: z.string().optional(),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

/**
 * The `code` of a `rejected` result (the server answers these today; a client shows `message`,
 * which names the field and the limit, and must treat an unknown code like any other rejection):
 * - INVALID_TEXT: a NUL (U+0000) or an unpaired UTF-16 surrogate in a value or a key
 * - INVALID_NUMBER: a number JSON cannot carry (1e999 reads as Infinity)
 * - TOO_DEEP: data nested more than 64 levels
 * - RECORD_TOO_LARGE: data over MAX_RECORD_BYTES; FIELD_TOO_LONG: a text over its limit
 *   (the shared form limits for project fields, 524,288 characters for any other text)
 * - STORAGE_REFUSED: the database refused the record for a reason not checked before
 * - PROJECT_NOT_FOUND, NOT_FOUND: data.projectId names no live project; a delete of nothing
 * - SUBMIT_REQUIRED, INVALID_STATUS, INVALID_TRANSITION: project status outside the state machine
 *   (src-shared/projects.ts) from the server's status; SERVER_OWNED_FIELD: submittedAt/submittedBy
 * - INVALID_ID: a company record whose id is not the organization's id
 * - ATTACH_REQUIRED, ATTACHMENT_IMMUTABLE, ATTACHMENT_MISMATCH, FILE_MISSING: attachment pushes
 *   other than a trash or a restore of the record as it was, or a restore whose bytes are gone
 */
export const REJECT_CODES = [
  'INVALID_TEXT',
  'INVALID_NUMBER',
  'TOO_DEEP',
  'RECORD_TOO_LARGE',
  'FIELD_TOO_LONG',
  'STORAGE_REFUSED',
  'PROJECT_NOT_FOUND',
  'NOT_FOUND',
  'SUBMIT_REQUIRED',
  'INVALID_STATUS',
  'INVALID_TRANSITION',
  'SERVER_OWNED_FIELD',
  'INVALID_ID',
  'ATTACH_REQUIRED',
  'ATTACHMENT_IMMUTABLE',
  'ATTACHMENT_MISMATCH',
  'FILE_MISSING',
  'INVALID_FIELD',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const MAX_PULL_LIMIT = 1000;
export const pullQuerySchema = z.object({
  /** opaque to clients: pass back `nextCursor` from the previous page; '0' (default) = from start */
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, { message: 'must be a cursor returned by a previous pull' })
    .default('0'),
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(1)
    .max(MAX_PULL_LIMIT, { message: `must be at most ${MAX_PULL_LIMIT}` })
    .default(500),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

/** The latest state of one entity; `deleted: true` is a tombstone (data is null). */
export const changeSchema = z.object({
  seq: z.number().int(),
  entity: syncEntitySchema,
  id: uuid,
  version: z.number().int(),
  deleted: z.boolean(),
  data: jsonObject.nullable(),
  updatedAt: z.string(),
  /** who wrote this version (shown as the author in the other laptops' Activity) */
  author: z.object({ userId: uuid, name: z.string() }).nullable().optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  nextCursor: z.string(),
  hasMore: z.boolean(),
  /**
   * Changes after `nextCursor` right now (0 when `hasMore` is false), so a laptop joining a big
   * organization can show "12,000 of 125,000 records". Optional: older servers do not send it.
   */
  remaining: z.number().int().min(0).optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * How the desktop client reads a pull answer: the page must be well formed (a cursor it can send
 * back, hasMore), while each change is checked on its own (changeSchema), so one bad change is
 * reported and the others still apply.
 */
export const pullPageSchema = z.object({
  changes: z.array(z.unknown(), { error: 'must be a list of changes' }),
  nextCursor: z
    .string({ error: 'must be a cursor' })
    .regex(/^\d{1,15}$/, { message: 'must be a cursor (digits)' }),
  hasMore: z.boolean({ error: 'must be true or false' }),
  /** changes after nextCursor (for progress); optional: older servers do not send it */
  remaining: z.number({ error: 'must be a number' }).int().min(0).optional(),
});

// ---- auth ----

export const loginRequestSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'must be an email address' })),
  password: z.string().min(1, { message: 'is required' }).max(1024),
});
export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: z.object({
    id: uuid,
    orgId: uuid,
    email: z.string(),
    name: z.string(),
    role: roleSchema,
  }),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

// ---- attachments ----

const sha256Hex = z
  .string()
  .regex(/^[0-9a-f]{64}$/, { message: 'must be 64 lowercase hex characters (SHA-256)' });
/** 5 GiB: the largest object a single S3 PUT could hold; multipart goes beyond, we do not. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 ** 3;
const size = z.number({ error: 'must be a number' }).int().min(0).max(MAX_ATTACHMENT_BYTES);
const fileName = z.string().trim().min(1, { message: 'is required' }).max(255);
const contentType = z.string().trim().min(1).max(255);

export const presignRequestSchema = z.object({ sha256: sha256Hex, size, contentType, fileName });
export type PresignRequest = z.infer<typeof presignRequestSchema>;

export const presignResponseSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('exists'), exists: z.literal(true), key: z.string() }),
  z.object({
    mode: z.literal('single'),
    exists: z.literal(false),
    key: z.string(),
    url: z.string(),
    method: z.literal('PUT'),
    expiresAt: z.string(),
  }),
  z.object({
    mode: z.literal('multipart'),
    exists: z.literal(false),
    key: z.string(),
    uploadId: z.string(),
    partSize: z.number().int(),
    /** PUT each slice [ (n-1)*partSize, n*partSize ) to its URL; keep the ETag response header */
    parts: z.array(z.object({ partNumber: z.number().int(), url: z.string() })),
    expiresAt: z.string(),
  }),
]);
export type PresignResponse = z.infer<typeof presignResponseSchema>;

export const multipartCompleteRequestSchema = z.object({
  sha256: sha256Hex,
  uploadId: z.string().min(1).max(1024),
  parts: z
    .array(
      z.object({
        partNumber: z.number().int().min(1).max(10000),
        etag: z.string().min(1).max(200),
      }),
    )
    .min(1),
});
export const multipartCompleteResponseSchema = z.object({ key: z.string() });
export const multipartPartsRequestSchema = z.object({
  sha256: sha256Hex,
  uploadId: z.string().min(1).max(1024),
  partNumbers: z.array(z.number().int().min(1).max(10000)).min(1).max(10000),
});
export const multipartPartsResponseSchema = z.object({
  parts: z.array(z.object({ partNumber: z.number().int(), url: z.string() })),
  expiresAt: z.string(),
});

export const multipartAbortRequestSchema = z.object({
  sha256: sha256Hex,
  uploadId: z.string().min(1).max(1024),
});

export const attachRequestSchema = z.object({
  /** optional client-chosen id so an offline-created attachment keeps its id; server makes one otherwise */
  id: uuid.optional(),
  projectId: uuid,
  sha256: sha256Hex,
  size,
  fileName,
  contentType,
});
export type AttachRequest = z.infer<typeof attachRequestSchema>;

export const attachmentSchema = z.object({
  id: uuid,
  projectId: uuid,
  sha256: sha256Hex,
  size: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  version: z.number().int(),
  seq: z.number().int(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const downloadResponseSchema = z.object({
  url: z.string(),
  expiresAt: z.string(),
  sha256: sha256Hex,
  size: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
});

// ---- submissions ----

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const submitResponseSchema = z.object({
  projectId: uuid,
  status: z.literal('submitted'),
  version: z.number().int(),
  seq: z.number().int(),
  submittedAt: z.string(),
});
export type SubmitResponse = z.infer<typeof submitResponseSchema>;

// ---- errors ----

export const API_ERROR_CODES = [
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'ALREADY_SUBMITTED',
  'HASH_MISMATCH',
  'UPLOAD_MISSING',
  'IDEMPOTENCY_KEY_REUSED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'PROTOCOL_UNSUPPORTED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Every non-2xx answer: `{ error: { code, message, fields? } }`; fields map path -> message. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
