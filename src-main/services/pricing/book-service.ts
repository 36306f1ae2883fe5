import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../../src-shared/errors';
import {
  priceItemsSchema,
  type PriceBookVersion,
  type PriceItem,
  type VersionSummary,
} from '../../../src-shared/quotes';
import { priceBookVersions } from '../../db/schema';
import { priceBookVersionColumns } from '../row-mappers';
import { recordChange, type ServiceContext } from '../context';
import type { BookRef } from './price-quote';
import { fromCsv, toCsv } from './csv';
import { STARTER_EFFECTIVE_DATE, STARTER_ITEMS } from './starter-book';
import { localDate } from '../../../src-shared/format';

type Row = typeof priceBookVersions.$inferSelect;

/** Parsed versions are immutable, so they are cached by id (the alternatives loop reuses them). */
const itemCache = new Map<string, PriceItem[]>();

function itemsOf(row: Row): PriceItem[] {
  let items = itemCache.get(row.id);
  if (!items) {
    items = priceItemsSchema.parse(JSON.parse(row.items));
    itemCache.set(row.id, items);
  }
  return items;
}

/** The user's local calendar date (not the UTC one, already tomorrow on a US evening). */
const today = (ctx: ServiceContext) => localDate(ctx.now());

/** The version in force on `day`: the latest effective date on or before it (ties: newest). */
function currentRow(rows: Row[], day: string): Row | undefined {
  let best: Row | undefined;
  for (const r of rows)
    if (
      r.effectiveDate <= day &&
      (!best ||
        r.effectiveDate > best.effectiveDate ||
        (r.effectiveDate === best.effectiveDate && r.number > best.number))
    )
      best = r;
  // every version is in the future: the earliest one
  return best ?? [...rows].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate))[0];
}

function allRows(ctx: ServiceContext): Row[] {
  return ctx.db.select().from(priceBookVersions).orderBy(desc(priceBookVersions.number)).all();
}

function summary(row: Row, currentId: string | undefined): VersionSummary {
  return {
    id: row.id,
    number: row.number,
    effectiveDate: row.effectiveDate,
    note: row.note,
    source: row.source,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    itemCount: itemsOf(row).length,
    current: row.id === currentId,
  };
}

function insertVersion(
  ctx: ServiceContext,
  v: { effectiveDate: string; note: string; source: Row['source']; items: PriceItem[] },
): VersionSummary {
  const { value } = recordChange(ctx, (at) => {
    const last = ctx.db
      .select({ n: priceBookVersions.number })
      .from(priceBookVersions)
      .orderBy(desc(priceBookVersions.number))
      .limit(1)
      .get();
    const row = ctx.db
      .insert(priceBookVersions)
      .values(
        priceBookVersionColumns(
          randomUUID(),
          (last?.n ?? 0) + 1,
          { effectiveDate: v.effectiveDate, note: v.note, source: v.source, items: v.items },
          at,
          ctx.actor(),
        ),
      )
      .returning()
      .get();
    const s = summary(row, undefined);
    return {
      value: s,
      change: {
        entity: 'price-book',
        entityId: row.id,
        action: `price-book.version-${v.source === 'seed' ? 'seeded' : v.source === 'import' ? 'imported' : 'saved'}`,
        before: null,
        after: s,
        // versions sync to the organization's other laptops (quotes reference them)
        outbox: {
          op: 'upsert',
          data: { ...row, items: v.items },
        },
      },
    };
  });
  ctx.events.emit('pricebook:changed', {});
  return value;
}

/** Seeds the starter book on first use, attributed to Signwright itself (no profile needed). */
export function ensureSeeded(ctx: ServiceContext): void {
  const any = ctx.db.select({ id: priceBookVersions.id }).from(priceBookVersions).limit(1).get();
  if (any) return;
  insertVersion(
    { ...ctx, actor: () => 'Signwright (starter price book)' },
    {
      effectiveDate: STARTER_EFFECTIVE_DATE,
      note: 'Starter price book: edit it to your shop’s prices',
      source: 'seed',
      items: priceItemsSchema.parse(STARTER_ITEMS),
    },
  );
}

export function listVersions(ctx: ServiceContext): VersionSummary[] {
  ensureSeeded(ctx);
  const rows = allRows(ctx);
  const cur = currentRow(rows, today(ctx));
  return rows.map((r) => summary(r, cur?.id));
}

function full(row: Row, currentId: string | undefined): PriceBookVersion {
  return { ...summary(row, currentId), items: itemsOf(row) };
}

export function currentVersion(ctx: ServiceContext): PriceBookVersion {
  ensureSeeded(ctx);
  const rows = allRows(ctx);
  const cur = currentRow(rows, today(ctx))!;
  return full(cur, cur.id);
}

export function getVersion(ctx: ServiceContext, id: string): PriceBookVersion {
  const row = ctx.db.select().from(priceBookVersions).where(eq(priceBookVersions.id, id)).get();
  if (!row) throw notFound('The price book version');
  const cur = currentRow(allRows(ctx), today(ctx));
  return full(row, cur?.id);
}

export function bookRef(v: PriceBookVersion): BookRef {
  return { id: v.id, number: v.number, items: v.items };
}

/** Editing never mutates a version: it writes the next one. */
export function saveVersion(
  ctx: ServiceContext,
  input: { effectiveDate: string; note: string; items: PriceItem[] },
): VersionSummary {
  ensureSeeded(ctx);
  return insertVersion(ctx, { ...input, source: 'edit' });
}

/** All or nothing: a CSV with any bad row throws and the book in force stays as it was. */
export function importCsv(
  ctx: ServiceContext,
  input: { csv: string; effectiveDate?: string; note: string },
): VersionSummary {
  ensureSeeded(ctx);
  const items = fromCsv(input.csv);
  return insertVersion(ctx, {
    items,
    effectiveDate: input.effectiveDate ?? today(ctx),
    note: input.note || 'Imported from CSV',
    source: 'import',
  });
}

export function exportCsv(ctx: ServiceContext, id?: string) {
  const v = id ? getVersion(ctx, id) : currentVersion(ctx);
  if (!v.items.length) throw new AppError('ILLEGAL_STATE', 'This price book version is empty.');
  return {
    fileName: `price-book-v${v.number}-${v.effectiveDate}.csv`,
    csv: toCsv(v.items),
  };
}
