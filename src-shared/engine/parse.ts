import { fieldErrors } from '../validation';
import { SignDesignInputSchema, type SignDesignInput } from './input';

export type ParseDesignResult =
  { ok: true; value: SignDesignInput } | { ok: false; fields: Record<string, string> };

/** Parse and default a design input; a bad field gives `{ 'sign.solidity': 'Solidity ...' }`. */
export function parseDesignInput(raw: unknown): ParseDesignResult {
  const r = SignDesignInputSchema.safeParse(raw);
  return r.success ? { ok: true, value: r.data } : { ok: false, fields: fieldErrors(r.error) };
}
