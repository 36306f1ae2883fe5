import type { Handlers } from '../dispatch';
import type { ServiceContext } from '../../services/context';
import {
  currentVersion,
  exportCsv,
  getVersion,
  importCsv,
  listVersions,
  saveVersion,
} from '../../services/pricing/book-service';
import { getQuoteDraft, updateQuoteDraft } from '../../services/quotes';
import { applyAlternative, quoteAlternatives } from '../../services/quotes-alternatives';
import { generateQuote } from '../../services/quotes-generate';
import { getCompany, saveCompany } from '../../services/quotes-company';
import { compareQuoteRevisions } from '../../services/quotes-compare';
import { quotePdf } from '../../services/quotes-documents';
import {
  getQuoteRevision,
  listQuoteRevisions,
  saveQuoteRevision,
} from '../../services/quotes-revisions';
import { setQuoteStatus } from '../../services/quotes-status';

type QuoteChannels = Extract<keyof Handlers, `quotes:${string}` | `pricebook:${string}`>;

export function quoteHandlers(ctx: ServiceContext): Pick<Handlers, QuoteChannels> {
  return {
    'pricebook:get-current': () => currentVersion(ctx),
    'pricebook:list-versions': () => listVersions(ctx),
    'pricebook:get-version': ({ id }) => getVersion(ctx, id),
    'pricebook:save-version': (input) => saveVersion(ctx, input),
    'pricebook:import-csv': (input) => importCsv(ctx, input),
    'pricebook:export-csv': ({ id }) => exportCsv(ctx, id),
    'quotes:get-company': () => getCompany(ctx),
    'quotes:save-company': (input) => saveCompany(ctx, input),
    'quotes:get-draft': ({ projectId }) => getQuoteDraft(ctx, projectId),
    'quotes:generate': (input) => generateQuote(ctx, input),
    'quotes:update-draft': (input) => updateQuoteDraft(ctx, input),
    'quotes:alternatives': (input) => quoteAlternatives(ctx, input),
    'quotes:apply-alternative': (input) => applyAlternative(ctx, input),
    'quotes:save-revision': (input) => saveQuoteRevision(ctx, input),
    'quotes:list-revisions': ({ projectId }) => listQuoteRevisions(ctx, projectId),
    'quotes:get-revision': ({ id }) => getQuoteRevision(ctx, id),
    'quotes:set-status': ({ id, to, acknowledge }) => setQuoteStatus(ctx, id, to, { acknowledge }),
    'quotes:compare': ({ a, b }) => compareQuoteRevisions(ctx, a, b),
    'quotes:customer-pdf': (source) => quotePdf(ctx, 'customer', source),
    'quotes:cost-sheet-pdf': (source) => quotePdf(ctx, 'cost-sheet', source),
    'quotes:job-packet-pdf': (source) => quotePdf(ctx, 'job-packet', source),
  };
}
