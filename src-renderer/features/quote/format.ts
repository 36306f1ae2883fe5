import type { QuoteStatus } from '../../../src-shared/quotes';

/** Existing badge colours: sent reads like submitted, declined and expired like a failure. */
export const STATUS_BADGE: Record<QuoteStatus, string> = {
  draft: 'draft',
  sent: 'submitted',
  accepted: 'accepted',
  declined: 'rejected',
  expired: 'fail',
};
