import os from 'node:os';
import path from 'node:path';

/** Browser mode keeps its data apart from the desktop app's userData unless told otherwise. */
export function defaultDataDir(): string {
  return process.env.SIGNWRIGHT_DATA_DIR ?? path.join(os.homedir(), '.signwright', 'browser-mode');
}
