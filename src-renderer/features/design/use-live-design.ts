import { useEffect, useRef, useState } from 'react';
import {
  SignDesignInputSchema,
  type SignDesignInput,
  type SignDesignResult,
} from '../../../src-shared/engine';
import { useClient } from '../../app/client-context';

/**
 * Every valid change recomputes in the main process. Requests never block typing; an older answer
 * that arrives after a newer one is dropped. Performance marks (`design-input` at the change,
 * `design-update` measured once the new results are on screen) feed the bench.
 */
export function useLiveDesign(values: unknown) {
  const client = useClient();
  const [state, setState] = useState<{ input: SignDesignInput; result: SignDesignResult } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const key = JSON.stringify(values);
  useEffect(() => {
    const parsed = SignDesignInputSchema.safeParse(values);
    if (!parsed.success) return;
    const mine = ++seq.current;
    performance.mark(`design-input-${mine}`);
    setBusy(true);
    client.call('designs:compute', parsed.data).then(
      (result) => {
        if (mine !== seq.current) return;
        setState({ input: parsed.data, result });
        setError(null);
        setBusy(false);
      },
      (err: Error) => {
        if (mine !== seq.current) return;
        setError(err.message);
        setBusy(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key]);
  // measured after React committed the new results to the DOM
  useEffect(() => {
    if (!state) return;
    const n = seq.current;
    requestAnimationFrame(() => {
      try {
        performance.measure('design-update', `design-input-${n}`);
      } catch {
        // the mark may already be cleared
      }
    });
  }, [state]);
  return { ...state, error, busy };
}
