import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../src-main/services/logger';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-log-'));
  dirs.push(d);
  return path.join(d, 'logs');
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('createFileLogger', () => {
  it('writes JSON lines (errors serialized) into the folder it creates', () => {
    const dir = tmp();
    const log = createFileLogger({ dir, now: () => 'T' });
    log.info('hello', { a: 1 });
    log.error('boom', new Error('bad'));
    const lines = fs
      .readFileSync(log.file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ t: 'T', level: 'info', msg: 'hello', extra: { a: 1 } });
    expect(lines[1]).toMatchObject({
      level: 'error',
      msg: 'boom',
      extra: { name: 'Error', message: 'bad' },
    });
  });

  it('rotates by size and keeps maxFiles old files', () => {
    const dir = tmp();
    const log = createFileLogger({ dir, maxBytes: 200, maxFiles: 2, now: () => 'T' });
    for (let i = 0; i < 30; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['signwright.1.log', 'signwright.2.log', 'signwright.log']);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(200);
    expect(fs.readFileSync(path.join(dir, 'signwright.log'), 'utf8')).toContain('line 29');
  });

  it('never throws when the folder cannot be written', () => {
    const dir = tmp();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(dir, 'a file where the folder should be');
    const log = createFileLogger({ dir });
    expect(() => log.warn('still fine')).not.toThrow();
  });
});
