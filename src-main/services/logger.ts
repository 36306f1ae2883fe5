import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import pinoRoll from 'pino-roll';
import { LOG_FORMAT } from '../../src-shared/log-format';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  /** same shape as MainOptions.log, so the logger plugs straight into createMainContext */
  log(level: LogLevel, msg: string, extra?: unknown): void;
  debug(msg: string, extra?: unknown): void;
  info(msg: string, extra?: unknown): void;
  warn(msg: string, extra?: unknown): void;
  error(msg: string, extra?: unknown): void;
  /** writes what is buffered and closes the file (at quit) */
  close(): Promise<void>;
  readonly dir: string;
}

export interface FileLoggerOptions {
  /** userData/logs in the app; any folder under Node */
  dir: string;
  /** base name: the files are <base>.1.log, <base>.2.log, ... (pino-roll numbers them) */
  baseName?: string;
  /** start a new file when the current one reaches this size (default 5 MB) */
  maxBytes?: number;
  /** older files kept besides the current one (default 3) */
  maxFiles?: number;
  level?: LogLevel;
  /** also echo to stdout (dev) */
  echo?: boolean;
}

/**
 * The desktop log: pino JSON lines (src-shared/log-format.ts, the server's format) into
 * <dir>/signwright.N.log, rotated by size by pino-roll, which also deletes the oldest files.
 * Writes are synchronous on purpose (sonic-boom `sync`): the line is on disk before a crash, and
 * the app logs little. A logger must never take the app down: when the folder cannot be written
 * it says so once on stderr and logs to stderr only.
 */
export async function createFileLogger(opts: FileLoggerOptions): Promise<Logger> {
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  const maxFiles = Math.max(1, opts.maxFiles ?? 3);
  let file: Awaited<ReturnType<typeof pinoRoll>> | null = null;
  try {
    fs.mkdirSync(opts.dir, { recursive: true });
    file = await pinoRoll({
      file: path.join(opts.dir, opts.baseName ?? 'signwright'),
      extension: '.log',
      size: `${maxBytes}b`,
      limit: { count: maxFiles },
      sync: true,
    });
  } catch (err) {
    process.stderr.write(`logger: could not write to ${opts.dir}: ${(err as Error).message}\n`);
  }
  const streams: pino.StreamEntry<LogLevel>[] = [];
  if (file) streams.push({ level: 'debug', stream: file });
  if (opts.echo || !file)
    streams.push({ level: 'debug', stream: file ? process.stdout : process.stderr });
  const p = pino<never, false>(
    { ...LOG_FORMAT, level: opts.level ?? 'info', base: undefined },
    pino.multistream(streams),
  );

  const log = (level: LogLevel, msg: string, extra?: unknown) => {
    try {
      if (extra instanceof Error) p[level]({ err: extra }, msg);
      else if (extra === undefined) p[level](msg);
      else p[level]({ extra }, msg);
    } catch (err) {
      // e.g. a disk that filled up mid-write: the app goes on
      process.stderr.write(`logger: ${(err as Error).message}\n`);
    }
  };

  return {
    log,
    debug: (m, e) => log('debug', m, e),
    info: (m, e) => log('info', m, e),
    warn: (m, e) => log('warn', m, e),
    error: (m, e) => log('error', m, e),
    close: () =>
      new Promise<void>((resolve) => {
        if (!file) return resolve();
        file.once('close', () => resolve());
        file.end();
      }),
    dir: opts.dir,
  };
}
