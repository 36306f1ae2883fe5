import { dataProblem, signDataSchema } from '../../src-shared/sync/entities';
import type { RecordProblem } from './record-checks';

/**
 * A pushed sign must read as every laptop will read it (the shared signDataSchema: mark 1-20
 * characters, name up to 80, quantity a whole number 1-999, a position), or one bad record would
 * be refused on every other laptop's pull instead of once, here, naming the field.
 */
export function signProblem(data: Record<string, unknown>): RecordProblem | null {
  const r = signDataSchema.safeParse(data);
  if (r.success) return null;
  const { field, message } = dataProblem(r.error);
  return { code: 'INVALID_FIELD', message, ...(field ? { field } : {}) };
}
