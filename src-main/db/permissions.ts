import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds the database, its backups, the sync token and the files: owner-only
 * (folders 0700, files 0600), fixed at every start for folders made by older builds (which left
 * them 0755/0644, readable by every user of the machine). POSIX only; Windows keeps the
 * per-user ACLs of the profile folder.
 */
export function secureDataDir(dir: string, platform = process.platform): number {
  if (platform === 'win32' || !fs.existsSync(dir)) return 0;
  let fixed = 0;
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return; // never follow a link out of the data folder
    const want = st.isDirectory() ? 0o700 : 0o600;
    if ((st.mode & 0o777) !== want && (st.mode & 0o077) !== 0) {
      fs.chmodSync(p, want);
      fixed++;
    }
    if (st.isDirectory()) for (const n of fs.readdirSync(p)) walk(path.join(p, n));
  };
  walk(dir);
  return fixed;
}
