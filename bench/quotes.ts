import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMainContext } from '../src-main/main-context';
import type { Revision } from '../src-shared/designs';
import { quoteSettingsSchema, type PriceBookVersion, type PriceItem } from '../src-shared/quotes';
import { factsFromRevision } from '../src-main/services/pricing/facts';
import { priceJob, type JobSignInput } from '../src-main/services/pricing/price-job';
import w16 from '../test/fixtures/w16-sign.json';
import { MONUMENT, PYLON, TWO_POLE } from '../test/fixtures/job-signs';
import { round, summarize, timeMany } from './stats';

/**
 * Issue 6 figures, through dispatch() as the UI sees them: median time to regenerate a quote
 * (design revision + price book -> priced lines and totals, written with its audit and outbox
 * rows) and to rank the alternatives (cheapest passing section × diameter pairs) for W16 (pipes
 * only) and for the default design (every steel family: 150 passing sections × 10 diameters).
 * Issue 15: regenerating a 10-sign job's pricing (priceJob: each sign's chosen revision read from
 * its stored result, quantities 1 to 3, per-sign overrides and manual lines, the job lines and
 * the job totals), pure; and the job quote service's regenerate of a 10-sign project through
 * dispatch (pins read and written, every sign's revision read, audit row), and its read.
 */
export async function run(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-q-'));
  const ctx = createMainContext({ dataDir: dir, host: 'memory' });
  const call = async (channel: string, input: unknown) => {
    const env = await ctx.dispatch(channel, input);
    if (!env.ok) throw new Error(`${channel}: ${env.error.message}`);
    return env.value as Record<string, unknown>;
  };
  try {
    await call('profile:set', { name: 'Bench', initials: 'B' });
    const out: Record<string, unknown> = {};
    for (const [name, input] of [
      ['w16', w16],
      ['defaultDesign', {}],
    ] as const) {
      const p = await call('projects:create', { name: `bench ${name}` });
      const rev = await call('designs:save-revision', { projectId: p.id, input });
      const gen = { projectId: p.id, designRevisionId: rev.id };
      await call('quotes:generate', gen);
      const regen = summarize(await timeMany(200, () => call('quotes:generate', gen)));
      const price = summarize(
        await timeMany(200, () => call('quotes:get-draft', { projectId: p.id })),
      );
      const alt = summarize(
        await timeMany(50, () => call('quotes:alternatives', { projectId: p.id, limit: 5 })),
      );
      const last = await call('quotes:alternatives', { projectId: p.id, limit: 5 });
      out[name] = {
        regenerateMedianMs: round(regen.median),
        regenerateP95Ms: round(regen.p95),
        priceDraftMedianMs: round(price.median),
        rankAlternativesMedianMs: round(alt.median),
        rankAlternativesP95Ms: round(alt.p95),
        pairsConsidered: last.candidates,
        pairsEvaluatedByEngine: last.evaluated,
      };
    }
    out.tenSignJob = await tenSignJob(call);
    out.tenSignJobQuote = await tenSignJobQuote(call);
    return { ...out, targets: { regenerateMs: 5, rankAlternativesMs: 50, tenSignJobMs: 20 } };
  } finally {
    ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Call = (channel: string, input: unknown) => Promise<Record<string, unknown>>;

async function tenSignJob(call: Call): Promise<Record<string, unknown>> {
  const inputs = [PYLON, MONUMENT, TWO_POLE, w16, {}];
  const revs: Revision[] = [];
  for (let i = 0; i < 10; i++) {
    const p = await call('projects:create', { name: `bench job sign ${i + 1}` });
    const r = await call('designs:save-revision', { projectId: p.id, input: inputs[i % 5] });
    revs.push((await call('designs:get-revision', { id: r.id })) as unknown as Revision);
  }
  const v = (await call('pricebook:get-current', {})) as unknown as PriceBookVersion;
  const book = { id: v.id, number: v.number, items: v.items as PriceItem[] };
  const settings = quoteSettingsSchema.parse({ travelMiles: 40 });
  const regenerate = () => {
    const signs: JobSignInput[] = revs.map((rev, i) => ({
      signId: `s${i + 1}`,
      mark: `S${i + 1}`,
      quantity: (i % 3) + 1,
      design: factsFromRevision(rev),
      overrides: { labor_install: { quantity: 8 + i, note: '' } },
      manualLines: [
        {
          code: 'manual-1',
          group: 'materials' as const,
          description: 'Base cladding',
          quantity: 1,
          unit: 'each',
          unitPriceCents: 50000,
          taxable: true,
        },
      ],
    }));
    return priceJob({ signs, book, settings });
  };
  const job = regenerate();
  const t = summarize(await timeMany(500, regenerate));
  return {
    signs: job.signs.length,
    signCount: job.signCount,
    lines: job.signs.reduce((a, s) => a + s.lines.length, 0) + job.jobLines.length,
    totalCents: job.totals.totalCents,
    regenerateMedianMs: round(t.median),
    regenerateP95Ms: round(t.p95),
  };
}

/** One project of 10 signs (quantities 1 to 3), each with a revision and an override, quoted. */
async function tenSignJobQuote(call: Call): Promise<Record<string, unknown>> {
  const inputs = [PYLON, MONUMENT, TWO_POLE, w16, {}];
  const p = await call('projects:create', { name: 'bench 10-sign job' });
  const [first] = (await call('signs:list', { projectId: p.id })) as unknown as { id: string }[];
  const ids = [first.id];
  for (let i = 1; i < 10; i++) {
    const s = await call('signs:add', { projectId: p.id, quantity: (i % 3) + 1 });
    ids.push(s.id as string);
  }
  for (const [i, signId] of ids.entries())
    await call('designs:save-revision-sign', { signId, input: inputs[i % 5] });
  const d = await call('quotes:generate', { projectId: p.id, settings: { travelMiles: 40 } });
  await call('quotes:update-draft', {
    projectId: p.id,
    settings: d.settings,
    signs: ids.map((signId, i) => ({
      signId,
      overrides: { labor_install: { quantity: 8 + i, note: '' } },
    })),
  });
  const regen = summarize(await timeMany(100, () => call('quotes:generate', { projectId: p.id })));
  const read = summarize(await timeMany(100, () => call('quotes:get-draft', { projectId: p.id })));
  const job = (await call('quotes:get-draft', { projectId: p.id })).job as {
    signCount: number;
    totals: { totalCents: number };
  };
  return {
    signs: ids.length,
    signCount: job.signCount,
    totalCents: job.totals.totalCents,
    regenerateMedianMs: round(regen.median),
    regenerateP95Ms: round(regen.p95),
    readDraftMedianMs: round(read.median),
  };
}
