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
import { jobPacketPdf } from './reports/job-packet';
import { getRevision } from './designs';
import { fileStem, type QuoteDoc } from './reports/quote-doc';
import { localDate } from '../../src-shared/format';

/**
 * The quote documents (customer quote, internal cost sheet, and the job packet for the plan
 * checker), each from a saved revision (its
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
      job: q.job,
      signDescriptions: q.signDescriptions,
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
    job: d.job,
    signDescriptions: d.signs.map((x) => ({ signId: x.signId, description: x.description })),
  };
}

export type QuotePdfKind = 'customer' | 'cost-sheet' | 'job-packet';

export async function quotePdf(
  ctx: ServiceContext,
  kind: QuotePdfKind,
  source: { id?: string; projectId?: string },
): Promise<{ fileName: string; base64: string; bytes: number }> {
  if (kind === 'job-packet') return jobPacket(ctx, source);
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

/**
 * The job packet of a saved revision (the design revisions it pinned) or of the working quote
 * (its pins as they stand): cover + each sign's calc report.
 */
async function jobPacket(
  ctx: ServiceContext,
  source: { id?: string; projectId?: string },
): Promise<{ fileName: string; base64: string; bytes: number }> {
  let projectId: string;
  let number: number | null;
  let date: string;
  let pins: {
    label: string;
    mark: string;
    name: string;
    quantity: number;
    designRevisionId: string;
  }[];
  if (source.id) {
    const q = getQuoteRevision(ctx, source.id);
    projectId = q.projectId;
    number = q.number;
    date = q.createdAt;
    pins = q.signs.map((x) => {
      const ps = q.job.signs.find((y) => y.signId === x.signId);
      return {
        label: ps?.label ?? x.mark,
        mark: x.mark,
        name: ps?.name ?? '',
        quantity: ps?.quantity ?? 1,
        designRevisionId: x.designRevisionId,
      };
    });
  } else {
    projectId = source.projectId!;
    const d = getQuoteDraft(ctx, projectId);
    if (!d)
      throw new AppError('ILLEGAL_STATE', 'Generate the quote from a saved design revision first.');
    number = null;
    date = d.updatedAt;
    pins = d.job.signs.map((x) => ({
      label: x.label,
      mark: x.mark,
      name: x.name,
      quantity: x.quantity,
      designRevisionId: x.design.designRevisionId,
    }));
  }
  const project = getProject(ctx, projectId);
  const pdf = await jobPacketPdf({
    project,
    quote: number === null ? 'Working quote (not saved)' : `Quote revision ${number}`,
    date,
    author: getCompany(ctx).name || ctx.actor(),
    signs: pins.map((x) => ({ ...x, rev: getRevision(ctx, x.designRevisionId) })),
  });
  return {
    fileName: `${fileStem(project.name)}-job-packet-${number === null ? 'draft' : `rev${number}`}.pdf`,
    base64: pdf.toString('base64'),
    bytes: pdf.length,
  };
}
