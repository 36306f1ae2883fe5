import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { roleSchema } from '../src-shared/sync/protocol';
import { databaseOptions, readEnv } from './config';
import { openDatabase } from './db/client';
import { createOrg, createUser, findOrg, listUsers } from './services/orgs';

/**
 * `npm run server:admin -- <command>`; opens the same database as the server (DATABASE_URL, or
 * PGlite in PGLITE_DIR: stop the server first, PGlite allows one process per data dir).
 */

const USAGE = `Usage:
  npm run server:admin -- create-org <name>
  npm run server:admin -- create-user --org <id|name> --email <email> --password <pw> --role <estimator|field|admin> --name <name>
  npm run server:admin -- list-users --org <id|name>`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      org: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
    },
  });
  if (!command || !['create-org', 'create-user', 'list-users'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const opts = databaseOptions(readEnv());
  if (opts.pgliteDir) await mkdir(opts.pgliteDir, { recursive: true });
  const handle = await openDatabase(opts);
  try {
    const db = handle.db;
    if (command === 'create-org') {
      const name = positionals.join(' ');
      if (!name) throw new Error('create-org needs a name');
      const org = await createOrg(db, name);
      console.log(JSON.stringify(org));
      return 0;
    }
    if (!values.org) throw new Error(`${command} needs --org <id|name>`);
    const org = await findOrg(db, values.org);
    if (!org) throw new Error(`No organization "${values.org}"`);
    if (command === 'list-users') {
      for (const u of await listUsers(db, org.id)) {
        console.log(JSON.stringify(u));
      }
      return 0;
    }
    const role = roleSchema.safeParse(values.role);
    if (!role.success) throw new Error('--role must be one of estimator, field, admin');
    if (!values.email || !values.password)
      throw new Error('create-user needs --email and --password');
    const user = await createUser(db, {
      orgId: org.id,
      email: values.email,
      password: values.password,
      role: role.data,
      name: values.name ?? values.email,
    });
    console.log(JSON.stringify(user));
    return 0;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
