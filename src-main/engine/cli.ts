// Signwright calc CLI: `npm run --silent calc -- <input.json | -> [--text]`. Prints the result JSON
// (or a calc sheet with --text) and exits 0; invalid input, an unreadable file or bad JSON exit 2
// with a message on stderr naming each bad field. The only file of the engine that does I/O.
import { readFileSync } from 'node:fs';
import { describeFieldErrors } from '../../src-shared/validation';
import { formatCalcSheet } from './calc-sheet';
import { EngineInputError, computeDesign } from './design';

const USAGE = 'usage: npm run --silent calc -- <input.json | -> [--text]';

function fail(message: string): never {
  process.stderr.write(message.endsWith('\n') ? message : message + '\n');
  process.exit(2);
}

function main(argv: string[]): void {
  const text = argv.includes('--text');
  const files = argv.filter((a) => a !== '--text');
  if (files.length !== 1) fail(USAGE);
  const src = files[0];
  let body: string;
  try {
    body = src === '-' ? readFileSync(0, 'utf8') : readFileSync(src, 'utf8');
  } catch (e) {
    fail(`Cannot read ${src === '-' ? 'standard input' : src}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    fail(`Input is not valid JSON: ${(e as Error).message}`);
  }
  try {
    const result = computeDesign(raw);
    process.stdout.write(text ? formatCalcSheet(result) : JSON.stringify(result, null, 2) + '\n');
  } catch (e) {
    if (e instanceof EngineInputError) fail(`Invalid input:\n${describeFieldErrors(e.fields)}`);
    throw e;
  }
}

main(process.argv.slice(2));
