import { MigrationError } from '../db/client';
import { DatabaseDamagedError, NewerDatabaseError } from '../db/start-checks';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export interface StartupProblem {
  title: string;
  message: string;
  hint: string;
  /** a verified backup the user may restore (damaged database only) */
  restore?: { backupPath: string; takenAt: string; button: string; explains: string };
}

/** What restoring does, in the words both error screens use. */
export function restoreWords(err: DatabaseDamagedError) {
  if (!err.backup) return undefined;
  const when = err.backup.takenAt.replace('T', ' ').slice(0, 16) + ' UTC';
  return {
    backupPath: err.backup.path,
    takenAt: err.backup.takenAt,
    button: `Restore the backup from ${when}`,
    explains:
      `Restoring puts back your data as it was at ${when} (the newest backup that checks out). ` +
      `The damaged file is kept aside as ${err.file}.damaged-<time>, never deleted; changes made ` +
      'after the backup that already reached the sync server come back with the next sync.',
  };
}

/** Plain words for whatever stopped the app from opening its database. */
export function describeStartupError(err: unknown, logsDir: string): StartupProblem {
  const logs = `Details are in the log folder: ${logsDir}`;
  if (err instanceof NewerDatabaseError) {
    return {
      title: 'This data was made by a newer Signwright',
      message: err.message,
      hint: `Your data at ${err.file} was left untouched. Install the newer version (or ask IT). ${logs}`,
    };
  }
  if (err instanceof DatabaseDamagedError) {
    const restore = restoreWords(err);
    return {
      title: 'Your local database file is damaged',
      message: err.message,
      hint:
        (restore
          ? restore.explains
          : 'No good backup was found beside it. The file was left untouched: contact support, and do not delete the data folder.') +
        ` ${logs}`,
      restore,
    };
  }
  if (err instanceof MigrationError) {
    return {
      title: 'Signwright could not upgrade your data',
      message: err.message,
      hint:
        (err.backupPath
          ? `Your data was backed up to ${err.backupPath} before the attempt. `
          : '') + `Nothing was changed. Please contact support. ${logs}`,
    };
  }
  const msg = err instanceof Error ? err.message : String(err);
  if (
    /NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3/i.test(
      msg,
    )
  ) {
    return {
      title: 'Signwright could not load its database engine',
      message: msg,
      hint:
        'This build carries a database engine for the wrong runtime. Developers: run `npm run rebuild:electron`. ' +
        logs,
    };
  }
  return { title: 'Signwright could not start', message: msg, hint: logs };
}

/** A static page (no scripts) for the error window. */
export function renderErrorPage(p: StartupProblem): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(p.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#222}h1{font-size:1.3rem}
pre{white-space:pre-wrap;background:#f4f4f4;padding:.75rem;border-radius:4px}</style></head>
<body><h1>${escapeHtml(p.title)}</h1><pre>${escapeHtml(p.message)}</pre><p>${escapeHtml(p.hint)}</p></body></html>`;
}

export function errorPageUrl(p: StartupProblem): string {
  return 'data:text/html;charset=utf-8,' + encodeURIComponent(renderErrorPage(p));
}
