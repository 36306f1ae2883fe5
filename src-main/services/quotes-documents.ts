import { AppError } from '../../src-shared/errors';
import { addDays, type PricedQuote } from '../../src-shared/quotes';
import type { ServiceContext } from './context';
import { getVersion } from './pricing/book-service';
import { getProject } from './projects';
import { getCompany } from './quotes-company';
import { getQuoteDraft } from './quotes';
import { getQuoteRevision } from './quotes-revisions';
import { costSheetPdf } from './reports/quote-report';
import { customerQuotePdf } from './reports/customer-quote';
import { fileStem, type QuoteDoc } from './reports/quote-doc';
import { localDate } from '../../src-shared/format';

/**
 * The two quote documents (customer quote, internal cost sheet), each from a saved revision (its
 * frozen snapshot) or from the project's working quote (as it prices now, marked as a draft).
 */

function optionsAvailable(ctx: ServiceContext, bookId: string, priced: PricedQuote): string[] {
  return getVersion(ctx, bookId)
    .items.filter(
      (i) =>
        i.category === 'fee' &&
        i.match === 'optional' &&
        !priced.settings.includeFees.includes(i.code),
    )
    .map((i) => i.name);
}

function docOf(ctx: ServiceContext, source: { id?: string; projectId?: string }): QuoteDoc {
  if (source.id) {
    const q = getQuoteRevision(ctx, source.id);
    return {
      label: `QUOTE ${q.number}`,
      number: q.number,
      date: q.createdAt,
      validUntil: q.validUntil,
      company: q.company,
      customer: q.customer,
      priced: q.priced,
      description: q.description,
      verdict: q.verdict,
      acknowledgements: q.acknowledgements,
      createdBy: q.createdBy,
      optionsAvailable: optionsAvailable(ctx, q.priceBookVersionId, q.priced),
    };
  }
  const projectId = source.projectId!;
  const d = getQuoteDraft(ctx, projectId);
  if (!d)
    throw new AppError('ILLEGAL_STATE', 'Generate the quote from a saved design revision first.');
  const p = getProject(ctx, projectId);
  const company = getCompany(ctx);
  return {
    label: 'DRAFT QUOTE',
    number: null,
    // printed today from the quote as it prices now
    date: ctx.now(),
    validUntil: addDays(localDate(ctx.now()), company.validityDays),
    company,
    customer: {
      projectName: p.name,
      company: p.customer.company,
      contact: p.customer.contact,
      email: p.customer.email,
      phone: p.customer.phone,
      siteAddress: p.siteAddress,
    },
    priced: d.priced,
    description: d.description,
    verdict: d.verdict,
    acknowledgements: d.acknowledgement ? [d.acknowledgement] : [],
    createdBy: ctx.actor(),
    optionsAvailable: optionsAvailable(ctx, d.priceBookVersionId, d.priced),
  };
}

export type QuotePdfKind = 'customer' | 'cost-sheet';

export async function quotePdf(
  ctx: ServiceContext,
  kind: QuotePdfKind,
  source: { id?: string; projectId?: string },
): Promise<{ fileName: string; base64: string; bytes: number }> {
  const d = docOf(ctx, source);
  const pdf = kind === 'customer' ? await customerQuotePdf(d) : await costSheetPdf(d);
  const which = d.number === null ? 'draft' : `rev${d.number}`;
  const stem = fileStem(d.customer.projectName);
  return {
    fileName: `${stem}-${kind === 'customer' ? 'quote' : 'cost-sheet'}-${which}.pdf`,
    base64: pdf.toString('base64'),
    bytes: pdf.length,
  };
}
