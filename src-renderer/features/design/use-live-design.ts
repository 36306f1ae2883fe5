import { useEffect, useMemo, useRef, useState } from 'react';
import {
  SignDesignInputSchema,
  type SignDesignInput,
  type SignDesignResult,
} from '../../../src-shared/engine';
import { fieldErrors } from '../../../src-shared/validation';
import { useClient } from '../../app/client-context';

export type LiveStatus = 'invalid' | 'computing' | 'failed' | 'current';

/**
 * Every valid change recomputes in the main process. Requests never block typing; an older answer
 * that arrives after a newer one is dropped. Validity is judged on the WHOLE form with the shared
 * schema (the same parse the main process does), never on which fields react-hook-form last
 * looked at, so the status can only say "up to date" when the results are for what is on screen.
 * Performance marks (`design-input` at the change, `design-update` measured once the new results
 * are on screen) feed the bench.
 */
export function useLiveDesign(values: unknown) {
  const client = useClient();
  const [state, setState] = useState<{
    input: SignDesignInput;
    result: SignDesignResult;
    key: string;
  } | null>(null);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const key = JSON.stringify(values);
  const parsed = useMemo(() => SignDesignInputSchema.safeParse(JSON.parse(key)), [key]);
  const parsedKey = parsed.success ? JSON.stringify(parsed.data) : null;
  const problems = useMemo(() => (parsed.success ? {} : fieldErrors(parsed.error)), [parsed]);

  useEffect(() => {
    if (!parsed.success || parsedKey === null) return;
    const mine = ++seq.current;
    performance.mark(`design-input-${mine}`);
    setBusy(true);
    client.call('designs:compute', parsed.data).then(
      (result) => {
        if (mine !== seq.current) return;
        setState({ input: parsed.data, result, key: parsedKey });
        setError(null);
        setBusy(false);
      },
      (err: Error) => {
        if (mine !== seq.current) return;
        setError({ key: parsedKey, message: err.message });
        setBusy(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, parsedKey]);
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

  const status: LiveStatus = !parsed.success
    ? 'invalid'
    : error && error.key === parsedKey
      ? 'failed'
      : busy || state?.key !== parsedKey
        ? 'computing'
        : 'current';
  return {
    input: state?.input,
    result: state?.result,
    error: error?.message ?? null,
    status,
    problems,
  };
}
