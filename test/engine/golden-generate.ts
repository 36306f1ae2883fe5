// Writes the golden snapshots (run once from the code whose output is the reference):
//   npx tsx test/engine/golden-generate.ts
// Each <name>.json is the design, prettier-formatted (the repo's `prettier --check .` covers it);
// hashes.txt holds the SHA-256 of the exact `JSON.stringify` text, so the test is byte-exact.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { computeDesign } from '../../src-main/engine/design';
import { GOLDEN_CASES } from './golden-inputs';
import { GOLDEN_DIR, sweepDigests } from './golden-shared';

mkdirSync(GOLDEN_DIR, { recursive: true });
const hashes: string[] = [];
for (const [name, input] of Object.entries(GOLDEN_CASES)) {
  const text = JSON.stringify(computeDesign(input));
  hashes.push(`${name} ${createHash('sha256').update(text).digest('hex')}`);
  const pretty = await prettier.format(text, { parser: 'json' });
  if (JSON.stringify(JSON.parse(pretty)) !== text) throw new Error(`${name}: no round trip`);
  writeFileSync(new URL(`${name}.json`, GOLDEN_DIR), pretty);
}
writeFileSync(new URL('hashes.txt', GOLDEN_DIR), hashes.join('\n') + '\n');
writeFileSync(new URL('sweep.txt', GOLDEN_DIR), sweepDigests().join('\n') + '\n');
process.stdout.write(`wrote ${hashes.length} cases and the sweep\n`);
