import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src-shared/projects';
import { describeActivity } from './activity-text';

const ev = (action: string, before: unknown, after: unknown, entity = 'project'): AuditEvent => ({
  seq: 1,
  id: 'e',
  at: '2026-03-01T10:00:00.000Z',
  actor: 'Sync (from server)',
  action,
  entity,
  entityId: 'x',
  before,
  after,
  hash: '',
  prevHash: '',
});

describe('activity in plain words', () => {
  it('names changed project fields by their form labels, never by their paths', () => {
    const t = describeActivity(
      ev(
        'project.received',
        { name: 'A', customer: { contact: 'Dana', email: '' }, updatedAt: '1', version: 2 },
        {
          name: 'A',
          customer: { contact: 'Dana Reyes', email: 'd@x.test' },
          updatedAt: '2',
          version: 3,
        },
      ),
    );
    expect(t.what).toBe('Project changes received by sync');
    expect(t.detail).toBe('Customer contact: Dana → Dana Reyes; Customer email: — → d@x.test');
    expect(t.detail).not.toMatch(/customer\./);
  });

  it('older events without numbers, received changes and unknown actions still read as words', () => {
    expect(
      describeActivity(
        ev('quote.status-received', { status: 'draft' }, { status: 'sent' }, 'quote'),
      ),
    ).toEqual({
      what: 'Marked quote sent',
      detail: '(was draft).',
    });
    expect(
      describeActivity(ev('design.revision-received', null, { number: 4 }, 'design')).what,
    ).toBe('Received design revision 4');
    expect(
      describeActivity(ev('attachment.trashed', null, { fileName: 'plan.pdf' }, 'attachment')),
    ).toEqual({
      what: 'File trashed',
      detail: 'plan.pdf',
    });
    expect(
      describeActivity(
        ev(
          'quote.status-changed',
          { number: 2, status: 'draft' },
          {
            number: 2,
            status: 'sent',
            acknowledgement: { kind: 'send', status: 'fails' },
          },
          'quote',
        ),
      ),
    ).toEqual({
      what: 'Marked quote revision 2 sent',
      detail: '(was draft). Acknowledged: the design does not pass.',
    });
  });
});
