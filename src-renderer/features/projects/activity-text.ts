import { STATUS_LABELS, type AuditEvent, type ProjectStatus } from '../../../src-shared/projects';
import { QUOTE_STATUS_LABELS, type QuoteStatus } from '../../../src-shared/quotes';
import { DASH, formatMoney } from '../../../src-shared/format';

/**
 * One audit event in plain words: what was done ("Saved design revision 2") and the detail
 * ("Pipe 6 Std., footing 2 ft x 6.5 ft"). Pure; unknown actions still read as words, never as a
 * code like `attachment.trashed` or a path like `customer.contact`.
 */
export interface ActivityText {
  what: string;
  detail: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const money = (c: unknown) => (typeof c === 'number' ? formatMoney(c) : DASH);

/** The project form's labels, so a change reads "Customer contact", not `customer.contact`. */
const PROJECT_FIELDS: Record<string, string> = {
  name: 'Project name',
  'customer.company': 'Customer company',
  'customer.contact': 'Customer contact',
  'customer.email': 'Customer email',
  'customer.phone': 'Customer phone',
  siteAddress: 'Site address',
  jurisdiction: 'Jurisdiction',
  notes: 'Notes',
};
const SETTINGS_FIELDS: Record<string, string> = {
  cabinetCode: 'Cabinet type',
  faceSides: 'Faces',
  illuminated: 'Illuminated',
  includeFees: 'Optional fees',
  travelMiles: 'Travel distance (miles)',
  contingencyPct: 'Contingency (%)',
  markupMode: 'Markup or margin',
  markupPct: 'Markup (%)',
  discountPct: 'Discount (%)',
  taxPct: 'Tax rate (%)',
};
const IGNORED = new Set(['updatedAt', 'version', 'createdAt', 'id', 'status']);

function flat(o: Obj, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object' && !Array.isArray(v))
      Object.assign(out, flat(v as Obj, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

function fieldChanges(before: Obj, after: Obj, labels: Record<string, string>): string {
  const a = flat(before);
  const b = flat(after);
  const parts: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (IGNORED.has(key) || JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    const label = labels[key];
    if (!label) continue;
    const show = (v: unknown) =>
      Array.isArray(v) ? v.join(', ') || 'none' : v === null ? 'book' : str(v);
    parts.push(`${label}: ${show(a[key])} → ${show(b[key])}`);
  }
  return parts.join('; ');
}

const ack = (a: unknown) => {
  const o = obj(a);
  if (!o.status) return '';
  return ` Acknowledged: ${o.status === 'fails' ? 'the design does not pass' : 'engineering review required'}.`;
};

function draftChanges(before: Obj, after: Obj): string {
  const parts: string[] = [];
  const names = { ...obj(before.lineNames), ...obj(after.lineNames) };
  const name = (code: string) => (typeof names[code] === 'string' ? String(names[code]) : code);
  const s = fieldChanges(obj(before.settings), obj(after.settings), SETTINGS_FIELDS);
  if (s) parts.push(s);
  const ob = obj(before.overrides);
  const oa = obj(after.overrides);
  for (const code of new Set([...Object.keys(ob), ...Object.keys(oa)])) {
    const x = obj(ob[code]);
    const y = obj(oa[code]);
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (!oa[code]) parts.push(`Cleared the override of ${name(code)}`);
    else {
      const what = [
        y.quantity !== undefined ? `quantity ${str(y.quantity)}` : '',
        y.unitPriceCents !== undefined ? `unit price ${money(y.unitPriceCents)}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      parts.push(`Overrode ${name(code)}: ${what}${y.note ? ` (${String(y.note)})` : ''}`);
    }
  }
  const lines = (v: unknown) => (Array.isArray(v) ? (v as Obj[]) : []);
  const mb = lines(before.manualLines);
  const ma = lines(after.manualLines);
  for (const l of ma)
    if (!mb.some((x) => x.code === l.code))
      parts.push(
        `Added the line “${str(l.description)}” (${money(l.unitPriceCents)} × ${str(l.quantity)})`,
      );
  for (const l of mb)
    if (!ma.some((x) => x.code === l.code)) parts.push(`Removed the line “${str(l.description)}”`);
  return parts.join('; ');
}

const humanize = (action: string) => {
  const [entity, verb = ''] = action.split('.');
  const noun = entity === 'attachment' ? 'File' : entity.replace(/-/g, ' ');
  return `${noun[0]?.toUpperCase() ?? ''}${noun.slice(1)} ${verb.replace(/-/g, ' ')}`.trim();
};

export function describeActivity(e: AuditEvent): ActivityText {
  const b = obj(e.before);
  const a = obj(e.after);
  const qStatus = (v: unknown) => QUOTE_STATUS_LABELS[v as QuoteStatus]?.toLowerCase() ?? str(v);
  const pStatus = (v: unknown) => STATUS_LABELS[v as ProjectStatus] ?? str(v);
  switch (e.action) {
    case 'project.created':
      return { what: 'Created the project', detail: str(a.name) };
    case 'project.updated':
      return { what: 'Edited the project details', detail: fieldChanges(b, a, PROJECT_FIELDS) };
    case 'project.received':
      return {
        what: 'Project changes received by sync',
        detail: fieldChanges(b, a, PROJECT_FIELDS),
      };
    case 'project.received-new':
      return { what: 'Project received by sync', detail: str(a.name) };
    case 'project.status':
      return {
        what: 'Changed the project status',
        detail: `${pStatus(b.status)} → ${pStatus(a.status)}`,
      };
    case 'project.status-undone':
      return { what: 'Undid a status change', detail: `back to ${pStatus(a.status)}` };
    case 'project.archived':
      return { what: 'Archived the project', detail: '' };
    case 'project.unarchived':
      return { what: 'Took the project out of the archive', detail: '' };
    case 'project.deleted':
      return { what: 'Moved the project to the trash', detail: '' };
    case 'project.restored':
      return { what: 'Restored the project from the trash', detail: '' };
    case 'design.revision-saved':
    case 'design.revision-received':
      return {
        what: `${e.action.endsWith('received') ? 'Received' : 'Saved'} design revision ${str(a.number)}`,
        detail: [
          a.pole !== undefined ? (a.pole ? String(a.pole) : 'no pole passes') : '',
          typeof a.diameterFt === 'number'
            ? `footing ${a.diameterFt} ft × ${str(a.depthFt)} ft deep`
            : '',
          a.note ? `“${String(a.note)}”` : '',
        ]
          .filter(Boolean)
          .join(', '),
      };
    case 'quote.generated':
    case 'quote.regenerated':
      return {
        what: e.action === 'quote.generated' ? 'Generated the quote' : 'Regenerated the quote',
        detail:
          (a.designRevisionNumber !== undefined
            ? `from design revision ${str(a.designRevisionNumber)}.`
            : '') + ack(a.acknowledgement),
      };
    case 'quote.draft-updated':
      return { what: 'Changed the working quote', detail: draftChanges(b, a) };
    case 'quote.revision-saved':
    case 'quote.revision-received':
      return {
        what: `${e.action.endsWith('received') ? 'Received' : 'Saved'} quote revision ${str(a.number)}`,
        detail: a.totalCents !== undefined ? `total ${money(a.totalCents)}` : '',
      };
    case 'quote.status-changed':
    case 'quote.status-received':
      return {
        what: `Marked quote${a.number !== undefined ? ` revision ${str(a.number)}` : ''} ${qStatus(a.status)}`,
        detail: `(was ${qStatus(b.status)}).${ack(a.acknowledgement)}`,
      };
    case 'attachment.added':
      return { what: 'Added a file', detail: str(a.fileName) };
    case 'sync.conflict-resolved':
      return { what: 'Resolved a sync conflict', detail: a.choice ? `kept ${str(a.choice)}` : '' };
    default:
      return {
        what: humanize(e.action),
        detail: typeof a.fileName === 'string' ? a.fileName : '',
      };
  }
}
