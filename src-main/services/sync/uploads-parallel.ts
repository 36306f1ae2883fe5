/**
 * How many parts of a multipart upload are in flight at once. Each finished part is still recorded
 * as it lands, so a resume continues from the parts that finished, whichever order they finished.
 *
 * Default 4, chosen by measurement (bench/sync.ts `attachmentPartsInFlight`, 32 MiB in 8 MiB parts
 * to the same S3 in one run, this 2-core machine): see the README's Sync section for the figures.
 * `SIGNWRIGHT_UPLOAD_PARTS` (1-16) overrides it, e.g. 1 on a link that cannot take more.
 */
export const DEFAULT_PARTS_IN_FLIGHT = 4;
export const MAX_PARTS_IN_FLIGHT = 16;

let override: number | undefined;

/** Sets the number for this process (the benchmarks and tests); undefined = env or default. */
export function setPartsInFlight(n: number | undefined): void {
  if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > MAX_PARTS_IN_FLIGHT)) {
    throw new RangeError(`parts in flight must be a whole number from 1 to ${MAX_PARTS_IN_FLIGHT}`);
  }
  override = n;
}

export function partsInFlight(env: NodeJS.ProcessEnv = process.env): number {
  if (override !== undefined) return override;
  const raw = env.SIGNWRIGHT_UPLOAD_PARTS;
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= MAX_PARTS_IN_FLIGHT ? n : DEFAULT_PARTS_IN_FLIGHT;
}
