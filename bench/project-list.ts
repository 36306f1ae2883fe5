import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMainContext } from '../src-main/main-context';
import { createProject } from '../src-main/services/projects';
import { round, summarize } from './stats';
import { CHROMIUM_ARGS, chromiumPath } from '../test/chromium';

const root = path.resolve(import.meta.dirname, '..');
const COUNT = 10_000;

async function startApp(dataDir: string) {
  if (!fs.existsSync(path.join(root, 'dist-web', 'index.html')))
    throw new Error('bench project-list: run `npm run build:web` first (it drives the built UI)');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/bridge/serve.ts', '--data-dir', dataDir, '--static', 'dist-web'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /SIGNWRIGHT_URL=(\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (c) => reject(new Error(`app exited ${c}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/**
 * Issue 14 figures, in Chromium at 1366x768 on 10,000 projects: open the list (to the count and
 * the first row), scroll the whole list in 600 px steps (time per step until the rows there are on
 * screen, paged in as it goes), the most table rows ever in the DOM, and End on a row until the
 * last project has focus.
 */
export async function run(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-list-'));
  const seed = createMainContext({ dataDir: dir, host: 'memory' });
  await seed.dispatch('profile:set', { name: 'Bench', initials: 'B' });
  seed.services.sqlite.transaction(() => {
    for (let i = 1; i <= COUNT; i++)
      createProject(seed.services, {
        name: `Project ${String(i).padStart(5, '0')}`,
        customer: { company: `Customer ${i % 97}`, contact: '', email: '', phone: '' },
        siteAddress: `${i} Main St`,
        jurisdiction: '',
        notes: '',
      });
  })();
  seed.close();

  const app = await startApp(dir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const t0 = Date.now();
    await page.goto(app.url);
    await page.getByText('10,000 shown').waitFor();
    await page.getByRole('row', { name: /Project 10000/ }).waitFor();
    const openMs = Date.now() - t0;

    // a string, not a function: tsx would wrap the helpers in its __name(), unknown in the page
    const scroll = (await page.evaluate(`(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      const rowsReady = () =>
        !document.querySelector('tr[data-project-row][aria-busy="true"]') &&
        document.querySelectorAll('tr[data-project-row]').length > 0;
      const steps = [];
      let maxRows = 0;
      while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1) {
        const t = performance.now();
        window.scrollBy(0, 600);
        await frame();
        while (!rowsReady()) await frame();
        steps.push(performance.now() - t);
        maxRows = Math.max(maxRows, document.querySelectorAll('tr[data-project-row]').length);
      }
      return { steps, maxRows };
    })()`)) as { steps: number[]; maxRows: number };
    const s = summarize(scroll.steps);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('row', { name: /Project 10000/ }).focus();
    const t1 = Date.now();
    await page.keyboard.press('End');
    await page
      .locator('tr[data-project-row]:focus', { hasText: 'Project 00001' })
      .waitFor({ state: 'visible' });
    const endMs = Date.now() - t1;
    return {
      projects: COUNT,
      openListMs: openMs,
      scrollSteps600px: s.n,
      scrollStepMedianMs: round(s.median, 1),
      scrollStepP95Ms: round(s.p95, 1),
      maxRowsInDom: scroll.maxRows,
      endKeyToLastRowMs: endMs,
    };
  } finally {
    await browser.close();
    app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
