import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNELS, contract } from '../../src-shared/ipc/contract';
import w16 from '../fixtures/w16-sign.json';
import { freshMain } from '../helpers/main';

/**
 * Hostile bodies for every IPC command: random JSON-ish values, and objects with the command's own
 * keys filled with the values that broke things before (NUL, lone surrogates, control characters,
 * huge strings and numbers, deep nesting, prototype keys, real ids in the wrong places). No body
 * may produce an INTERNAL error, and the app must still work afterwards.
 */
const RUNS = 150;

type Def = {
  type?: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
function keysOf(s: z.ZodType): string[] {
  let cur = s;
  for (let i = 0; i < 8; i++) {
    const d = defOf(cur);
    if (d.shape) return Object.keys(d.shape);
    const next = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
    if (!next) break;
    cur = next;
  }
  return [];
}

function deep(n: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}

describe('IPC commands under hostile input', () => {
  let m: ReturnType<typeof freshMain>;
  const ids: string[] = [];
  beforeAll(async () => {
    // no request may leave this machine: sign-in and sync see a refused connection
    m = freshMain({
      sync: {
        fetchImpl: async () => {
          throw new TypeError('fetch failed');
        },
        timeoutMs: 200,
      },
    });
    const p = await m.call<{ id: string }>('projects:create', { name: 'Seed project' });
    const rev = await m.call<{ id: string }>('designs:save-revision', {
      projectId: p.id,
      input: w16,
    });
    ids.push(p.id, rev.id);
  });
  afterAll(() => m?.close());

  const hostileString = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      'a\u0000b',
      '\ud800',
      '\udfff tail',
      '\u001b[31mred',
      '\r\n',
      '../../../etc/passwd',
      '<script>alert(1)</script>',
      "'; DROP TABLE projects; --",
      '__proto__',
      'constructor',
      '%00',
      '\uffff',
      '😀'.repeat(300),
      'x'.repeat(70_000),
    ),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ maxLength: 20 }),
  );
  const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
    hostileString,
    fc.constantFrom(0, -1, -0, 1e308, -1e308, 2 ** 53 + 1, 0.1, 1.5, NaN, Infinity, -Infinity),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constantFrom(...[() => deep(2000), () => [], () => ({}), () => [[[[[]]]]]].map((f) => f())),
    fc.constantFrom('ids'),
    fc.array(hostileString, { maxLength: 5 }),
    fc.dictionary(hostileString, hostileString, { maxKeys: 4 }),
  );

  const bodyFor = (channel: (typeof CHANNELS)[number]) => {
    const keys = keysOf(contract[channel].input as z.ZodType);
    const shaped = fc
      .array(fc.tuple(fc.constantFrom(...(keys.length ? keys : ['id'])), hostileValue), {
        maxLength: Math.max(1, keys.length),
      })
      .map((pairs) =>
        Object.fromEntries(
          pairs.map(([k, v]) => [k, v === 'ids' ? ids[Math.abs(k.length) % ids.length] : v]),
        ),
      );
    return fc.oneof(
      { weight: 3, arbitrary: shaped },
      {
        weight: 1,
        arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }),
      },
      { weight: 1, arbitrary: hostileValue },
    );
  };

  it('no command answers INTERNAL, whatever the body', async () => {
    const started = Date.now();
    let bodies = 0;
    for (const channel of CHANNELS) {
      await fc.assert(
        fc.asyncProperty(bodyFor(channel), async (body) => {
          bodies++;
          const env = await m.dispatch(channel, body);
          if (!env.ok)
            expect(env.error.code, `${channel} ${JSON.stringify(env.error)}`).not.toBe('INTERNAL');
        }),
        { numRuns: RUNS, seed: 20261201 },
      );
    }
    expect(bodies).toBe(CHANNELS.length * RUNS);
    // bounded: a few hundred bodies per command in seconds, not minutes
    expect(Date.now() - started).toBeLessThan(240_000);
  });

  it('the app still works afterwards: data intact, audit chain whole, file healthy', async () => {
    const list = await m.dispatch('projects:list', {});
    expect(list.ok).toBe(true);
    const created = await m.call<{ name: string }>('projects:create', { name: 'After the storm' });
    expect(created.name).toBe('After the storm');
    expect(await m.call('audit:verify')).toMatchObject({ ok: true });
    expect(m.services.sqlite.pragma('quick_check')).toEqual([{ quick_check: 'ok' }]);
    const seed = await m.call<{ name: string }>('projects:get', { id: ids[0] });
    expect(seed.name.length).toBeGreaterThan(0);
  });
});
