import { z } from 'zod';
import { defineCommand, defineEvent } from '../define';
import {
  acknowledgeInputSchema,
  alternativesSchema,
  companySchema,
  isoDateSchema,
  jobQuoteDraftSchema,
  jobQuoteRevisionSchema,
  priceBookVersionSchema,
  quoteComparisonSchema,
  quoteDraftInputSchema,
  quoteRevisionSummarySchema,
  QUOTE_STATUSES,
  quoteSettingsSchema,
  projectMoveSchema,
  saveQuoteRevisionSchema,
  saveVersionSchema,
  signChoiceSchema,
  signLinesInputSchema,
  versionSummarySchema,
} from '../../quotes';
import { text } from '../../validation';

const projectRef = z.object({
  projectId: z.string().min(1, { message: 'Project id is required' }),
});
const idRef = z.object({ id: z.string().min(1, { message: 'Id is required' }) });
const file = z.object({ fileName: z.string(), base64: z.string(), bytes: z.number().int() });
/** A saved quote revision (`id`) or the project's working quote (`projectId`), not both. */
const pdfSource = z
  .object({
    id: z.string().min(1, { message: 'Quote revision id must not be empty' }).optional(),
    projectId: z.string().min(1, { message: 'Project id must not be empty' }).optional(),
  })
  .refine((v) => (v.id === undefined) !== (v.projectId === undefined), {
    message: 'Give either a quote revision id or a project id (for the working quote)',
  });

export const quotesContract = {
  /** The version quotes are priced with today (seeds the starter book on first use). */
  'pricebook:get-current': defineCommand(z.object({}), priceBookVersionSchema),
  'pricebook:list-versions': defineCommand(z.object({}), z.array(versionSummarySchema)),
  'pricebook:get-version': defineCommand(idRef, priceBookVersionSchema),
  /** Editing writes a NEW version; versions quotes used are never changed. */
  'pricebook:save-version': defineCommand(saveVersionSchema, versionSummarySchema),
  /** All or nothing: any bad row refuses the file, fields keyed `row N.column`. */
  'pricebook:import-csv': defineCommand(
    z.object({
      csv: z.string().max(2_000_000, { message: 'The CSV file must be at most 2 MB' }),
      effectiveDate: isoDateSchema('Effective date').optional(),
      note: text('Version note', { max: 500 }).default(''),
    }),
    versionSummarySchema,
  ),
  'pricebook:export-csv': defineCommand(
    z.object({ id: z.string().optional() }),
    z.object({ fileName: z.string(), csv: z.string() }),
  ),

  'quotes:get-company': defineCommand(z.object({}), companySchema),
  'quotes:save-company': defineCommand(companySchema, companySchema),

  /**
   * The project's working quote for the job (issue 15), priced now: every sign's pin and lines
   * (`signs`, `job`), the signs it does not price (`unpriced`); null before the first generate.
   */
  'quotes:get-draft': defineCommand(projectRef, jobQuoteDraftSchema.nullable()),
  /**
   * (Re)generate the job's quote with today's price book; keeps overrides and manual lines per
   * sign and on the job. Each live sign prices the revision chosen in `signs` (or, one-design
   * call, `designRevisionId` for its sign), else the one it was pinned to, else its latest. Refused
   * while a live sign has no saved revision (`signs.N.designRevisionId`, N = schedule row). A
   * design whose verdict is not `passes` is refused unless acknowledged: per sign
   * (`signs[].acknowledge`) or for the job (`acknowledge`, reasons as the job verdict reads them).
   */
  'quotes:generate': defineCommand(
    projectRef.extend({
      designRevisionId: z.string().min(1, { message: 'Choose a design revision' }).optional(),
      signs: z
        .array(signChoiceSchema, { error: 'Signs must be a list with a choice per sign' })
        .max(500, { message: 'At most 500 signs' })
        .optional(),
      settings: quoteSettingsSchema.optional(),
      acknowledge: acknowledgeInputSchema.optional(),
    }),
    jobQuoteDraftSchema,
  ),
  /**
   * Settings, overrides (by line code) and manual lines. With `signs`, the top-level ones are the
   * job's and each listed sign's are set; without, see updateQuoteDraft (one-design callers).
   */
  'quotes:update-draft': defineCommand(
    quoteDraftInputSchema.extend({
      signs: z
        .array(signLinesInputSchema, { error: 'Signs must be a list with the lines of each sign' })
        .max(500, { message: 'At most 500 signs' })
        .optional(),
    }),
    jobQuoteDraftSchema,
  ),
  /**
   * The cheapest passing (pole section × footing diameter) pairs of one sign (default: the
   * first), by installed cost; with `signId` (or a job of several signs) each total is the job's.
   */
  'quotes:alternatives': defineCommand(
    projectRef.extend({
      limit: z.number().int().min(1).max(20).default(5),
      signId: z.string().min(1, { message: 'Sign id must not be empty' }).optional(),
    }),
    alternativesSchema,
  ),
  /** Saves a derived design revision of that sign with that section and diameter and regenerates on it. */
  'quotes:apply-alternative': defineCommand(
    projectRef.extend({
      signId: z.string().min(1, { message: 'Sign id must not be empty' }).optional(),
      designation: z.string().min(1),
      diameterFt: z.number().min(1).max(8),
    }),
    jobQuoteDraftSchema,
  ),
  'quotes:save-revision': defineCommand(saveQuoteRevisionSchema, quoteRevisionSummarySchema),
  'quotes:list-revisions': defineCommand(projectRef, z.array(quoteRevisionSummarySchema)),
  'quotes:get-revision': defineCommand(idRef, jobQuoteRevisionSchema),
  /**
   * Sent needs the company details and, for a design that does not pass, `acknowledge`. Sent and
   * accepted move the project to its matching status when allowed directly (`projectMove`).
   */
  'quotes:set-status': defineCommand(
    idRef.extend({
      to: z.enum(QUOTE_STATUSES, { error: 'Unknown quote status' }),
      acknowledge: acknowledgeInputSchema.optional(),
    }),
    quoteRevisionSummarySchema.extend({ projectMove: projectMoveSchema.nullable() }),
  ),
  'quotes:compare': defineCommand(
    z.object({ a: z.string().min(1), b: z.string().min(1) }),
    quoteComparisonSchema,
  ),
  /** The customer quote: scope and price, no costs, hours or markup; with an acceptance block. */
  'quotes:customer-pdf': defineCommand(pdfSource, file),
  /** The internal cost sheet: every line, quantity, unit cost, contingency and markup. */
  'quotes:cost-sheet-pdf': defineCommand(pdfSource, file),
  /**
   * The job packet for the plan checker: a cover page (project, jurisdiction, each sign with its
   * design revision and verdict) then every sign's calc report, from a saved revision's pins or
   * the working quote's.
   */
  'quotes:job-packet-pdf': defineCommand(pdfSource, file),
};

export const quotesEvents = {
  'quotes:changed': defineEvent(z.object({ projectId: z.string() })),
  'pricebook:changed': defineEvent(z.object({})),
};
