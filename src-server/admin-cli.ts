import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  ADMIN_COMMANDS,
  adminCommandSchema,
  runAdminCommand,
  type AdminCommand,
} from './admin/commands';
import { sendAdmin } from './admin/socket';
import { databaseOptions, readEnv } from './config';
import { openDatabase } from './db/client';
import { readLock } from './db/pglite-lock';
import { ApiError } from './http/errors';

/**
 * `npm run server:admin -- <command>`. On Postgres (DATABASE_URL) it writes to the database
 * directly, running server or not. On the embedded PGlite (one process per data directory) it
 * hands the command to the running server over its admin socket, or, when no server runs, opens
 * the directory itself (holding its lock, so a server started meanwhile waits). It never opens a
 * directory another process holds.
 */

const USAGE = `Usage:
  npm run server:admin -- create-org <name>
  npm run server:admin -- create-user --org <id|name> --email <email> --password <pw> --role <estimator|field|admin> --name <name>
  npm run server:admin -- list-users --org <id|name>
  npm run server:admin -- disable-user --email <email>     (signs them out everywhere at once)
  npm run server:admin -- enable-user --email <email>
  npm run server:admin -- delete-user --email <email>      (what they wrote stays)`;

function parse(argv: string[]): AdminCommand | string {
  const [command, ...rest] = argv;
  if (!command || !(ADMIN_COMMANDS as string[]).includes(command)) return USAGE;
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
  const name = command === 'create-org' ? positionals.join(' ') || values.name : values.name;
  const r = adminCommandSchema.safeParse({ command, ...values, name });
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const msg =
    issue.path[0] === 'role' ? '--role must be one of estimator, field, admin' : issue.message;
  return `${command}: ${msg}\n\n${USAGE}`;
}

async function run(cmd: AdminCommand): Promise<unknown[]> {
  const opts = databaseOptions(readEnv());
  if (opts.pgliteDir) {
    const holder = readLock(opts.pgliteDir);
    if (holder?.holder === 'server' && holder.socket) {
      const reply = await sendAdmin(holder.socket, cmd).catch((err: Error) => {
        throw new Error(
          `The Signwright server (pid ${holder.pid}) holds the embedded database in ` +
            `${opts.pgliteDir} but its admin socket does not answer (${err.message}). Nothing was ` +
            'changed. Stop the server (or wait until it has started) and run this again.',
        );
      });
      if (!reply.ok) throw new Error(reply.error);
      return reply.lines;
    }
    await mkdir(opts.pgliteDir, { recursive: true });
  }
  // Fails with a message naming the holder if another process has the PGlite directory.
  const handle = await openDatabase({ ...opts, lockHolder: 'admin-cli', lockWaitMs: 0 });
  try {
    return await runAdminCommand(handle.db, cmd);
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const cmd = parse(argv);
  if (typeof cmd === 'string') {
    console.error(cmd);
    return 2;
  }
  for (const line of await run(cmd)) console.log(JSON.stringify(line));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error || err instanceof ApiError ? err.message : err);
    process.exit(1);
  },
);
