import type { ServiceContext } from '../context';
import { SyncHttpError, type SyncApi } from './api';
import { park } from './park';
import { carrierCount, splitBatch, type OutboxRow } from './push';
import { getSetting, KEYS } from './state';

/**
 * A batch failed as a whole. Today's cause is a record the server cannot store (it answered 500
 * for the batch; before that fix, the same frozen batch was resent forever and nothing after it
 * reached anyone). When the failure is about the batch and not the server (a 4xx, or a 5xx
 * while a pull still works), halve the batch; a record that fails alone is parked with the
 * reason. Returns false when the failure is the server's or the connection's (retry later).
 */
export async function isolateRefusedBatch(
  ctx: ServiceContext,
  api: SyncApi,
  rows: OutboxRow[],
  err: unknown,
): Promise<boolean> {
  if (!(err instanceof SyncHttpError)) return false;
  const refused = err.kind === 'client' && err.status !== 403;
  if (!refused) {
    if (err.kind !== 'server' || err.status < 500) return false;
    const healthy = await api.pull(getSetting(ctx.sqlite, KEYS.cursor) ?? '0', 1).then(
      () => true,
      () => false,
    );
    if (!healthy) return false;
  }
  const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
  if (carrierCount(rows) > 1) {
    splitBatch(ctx, rows);
    return true;
  }
  // one record alone: a refusal parks it at once; a server error after a second failure
  if (!refused && attempts < 2) return false;
  const code = err.code || (refused ? 'REFUSED' : 'SERVER_ERROR');
  const message = refused
    ? err.message
    : `The server failed to store this change ${attempts} times (${err.message}). It is kept on this computer.`;
  park(
    ctx.sqlite,
    rows.map((r) => r.seq),
    { code, message },
    ctx.now(),
  );
  return true;
}
