// Engine benchmark: designs per second on one core (warm-up first). Called by bench/run.ts.
import type { SignDesignInputRaw } from '../src-shared/engine/input';
import { computeDesign, computeDesignParsed, parseInput } from '../src-main/engine/design';

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

export async function run(): Promise<Record<string, unknown>> {
  const list = inputs();
  let sink = 0;
  for (let i = 0; i < 2000; i++) sink += computeDesign(list[i % list.length]).foundation.depthFt;
  const samples: number[] = [];
  const rounds = 40;
  const perRound = 250;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < perRound; i++) {
      sink += computeDesign(list[(r * perRound + i) % list.length]).foundation.depthFt;
    }
    samples.push(((performance.now() - start) * 1000) / perRound);
  }
  const totalMs = performance.now() - t0;
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  // the same designs from already-parsed inputs (the IPC boundary validates once; this is the engine)
  const parsed = list.map((i) => parseInput(i));
  const parsedSamples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < perRound; i++) {
      sink += computeDesignParsed(parsed[(r * perRound + i) % parsed.length]).foundation.depthFt;
    }
    parsedSamples.push(((performance.now() - start) * 1000) / perRound);
  }
  parsedSamples.sort((a, b) => a - b);
  return {
    engineDesignMedianUs: Math.round(median * 10) / 10,
    engineDesignP90Us: Math.round(samples[Math.floor(samples.length * 0.9)] * 10) / 10,
    engineDesignsPerSecond: Math.round((rounds * perRound) / (totalMs / 1000)),
    engineParsedDesignMedianUs: Math.round(parsedSamples[Math.floor(rounds / 2)] * 10) / 10,
    engineDesigns: rounds * perRound,
    engineSectionsPerDesign: 174,
    engineChecksum: sink,
  };
}
