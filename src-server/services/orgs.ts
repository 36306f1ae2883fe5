import { asc, eq } from 'drizzle-orm';
import type { Role } from '../../src-shared/sync/protocol';
import { hashPassword, type ScryptParams } from '../auth/passwords';
import type { DbOrTx } from '../db/client';
import { organizations, users } from '../db/schema';
import { ApiError } from '../http/errors';
import { audit } from './audit';

/** Organization and user administration, shared by the admin CLI, admin routes and test harness. */

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Org {
  id: string;
  name: string;
}

export async function createOrg(db: DbOrTx, name: string): Promise<Org> {
  const trimmed = name.trim();
  if (!trimmed) throw new ApiError(400, 'VALIDATION', 'Organization name is required.');
  const rows = await db
    .insert(organizations)
    .values({ name: trimmed })
    .onConflictDoNothing()
    .returning({ id: organizations.id, name: organizations.name });
  if (!rows[0]) throw new ApiError(409, 'CONFLICT', `Organization "${trimmed}" already exists.`);
  await audit(db, [{ orgId: rows[0].id, userId: null, action: 'org.create', after: rows[0] }]);
  return rows[0];
}

/** By id or by exact name, so the CLI accepts either. */
export async function findOrg(db: DbOrTx, idOrName: string): Promise<Org | null> {
  const where = UUID_RE.test(idOrName)
    ? eq(organizations.id, idOrName)
    : eq(organizations.name, idOrName.trim());
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(where);
  return rows[0] ?? null;
}

export interface NewUser {
  orgId: string;
  email: string;
  password: string;
  role: Role;
  name: string;
}

export interface UserRow {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
}

export async function createUser(db: DbOrTx, u: NewUser, scrypt?: ScryptParams): Promise<UserRow> {
  const email = u.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new ApiError(400, 'VALIDATION', 'email must be an email address', { email: 'invalid' });
  }
  if (u.password.length < 8) {
    throw new ApiError(400, 'VALIDATION', 'password must be at least 8 characters', {
      password: 'too short',
    });
  }
  const passwordHash = await hashPassword(u.password, scrypt);
  const rows = await db
    .insert(users)
    .values({ orgId: u.orgId, email, name: u.name.trim() || email, role: u.role, passwordHash })
    .onConflictDoNothing()
    .returning();
  const row = rows[0];
  if (!row) throw new ApiError(409, 'CONFLICT', `A user with email ${email} already exists.`);
  await audit(db, [
    {
      orgId: u.orgId,
      userId: null,
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      after: { email, role: u.role, name: row.name },
    },
  ]);
  return toUserRow(row);
}

export async function listUsers(db: DbOrTx, orgId: string): Promise<UserRow[]> {
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.orgId, orgId))
    .orderBy(asc(users.email));
  return rows.map(toUserRow);
}

export function toUserRow(r: typeof users.$inferSelect): UserRow {
  return {
    id: r.id,
    orgId: r.orgId,
    email: r.email,
    name: r.name,
    role: r.role,
    disabled: r.disabledAt !== null,
    createdAt: r.createdAt,
  };
}
