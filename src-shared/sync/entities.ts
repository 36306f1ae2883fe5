import { z } from 'zod';
import { PROJECT_STATUSES, projectFieldsSchema } from '../projects';
import { signMarkSchema, signNameSchema, signQuantitySchema } from '../signs';
import { isoDateSchema, priceItemsSchema } from '../quotes/price-book';
import { manualLineSchema, overrideSchema, QUOTE_STATUSES } from '../quotes/quote';
import { cleanText } from '../validation';

/**
 * The `data` of each synced entity, as a push carries it and a pull must find it. The desktop
 * services type their outbox payloads with these (z.input) and the sync client parses every
 * pulled record with them before anything is written: a record that fails is not applied and is
 * listed on the Sync screen with the field at fault. Unknown keys (fields the server adds, or a
 * newer build's) are dropped. `company` has its own field-by-field merge (companySchema).
 */

const object = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });
const id = z.string({ error: 'must be an id' }).min(1, { message: 'is required' });
const when = z.string({ error: 'must be a date and time' });

/**
 * Single-line text written by an older client may still hold a line break or a control
 * character; it is cleaned the way the local repair cleans stored text (repair-text.ts), then
 * checked by the form's own rule.
 */
const cleaned = <T extends z.ZodType>(rule: T) =>
  z.preprocess((v) => (typeof v === 'string' ? cleanText(v) : v), rule);

const fields = projectFieldsSchema.shape;
const customer = fields.customer.unwrap().shape;

export const projectDataSchema = z.object({
  name: cleaned(fields.name),
  customer: z
    .object({
      company: cleaned(customer.company),
      contact: cleaned(customer.contact),
      email: cleaned(customer.email),
      phone: cleaned(customer.phone),
    })
    .default({ company: '', contact: '', email: '', phone: '' }),
  siteAddress: cleaned(fields.siteAddress),
  jurisdiction: cleaned(fields.jurisdiction),
  notes: fields.notes,
  status: z.enum(PROJECT_STATUSES, { error: 'must be a project status' }).default('draft'),
  archivedAt: when.nullable().default(null),
  deletedAt: when.nullable().default(null),
  createdAt: when.optional(),
  updatedAt: when.optional(),
});
export type ProjectData = z.output<typeof projectDataSchema>;

export const designDataSchema = z.object({
  projectId: id,
  /** the sign this revision designs (protocol 2); a record without one belongs to the first sign */
  signId: id.optional(),
  number: z.number({ error: 'must be a number' }).int().min(1),
  note: z.string({ error: 'must be text' }).default(''),
  input: object,
  result: object,
  engineVersion: z.string({ error: 'must be text' }),
  inputHash: z.string({ error: 'must be text' }),
  createdAt: when.optional(),
  createdBy: z.string({ error: 'must be text' }).optional(),
});
export type DesignData = z.output<typeof designDataSchema>;

/** A sign of a project's schedule; removal to the trash travels as a tombstone. */
export const signDataSchema = z.object({
  projectId: id,
  mark: cleaned(signMarkSchema),
  name: cleaned(signNameSchema).default(''),
  quantity: signQuantitySchema.default(1),
  position: z.number({ error: 'must be a number' }).int().min(0),
  createdAt: when.optional(),
  updatedAt: when.optional(),
  deletedAt: when.nullable().default(null),
});
export type SignData = z.output<typeof signDataSchema>;

export const priceBookDataSchema = z.object({
  effectiveDate: isoDateSchema('Effective date').optional(),
  note: z.string({ error: 'must be text' }).default(''),
  source: z.enum(['seed', 'edit', 'import']).catch('edit'),
  items: priceItemsSchema,
  createdAt: when.optional(),
  createdBy: z.string({ error: 'must be text' }).optional(),
});
export type PriceBookData = z.output<typeof priceBookDataSchema>;

export const quoteDataSchema = z.object({
  projectId: id,
  number: z.number({ error: 'must be a number' }).int().min(1),
  note: z.string({ error: 'must be text' }).default(''),
  status: z.enum(QUOTE_STATUSES, { error: 'must be a quote status' }).default('draft'),
  validUntil: isoDateSchema('Valid until').optional(),
  designRevisionId: id,
  priceBookVersionId: id,
  /** the priced snapshot and printed header stay as frozen by the build that saved them */
  priced: object,
  header: object,
  overrides: z.record(z.string(), overrideSchema).default({}),
  manualLines: z.array(manualLineSchema).default([]),
  totalCents: z.number({ error: 'must be a number' }).int(),
  createdAt: when.optional(),
  createdBy: z.string({ error: 'must be text' }).optional(),
  statusChangedAt: when.nullable().optional(),
  statusChangedBy: z.string().nullable().optional(),
  /** each entry is checked on its own (acknowledgementSchema): a refused entry is dropped */
  acknowledgements: z.array(z.unknown()).catch([]),
  /**
   * issue 15: the job snapshot (quoteRevisionJobSchema: the PricedJob and each sign's pinned
   * design revision, overrides and manual lines); absent or null on a one-design revision
   */
  job: object.nullable().optional(),
});
export type QuoteData = z.output<typeof quoteDataSchema>;

export const attachmentDataSchema = z.object({
  projectId: id,
  sha256: z
    .string({ error: 'must be text' })
    .regex(/^[0-9a-f]{64}$/, { message: 'must be 64 lowercase hex characters (SHA-256)' }),
  size: z.number({ error: 'must be a number' }).int().min(0),
  fileName: cleaned(z.string().trim().min(1).max(255)).catch('file'),
  contentType: z.string().min(1).max(255).catch('application/octet-stream'),
  createdAt: when.optional(),
});
export type AttachmentData = z.output<typeof attachmentDataSchema>;

export const ENTITY_DATA_SCHEMAS = {
  project: projectDataSchema,
  sign: signDataSchema,
  design: designDataSchema,
  quote: quoteDataSchema,
  'price-book': priceBookDataSchema,
  attachment: attachmentDataSchema,
} as const;

/** Why a pulled record was not applied: the first issue, as `field: message`. */
export function dataProblem(error: z.ZodError): { field: string | null; message: string } {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : null;
  const message = issue?.message ?? 'is not valid';
  // the form rules name their field ("Project name must be text"); the plain ones do not
  const named = field && /^(must|is|Invalid|Too|expected)\b/i.test(message);
  return { field, message: named ? `${field}: ${message}` : message };
}
