import type { z } from 'zod';

/** One IPC command: a zod schema for what goes in and for what comes back. */
export interface CommandDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export function defineCommand<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
): CommandDef<I, O> {
  return { input, output };
}

/** A main -> renderer event with a typed payload. */
export interface EventDef<P extends z.ZodType = z.ZodType> {
  payload: P;
}

export function defineEvent<P extends z.ZodType>(payload: P): EventDef<P> {
  return { payload };
}

export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'ILLEGAL_STATE'
  | 'UNKNOWN_CHANNEL'
  | 'FORBIDDEN'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export interface IpcError {
  code: ErrorCode;
  message: string;
  /** field path (dot separated, e.g. `customer.email`) -> plain-words message */
  fields?: Record<string, string>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };
