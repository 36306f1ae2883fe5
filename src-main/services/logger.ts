import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  /** same shape as MainOptions.log, so the logger plugs straight into createMainContext */
  log(level: LogLevel, msg: string, extra?: unknown): void;
  debug(msg: string, extra?: unknown): void;
  info(msg: string, extra?: unknown): void;
  warn(msg: string, extra?: unknown): void;
  error(msg: string, extra?: unknown): void;
  readonly dir: string;
  readonly file: string;
}

export interface FileLoggerOptions {
  /** userData/logs in the app; any folder under Node */
  dir: string;
  fileName?: string;
  /** rotate when the current file would grow past this (default 5 MB) */
  maxBytes?: number;
  /** rotated files kept: signwright.1.log ... signwright.N.log (default 3) */
  maxFiles?: number;
  now?: () => string;
  /** also echo to the console (dev) */
  echo?: boolean;
}

function serializable(extra: unknown): unknown {
  if (extra instanceof Error) {
    return {
      name: extra.name,
      message: extra.message,
      stack: extra.stack,
      cause: serializable(extra.cause),
    };
  }
  return extra;
}

function rotatedName(file: string, n: number): string {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}.${n}${ext}`;
}

/**
 * A tiny JSON-lines file logger. Synchronous appends on purpose: the line is on disk before a
 * crash, and the app logs little. Size-based rotation keeps at most maxFiles + 1 files. A logger
 * must never take the app down, so every fs error is swallowed (echoed to stderr).
 */
export function createFileLogger(opts: FileLoggerOptions): Logger {
  const file = path.join(opts.dir, opts.fileName ?? 'signwright.log');
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  const maxFiles = Math.max(1, opts.maxFiles ?? 3);
  const now = opts.now ?? (() => new Date().toISOString());
  let size = -1;

  const rotate = () => {
    for (let n = maxFiles; n >= 1; n--) {
      const from = n === 1 ? file : rotatedName(file, n - 1);
      if (fs.existsSync(from)) fs.renameSync(from, rotatedName(file, n)); // overwrites the oldest
    }
    size = 0;
  };

  const log = (level: LogLevel, msg: string, extra?: unknown) => {
    const entry: Record<string, unknown> = { t: now(), level, msg };
    if (extra !== undefined) entry.extra = serializable(extra);
    let line: string;
    try {
      line = JSON.stringify(entry) + '\n';
    } catch {
      line = JSON.stringify({ t: entry.t, level, msg, extra: String(extra) }) + '\n';
    }
    if (opts.echo) (level === 'error' ? console.error : console.log)(line.trimEnd());
    try {
      if (size < 0) {
        fs.mkdirSync(opts.dir, { recursive: true });
        size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      }
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) rotate();
      fs.appendFileSync(file, line);
      size += bytes;
    } catch (err) {
      process.stderr.write(`logger: could not write ${file}: ${(err as Error).message}\n`);
      size = -1;
    }
  };

  return {
    log,
    debug: (m, e) => log('debug', m, e),
    info: (m, e) => log('info', m, e),
    warn: (m, e) => log('warn', m, e),
    error: (m, e) => log('error', m, e),
    dir: opts.dir,
    file,
  };
}
