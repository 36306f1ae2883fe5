import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Revision, RevisionSummary } from '../../src-shared/designs';
import type { SignDesignResult } from '../../src-shared/engine';
import type { Project } from '../../src-shared/projects';
import w16 from '../fixtures/w16-sign.json';
import { freshMain } from '../helpers/main';

let m: ReturnType<typeof freshMain>;
let project: Project;
beforeEach(async () => {
  m = freshMain({ now: () => '2026-03-01T10:00:00.000Z' });
  project = await m.call<Project>('projects:create', {
    name: 'Harbor Bank pylon',
    customer: { company: 'Harbor Bank' },
    siteAddress: '77 Wharf Rd',
  });
});
afterEach(() => m.close());

const count = (sql: string) => (m.services.sqlite.prepare(sql).get() as { n: number }).n;

type StoredInput = Record<string, Record<string, unknown>>;
/** Saves W16 as a revision, then rewrites its stored input as an older build might have left it. */
async function olderRevision(edit: (old: StoredInput) => void): Promise<RevisionSummary> {
  const saved = await m.call<RevisionSummary>('designs:save-revision', {
    projectId: project.id,
    input: w16,
  });
  const row = m.services.sqlite
    .prepare('SELECT input FROM design_revisions WHERE id = ?')
    .get(saved.id) as { input: string };
  const old = JSON.parse(row.input) as StoredInput;
  edit(old);
  m.services.sqlite
    .prepare('UPDATE design_revisions SET input = ? WHERE id = ?')
    .run(JSON.stringify(old), saved.id);
  return saved;
}
const ARTIFACTS = path.resolve(import.meta.dirname, '../../artifacts/reports');

describe('designs', () => {
  it('computes W16 live: Pipe 6 Std. and a 6.5 ft footing', async () => {
    const r = await m.call<SignDesignResult>('designs:compute', w16);
    expect(r.summary.pole.designation).toBe('Pipe 6 Std.');
    expect(r.summary.foundation.depthFt).toBe(6.5);
    expect(r.summary.qhPsf).toBeCloseTo(30.56, 2);
  });

  it('refuses bad input with the field named', async () => {
    const bad = structuredClone(w16) as typeof w16 & { sign: { cabinets: { widthFt: number }[] } };
    bad.sign.cabinets[0].widthFt = -3;
    await expect(m.call('designs:compute', bad)).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: {
        'sign.cabinets.0.widthFt': 'Cabinet width must be more than 0 ft and at most 100 ft',
      },
    });
  });

  it('saves a revision with audit and outbox rows; reopening shows exactly what was saved', async () => {
    const live = await m.call<SignDesignResult>('designs:compute', w16);
    const saved = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: project.id,
      input: w16,
      note: 'first pass',
    });
    expect(saved).toMatchObject({
      number: 1,
      pole: 'Pipe 6 Std.',
      depthFt: 6.5,
      createdBy: 'Test Estimator',
    });
    expect(
      count(`SELECT count(*) AS n FROM audit_events WHERE action = 'design.revision-saved'`),
    ).toBe(1);
    expect(count(`SELECT count(*) AS n FROM outbox WHERE entity = 'design'`)).toBe(1);
    const rev = await m.call<Revision>('designs:get-revision', { id: saved.id });
    expect(JSON.stringify(rev.result)).toBe(JSON.stringify(live));
    const second = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: project.id,
      input: { ...w16, foundation: { ...w16.foundation, diameterFt: 3 } },
    });
    expect(second.number).toBe(2);
    const list = await m.call<RevisionSummary[]>('designs:list-revisions', {
      projectId: project.id,
    });
    expect(list.map((r) => r.number)).toEqual([2, 1]);
    expect(list[0].depthFt).toBeLessThan(list[1].depthFt);
  });

  it('recompute with today’s engine reports what changed (nothing, for an unchanged engine)', async () => {
    const saved = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: project.id,
      input: w16,
    });
    const again = await m.call<{ changes: unknown[] }>('designs:recompute-revision', {
      id: saved.id,
    });
    expect(again.changes).toEqual([]);
    // a revision stored by an older engine with other figures shows the differences
    const row = m.services.sqlite
      .prepare('SELECT result FROM design_revisions WHERE id = ?')
      .get(saved.id) as { result: string };
    const old = JSON.parse(row.result) as SignDesignResult;
    old.summary.foundation.depthFt = 7;
    old.summary.pole.designation = 'Pipe 8 Std.';
    m.services.sqlite
      .prepare('UPDATE design_revisions SET result = ? WHERE id = ?')
      .run(JSON.stringify(old), saved.id);
    const diff = await m.call<{ changes: { label: string; before: unknown; after: unknown }[] }>(
      'designs:recompute-revision',
      { id: saved.id },
    );
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        {
          path: 'summary.pole.designation',
          label: 'Pole',
          before: 'Pipe 8 Std.',
          after: 'Pipe 6 Std.',
        },
        { path: 'summary.foundation.depthFt', label: 'Footing depth (ft)', before: 7, after: 6.5 },
      ]),
    );
  });

  it('refuses an unknown (misspelled) key over IPC, naming it, and stores nothing', async () => {
    const bad = { ...w16, site: { ...w16.site, windspeedmph: 180 } };
    await expect(m.call('designs:compute', bad)).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: {
        'site.windspeedmph': expect.stringMatching(
          /^Unknown field "windspeedmph" in site \(did you mean "windSpeedMph"\?\)/,
        ),
      },
    });
    await expect(
      m.call('designs:save-revision', { projectId: project.id, input: bad }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(count('SELECT count(*) AS n FROM design_revisions')).toBe(0);
    // the draft keeps it as typed (never lost); the form shows the message
    await m.call('designs:save-draft', { projectId: project.id, input: bad });
    const d = await m.call<{ input: unknown }>('designs:get-draft', { projectId: project.id });
    expect(d.input).toEqual(bad);
  });

  it('an older revision with a key today refuses still opens; recompute names the key', async () => {
    let old: StoredInput = {};
    const saved = await olderRevision((o) => {
      o.site.windspeedmph = 180; // as an older client might have stored it
      delete o.supports.torsionSharing; // and without the fields added since
      old = o;
    });
    const rev = await m.call<Revision>('designs:get-revision', { id: saved.id });
    expect(rev.input.site).toMatchObject({ windspeedmph: 180 });
    expect(rev.result.summary.pole.designation).toBe('Pipe 6 Std.');
    await expect(m.call('designs:recompute-revision', { id: saved.id })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/cannot be recomputed .* site\.windspeedmph: Unknown field/),
    });
    const pdf = await m.call<{ bytes: number }>('designs:report-pdf', { id: saved.id });
    expect(pdf.bytes).toBeGreaterThan(1000);
    // without the unknown key, the older input (no torsionSharing) recomputes with the default
    delete old.site.windspeedmph;
    m.services.sqlite
      .prepare('UPDATE design_revisions SET input = ? WHERE id = ?')
      .run(JSON.stringify(old), saved.id);
    const again = await m.call<{ changes: unknown[] }>('designs:recompute-revision', {
      id: saved.id,
    });
    expect(again.changes).toEqual([]);
  });

  it('keeps a draft as typed, even when invalid', async () => {
    await m.call('designs:save-draft', {
      projectId: project.id,
      input: { sign: { clearanceFt: 'abc' } },
    });
    const d = await m.call<{ input: unknown }>('designs:get-draft', { projectId: project.id });
    expect(d.input).toEqual({ sign: { clearanceFt: 'abc' } });
  });
});

