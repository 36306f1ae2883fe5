import { z } from 'zod';
import { TEXT_LIMITS as L } from './limits';
import { emailOrEmpty, text } from './validation';

export const PROJECT_STATUSES = [
  'draft',
  'estimating',
  'submitted',
  'accepted',
  'rejected',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const STATUS_LABELS: Record<ProjectStatus, string> = {
  draft: 'Draft',
  estimating: 'Estimating',
  submitted: 'Submitted',
  accepted: 'Accepted',
  rejected: 'Rejected',
};

/**
 * The project state machine. The main process enforces it; the UI only offers what it allows.
 * draft -> estimating -> submitted -> accepted | rejected; an estimate can go back to draft, a
 * rejected bid can be reworked (back to estimating). Archive/restore is separate (any state).
 */
export const TRANSITIONS: Record<ProjectStatus, readonly ProjectStatus[]> = {
  draft: ['estimating'],
  estimating: ['draft', 'submitted'],
  submitted: ['accepted', 'rejected'],
  accepted: [],
  rejected: ['estimating'],
};

export function canTransition(from: ProjectStatus, to: ProjectStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Each field's rule once; the create schema adds defaults, the patch schema does not. */
const customerRules = {
  company: text('Customer company', { max: L.customerCompany }),
  contact: text('Customer contact', { max: L.customerContact }),
  email: emailOrEmpty('Customer email'),
  phone: text('Customer phone', { max: L.customerPhone }).refine(
    (v) => v === '' || /^[0-9+()\-.\s/extEXT#]{3,40}$/.test(v),
    { message: 'Customer phone may contain digits, spaces and + ( ) - . only' },
  ),
};

export const customerSchema = z.object({
  company: customerRules.company.default(''),
  contact: customerRules.contact.default(''),
  email: customerRules.email.default(''),
  phone: customerRules.phone.default(''),
});

const projectRules = {
  name: text('Project name', { required: true, max: L.projectName }),
  siteAddress: text('Site address', { max: L.siteAddress }),
  jurisdiction: text('Jurisdiction', { max: L.jurisdiction }),
  notes: text('Notes', { max: L.projectNotes, multiline: true }),
};

export const projectFieldsSchema = z.object({
  name: projectRules.name,
  customer: customerSchema.default({ company: '', contact: '', email: '', phone: '' }),
  siteAddress: projectRules.siteAddress.default(''),
  jurisdiction: projectRules.jurisdiction.default(''),
  notes: projectRules.notes.default(''),
});

/**
 * An edit: only the fields given change. No defaults here: `partial()` of the create schema
 * would fill every missing field with '' and a one-field edit would blank the others.
 */
export const projectPatchSchema = z.object({
  name: projectRules.name.optional(),
  customer: z.object(customerRules).partial().optional(),
  siteAddress: projectRules.siteAddress.optional(),
  jurisdiction: projectRules.jurisdiction.optional(),
  notes: projectRules.notes.optional(),
});
export type ProjectFields = z.infer<typeof projectFieldsSchema>;
export type ProjectPatch = z.infer<typeof projectPatchSchema>;
export type ProjectFieldsInput = z.input<typeof projectFieldsSchema>;

export const projectSchema = projectFieldsSchema.extend({
  id: z.string(),
  status: z.enum(PROJECT_STATUSES),
  archivedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Project = z.infer<typeof projectSchema>;

export const projectIdSchema = z.object({
  id: z.string({ error: 'Project id is required' }).min(1, { message: 'Project id is required' }),
});

export const listQuerySchema = z.object({
  query: text('Search', { max: 200 }).default(''),
  statuses: z.array(z.enum(PROJECT_STATUSES)).default([]),
  view: z.enum(['active', 'archived', 'trash']).default('active'),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});
export type ListQuery = z.input<typeof listQuerySchema>;

/** A row of the project list: the project and its job at a glance (issue 15). */
export const projectListItemSchema = projectSchema.extend({
  /** live signs of the schedule, each times its quantity (what the shop builds) */
  signsToBuild: z.number().int(),
  /** the total of the project's latest quote revision (integer cents); null when never quoted */
  quotedTotalCents: z.number().int().nullable(),
});
export type ProjectListItem = z.infer<typeof projectListItemSchema>;

export const projectListSchema = z.object({
  items: z.array(projectListItemSchema),
  total: z.number().int(),
});

export const auditEventSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
  prevHash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const profileSchema = z.object({
  name: text('Your name', { required: true, max: L.profileName }),
  initials: text('Initials', { required: true, max: L.profileInitials }).refine(
    (v) => !/\s/.test(v),
    {
      message: 'Initials must not contain spaces',
    },
  ),
});
export type Profile = z.infer<typeof profileSchema>;
