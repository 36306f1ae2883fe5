import { describe, expect, it } from 'vitest';
import { profileSchema, projectFieldsSchema } from './projects';
import { companySchema, quoteDraftInputSchema } from './quotes';
import { priceItemSchema } from './quotes/price-book';
import { saveRevisionSchema } from './designs';
import { signInSchema } from './sync/client';
import { cleanText } from './validation';
import { fieldErrors } from './validation';

const POISON = [
  ['NUL', 'Harbor\u0000Bank', 'NUL character'],
  ['lone high surrogate', 'Harbor \ud83d Bank', 'broken character'],
  ['lone low surrogate', 'Harbor \ude00 Bank', 'broken character'],
  ['escape', 'Harbor\u001b[31m', 'control character (U+001B)'],
  ['DEL', 'Harbor\u007f', 'control character (U+007F)'],
  ['C1 NEL', 'Harbor\u0085', 'control character (U+0085)'],
  ['non-character', 'Harbor\uffff', 'control character (U+FFFF)'],
] as const;

const errorsOf = (
  schema: { safeParse(v: unknown): { success: boolean; error?: unknown } },
  v: unknown,
) => {
  const r = schema.safeParse(v);
  return r.success ? {} : fieldErrors(r.error as never);
};

describe('stored text refuses characters no database keeps', () => {
  it.each(POISON)('a project name with %s is refused, naming the field', (_n, value, what) => {
    const e = errorsOf(projectFieldsSchema, { name: value });
    expect(e.name).toContain('Project name contains a');
    expect(e.name).toContain(what);
  });

  it('every text of a project, the profile, a revision note, a quote, the price book, the company and sign-in', () => {
    const bad = 'x\u0000y';
    expect(
      Object.keys(
        errorsOf(projectFieldsSchema, {
          name: 'ok',
          customer: { company: bad, contact: bad, email: bad, phone: bad },
          siteAddress: bad,
          jurisdiction: bad,
          notes: bad,
        }),
      ).sort(),
    ).toEqual([
      'customer.company',
      'customer.contact',
      'customer.email',
      'customer.phone',
      'jurisdiction',
      'notes',
      'siteAddress',
    ]);
    expect(errorsOf(profileSchema, { name: bad, initials: 'A\u0000' })).toMatchObject({
      name: expect.stringContaining('Your name contains'),
      initials: expect.stringContaining('Initials contains'),
    });
    expect(errorsOf(saveRevisionSchema, { projectId: 'p', input: {}, note: bad }).note).toContain(
      'Revision note contains',
    );
    expect(errorsOf(companySchema, { name: bad, terms: 'a\u0007' })).toMatchObject({
      name: expect.stringContaining('Company name contains'),
      terms: expect.stringContaining('Terms contains'),
    });
    expect(
      errorsOf(priceItemSchema, {
        code: 'a',
        category: 'steel',
        name: bad,
        unit: 'lb',
        price: 1,
        match: 'pipe\u0000',
      }),
    ).toMatchObject({
      name: expect.stringContaining('Name contains'),
      match: expect.stringContaining('Match contains'),
    });
    expect(
      Object.keys(
        errorsOf(quoteDraftInputSchema, {
          projectId: 'p',
          settings: { cabinetCode: bad, includeFees: [bad] },
          overrides: { [bad]: { quantity: 1 } },
        }),
      ).sort(),
    ).toEqual(['overrides.x\u0000y', 'settings.cabinetCode', 'settings.includeFees.0']);
    expect(
      errorsOf(signInSchema, { serverUrl: 'https://a.b/\u0000', email: 'a@b.co', password: 'p' })
        .serverUrl,
    ).toContain('Server URL contains');
  });

  it('allows emoji, accents, and line breaks and tabs in multi-line fields only', () => {
    const ok = projectFieldsSchema.parse({ name: 'Café 😀 sign', notes: 'line 1\r\nline 2\tend' });
    expect(ok.name).toBe('Café 😀 sign');
    expect(ok.notes).toBe('line 1\nline 2\tend');
    expect(errorsOf(projectFieldsSchema, { name: 'two\nlines' }).name).toBe(
      'Project name contains a line break, which cannot be saved. Remove it (retype the text if it was pasted).',
    );
    expect(
      errorsOf(projectFieldsSchema, { name: 'a', siteAddress: 'tab\there' }).siteAddress,
    ).toContain('a tab');
  });

  it('cleaning keeps everything but the bad characters', () => {
    expect(cleanText('Harbor\u0000Bank\tNorth \ud83d😀')).toBe('Harbor\ufffdBank North \ufffd😀');
    expect(cleanText('a\r\nb\tc\u0007', { multiline: true })).toBe('a\nb\tc\ufffd');
  });
});
