import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import run from '@doyensec/electronegativity';

// Static security scan of the Electron layer (src-main/app) with Doyensec's electronegativity.
// Fails on any HIGH finding and prints every finding. Scans the sources, not out/: they are
// what reviewers read, and the build cannot run here. Offline-safe: the translation download
// gives up after 1 s on its own, and the one check that downloads Electron's release list
// (AvailableSecurityFixesGlobalCheck, no timeout) is skipped; `npm audit` covers that ground.

const root = path.resolve(import.meta.dirname, '..', '..');
const appDir = path.join(root, 'src-main', 'app');
// tests may contain insecure values on purpose (negative cases), so scan a copy without them
const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-electronegativity-'));
afterAll(() => fs.rmSync(scanDir, { recursive: true, force: true }));

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name?: string; value: number; format?: () => string };
  confidence: { name?: string; value: number };
  manualReview: boolean;
  description: string;
}

const level = (s: Issue['severity']) => (s.name ?? String(s.value)).toUpperCase();

async function scan(dir: string) {
  return (await run({
    input: dir,
    isRelative: true,
    electronVersionOverride: '45.5.0',
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  })) as { issues: Issue[]; errors: Array<{ file: string; message: string; tolerable: boolean }> };
}

describe('electronegativity scan of src-main/app', () => {
  it('has no HIGH severity finding', async () => {
    for (const f of fs.readdirSync(appDir)) {
      if (f.endsWith('.ts') && !f.endsWith('.test.ts'))
        fs.copyFileSync(path.join(appDir, f), path.join(scanDir, f));
    }
    expect(fs.readdirSync(scanDir)).toEqual(
      expect.arrayContaining(['main.ts', 'preload.ts', 'window-security.ts']),
    );

    const result = await scan(scanDir);

    const lines = result.issues.map(
      (i) =>
        `${level(i.severity).padEnd(13)} ${i.id} ${i.file}:${i.location.line}` +
        `${i.manualReview ? ' (review)' : ''} - ${i.description}`,
    );
    console.log(`electronegativity: ${result.issues.length} finding(s)\n${lines.join('\n')}`);

    expect(
      result.errors.filter((e) => !e.tolerable),
      'files electronegativity could not parse',
    ).toEqual([]);
    const high = result.issues.filter((i) => level(i.severity) === 'HIGH');
    expect(high.map((i) => `${i.id} ${i.file}:${i.location.line}`)).toEqual([]);
  }, 120_000);

  it('would catch a HIGH finding (the scanner reads our TypeScript)', async () => {
    const dir = path.join(scanDir, 'control');
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, 'bad.ts'),
      "import { BrowserWindow } from 'electron';\n" +
        'const w: BrowserWindow = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n' +
        'export default w;\n',
    );
    const result = await scan(dir);
    expect(result.issues.filter((i) => level(i.severity) === 'HIGH').length).toBeGreaterThan(0);
  }, 120_000);
});
