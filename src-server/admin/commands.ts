import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { roleSchema } from '../../src-shared/sync/protocol';
import type { ScryptParams } from '../auth/passwords';
import { revokeUserTokens } from '../auth/tokens';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { ApiError } from '../http/errors';
import { audit } from '../services/audit';
import { createOrg, createUser, findOrg, listUsers, toUserRow } from '../services/orgs';

/**
 * The admin commands, parsed once (zod) and run in one transaction each, whether the CLI runs
 * them on the database itself or hands them to the running server over its admin socket.
 */

const email = z
  .string({ error: '--email is required' })
  .trim()
  .toLowerCase()
  .min(3, { message: '--email is required' });
const org = z
  .string({ error: '--org <id|name> is required' })
  .min(1, { message: '--org is required' });

export const adminCommandSchema = z.discriminatedUnion('command', [
  z.object({
    command: z.literal('create-org'),
    name: z.string().trim().min(1, '--name is required'),
  }),
  z.object({
    command: z.literal('create-user'),
    org,
    email,
    password: z
      .string({ error: '--password is required' })
      .min(1, { message: '--password is required' }),
    role: roleSchema,
    name: z.string().optional(),
  }),
  z.object({ command: z.literal('list-users'), org }),
  z.object({ command: z.literal('disable-user'), email }),
  z.object({ command: z.literal('enable-user'), email }),
  z.object({ command: z.literal('delete-user'), email }),
]);
export type AdminCommand = z.infer<typeof adminCommandSchema>;
export const ADMIN_COMMANDS = adminCommandSchema.options.map((o) => o.shape.command.value);

/** One JSON object per output line (what the CLI prints). */
export async function runAdminCommand(
  db: Db,
  cmd: AdminCommand,
  scrypt?: ScryptParams,
): Promise<unknown[]> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    if (cmd.command === 'create-org') return [await createOrg(t, cmd.name)];
    if (cmd.command === 'create-user' || cmd.command === 'list-users') {
      const org = await findOrg(t, cmd.org);
      if (!org) throw new ApiError(404, 'NOT_FOUND', `No organization "${cmd.org}".`);
      if (cmd.command === 'list-users') return listUsers(t, org.id);
      const user = { orgId: org.id, email: cmd.email, password: cmd.password, role: cmd.role };
      return [await createUser(t, { ...user, name: cmd.name ?? cmd.email }, scrypt)];
    }
    const [row] = await t.select().from(users).where(eq(users.email, cmd.email));
    if (!row) throw new ApiError(404, 'NOT_FOUND', `No user with email ${cmd.email}.`);
    const entry = { orgId: row.orgId, userId: null, entity: 'user', entityId: row.id };
    if (cmd.command === 'delete-user') {
      // Their tokens and known addresses go with them (cascade); what they wrote stays.
      await t.delete(users).where(eq(users.id, row.id));
      await audit(t, [
        { ...entry, action: 'user.delete', before: { email: row.email, role: row.role } },
      ]);
      return [{ deleted: row.email, id: row.id }];
    }
    const disabledAt = cmd.command === 'disable-user' ? new Date() : null;
    const [updated] = await t
      .update(users)
      .set({ disabledAt })
      .where(eq(users.id, row.id))
      .returning();
    // A disabled user's tokens stop working at once (resolveToken also checks disabled_at).
    const revoked = disabledAt ? await revokeUserTokens(t, row.id) : 0;
    await audit(t, [{ ...entry, action: `user.${cmd.command.split('-')[0]}`, after: { revoked } }]);
    return [{ ...toUserRow(updated), revokedTokens: revoked }];
  });
}
