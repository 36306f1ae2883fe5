import os from 'node:os';
import path from 'node:path';

/** Browser mode keeps its data apart from the desktop app's userData unless told otherwise. */
export function defaultDataDir(): string {
  return process.env.SIGNWRIGHT_DATA_DIR ?? path.join(os.homedir(), '.signwright', 'browser-mode');
}

/**
 * SIGINT / SIGTERM run `close` and end the process: 0 when it closed cleanly, 1 (with the reason
 * on stderr) when closing failed, so a failed close never leaves the process hanging.
 */
export function exitOnSignals(close: () => Promise<void>): void {
  const onSignal = () => {
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
