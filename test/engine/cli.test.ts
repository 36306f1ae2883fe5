// CLI: `npx tsx src-main/engine/cli.ts <input.json | -> [--text]`, exit 0 with JSON, 2 on bad input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SignDesignResultSchema } from '../../src-shared/engine/output';

const dir = mkdtempSync(join(tmpdir(), 'signwright-cli-'));
function run(args: string[], stdin?: string) {
  // node --import tsx is what `npx tsx` runs, without npx's own start-up on every call
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/engine/cli.ts', ...args], {
    input: stdin,
    encoding: 'utf8',
    cwd: join(__dirname, '../..'),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function file(name: string, body: string): string {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
}

describe('calc CLI', () => {
  it('prints the result JSON and exits 0 (file and stdin give the same bytes)', () => {
    const input = JSON.stringify({ site: { windSpeedMph: 120 } });
    const a = run([file('ok.json', input)]);
    expect(a.code).toBe(0);
    expect(SignDesignResultSchema.safeParse(JSON.parse(a.out)).success).toBe(true);
    const b = run(['-'], input);
    expect(b.code).toBe(0);
    expect(b.out).toBe(a.out);
  });
  it('--text prints a calc sheet with clauses, checks and the foundation', () => {
    const r = run(['-', '--text'], '{}');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ASCE 7-22 Eq. 26.10-1/);
    expect(r.out).toMatch(/CHECKS/);
    expect(r.out).toMatch(/FOUNDATION/);
  });
  it('exits 2 naming each bad field', () => {
    const bad = {
      site: { windSpeedMph: 500, exposure: 'E' },
      sign: { clearanceFt: 10000, solidity: 0.4, cabinets: [{ widthFt: -8, heightFt: '3' }] },
    };
    const r = run(['-'], JSON.stringify(bad));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    for (const f of [
      'site.windSpeedMph',
      'site.exposure',
      'sign.clearanceFt',
      'sign.cabinets.0.widthFt',
      'sign.cabinets.0.heightFt',
    ]) {
      expect(r.err).toContain(f);
    }
    expect(r.err).toMatch(/Cabinet width must be more than 0 ft and at most 100 ft/);
  });
  it('exits 2 for an open sign, tall aluminum, an unreadable file and bad JSON', () => {
    const open = run(['-'], JSON.stringify({ sign: { solidity: 0.5 } }));
    expect(open.code).toBe(2);
    expect(open.err).toMatch(/sign.solidity: .*open sign/);
    const al = run(
      ['-'],
      JSON.stringify({ supports: { material: 'aluminum' }, sign: { clearanceFt: 14 } }),
    );
    expect(al.code).toBe(2);
    expect(al.err).toMatch(/supports.material: Aluminum poles are limited to 15 ft overall height/);
    const missing = run([join(dir, 'missing.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Cannot read/);
    const json = run(['-'], '{ not json');
    expect(json.code).toBe(2);
    expect(json.err).toMatch(/not valid JSON/);
  });
});
