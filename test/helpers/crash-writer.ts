// Child process for the crash test: writes projects as fast as it can and prints `ACK <id>` only
// after each transaction has committed. The parent kills it with SIGKILL mid-stream.
import { createMainContext } from '../../src-main/main-context';

const dir = process.argv[2];
const ctx = createMainContext({ dataDir: dir, host: 'memory' });
ctx.services.sqlite
  .prepare(
    `INSERT OR IGNORE INTO profile (id, name, initials, created_at, updated_at)
     VALUES ('local', 'Crash Tester', 'CT', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  )
  .run();
let i = 0;
const tick = async () => {
  for (;;) {
    const env = await ctx.dispatch('projects:create', {
      name: `crash ${i++}`,
      notes: 'x'.repeat(200),
    });
    if (!env.ok) throw new Error(env.error.message);
    process.stdout.write(`ACK ${(env.value as { id: string }).id}\n`);
  }
};
void tick();
