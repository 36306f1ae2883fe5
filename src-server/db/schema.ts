import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Central server schema. Every tenant table carries `org_id` and every query filters on it, so one
 * organization can never read or write another's rows. Migrations come only from
 * `npx drizzle-kit generate --config drizzle.server.config.ts` (src-server/drizzle/).
 */

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const roleEnum = pgEnum('user_role', ['estimator', 'field', 'admin']);

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  /**
   * Last change sequence handed out in this org. Writers bump it as the last step before they
   * write and commit (the row lock is held until commit), so changes commit in seq order and a
   * pull cursor never skips a change committed late (services/org-lock.ts).
   */
  changeSeq: bigint('change_seq', { mode: 'number' }).notNull().default(0),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** stored lower-cased; unique across orgs because login is by email alone */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    /** `scrypt$<log2N>$<r>$<p>$<salt b64>$<hash b64>`: parameters travel with the hash */
    passwordHash: text('password_hash').notNull(),
    disabledAt: tz('disabled_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('users_org_idx').on(t.orgId)],
);

export const authTokens = pgTable(
  'auth_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** SHA-256 hex of the bearer token; the token itself is never stored */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: tz('created_at').notNull().defaultNow(),
    expiresAt: tz('expires_at').notNull(),
    revokedAt: tz('revoked_at'),
  },
  (t) => [index('auth_tokens_user_idx').on(t.userId)],
);

/**
 * The latest state of every synced entity. `seq` is the org change sequence of its last change, so
 * a pull is `seq > cursor ORDER BY seq`; deletes stay as tombstones (`deleted = true`).
 */
export const records = pgTable(
  'records',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    entity: text('entity').notNull(),
    id: uuid('id').notNull(),
    version: integer('version').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.entity, t.id] }),
    uniqueIndex('records_org_seq_idx').on(t.orgId, t.seq),
  ],
);

/** Applied push mutations by id: a replayed mutation returns this stored result. */
export const appliedMutations = pgTable(
  'applied_mutations',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    mutationId: uuid('mutation_id').notNull(),
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.mutationId] })],
);

/** Stored answers for requests sent with an Idempotency-Key (submit). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** what the key was first used for, e.g. `submit:<projectId>`; reuse elsewhere is refused */
    scope: text('scope').notNull(),
    statusCode: integer('status_code').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] })],
);

/** Open multipart uploads, so complete/abort can check the caller's org owns the upload id. */
export const multipartUploads = pgTable('multipart_uploads', {
  uploadId: text('upload_id').primaryKey(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  objectKey: text('object_key').notNull(),
  sha256: text('sha256').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  partSize: integer('part_size').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  /** set when the parts were joined; kept so a resent complete gets the same answer */
  completedAt: tz('completed_at'),
});

/**
 * Failed sign-ins per account (the lower-cased email as typed, hashed; unknown emails count the
 * same as known ones, so the answer never tells which exist). See auth/login-throttle.ts.
 */
export const loginThrottle = pgTable('login_throttle', {
  accountHash: text('account_hash').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: tz('last_failure_at').notNull(),
  /** until then, sign-ins to this account from addresses it has not used before are refused */
  lockedUntil: tz('locked_until'),
});

/** Addresses a user has signed in from successfully: they are not held up by an account lock. */
export const knownLoginAddresses = pgTable(
  'known_login_addresses',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    lastLoginAt: tz('last_login_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.address] })],
);

/** Append-only: who did what, when, with the entity before and after. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id'),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('audit_events_org_idx').on(t.orgId, t.createdAt)],
);
