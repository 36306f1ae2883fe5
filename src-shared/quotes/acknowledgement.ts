import { z } from 'zod';
import type { DesignVerdict } from '../engine/verdict';

/**
 * A failing design is not a quote (issue 11). A design whose verdict is not `passes` may be saved
 * as a revision, but generating a quote from it and marking that quote sent each need the
 * estimator's explicit acknowledgement of the reasons, recorded on the quote (who, when, what).
 */

export const verdictSchema = z.object({
  status: z.enum(['passes', 'fails', 'review']),
  reasons: z.array(z.string()),
});

export const acknowledgementSchema = z.object({
  /** `generate`: quoting the design; `send`: marking the quote sent */
  kind: z.enum(['generate', 'send']),
  status: z.enum(['fails', 'review']),
  reasons: z.array(z.string()),
  by: z.string(),
  at: z.string(),
});
export type DesignAcknowledgement = z.infer<typeof acknowledgementSchema>;

/** What a caller sends to acknowledge: the reasons it showed the estimator. */
export const acknowledgeInputSchema = z.object({
  reasons: z
    .array(z.string().max(2000, { message: 'A reason must be at most 2000 characters' }))
    .min(1, { message: 'Acknowledge at least one reason' })
    .max(50, { message: 'At most 50 reasons' }),
});
export type AcknowledgeInput = z.infer<typeof acknowledgeInputSchema>;

/** "Design does not pass: ..." / "Engineering review required: ..." (empty when it passes). */
export function verdictHeadline(v: DesignVerdict): string {
  if (v.status === 'passes') return '';
  return v.status === 'fails' ? 'Design does not pass' : 'Engineering review required';
}

/** True when the acknowledgement names every reason of the verdict (a stale one does not count). */
export function acknowledges(v: DesignVerdict, ack: { reasons: readonly string[] } | undefined) {
  if (v.status === 'passes') return true;
  if (!ack) return false;
  return v.reasons.every((r) => ack.reasons.includes(r));
}
