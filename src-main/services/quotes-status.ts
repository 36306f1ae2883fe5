import { eq } from 'drizzle-orm';
import { AppError } from '../../src-shared/errors';
import {
  companyMissing,
  displayStatus,
  QUOTE_STATUS_LABELS,
  QUOTE_TRANSITIONS,
  type AcknowledgeInput,
  type Company,
  type ProjectMove,
  type QuoteRevisionSummary,
  type QuoteStatus,
} from '../../src-shared/quotes';
import { quoteRevisions } from '../db/schema';
import { recordChange, type ServiceContext } from './context';
import { followQuoteStatus } from './projects-follow';
import { requireAcknowledgement } from './quotes-design';
import {
  acknowledgementsOf,
  frozenCompany,
  jobVerdictOf,
  loadRow,
  summarize,
  syncData,
} from './quotes-revisions';
import { localDate } from '../../src-shared/format';

/** The user's local calendar date (not the UTC one, already tomorrow on a US evening). */
const today = (ctx: ServiceContext) => localDate(ctx.now());
const listText = (xs: string[]) =>
  xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : xs.join('');

/** A quote goes to a customer only with the company's details on it (name, address, ...). */
function requireCompany(number: number, header: string): void {
  const company = frozenCompany((JSON.parse(header) as { company?: Partial<Company> }).company);
  const missing = companyMissing(company);
  if (missing.length)
    throw new AppError(
      'VALIDATION',
      `Quote revision ${number} cannot be sent: the company details on it are missing the ${listText(missing)}. Add them in Settings > Company, then save a new quote revision.`,
      { company: `Missing in Settings > Company: ${missing.join(', ')}` },
    );
}

/**
 * Status changes follow QUOTE_TRANSITIONS. An accepted revision is final: the service refuses any
 * change and a database trigger backs that up. Marking a quote sent needs the company details and,
 * for a design that does not pass, the estimator's acknowledgement (recorded on the revision). A
 * sent or accepted quote moves its project to the matching status, in the same transaction, when
 * the project's state machine allows it directly; otherwise `projectMove` says what to ask.
 */
export function setQuoteStatus(
  ctx: ServiceContext,
  id: string,
  to: QuoteStatus,
  opts: { acknowledge?: AcknowledgeInput } = {},
): QuoteRevisionSummary & { projectMove: ProjectMove | null } {
  const result = ctx.sqlite
    .transaction(() => {
      const { value } = recordChange(ctx, (at) => {
        const row = loadRow(ctx, id);
        const shown = displayStatus(row.status, row.validUntil, today(ctx));
        if (row.status === 'accepted')
          throw new AppError(
            'ILLEGAL_STATE',
            `Quote revision ${row.number} was accepted${row.statusChangedAt ? ` on ${localDate(row.statusChangedAt)}` : ''}; an accepted quote can never change. Save a new revision instead.`,
          );
        if (
          shown === 'expired' &&
          row.status !== 'expired' &&
          to !== 'expired' &&
          to !== 'declined'
        )
          throw new AppError(
            'ILLEGAL_STATE',
            `Quote revision ${row.number} expired on ${row.validUntil}. Save a new revision with a new validity date.`,
          );
        if (!QUOTE_TRANSITIONS[row.status].includes(to))
          throw new AppError(
            'ILLEGAL_STATE',
            `A ${QUOTE_STATUS_LABELS[row.status].toLowerCase()} quote cannot be marked ${QUOTE_STATUS_LABELS[to].toLowerCase()}.`,
          );
        const acknowledgements = acknowledgementsOf(row);
        if (to === 'sent') {
          requireCompany(row.number, row.header);
          const ack = requireAcknowledgement(
            ctx,
            jobVerdictOf(ctx, row),
            opts.acknowledge,
            'send',
            `Sending quote revision ${row.number}`,
          );
          if (ack) acknowledgements.push(ack);
        }
        const by = ctx.actor();
        const next = ctx.db
          .update(quoteRevisions)
          .set({
            status: to,
            statusChangedAt: at,
            statusChangedBy: by,
            acknowledgements: JSON.stringify(acknowledgements),
          })
          .where(eq(quoteRevisions.id, id))
          .returning()
          .get();
        const s = summarize(ctx, next);
        const sendAck = to === 'sent' ? acknowledgements.find((a) => a.kind === 'send') : undefined;
        return {
          value: s,
          change: {
            entity: 'quote',
            entityId: id,
            action: 'quote.status-changed',
            before: { number: row.number, status: row.status },
            after: {
              number: row.number,
              status: to,
              ...(sendAck ? { acknowledgement: sendAck } : {}),
            },
            outbox: { op: 'upsert', data: syncData(s, next) },
          },
        };
      });
      return { ...value, projectMove: followQuoteStatus(ctx, value.projectId, to) };
    })
    .immediate();
  ctx.events.emit('quotes:changed', { projectId: result.projectId });
  return result;
}
