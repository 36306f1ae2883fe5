import type {
  Channel,
  EventName,
  InputOf,
  OutputOf,
  PayloadOf,
} from '../../src-shared/ipc/contract';
import type { IpcError } from '../../src-shared/ipc/define';
import type { Transport } from './transport';

/** A failed command, carrying the main process's plain-words message and per-field messages. */
export class CommandError extends Error {
  readonly code: IpcError['code'];
  readonly fields: Record<string, string>;
  constructor(err: IpcError) {
    super(err.message);
    this.code = err.code;
    this.fields = err.fields ?? {};
  }
}

export interface Client {
  kind: Transport['kind'];
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
}

/** The typed client built from the contract: `client.call('projects:create', {...})`. */
export function createClient(transport: Transport): Client {
  return {
    kind: transport.kind,
    async call(channel, input) {
      const env = await transport.invoke(channel, input);
      if (!env.ok) throw new CommandError(env.error);
      return env.value as never;
    },
    on(event, listener) {
      return transport.subscribe(event, listener as (p: unknown) => void);
    },
  };
}
