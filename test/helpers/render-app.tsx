import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { memoryBridge } from '../../src-main/ipc/memory-host';
import { ClientProvider } from '../../src-renderer/app/client-context';
import { createClient } from '../../src-renderer/lib/client';
import type { Transport } from '../../src-renderer/lib/transport';
import type { Envelope } from '../../src-shared/ipc/define';
import { freshMain } from './main';

/** Renders UI against the real main process through the in-memory host (no process boundary). */
export function renderWithMain(
  ui: ReactNode,
  opts: { profile?: boolean; before?: (main: ReturnType<typeof freshMain>) => void } = {},
) {
  const main = freshMain(opts);
  opts.before?.(main);
  const bridge = memoryBridge(main);
  const transport: Transport = {
    kind: 'memory',
    invoke: (channel, input) => bridge.invoke(channel, input) as Promise<Envelope<unknown>>,
    subscribe: (event, listener) => bridge.subscribe(event, listener),
  };
  const client = createClient(transport);
  const view = render(<ClientProvider value={client}>{ui}</ClientProvider>);
  return { main, client, ...view };
}
