import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Revision, RevisionSummary } from '../../src-shared/designs';
import { designVerdict, type SignDesignResult } from '../../src-shared/engine';
import { firstSignId, type SignListItem } from '../../src-shared/signs';
import { computeDesignParsed } from '../../src-main/engine';
import { createMainContext, DB_FILE_NAME, type MainContext } from '../../src-main/main-context';
import { calcReportPdf } from '../../src-main/services/reports/calc-report';
import { toProject } from '../../src-main/services/projects';
import { parseDesignInput } from '../../src-shared/engine';
import w16 from '../fixtures/w16-sign.json';
import { migrationsUpTo } from '../helpers/migrations-up-to';

/**
 * A database as today's main (migrations 0000-0007, one design per project) writes it, migrated
 * to the sign schedule: nothing is lost, every design becomes its project's first sign.
 */
const LAST_BEFORE_SIGNS = 7;

let dir = '';
let ctx: MainContext | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-signs-mig-'));
});
afterEach(() => {
  ctx?.close();
  ctx = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const design = (windSpeedMph: number) => {
  const parsed = parseDesignInput({ ...w16, site: { ...w16.site, windSpeedMph } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
  return { input: parsed.value, result: computeDesignParsed(parsed.value) };
};

interface OldDb {
  file: string;
  harbor: string;
  depot: string;
  empty: string;
  trashed: string;
  revisionIds: string[];
  quoteRevisionId: string;
}

/** Projects, drafts, three revisions and an accepted quote revision, written as 0007 stored them. */
function oldDatabase(): OldDb {
  const file = path.join(dir, DB_FILE_NAME);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(drizzle(db), { migrationsFolder: migrationsUpTo(dir, LAST_BEFORE_SIGNS) });
  const at = (d: number) => `2026-02-0${d}T09:00:00.000Z`;
  db.prepare(
    `INSERT INTO profile (id, name, initials, created_at, updated_at) VALUES ('local', 'Dana Estimator', 'DE', ?, ?)`,
  ).run(at(1), at(1));
  const project = db.prepare(
    `INSERT INTO projects (id, name, customer_company, site_address, deleted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids = {
    harbor: randomUUID(),
    depot: randomUUID(),
    empty: randomUUID(),
    trashed: randomUUID(),
  };
  project.run(ids.harbor, 'Harbor Bank pylon', 'Harbor Bank', '77 Wharf Rd', null, at(1), at(1));
  project.run(ids.depot, 'Depot monument', 'Depot Co', '5 Rail St', null, at(2), at(2));
  project.run(ids.empty, 'Not designed yet', '', '', null, at(3), at(3));
  project.run(ids.trashed, 'Old job', '', '', at(4), at(3), at(4));

  const revision = db.prepare(
    `INSERT INTO design_revisions (id, project_id, number, note, input, result, engine_version, input_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Dana Estimator')`,
  );
  const revisionIds: string[] = [];
  const save = (projectId: string, n: number, mph: number, day: number) => {
    const d = design(mph);
    const id = randomUUID();
    revision.run(
      id,
      projectId,
      n,
      `rev ${n}`,
      JSON.stringify(d.input),
      JSON.stringify(d.result),
      d.result.engineVersion,
      d.result.inputHash,
      at(day),
    );
    revisionIds.push(id);
    return id;
  };
  save(ids.harbor, 1, 115, 2);
  save(ids.harbor, 2, 130, 3);
  const priced = save(ids.harbor, 3, 140, 4);
  save(ids.depot, 1, 110, 5);
  save(ids.trashed, 1, 120, 5);
  const draft = db.prepare(
    `INSERT INTO design_drafts (project_id, input, updated_at) VALUES (?, ?, ?)`,
  );
  draft.run(
    ids.harbor,
    JSON.stringify({ ...w16, site: { ...w16.site, windSpeedMph: 150 } }),
    at(6),
  );
  // an invalid draft, as autosave keeps what was typed
  draft.run(ids.empty, JSON.stringify({ site: { windSpeedMph: -20 } }), at(6));

  const book = randomUUID();
  db.prepare(
    `INSERT INTO price_book_versions (id, number, effective_date, source, items, created_at, created_by) VALUES (?, 1, '2026-01-01', 'seed', '[]', ?, 'Dana Estimator')`,
  ).run(book, at(1));
  db.prepare(
    `INSERT INTO quote_drafts (project_id, design_revision_id, price_book_version_id, settings, overrides, manual_lines, updated_at) VALUES (?, ?, ?, '{}', '{}', '[]', ?)`,
  ).run(ids.harbor, priced, book, at(6));
  const quoteRevisionId = randomUUID();
  db.prepare(
    `INSERT INTO quote_revisions (id, project_id, number, status, valid_until, design_revision_id, price_book_version_id, priced, overrides, manual_lines, header, total_cents, created_at, created_by) VALUES (?, ?, 1, 'accepted', '2026-03-01', ?, ?, '{"lines":[]}', '{}', '[]', '{}', 1234567, ?, 'Dana Estimator')`,
  ).run(quoteRevisionId, ids.harbor, priced, book, at(6));
  db.close();
  return { file, ...ids, revisionIds, quoteRevisionId };
}

const rows = (db: Database.Database, table: string, order = 'id') =>
  db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Record<string, unknown>[];

/** The revision as today's main hands it to the report (no sign yet). */
function oldRevision(r: Record<string, unknown>): Revision {
  const result = JSON.parse(r.result as string) as SignDesignResult;
  return {
    id: r.id as string,
    projectId: r.project_id as string,
    signId: null,
    number: r.number as number,
    note: r.note as string,
    createdAt: r.created_at as string,
    createdBy: r.created_by as string,
    engineVersion: r.engine_version as string,
    inputHash: r.input_hash as string,
    pole: result.summary.pole.designation || null,
    depthFt: result.summary.foundation.depthFt,
    diameterFt: result.summary.foundation.diameterFt,
    verdict: designVerdict(result).status,
    input: JSON.parse(r.input as string) as Revision['input'],
    result,
  };
}

async function call<T>(channel: string, input: unknown): Promise<T> {
  const env = await ctx!.dispatch(channel, input);
  if (!env.ok) throw new Error(`${channel}: ${env.error.message}`);
  return env.value as T;
}

describe('migrating a one-design-per-project database to the sign schedule', () => {
  it('keeps every row, revision number, input hash and quote pin; each project gets sign S1', async () => {
    const old = oldDatabase();
    const before = new Database(old.file, { readonly: true });
    const revisionsBefore = rows(before, 'design_revisions');
    const draftsBefore = rows(before, 'design_drafts', 'project_id');
    const quotesBefore = rows(before, 'quote_revisions');
    const quoteDraftsBefore = rows(before, 'quote_drafts', 'project_id');
    const projectsBefore = rows(before, 'projects');
    const auditBefore = rows(before, 'audit_events', 'seq');
    before.close();
    expect(revisionsBefore).toHaveLength(5);

    ctx = createMainContext({ dataDir: dir, host: 'memory' });
    const db = ctx.services.sqlite;
    // the startup path backed the 0007 file up before migrating
    expect(fs.readdirSync(dir).some((f) => f.startsWith(`${DB_FILE_NAME}.backup-`))).toBe(true);

    expect(rows(db, 'projects')).toEqual(projectsBefore);
    // the job snapshot column (0011) is null on a one-design revision: the rest is as it was
    const quotesAfter = rows(db, 'quote_revisions');
    expect(quotesAfter.map((r) => r.job)).toEqual(quotesBefore.map(() => null));
    expect(quotesAfter.map(({ job: _j, ...r }) => r)).toEqual(quotesBefore);
    expect(rows(db, 'quote_drafts', 'project_id')).toEqual(quoteDraftsBefore);
    expect(rows(db, 'audit_events', 'seq')).toEqual(auditBefore);

    // one sign per project (the trashed one too), S1, quantity 1, its id from the project's
    const signs = rows(db, 'signs', 'project_id');
    expect(signs).toHaveLength(4);
    for (const p of [old.harbor, old.depot, old.empty, old.trashed]) {
      const s = signs.find((r) => r.project_id === p)!;
      expect(s).toMatchObject({
        id: firstSignId(p),
        mark: 'S1',
        name: '',
        quantity: 1,
        position: 0,
        deleted_at: null,
      });
      expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }

    // revisions: the same rows (ids, numbers, hashes, stored input and result) plus their sign
    const revisionsAfter = rows(db, 'design_revisions');
    expect(revisionsAfter.map(({ sign_id: _s, ...r }) => r)).toEqual(revisionsBefore);
    for (const r of revisionsAfter) expect(r.sign_id).toBe(firstSignId(r.project_id as string));
    const draftsAfter = rows(db, 'design_drafts', 'project_id');
    expect(draftsAfter.map(({ sign_id: _s, ...r }) => r)).toEqual(draftsBefore);
    for (const r of draftsAfter) expect(r.sign_id).toBe(firstSignId(r.project_id as string));

    // what the app shows: the same revision line and draft through today's project calls
    const listed = await call<RevisionSummary[]>('designs:list-revisions', {
      projectId: old.harbor,
    });
    expect(listed.map((r) => [r.number, r.inputHash])).toEqual(
      revisionsBefore
        .filter((r) => r.project_id === old.harbor)
        .sort((a, b) => (b.number as number) - (a.number as number))
        .map((r) => [r.number, r.input_hash]),
    );
    const draft = await call<{ input: { site: { windSpeedMph: number } } }>('designs:get-draft', {
      projectId: old.harbor,
    });
    expect(draft.input.site.windSpeedMph).toBe(150);

    // the quote still pins the same design revision, which still opens
    const pin = quotesBefore[0].design_revision_id as string;
    const pinned = await call<Revision>('designs:get-revision', { id: pin });
    expect(pinned).toMatchObject({ number: 3, signId: firstSignId(old.harbor) });

    // the schedule shows each sign's state from its latest revision, else its draft
    const [harborSign] = await call<SignListItem[]>('signs:list', { projectId: old.harbor });
    expect(harborSign).toMatchObject({ mark: 'S1', source: 'revision', revisionNumber: 3 });
    const [emptySign] = await call<SignListItem[]>('signs:list', { projectId: old.empty });
    expect(emptySign).toMatchObject({ status: 'not-designed', source: 'none', pole: null });
  });

  it('regenerates the calc report PDF of a migrated revision byte for byte', async () => {
    const old = oldDatabase();
    const before = new Database(old.file, { readonly: true });
    const projectRow = before.prepare('SELECT * FROM projects WHERE id = ?').get(old.harbor);
    const revRows = rows(before, 'design_revisions').filter((r) => r.project_id === old.harbor);
    const project = toProject(
      Object.fromEntries(
        Object.entries(projectRow as Record<string, unknown>).map(([k, v]) => [
          k.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()),
          v,
        ]),
      ) as Parameters<typeof toProject>[0],
    );
    const pdfsBefore = await Promise.all(
      revRows.map((r) => calcReportPdf(project, oldRevision(r))),
    );
    before.close();

    ctx = createMainContext({ dataDir: dir, host: 'memory' });
    for (const [i, r] of revRows.entries()) {
      const pdf = await call<{ base64: string; bytes: number }>('designs:report-pdf', { id: r.id });
      expect(pdf.bytes).toBe(pdfsBefore[i].length);
      expect(Buffer.from(pdf.base64, 'base64').equals(pdfsBefore[i])).toBe(true);
    }
  });

  it('numbers revisions per sign after the migration, continuing the first sign line', async () => {
    const old = oldDatabase();
    ctx = createMainContext({ dataDir: dir, host: 'memory' });
    const next = await call<RevisionSummary>('designs:save-revision', {
      projectId: old.harbor,
      input: w16,
    });
    expect(next).toMatchObject({ number: 4, signId: firstSignId(old.harbor) });
    const s2 = await call<{ id: string; mark: string }>('signs:add', {
      projectId: old.harbor,
      name: 'monument',
    });
    expect(s2.mark).toBe('S2');
    const first = await call<RevisionSummary>('designs:save-revision-sign', {
      signId: s2.id,
      input: w16,
    });
    expect(first).toMatchObject({ number: 1, signId: s2.id, projectId: old.harbor });
  });
});
