import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectDatabase, takeDailyBackup } from '../src-main/db/start-checks';
import { createMainContext, DEFAULT_MIGRATIONS } from '../src-main/main-context';
import { createProject } from '../src-main/services/projects';
import { round } from './stats';

/**
 * Issue 12 item 8 figures: what the start checks cost on a database of 10,000 projects (with
 * half a page of notes each): the read-only quick_check + version check, a whole start (checks,
 * text repair marker, permissions) and the daily backup (VACUUM INTO).
 */
export async function run(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-start-'));
  try {
    const seed = createMainContext({ dataDir: dir, host: 'memory' });
    await seed.dispatch('profile:set', { name: 'Bench', initials: 'B' });
    seed.services.sqlite.transaction(() => {
      for (let i = 0; i < 10_000; i++)
        createProject(seed.services, {
          name: `Project ${i}`,
          customer: { company: `Customer ${i}`, contact: 'Ann', email: '', phone: '' },
          siteAddress: `${i} Main St`,
          jurisdiction: 'Dallas',
          notes: 'n'.repeat(500),
        });
    })();
    seed.close();
    const file = path.join(dir, 'signwright.sqlite');
    const checks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      inspectDatabase(file, DEFAULT_MIGRATIONS);
      checks.push(performance.now() - t);
    }
    const t0 = performance.now();
    const ctx = createMainContext({ dataDir: dir, host: 'memory' });
    const startMs = performance.now() - t0;
    const t1 = performance.now();
    takeDailyBackup(ctx.services.sqlite, file);
    const backupMs = performance.now() - t1;
    ctx.close();
    checks.sort((a, b) => a - b);
    return {
      projects: 10_000,
      databaseMB: round(fs.statSync(file).size / 1024 / 1024, 1),
      quickCheckMedianMs: round(checks[2], 1),
      wholeStartMs: round(startMs, 1),
      dailyBackupMs: round(backupMs, 1),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
