import { z } from 'zod';
import { defineCommand, defineEvent } from '../define';
import {
  acknowledgeInputSchema,
  alternativesSchema,
  companySchema,
  isoDateSchema,
  priceBookVersionSchema,
  quoteComparisonSchema,
  quoteDraftInputSchema,
  quoteDraftSchema,
  quoteRevisionSchema,
  quoteRevisionSummarySchema,
  QUOTE_STATUSES,
  quoteSettingsSchema,
  projectMoveSchema,
  saveQuoteRevisionSchema,
  saveVersionSchema,
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

  /** The project's working quote, priced now; null before the first generate. */
  'quotes:get-draft': defineCommand(projectRef, quoteDraftSchema.nullable()),
  /**
   * (Re)generate from a saved design revision with today's price book; keeps overrides. A design
   * whose verdict is not `passes` is refused unless `acknowledge` names its reasons.
   */
  'quotes:generate': defineCommand(
    projectRef.extend({
      designRevisionId: z.string().min(1, { message: 'Choose a design revision' }),
      settings: quoteSettingsSchema.optional(),
      acknowledge: acknowledgeInputSchema.optional(),
    }),
    quoteDraftSchema,
  ),
  /** Settings, overrides (by line code) and manual lines. */
  'quotes:update-draft': defineCommand(quoteDraftInputSchema, quoteDraftSchema),
  /** The cheapest passing (pole section × footing diameter) pairs, by installed cost. */
  'quotes:alternatives': defineCommand(
    projectRef.extend({ limit: z.number().int().min(1).max(20).default(5) }),
    alternativesSchema,
  ),
  /** Saves a derived design revision with that section and diameter and regenerates on it. */
  'quotes:apply-alternative': defineCommand(
    projectRef.extend({
      designation: z.string().min(1),
      diameterFt: z.number().min(1).max(8),
    }),
    quoteDraftSchema,
  ),
  'quotes:save-revision': defineCommand(saveQuoteRevisionSchema, quoteRevisionSummarySchema),
  'quotes:list-revisions': defineCommand(projectRef, z.array(quoteRevisionSummarySchema)),
  'quotes:get-revision': defineCommand(idRef, quoteRevisionSchema),
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
};

export const quotesEvents = {
  'quotes:changed': defineEvent(z.object({ projectId: z.string() })),
  'pricebook:changed': defineEvent(z.object({})),
};
