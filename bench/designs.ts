import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMainContext } from '../src-main/main-context';
import { round, summarize, timeMany } from './stats';
import { CHROMIUM_ARGS, chromiumPath } from '../test/chromium';

const root = path.resolve(import.meta.dirname, '..');

async function startApp(dataDir: string) {
  if (!fs.existsSync(path.join(root, 'dist-web', 'index.html'))) {
    throw new Error(
      'bench designs: run `npm run build:web` first (the UI timing drives the built renderer)',
    );
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/bridge/serve.ts', '--data-dir', dataDir],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
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

/** Field change -> results on screen, from performance marks in the real renderer (Chromium). */
async function uiTiming(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-ui-'));
  const app = await startApp(dir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(app.url);
    await page.getByLabel('Your name').fill('Bench');
    await page.getByLabel('Initials').fill('B');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('dialog').getByLabel('Project name').fill('Bench design');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('tab', { name: 'Design' }).click();
    await page.getByText('Results are up to date.').waitFor();
    const speed = page.getByLabel('Basic wind speed V (mph)', { exact: true });
    await page.evaluate(() => performance.clearMeasures('design-update'));
    const N = 40;
    for (let i = 0; i < N; i++) {
      await speed.fill(String(100 + i));
      await page.waitForFunction(
        (n) => performance.getEntriesByName('design-update').length >= n,
        i + 1,
      );
    }
    const durations = await page.evaluate(() =>
      performance.getEntriesByName('design-update').map((e) => e.duration),
    );
    const s = summarize(durations);
    return {
      fieldToResultsMedianMs: round(s.median, 1),
      fieldToResultsP95Ms: round(s.p95, 1),
      samples: s.n,
      targetMedianMs: 50,
    };
  } finally {
    await browser.close();
    app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Calc report PDF generation, in the main process (no UI). */
async function pdfTiming(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-pdf-'));
  const ctx = createMainContext({ dataDir: dir, host: 'memory' });
  try {
    await ctx.dispatch('profile:set', { name: 'Bench', initials: 'B' });
    const p = await ctx.dispatch('projects:create', { name: 'PDF bench' });
    if (!p.ok) throw new Error(p.error.message);
    const input = JSON.parse(
      fs.readFileSync(path.join(root, 'test/fixtures/w16-sign.json'), 'utf8'),
    );
    const rev = await ctx.dispatch('designs:save-revision', {
      projectId: (p.value as { id: string }).id,
      input,
    });
    if (!rev.ok) throw new Error(rev.error.message);
    const id = (rev.value as { id: string }).id;
    let bytes = 0;
    const samples = await timeMany(20, async () => {
      const r = await ctx.dispatch('designs:report-pdf', { id });
      if (r.ok) bytes = (r.value as { bytes: number }).bytes;
    });
    const s = summarize(samples);
    return {
      calcReportPdfMedianMs: round(s.median, 1),
      calcReportPdfP95Ms: round(s.p95, 1),
      calcReportPdfBytes: bytes,
    };
  } finally {
    ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  return { ...(await pdfTiming()), ...(await uiTiming()) };
}
