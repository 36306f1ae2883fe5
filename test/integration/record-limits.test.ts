import { afterEach, describe, expect, it } from 'vitest';
import { createProject } from '../../src-main/services/projects';
import { freshMain } from '../helpers/main';

let m: ReturnType<typeof freshMain>;
afterEach(() => m?.close());
const count = (sql: string) => (m.services.sqlite.prepare(sql).get() as { n: number }).n;

describe('records that could never sync are refused at save, never queued', () => {
  it('a project with a NUL in its name is refused through the command, with the field named', async () => {
    m = freshMain();
    await expect(m.call('projects:create', { name: 'Harbor\u0000Bank' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { name: expect.stringContaining('Project name contains a NUL character') },
    });
    const p = await m.call<{ id: string }>('projects:create', { name: 'Harbor Bank' });
    await expect(
      m.call('projects:update', { id: p.id, patch: { customer: { contact: 'Ann\ud800' } } }),
    ).rejects.toMatchObject({
      fields: {
        'patch.customer.contact': expect.stringContaining(
          'Customer contact contains a broken character',
        ),
      },
    });
    expect(count('SELECT count(*) AS n FROM outbox')).toBe(1);
  });

  it('a record over the 1 MiB limit is refused by the service with the largest field named', () => {
    m = freshMain();
    // the service path below the form (imports, older callers): the guard at the outbox holds
    expect(() =>
      createProject(m.services, {
        name: 'Big notes',
        customer: { company: '', contact: '', email: '', phone: '' },
        siteAddress: '',
        jurisdiction: '',
        notes: 'n'.repeat(1_200_000),
      }),
    ).toThrow(
      /This project is too large to save and sync \(1\.1 MB; the limit is 1\.0 MB\)\. The largest part is Notes/,
    );
    expect(count('SELECT count(*) AS n FROM projects')).toBe(0);
    expect(count('SELECT count(*) AS n FROM outbox')).toBe(0);
    expect(count('SELECT count(*) AS n FROM audit_events')).toBe(0);
  });

  it('a NUL that slips past the form (e.g. in a nested key) is refused at the outbox', () => {
    m = freshMain();
    expect(() =>
      createProject(m.services, {
        name: 'ok',
        customer: { company: 'Acme\u0000', contact: '', email: '', phone: '' },
        siteAddress: '',
        jurisdiction: '',
        notes: '',
      }),
    ).toThrow(/Customer company contains a NUL character/);
    expect(count('SELECT count(*) AS n FROM projects')).toBe(0);
  });
});

describe('an edit changes only the fields it names', () => {
  it('a one-field patch keeps every other field (it used to blank them)', async () => {
    m = freshMain();
    const p = await m.call<{ id: string }>('projects:create', {
      name: 'Keep me',
      customer: {
        company: 'Harbor Bank',
        contact: 'Ann',
        email: 'ann@harbor.test',
        phone: '555 0100',
      },
      siteAddress: '1 Main St',
      jurisdiction: 'Dallas',
      notes: 'gate code 4411',
    });
    await m.call('projects:update', { id: p.id, patch: { name: 'Renamed' } });
    await m.call('projects:update', { id: p.id, patch: { customer: { contact: 'Ben' } } });
    expect(await m.call('projects:get', { id: p.id })).toMatchObject({
      name: 'Renamed',
      customer: {
        company: 'Harbor Bank',
        contact: 'Ben',
        email: 'ann@harbor.test',
        phone: '555 0100',
      },
      siteAddress: '1 Main St',
      jurisdiction: 'Dallas',
      notes: 'gate code 4411',
    });
  });
});
