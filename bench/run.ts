/**
 * `npm run bench`: runs every area's benchmark in turn and prints one JSON object. Each module in
 * bench/ exports `run(): Promise<Record<string, unknown>>`. `npm run bench -- projects engine`
 * runs only those.
 */
const AREAS = [
  'projects',
  'project-list',
  'engine',
  'designs',
  'quotes',
  'server',
  'sync',
  'start',
] as const;

async function main() {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const results: Record<string, unknown> = {
    machine: { node: process.version, platform: process.platform, arch: process.arch },
  };
  for (const area of AREAS) {
    if (only.length && !only.includes(area)) continue;
    let mod: { run(): Promise<Record<string, unknown>> };
    try {
      mod = await import(`./${area}.ts`);
    } catch (err) {
      if (
        (err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
        String(err).includes(`${area}.ts`)
      )
        continue;
      throw err;
    }
    process.stderr.write(`bench: ${area}…\n`);
    results[area] = await mod.run();
  }
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
