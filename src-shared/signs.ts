import { z } from 'zod';
import { num, text } from './validation';

/**
 * A project's sign schedule (issue 15): each sign has a mark ("S1"), a name ("pylon"), a
 * quantity (two identical monuments are one sign x 2) and its own design draft and revisions.
 */
export const SIGN_LIMITS = { mark: 20, name: 80, minQuantity: 1, maxQuantity: 999 } as const;

/**
 * The id of a project's first sign, derived from the project id: its random hex digits moved
 * around, the version and variant digits kept (a v4-shaped uuid). The 0009 migration computes the
 * same in SQL, so every laptop (and the server) gives a migrated project's sign the same id, and
 * a project created or pulled anywhere gets the same first sign.
 */
export function firstSignId(projectId: string): string {
  const p = projectId;
  // 1-based SQL substr(p, from, len) -> slice(from - 1, from - 1 + len)
  const s = (from: number, len: number) => p.slice(from - 1, from - 1 + len);
  return `${s(25, 8)}-${s(33, 4)}-${s(15, 4)}-${s(20, 4)}-${s(1, 8)}${s(10, 4)}`;
}

export const signMarkSchema = text('Sign mark', { required: true, max: SIGN_LIMITS.mark });
export const signNameSchema = text('Sign name', { max: SIGN_LIMITS.name });
export const signQuantitySchema = num('Quantity', undefined, {
  int: true,
  min: SIGN_LIMITS.minQuantity,
  max: SIGN_LIMITS.maxQuantity,
});

export const signFieldsSchema = z.object({
  mark: signMarkSchema,
  name: signNameSchema.default(''),
  quantity: signQuantitySchema.default(1),
});
export type SignFields = z.output<typeof signFieldsSchema>;

/** An edit: only the fields given change. */
export const signPatchSchema = z.object({
  mark: signMarkSchema.optional(),
  name: signNameSchema.optional(),
  quantity: signQuantitySchema.optional(),
});
export type SignPatch = z.output<typeof signPatchSchema>;

export const signSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  mark: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  position: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Sign = z.infer<typeof signSchema>;

/** What the schedule shows of a sign's design: its latest revision's verdict, else the draft's. */
export const SIGN_STATUSES = ['passes', 'fails', 'review', 'not-designed'] as const;
export const signStatusSchema = z.enum(SIGN_STATUSES);
export type SignStatus = z.infer<typeof signStatusSchema>;

export const signListItemSchema = signSchema.extend({
  status: signStatusSchema,
  /** where status and key result come from: a saved revision (its number), the draft, or nothing */
  source: z.enum(['revision', 'draft', 'none']),
  revisionNumber: z.number().int().nullable(),
  /** the latest revision's id (what a quote prices by default), null before the first one */
  revisionId: z.string().nullable(),
  /** the key result: selected pole designation, footing diameter x depth */
  pole: z.string().nullable(),
  footingDiameterFt: z.number().nullable(),
  footingDepthFt: z.number().nullable(),
});
export type SignListItem = z.infer<typeof signListItemSchema>;
