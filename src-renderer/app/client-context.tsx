import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { Channel, EventName, InputOf, OutputOf } from '../../src-shared/ipc/contract';
import type { Client } from '../lib/client';

const ClientContext = createContext<Client | null>(null);
export const ClientProvider = ClientContext.Provider;

export function useClient(): Client {
  const c = useContext(ClientContext);
  if (!c) throw new Error('ClientProvider missing');
  return c;
}

export interface QueryState<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload(): void;
}

/**
 * Fetches through the typed client and refetches when any of `refreshOn` events arrive. Data
 * stays owned by the main process: nothing here is a second store. Stale answers (an older
 * request finishing after a newer one) are dropped so results never jump back while typing.
 */
export function useQuery<C extends Channel>(
  channel: C,
  input: InputOf<C> | null,
  refreshOn: EventName[] = [],
): QueryState<OutputOf<C>> {
  const client = useClient();
  const [state, setState] = useState<{ data?: OutputOf<C>; error?: Error; loading: boolean }>({
    loading: true,
  });
  const key = JSON.stringify(input);
  const seq = useRef(0);
  const run = useCallback(() => {
    if (input === null) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    client.call(channel, input).then(
      (data) => mine === seq.current && setState({ data, loading: false }),
      (error: Error) => mine === seq.current && setState((s) => ({ ...s, error, loading: false })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, channel, key]);
  useEffect(run, [run]);
  const events = refreshOn.join(',');
  useEffect(() => {
    const offs = refreshOn.map((e) => client.on(e, () => run()));
    return () => offs.forEach((off) => off());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, run, events]);
  return { ...state, reload: run };
}
