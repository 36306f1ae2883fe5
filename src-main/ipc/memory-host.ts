import type { SignwrightBridge } from '../../src-shared/ipc/contract';
import type { MainContext } from '../main-context';

/**
 * The in-memory host: the renderer's bridge wired straight to dispatch(), for component tests.
 * Same envelopes, same events, no process boundary.
 */
export function memoryBridge(ctx: Pick<MainContext, 'dispatch' | 'events'>): SignwrightBridge {
  return {
    invoke: (channel, input) => ctx.dispatch(channel, structuredClone(input)),
    subscribe: (event, listener) =>
      ctx.events.listen((name, payload) => {
        if (name === event) listener(structuredClone(payload));
      }),
  };
}
