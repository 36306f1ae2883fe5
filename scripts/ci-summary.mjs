// Prints one closing line for CI from the runners' JSON reports: `tests: N passed, N failed`.
import fs from 'node:fs';

const read = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;
const v = read('test-results/vitest.json');
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
}
const p = read('test-results/playwright.json');
if (p) {
  passed += p.stats.expected;
  failed += p.stats.unexpected + p.stats.flaky;
  skipped += p.stats.skipped;
}
console.log(
  `vitest: ${v ? `${v.numPassedTests} passed, ${v.numFailedTests} failed` : 'no report'}`,
);
console.log(
  `playwright: ${p ? `${p.stats.expected} passed, ${p.stats.unexpected} failed` : 'no report'}`,
);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || (!v && !p) ? 1 : 0);
