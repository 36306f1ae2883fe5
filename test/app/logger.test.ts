import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileLogger } from '../../src-main/services/logger';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-log-'));
  dirs.push(d);
  return path.join(d, 'logs');
};
afterEach(() => {
  vi.restoreAllMocks();
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

const linesOf = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('createFileLogger (pino + pino-roll)', () => {
  it('writes JSON lines (level by name, ISO time, errors serialized) into the folder it creates', async () => {
    const dir = tmp();
    const log = await createFileLogger({ dir, level: 'debug' });
    log.info('hello', { a: 1 });
    log.error('boom', new Error('bad'));
    log.debug('detail');
    // synchronous writes: on disk before close (and before a crash)
    const lines = linesOf(path.join(dir, 'signwright.1.log'));
    await log.close();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      msg: 'hello',
      extra: { a: 1 },
    });
    expect(lines[1]).toMatchObject({
      level: 'error',
      msg: 'boom',
      err: { type: 'Error', message: 'bad', stack: expect.stringContaining('logger.test') },
    });
    expect(lines[2]).toMatchObject({ level: 'debug', msg: 'detail' });
  });

  it('leaves out what is below its level (info by default)', async () => {
    const dir = tmp();
    const log = await createFileLogger({ dir });
    log.debug('hidden');
    log.warn('shown');
    await log.close();
    expect(linesOf(path.join(dir, 'signwright.1.log')).map((l) => l.msg)).toEqual(['shown']);
  });

  it('rotates by size, keeps maxFiles older files and continues the numbering after a restart', async () => {
    const dir = tmp();
    const line = (i: number) => `line ${i} ${'x'.repeat(60)}`;
    let log = await createFileLogger({ dir, maxBytes: 400, maxFiles: 2 });
    for (let i = 0; i < 30; i++) {
      log.info(line(i));
      // let pino-roll switch files (it rolls once the stream has drained)
      await new Promise((r) => setImmediate(r));
    }
    await log.close();
    await new Promise((r) => setTimeout(r, 50)); // old files are removed asynchronously
    let files = fs
      .readdirSync(dir)
      .sort((a, b) => parseInt(a.split('.')[1]) - parseInt(b.split('.')[1]));
    // the current file and 2 older ones; the oldest are gone
    expect(files).toHaveLength(3);
    const newest = files[files.length - 1];
    expect(parseInt(newest.split('.')[1])).toBeGreaterThan(3);
    // a file holds at most maxBytes plus the line that crossed it
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThan(400 + 120);
    expect(fs.readFileSync(path.join(dir, newest), 'utf8')).toContain('line 29');
    expect(fs.readFileSync(path.join(dir, files[0]), 'utf8')).not.toContain('line 0 ');

    // the next start appends to the newest file instead of starting again at .1
    log = await createFileLogger({ dir, maxBytes: 400, maxFiles: 2 });
    log.info('after restart');
    await log.close();
    files = fs.readdirSync(dir);
    expect(files).toContain(newest);
    expect(fs.readFileSync(path.join(dir, newest), 'utf8')).toContain('after restart');
  });

  it('never throws when the folder cannot be written: it says so and logs to stderr', async () => {
    const dir = tmp();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(dir, 'a file where the folder should be');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const log = await createFileLogger({ dir });
    expect(() => log.warn('still fine')).not.toThrow();
    await log.close();
    const written = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(written).toContain(`could not write to ${dir}`);
    expect(written).toContain('"msg":"still fine"');
  });
});
