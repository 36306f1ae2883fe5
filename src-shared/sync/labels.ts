import type { z } from 'zod';
import { companySchema } from '../quotes';
import { projectFieldsSchema } from '../projects';
import { signFieldsSchema } from '../signs';

/**
 * The form's own label for a field of a synced record ("Customer contact" for
 * `customer.contact`), for the conflict inbox and for messages about refused records. Labels are
 * read from the shared schemas themselves (every text()/num() field names itself in its type
 * error), so a field another engineer adds to a form is labelled the same way without a list here.
 */
const EXTRA: Record<string, Record<string, string>> = {
  project: {
    status: 'Status',
    archivedAt: 'Archived',
    deletedAt: 'In the trash',
    createdAt: 'Created',
    customer: 'Customer',
  },
  sign: { position: 'Order in the schedule', deletedAt: 'In the trash' },
  design: { note: 'Revision note', input: 'Design input', result: 'Calculation result' },
  quote: { note: 'Quote note', status: 'Quote status', priced: 'Priced lines' },
  'price-book': { note: 'Version note', items: 'Price items', effectiveDate: 'Effective date' },
  company: { logoDataUrl: 'Logo' },
  attachment: { fileName: 'File name' },
};

const SCHEMAS: Record<string, z.ZodType> = {
  project: projectFieldsSchema,
  sign: signFieldsSchema,
  company: companySchema,
};

type Def = {
  type?: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Unwraps default/optional/nullable/pipe wrappers down to the schema that names the field. */
function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 8; i++) {
    const d = defOf(cur);
    const next = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
    if (!next) break;
    cur = next;
  }
  return cur;
}

function probeLabel(schema: z.ZodType | undefined, path: string[]): string | null {
  let cur = schema;
  for (const key of path) {
    if (!cur) return null;
    const shape = defOf(unwrap(cur)).shape;
    cur = shape?.[key];
  }
  if (!cur) return null;
  // a wrong type makes every shared rule say "<Label> must be ..."
  const r = cur.safeParse(Symbol('probe'));
  const msg = r.success ? '' : (r.error.issues[0]?.message ?? '');
  const m = /^(.+?) (must|is required)/.exec(msg);
  return m ? m[1] : null;
}

const humanize = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());

export function fieldLabel(entity: string, path: string): string {
  const parts = path.split('.');
  return (
    EXTRA[entity]?.[path] ??
    probeLabel(SCHEMAS[entity], parts) ??
    EXTRA[entity]?.[parts[0]] ??
    humanize(parts[parts.length - 1] ?? path)
  );
}
