import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMainContext } from '../src-main/main-context';
import w16 from '../test/fixtures/w16-sign.json';
import { round, summarize, timeMany } from './stats';

/**
 * Issue 6 figures, through dispatch() as the UI sees them: median time to regenerate a quote
 * (design revision + price book -> priced lines and totals, written with its audit and outbox
 * rows) and to rank the alternatives (cheapest passing section × diameter pairs) for W16 (pipes
 * only) and for the default design (every steel family: 150 passing sections × 10 diameters).
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
    return { ...out, targets: { regenerateMs: 5, rankAlternativesMs: 50 } };
  } finally {
    ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
