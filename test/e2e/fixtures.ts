import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(root, 'artifacts', 'screenshots');

/** One browser-mode app process (main process under Node + built renderer) on a data folder. */
export class AppProcess {
  url = '';
  private child?: ChildProcess;
  constructor(readonly dataDir: string) {}

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src-main/bridge/serve.ts',
        '--data-dir',
        this.dataDir,
        '--static',
        'dist-web',
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
    );
    this.child = child;
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    this.url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /SIGNWRIGHT_URL=(\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`app exited (${code}): ${stderr}`)));
    });
  }

  async stop(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await exited;
  }
}

type Fixtures = {
  app: AppProcess;
  /** a screenshot in artifacts/screenshots; `screen: true` = what the 1366x768 window shows */
  shot: (page: Page, name: string, opts?: { screen?: boolean }) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  // a fresh data folder per test (docs/STYLE.md 8)
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
  app: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-e2e-'));
    const app = new AppProcess(dir);
    await app.start();
    await use(app);
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
  shot: async ({}, use, info) => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await use(async (page, name, opts = {}) => {
      const file = path.join(
        ARTIFACTS,
        `${info.title.replace(/\W+/g, '-').toLowerCase()}--${name}.png`,
      );
      await page.screenshot({ path: file, fullPage: !opts.screen });
    });
  },
});

export { expect };

/** First start: the profile screen. */
export async function setUpProfile(page: Page, name = 'Pat Estimator'): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Initials').fill('PE');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
}
