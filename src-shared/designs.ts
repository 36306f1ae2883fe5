import { z } from 'zod';
import { SignDesignInputSchema, SignDesignResultSchema, type SignDesignInput } from './engine';
import { TEXT_LIMITS } from './limits';
import { text } from './validation';

export const revisionSummarySchema = z.object({
  id: z.string(),
  projectId: z.string(),
  /** the sign of the schedule this revision designs (null only for a record from before signs) */
  signId: z.string().nullable(),
  number: z.number().int(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  engineVersion: z.string(),
  inputHash: z.string(),
  pole: z.string().nullable(),
  depthFt: z.number(),
  diameterFt: z.number(),
  /** designVerdict of the stored result: a revision that does not pass says so in lists */
  verdict: z.enum(['passes', 'fails', 'review']),
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

/**
 * A saved revision's input as it was stored. A revision is immutable and must always open, so it
 * is not re-validated against today's (strict, newer) schema: an input saved by an older engine
 * may lack fields added since (defaults apply on recompute), or carry keys or values today's schema
 * refuses (recompute then names them; the revision still shows what it showed).
 */
export const storedDesignInputSchema = z.custom<SignDesignInput>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  { message: 'A stored design input must be an object' },
);

export const revisionSchema = revisionSummarySchema.extend({
  input: storedDesignInputSchema,
  result: SignDesignResultSchema,
});
export type Revision = z.infer<typeof revisionSchema>;

export const valueChangeSchema = z.object({
  path: z.string(),
  label: z.string(),
  before: z.union([z.number(), z.string(), z.null()]),
  after: z.union([z.number(), z.string(), z.null()]),
});
export type ValueChange = z.infer<typeof valueChangeSchema>;

export const saveRevisionSchema = z.object({
  projectId: z.string().min(1),
  input: SignDesignInputSchema,
  note: text('Revision note', { max: TEXT_LIMITS.revisionNote }).default(''),
});
