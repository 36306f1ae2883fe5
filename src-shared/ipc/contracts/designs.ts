import { z } from 'zod';
import { defineCommand, defineEvent } from '../define';
import {
  revisionSchema,
  revisionSummarySchema,
  saveRevisionSchema,
  valueChangeSchema,
} from '../../designs';
import { SignDesignInputSchema, SignDesignResultSchema } from '../../engine';

const projectRef = z.object({
  projectId: z.string().min(1, { message: 'Project id is required' }),
});
const signRef = z.object({
  signId: z.string({ error: 'Sign id is required' }).min(1, { message: 'Sign id is required' }),
});
const revisionRef = z.object({ id: z.string().min(1, { message: 'Revision id is required' }) });

export const designsContract = {
  /** Live results: validate + compute, nothing stored. Field errors name `sign.cabinets.0.widthFt`. */
  'designs:compute': defineCommand(SignDesignInputSchema, SignDesignResultSchema),
  'designs:get-draft': defineCommand(
    projectRef,
    z.object({ input: z.unknown(), updatedAt: z.string() }).nullable(),
  ),
  /** Autosave of the form as typed (may be incomplete); a local buffer, not a revision. */
  'designs:save-draft': defineCommand(
    projectRef.extend({ input: z.record(z.string(), z.unknown()) }),
    z.object({ updatedAt: z.string() }),
  ),
  'designs:save-revision': defineCommand(saveRevisionSchema, revisionSummarySchema),
  'designs:list-revisions': defineCommand(projectRef, z.array(revisionSummarySchema)),
  'designs:get-revision': defineCommand(revisionRef, revisionSchema),
  /** The same per sign of the schedule (the project calls above use its first sign). */
  'designs:get-draft-sign': defineCommand(
    signRef,
    z.object({ input: z.unknown(), updatedAt: z.string() }).nullable(),
  ),
  'designs:save-draft-sign': defineCommand(
    signRef.extend({ input: z.record(z.string(), z.unknown()) }),
    z.object({ updatedAt: z.string() }),
  ),
  'designs:save-revision-sign': defineCommand(
    saveRevisionSchema.omit({ projectId: true }).extend(signRef.shape),
    revisionSummarySchema,
  ),
  'designs:list-revisions-sign': defineCommand(signRef, z.array(revisionSummarySchema)),
  /** The saved revision against today's engine: what changed, value by value. */
  'designs:recompute-revision': defineCommand(
    revisionRef,
    z.object({
      savedEngineVersion: z.string(),
      currentEngineVersion: z.string(),
      result: SignDesignResultSchema,
      changes: z.array(valueChangeSchema),
    }),
  ),
  /** The calc report PDF of a saved revision. */
  'designs:report-pdf': defineCommand(
    revisionRef,
    z.object({ fileName: z.string(), base64: z.string(), bytes: z.number().int() }),
  ),
};

export const designsEvents = {
  'designs:changed': defineEvent(
    z.object({ projectId: z.string(), signId: z.string().optional() }),
  ),
};
