// Child process for the resume test: syncs a signed-in client whose uploads crawl (each S3 PUT
// waits 300 ms, a slow link), so the parent can kill it with SIGKILL halfway through.
import { createMainContext } from '../../src-main/main-context';

const dir = process.argv[2];
const slowFetch: typeof fetch = async (input, init) => {
  if (init?.method === 'PUT') await new Promise((r) => setTimeout(r, 300));
  return fetch(input, init);
};
const ctx = createMainContext({ dataDir: dir, host: 'memory', sync: { fetchImpl: slowFetch } });
process.stdout.write('STARTED\n');
void ctx.dispatch('sync:now', {}).then((r) => process.stdout.write(`DONE ${JSON.stringify(r)}\n`));
