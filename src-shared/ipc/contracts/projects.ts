import { z } from 'zod';
import { defineCommand, defineEvent } from '../define';
import {
  auditEventSchema,
  listQuerySchema,
  PROJECT_STATUSES,
  profileSchema,
  projectFieldsSchema,
  projectIdSchema,
  projectPatchSchema,
  projectListSchema,
  projectSchema,
} from '../../projects';

const updatePatch = projectPatchSchema;

export const projectsContract = {
  'profile:get': defineCommand(z.object({}).default({}), profileSchema.nullable()),
  'profile:set': defineCommand(profileSchema, profileSchema),

  'projects:list': defineCommand(listQuerySchema, projectListSchema),
  'projects:get': defineCommand(projectIdSchema, projectSchema),
  'projects:create': defineCommand(projectFieldsSchema, projectSchema),
  /** A new project from this one as a template: its signs and designs, no quotes (issue 15). */
  'projects:duplicate-template': defineCommand(
    projectIdSchema.extend({ fields: projectFieldsSchema }),
    projectSchema,
  ),
  'projects:update': defineCommand(
    projectIdSchema.extend({
      patch: updatePatch,
      /** optimistic check: refuse when the row changed since the form loaded */
      expectedVersion: z.number().int().optional(),
    }),
    projectSchema,
  ),
  'projects:transition': defineCommand(
    projectIdSchema.extend({
      to: z.enum(PROJECT_STATUSES, {
        error: 'Status must be one of: ' + PROJECT_STATUSES.join(', '),
      }),
    }),
    projectSchema,
  ),
  /** Walks the allowed transitions to a status (a quote's status asked for it and you said yes). */
  'projects:move-to': defineCommand(
    projectIdSchema.extend({
      to: z.enum(PROJECT_STATUSES, {
        error: 'Status must be one of: ' + PROJECT_STATUSES.join(', '),
      }),
    }),
    z.object({ project: projectSchema, eventId: z.string().nullable() }),
  ),
  /** Undo of the last status change, offered by the toast right after it. */
  'projects:undo-transition': defineCommand(
    projectIdSchema.extend({ eventId: z.string() }),
    projectSchema,
  ),
  'projects:archive': defineCommand(projectIdSchema, projectSchema),
  'projects:unarchive': defineCommand(projectIdSchema, projectSchema),
  'projects:delete': defineCommand(projectIdSchema, projectSchema),
  'projects:restore': defineCommand(projectIdSchema, projectSchema),
  'projects:activity': defineCommand(projectIdSchema, z.array(auditEventSchema)),
  'audit:verify': defineCommand(
    z.object({}).default({}),
    z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      brokenAtSeq: z.number().int().nullable(),
    }),
  ),
};

export const projectsEvents = {
  'projects:changed': defineEvent(z.object({ id: z.string(), action: z.string() })),
  /** the local profile (name, initials) was edited in Settings */
  'profile:changed': defineEvent(z.object({})),
};
