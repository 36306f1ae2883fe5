import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createMainContext, type MainContext } from '../../src-main/main-context';
import { verifyAuditChain } from '../../src-main/services/audit';
import { freshMain } from '../helpers/main';

let dir = '';
let ctx: MainContext | undefined;
afterEach(() => {
  ctx?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('text stored before the rules is repaired at start, audited, everything else kept', () => {
  it('cleans project columns and queued payloads, keeps the rest, and the next edit passes the schema', async () => {
    const m = freshMain();
    dir = m.dir;
    const p = await m.call<{ id: string }>('projects:create', {
      name: 'Harbor Bank',
      notes: 'line one\nline two',
      customer: { company: 'Harbor', contact: 'Ann' },
    });
    // what an older build let through: a NUL in the name, a bell in the notes, a tab in the contact
    m.services.sqlite
      .prepare(
        `UPDATE projects SET name = 'Harbor' || char(0) || 'Bank', notes = notes || char(7), customer_contact = 'Ann' || char(9) || 'Lee' WHERE id = ?`,
      )
      .run(p.id);
    m.services.sqlite
      .prepare(
        `UPDATE outbox SET data = json_set(data, '$.name', 'Harbor' || char(0) || 'Bank') WHERE entity_id = ?`,
      )
      .run(p.id);
    m.services.sqlite.prepare(`DELETE FROM settings WHERE key = 'repair.text.v1'`).run();
    // close without removing the folder, then start again on the same data
    m.sync.stop();
    m.database.close();
    ctx = createMainContext({ dataDir: dir, host: 'memory' });
    const row = ctx.services.sqlite
      .prepare('SELECT * FROM projects WHERE id = ?')
      .get(p.id) as Record<string, string>;
    expect(row.name).toBe('Harbor\ufffdBank');
    expect(row.notes).toBe('line one\nline two\ufffd');
    expect(row.customer_contact).toBe('Ann Lee');
    expect(row.customer_company).toBe('Harbor');
    const queued = ctx.services.sqlite
      .prepare('SELECT data FROM outbox WHERE entity_id = ?')
      .get(p.id) as { data: string };
    expect(JSON.parse(queued.data).name).toBe('Harbor\ufffdBank');
    const events = ctx.services.sqlite
      .prepare(
        `SELECT actor, entity, before, after FROM audit_events WHERE action = 'repair.text-cleaned' ORDER BY seq`,
      )
      .all() as { actor: string; entity: string; before: string; after: string }[];
    expect(events.map((e) => e.entity)).toEqual(['project', 'outbox']);
    expect(events[0].actor).toBe('Signwright (data repair)');
    expect(JSON.parse(events[0].before).name).toBe('Harbor\u0000Bank');
    expect(verifyAuditChain(ctx.services.sqlite).ok).toBe(true);
    // the repaired project now edits normally through the command
    const env = await ctx.dispatch('projects:update', {
      id: p.id,
      patch: { jurisdiction: 'Dallas' },
    });
    expect(env.ok).toBe(true);
    // a second start finds nothing more to do
    ctx.close();
    ctx = createMainContext({ dataDir: dir, host: 'memory' });
    expect(
      (
        ctx.services.sqlite
          .prepare(`SELECT count(*) AS n FROM audit_events WHERE action = 'repair.text-cleaned'`)
          .get() as { n: number }
      ).n,
    ).toBe(2);
  });
});
