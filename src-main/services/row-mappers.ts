import type {
  AttachmentData,
  DesignData,
  PriceBookData,
  ProjectData,
  QuoteData,
} from '../../src-shared/sync/entities';
import type {
  attachments,
  designRevisions,
  priceBookVersions,
  projects,
  quoteRevisions,
} from '../db/schema';

/**
 * One mapper per synced table: a record in its synced shape (src-shared/sync/entities.ts) -> the
 * columns of its row. The services write new rows through these and the sync appliers write
 * pulled records through the same ones, so a column means the same thing on both paths. Reading
 * goes the other way through each service's own mapper (toProject, toInfo, summarize, ...).
 */

/** JSON columns hold the value as given (the readers parse it back). */
const json = (v: unknown) => JSON.stringify(v);

export function projectColumns(
  id: string,
  d: ProjectData,
  at: string,
): Omit<typeof projects.$inferInsert, 'seq' | 'version'> {
  return {
    id,
    name: d.name,
    customerCompany: d.customer.company,
    customerContact: d.customer.contact,
    customerEmail: d.customer.email,
    customerPhone: d.customer.phone,
    siteAddress: d.siteAddress,
    jurisdiction: d.jurisdiction,
    notes: d.notes,
    status: d.status,
    archivedAt: d.archivedAt,
    deletedAt: d.deletedAt,
    createdAt: d.createdAt ?? at,
    updatedAt: d.updatedAt ?? at,
  };
}

export function designRevisionColumns(
  id: string,
  d: Omit<DesignData, 'input' | 'result'> & { input: unknown; result: unknown },
  at: string,
  by: string,
): typeof designRevisions.$inferInsert {
  return {
    id,
    projectId: d.projectId,
    signId: d.signId ?? null,
    number: d.number,
    note: d.note,
    input: json(d.input),
    result: json(d.result),
    engineVersion: d.engineVersion,
    inputHash: d.inputHash,
    createdAt: d.createdAt ?? at,
    createdBy: d.createdBy ?? by,
  };
}

export function priceBookVersionColumns(
  id: string,
  number: number,
  d: Omit<PriceBookData, 'items'> & { items: unknown },
  at: string,
  by: string,
): typeof priceBookVersions.$inferInsert {
  return {
    id,
    number,
    effectiveDate: d.effectiveDate ?? at.slice(0, 10),
    note: d.note,
    source: d.source,
    items: json(d.items),
    createdAt: d.createdAt ?? at,
    createdBy: d.createdBy ?? by,
  };
}

type QuoteColumnsInput = Omit<
  QuoteData,
  'priced' | 'header' | 'overrides' | 'manualLines' | 'acknowledgements'
> & { priced: unknown; header: unknown; overrides: unknown; manualLines: unknown };

export function quoteRevisionColumns(
  id: string,
  d: QuoteColumnsInput,
  acknowledgements: unknown[],
  at: string,
  by: string,
): typeof quoteRevisions.$inferInsert {
  return {
    id,
    projectId: d.projectId,
    number: d.number,
    note: d.note,
    status: d.status,
    validUntil: d.validUntil ?? at.slice(0, 10),
    designRevisionId: d.designRevisionId,
    priceBookVersionId: d.priceBookVersionId,
    priced: json(d.priced),
    overrides: json(d.overrides),
    manualLines: json(d.manualLines),
    header: json(d.header),
    totalCents: d.totalCents,
    createdAt: d.createdAt ?? at,
    createdBy: d.createdBy ?? by,
    statusChangedAt: d.statusChangedAt ?? null,
    statusChangedBy: d.statusChangedBy ?? null,
    acknowledgements: json(acknowledgements),
    job: d.job ? json(d.job) : null,
  };
}

export function attachmentColumns(
  id: string,
  d: AttachmentData,
  local: { present: boolean; hasThumbnail: boolean; uploadedAt: string | null },
  at: string,
  by: string,
): typeof attachments.$inferSelect {
  return {
    id,
    projectId: d.projectId,
    sha256: d.sha256,
    size: d.size,
    fileName: d.fileName,
    contentType: d.contentType,
    createdAt: d.createdAt ?? at,
    createdBy: by,
    present: local.present,
    uploadedAt: local.uploadedAt,
    hasThumbnail: local.hasThumbnail,
    deletedAt: null,
  };
}