describe('calc report PDF', () => {
  it('holds the design values, renders to PNG, and is byte-identical for the same revision', async () => {
    const saved = await m.call<RevisionSummary>('designs:save-revision', {
      projectId: project.id,
      input: w16,
    });
    const a = await m.call<{ fileName: string; base64: string }>('designs:report-pdf', {
      id: saved.id,
    });
    const b = await m.call<{ fileName: string; base64: string }>('designs:report-pdf', {
      id: saved.id,
    });
    expect(a.fileName).toBe('Harbor-Bank-pylon-calc-rev1.pdf');
    expect(a.base64).toBe(b.base64);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, a.fileName);
    fs.writeFileSync(file, Buffer.from(a.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const rev = await m.call<Revision>('designs:get-revision', { id: saved.id });
    for (const needle of [
      'Sign structure calculations',
      'Harbor Bank pylon',
      '77 Wharf Rd',
      rev.result.inputHash,
      `Engine version`,
      'Pipe 6 Std.',
      '2.0 ft dia x 6.5 ft deep',
      '30.6 psf',
      '1,272 lb',
      'ASCE 7-22 Eq. 26.10-1',
      'IBC 2021 1807.3',
      'Elevation',
      'Section properties used: Pipe 6 Std.',
      'from the Risk Category II map',
      'Readings a reviewer must accept',
      'The 12 ft limit of 1807.3.2.1',
      'IBC 2021 1807.3.3 item 1',
    ]) {
      expect(text, `report text should contain ${needle}`).toContain(needle);
    }
    // every clause and formula in full: the cells wrap, nothing is cut with an ellipsis
    expect(text).not.toContain('...');
    expect(text).not.toContain('\u2026');
    const flat = text.replace(/\s+/g, ' ');
    for (const st of rev.result.steps) {
      for (const word of `${st.formula} ${st.codeRef}`.split(/\s+/).filter((w) => w.length > 3))
        expect(flat, `${st.id}: ${word}`).toContain(word);
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(ARTIFACTS, 'calc-report')]);
    const pages = fs
      .readdirSync(ARTIFACTS)
      .filter((f) => f.startsWith('calc-report') && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });

  it('an older revision stored without fields added since prints their defaults, never "undefined"', async () => {
    const saved = await olderRevision((old) => {
      delete old.site.riskCategory;
      delete old.site.kzt;
      delete old.sign.solidity;
      delete old.supports.torsionSharing;
      delete old.foundation.wasteFactor;
    });
    const a = await m.call<{ fileName: string; base64: string }>('designs:report-pdf', {
      id: saved.id,
    });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'older-revision-calc.pdf');
    fs.writeFileSync(file, Buffer.from(a.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).not.toMatch(/undefined|NaN/);
    expect(text).toContain('115 mph, Exposure C, Risk Category II');
    expect(text.replace(/\s+/g, ' ')).toContain('Risk category / exposure II / C');
  });
});
