import type { ErrorCode, IpcError } from './ipc/define';

/**
 * The one error type services throw on purpose. dispatch() turns it into an error envelope; any
 * other exception becomes INTERNAL with a generic message (details go to the log, not the user).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  toJSON(): IpcError {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string): AppError =>
  new AppError('NOT_FOUND', `${what} was not found.`);
