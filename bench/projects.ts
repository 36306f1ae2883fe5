import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMainContext } from '../src-main/main-context';
import { round, summarize, timeMany } from './stats';

const WORDS = [
  'oak',
  'birch',
  'maple',
  'pylon',
  'monument',
  'retail',
  'dental',
  'plaza',
  'motors',
  'bank',
];

/**
 * Issue 2 figures: with 10,000 projects, median time to list the first page, to search by a word,
 * to fetch the last page of 200 (the list pages in as it scrolls, issue 14) and to create one
 * project (row + audit event + outbox row, one transaction, synchronous=FULL).
 * Measured through dispatch(), i.e. including validation, as the UI sees it.
 */
export async function run(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-'));
  const ctx = createMainContext({ dataDir: dir, host: 'memory' });
  try {
    await ctx.dispatch('profile:set', { name: 'Bench', initials: 'B' });
    const seed = ctx.services.sqlite.transaction(() => {
      for (let i = 0; i < 10_000; i++) {
        const w = WORDS[i % WORDS.length];
        void ctx.dispatch('projects:create', {
          name: `${w} sign ${i}`,
          customer: {
            company: `${WORDS[(i * 7) % WORDS.length]} holdings ${i % 97}`,
            contact: '',
            email: '',
            phone: '',
          },
          siteAddress: `${i} ${WORDS[(i * 3) % WORDS.length]} street`,
          notes: i % 50 === 0 ? 'needs crane access' : '',
        });
      }
    });
    // dispatch is async but the service call inside runs synchronously before its first await
    seed();
    const total = (
      ctx.services.sqlite.prepare('SELECT count(*) AS n FROM projects').get() as { n: number }
    ).n;
    const listSamples = await timeMany(200, () => ctx.dispatch('projects:list', { limit: 50 }));
    const searchSamples = await timeMany(200, () =>
      ctx.dispatch('projects:list', { query: 'crane', limit: 50 }),
    );
    // the project list pages 200 rows in as it scrolls (issue 14): the deepest page costs most
    const pageEndSamples = await timeMany(100, () =>
      ctx.dispatch('projects:list', { limit: 200, offset: total - 200 }),
    );
    let i = 0;
    const createSamples = await timeMany(500, () =>
      ctx.dispatch('projects:create', { name: `bench create ${i++}`, siteAddress: '1 Main St' }),
    );
    const list = summarize(listSamples);
    const search = summarize(searchSamples);
    const create = summarize(createSamples);
    const pageEnd = summarize(pageEndSamples);
    return {
      projects: total,
      listFirstPageMedianMs: round(list.median),
      listFirstPageP95Ms: round(list.p95),
      searchWordMedianMs: round(search.median),
      searchWordP95Ms: round(search.p95),
      listLastPageOf200MedianMs: round(pageEnd.median),
      listLastPageOf200P95Ms: round(pageEnd.p95),
      createProjectMedianMs: round(create.median),
      createProjectP95Ms: round(create.p95),
      targets: { listMs: 20, searchMs: 10, createMs: 2 },
    };
  } finally {
    ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
