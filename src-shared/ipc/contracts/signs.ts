import { z } from 'zod';
import { defineCommand, defineEvent } from '../define';
import {
  signListItemSchema,
  signMarkSchema,
  signNameSchema,
  signPatchSchema,
  signQuantitySchema,
  signSchema,
} from '../../signs';

const projectRef = z.object({
  projectId: z.string({ error: 'Project id is required' }).min(1, 'Project id is required'),
});
const signRef = z.object({
  signId: z.string({ error: 'Sign id is required' }).min(1, 'Sign id is required'),
});

/** A project's sign schedule (issue 15); each sign's design goes through designs:*-sign. */
export const signsContract = {
  /** The schedule in order with each sign's status and key result; `trash: true` the removed ones. */
  'signs:list': defineCommand(
    projectRef.extend({ trash: z.boolean().default(false) }),
    z.array(signListItemSchema),
  ),
  /** A new sign at the end; without a mark it gets the next S-number (S2, S3, ...). */
  'signs:add': defineCommand(
    projectRef.extend({
      mark: signMarkSchema.optional(),
      name: signNameSchema.default(''),
      quantity: signQuantitySchema.default(1),
    }),
    signSchema,
  ),
  'signs:update': defineCommand(signRef.extend({ patch: signPatchSchema }), signSchema),
  /** A copy after the original with its draft and latest revision (as the copy's revision 1). */
  'signs:duplicate': defineCommand(signRef, signSchema),
  /** The full new order: every sign of the schedule, each once. */
  'signs:reorder': defineCommand(
    projectRef.extend({
      ids: z
        .array(z.string().min(1, 'Sign id is required'), {
          error: 'Sign order must be a list of sign ids',
        })
        .min(1, 'Sign order must list at least one sign'),
    }),
    z.array(signSchema),
  ),
  /** To the trash; undo with signs:restore. */
  'signs:remove': defineCommand(signRef, signSchema),
  'signs:restore': defineCommand(signRef, signSchema),
};

export const signsEvents = {
  'signs:changed': defineEvent(z.object({ projectId: z.string() })),
};
