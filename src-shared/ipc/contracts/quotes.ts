import { z } from 'zod';
import { defineCommand, defineEvent } from '../define';
import {
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
  /** (Re)generate from a saved design revision with today's price book; keeps overrides. */
  'quotes:generate': defineCommand(
    projectRef.extend({
      designRevisionId: z.string().min(1, { message: 'Choose a design revision' }),
      settings: quoteSettingsSchema.optional(),
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
  'quotes:set-status': defineCommand(
    idRef.extend({ to: z.enum(QUOTE_STATUSES, { error: 'Unknown quote status' }) }),
    quoteRevisionSummarySchema,
  ),
  'quotes:compare': defineCommand(
    z.object({ a: z.string().min(1), b: z.string().min(1) }),
    quoteComparisonSchema,
  ),
  'quotes:report-pdf': defineCommand(idRef, file),
};

export const quotesEvents = {
  'quotes:changed': defineEvent(z.object({ projectId: z.string() })),
  'pricebook:changed': defineEvent(z.object({})),
};
