import { AppError } from '../../src-shared/errors';
import type { Envelope } from '../../src-shared/ipc/define';
import {
  contract,
  isChannel,
  type Channel,
  type OutputOf,
  type ParsedInputOf,
} from '../../src-shared/ipc/contract';
import { fieldErrors } from '../../src-shared/validation';

export type Handler<C extends Channel> = (
  input: ParsedInputOf<C>,
) => OutputOf<C> | Promise<OutputOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Envelope<unknown>>;

export interface DispatchOptions {
  /** where unexpected errors go (the log); the user only sees a generic message */
  onInternalError?: (channel: string, err: unknown) => void;
  /** validate handler output against the contract (on in dev and tests) */
  checkOutput?: boolean;
}

/**
 * validate -> handler -> envelope (docs/STYLE.md 2). The only place input is parsed: handlers receive
 * typed, trusted data. Never throws.
 */
export function createDispatch(handlers: Partial<Handlers>, opts: DispatchOptions = {}): Dispatch {
  return async (channel, rawInput) => {
    if (!isChannel(channel) || !handlers[channel]) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown command "${String(channel)}".` },
      };
    }
    const def = contract[channel];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      const first = Object.values(fields)[0] ?? 'Invalid input';
      const n = Object.keys(fields).length;
      return {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: n > 1 ? `${first} (and ${n - 1} more)` : first,
          fields,
        },
      };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (opts.checkOutput) {
        const out = def.output.safeParse(value);
        if (!out.success)
          throw new Error(`Output of ${channel} breaks the contract: ${out.error.message}`);
      }
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toJSON() };
      opts.onInternalError?.(channel, err);
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'Something went wrong on our side. Your saved work is safe; please try again.',
        },
      };
    }
  };
}
