// Engine benchmark: time per design on the path the app really takes. The design workspace's live
// compute (src-renderer/features/design/use-live-design.ts) parses the form with the shared schema
// and sends the parsed input over `designs:compute`; the main process's dispatch() (the one
// createMainContext builds for every host) parses it again with the zod schema, the handler runs
// computeDesignParsed (wind, every catalog section, foundation, steps, readings, inputHash =
// SHA-256 of the canonical JSON) and dispatch wraps the result in its envelope. Measured here:
// exactly that dispatch call, over 64 varied inputs (editions, exposures, 1-2 poles, stacked
// cabinets, soils), warm-up first, on one core. Called by bench/run.ts.
//
// Two figures: the packaged desktop app (NODE_ENV=production: dispatch does not re-validate the
// output) and development / browser mode without NODE_ENV=production (dispatch also checks the
// result against SignDesignResultSchema).
import { SignDesignInputSchema, type SignDesignInputRaw } from '../src-shared/engine/input';
import type { SignDesignResult } from '../src-shared/engine/output';
import { createMainContext, type MainContext } from '../src-main/main-context';

function inputs(): SignDesignInputRaw[] {
  const out: SignDesignInputRaw[] = [];
  for (let i = 0; i < 64; i++) {
    out.push({
      standard: i % 2 ? 'ASCE7-16' : 'ASCE7-22',
      site: { windSpeedMph: 95 + (i % 9) * 10, exposure: (['B', 'C', 'D'] as const)[i % 3] },
      sign: {
        clearanceFt: 8 + (i % 7) * 3,
        cabinets: [
          { widthFt: 6 + (i % 5) * 2, heightFt: 3 + (i % 4) },
          { widthFt: 5 + (i % 3), heightFt: 2 },
        ],
        gapsFt: [i % 3],
      },
      supports: { poleCount: 1 + (i % 2) },
      foundation: { diameterFt: 2 + (i % 3) * 0.5, soil: { class: 1 + (i % 5) } },
    });
  }
  return out;
}

/** Median and 90th percentile of per-design times (µs), each sample the mean of one round. */
function percentiles(samples: number[]): { median: number; p90: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    p90: sorted[Math.floor(sorted.length * 0.9)],
  };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** The main process exactly as a host builds it, with NODE_ENV as given while it is built. */
function mainContext(nodeEnv: string | undefined): MainContext {
  const saved = process.env.NODE_ENV;
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  try {
    return createMainContext({ dataDir: ':memory:', host: 'memory' });
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}

async function measure(main: MainContext, list: unknown[]) {
  let sink = 0;
  const compute = async (input: unknown): Promise<number> => {
    const env = await main.dispatch('designs:compute', input);
    if (!env.ok) throw new Error(`bench input refused: ${env.error.message}`);
    return (env.value as SignDesignResult).foundation.depthFt;
  };
  for (let i = 0; i < 6000; i++) sink += await compute(list[i % list.length]);
  // rounds of 128 consecutive inputs (each input twice per round), a per-design time per round
  const rounds = 120;
  const perRound = 128;
  const samples: number[] = [];
  let totalMs = 0;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < perRound; i++) sink += await compute(list[(r * 7 + i) % list.length]);
    const ms = performance.now() - start;
    totalMs += ms;
    samples.push((ms * 1000) / perRound);
  }
  return {
    ...percentiles(samples),
    // throughput over all measured rounds (includes the slow rounds: not 1e6 / median)
    perSecond: Math.round((rounds * perRound) / (totalMs / 1000)),
    designs: rounds * perRound,
    sink,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  // what the renderer sends: the form values parsed (and defaulted) with the shared schema
  const list = inputs().map((i) => SignDesignInputSchema.parse(i));
  const prod = mainContext('production');
  const dev = mainContext(undefined);
  try {
    const app = await measure(prod, list);
    const checked = await measure(dev, list);
    return {
      enginePath:
        "dispatch('designs:compute', parsed form input) of createMainContext: zod input parse + computeDesignParsed (wind, every section, foundation, steps, readings, inputHash) + envelope",
      engineDesignMedianUs: r1(app.median),
      engineDesignP90Us: r1(app.p90),
      engineDesignsPerSecond: app.perSecond,
      engineDevDesignMedianUs: r1(checked.median),
      engineDevDesignP90Us: r1(checked.p90),
      engineDesigns: app.designs + checked.designs,
      engineSectionsPerDesign: 174,
      engineChecksum: app.sink + checked.sink,
    };
  } finally {
    prod.close();
    dev.close();
  }
}
